// The dialog runs as an extension page in a frame over the chat, so the page can neither read
// nor drive it. One frame at a time; its host is removed whole when it closes. A spare frame is
// loaded, hidden, when the user first points at or focuses the controls, so a click only has to
// show it and hand it the draft id.
import browser from 'webextension-polyfill';

const OPEN = 'data-chat-feedback-dialog';
const SPARE = 'data-chat-feedback-dialog-spare';
const STYLE = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;margin:0;padding:0;'
  + 'z-index:2147483647;background:transparent;color-scheme:normal;';

interface Frame { host: HTMLElement; frame: HTMLIFrameElement }

let current: (Frame & { returnFocus: HTMLElement | null }) | null = null;
let spare: Frame | null = null;
let frameTitle = '';

/** The frame's accessible name, in the language the user chose (see labels.ts). */
export function setDialogFrameTitle(title: string): void {
  frameTitle = title;
}

const dialogUrl = () => browser.runtime.getURL('src/dialog/index.html');

function createFrame(attribute: string, hidden: boolean): Frame {
  const host = document.createElement('div');
  host.setAttribute(attribute, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.title = frameTitle || browser.i18n.getMessage('dialogFrameTitle') || 'Share feedback';
  // Hidden: out of sight, out of the accessibility tree, and no target for clicks.
  frame.setAttribute('style', STYLE + (hidden ? 'visibility:hidden;' : ''));
  shadow.append(frame);
  document.documentElement.append(host);
  return { host, frame };
}

/** Loads the dialog page ahead of the click (only on a real user's pointer or focus). */
export function preloadDialogFrame(event: Event): void {
  if (!event.isTrusted || current || spare?.host.isConnected) return;
  spare = createFrame(SPARE, true);
  spare.frame.contentWindow?.location.replace(dialogUrl());
}

/** Drops the spare frame: it was loaded under options (language, consent) that have changed. */
export function discardSpareFrame(): void {
  spare?.host.remove();
  spare = null;
}

export function openDialogFrame(draftId: string, returnFocus: HTMLElement | null): void {
  closeDialogFrame();
  // A spare the page took out of the document cannot be shown: start afresh.
  const reused = spare?.host.isConnected ? spare : null;
  if (!reused) spare?.host.remove();
  spare = null;
  const { host, frame } = reused ?? createFrame(OPEN, false);
  if (reused) {
    host.removeAttribute(SPARE);
    host.setAttribute(OPEN, '');
    frame.style.visibility = 'visible';
  }
  current = { host, frame, returnFocus };
  // The draft id opens the draft, so it never enters the page's DOM (the shadow root is open for
  // QA locators; a src attribute there is readable, and the page could frame the draft itself):
  // the frame is sent to the dialog from here, out of the page's sight. For the spare frame this
  // only changes the address's fragment: the loaded page picks the id up without reloading.
  frame.contentWindow?.location.replace(`${dialogUrl()}#${draftId}`);
  if (reused) frame.focus();
  else frame.addEventListener('load', () => frame.focus(), { once: true });
}

export function closeDialogFrame(): void {
  if (!current) return;
  const { host, returnFocus } = current;
  current = null;
  host.remove();
  if (returnFocus?.isConnected) returnFocus.focus();
}
