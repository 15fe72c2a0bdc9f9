// The dialog runs as an extension page in a frame over the chat, so the page can neither read
// nor drive it. One frame at a time; its host is removed whole when it closes.
import browser from 'webextension-polyfill';

let current: { host: HTMLElement; returnFocus: HTMLElement | null } | null = null;
let frameTitle = '';

/** The frame's accessible name, in the language the user chose (see labels.ts). */
export function setDialogFrameTitle(title: string): void {
  frameTitle = title;
}

export function openDialogFrame(draftId: string, returnFocus: HTMLElement | null): void {
  closeDialogFrame();
  const host = document.createElement('div');
  host.setAttribute('data-chat-feedback-dialog', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.title = frameTitle || browser.i18n.getMessage('dialogFrameTitle') || 'Share feedback';
  frame.setAttribute('style', 'position:fixed;inset:0;width:100vw;height:100vh;border:0;margin:0;padding:0;'
    + 'z-index:2147483647;background:transparent;color-scheme:normal;');
  shadow.append(frame);
  document.documentElement.append(host);
  current = { host, returnFocus };
  // The draft id opens the draft, so it never enters the page's DOM (the shadow root is open for
  // QA locators; a src attribute there is readable, and the page could frame the draft itself):
  // the frame starts blank and is sent to the dialog from here, out of the page's sight.
  frame.contentWindow?.location.replace(`${browser.runtime.getURL('src/dialog/index.html')}#${draftId}`);
  frame.addEventListener('load', () => frame.focus(), { once: true });
}

export function closeDialogFrame(): void {
  if (!current) return;
  const { host, returnFocus } = current;
  current = null;
  host.remove();
  if (returnFocus?.isConnected) returnFocus.focus();
}
