// Content script: picks the site adapter for this page and keeps one session per conversation.
import browser, { type Runtime } from 'webextension-polyfill';
import { loadOptions } from '../shared/options';
import { adapterFor } from '../sites/registry';
import type { BackgroundToContent } from '../shared/messages';
import { closeDialogFrame } from './frame';
import { startSession } from './session';

async function main(): Promise<void> {
  const adapter = adapterFor(new URL(location.href));
  if (!adapter) return;
  const options = await loadOptions();
  if (!options.sites[adapter.id]) return;

  const labels = {
    group: browser.i18n.getMessage('controlsGroup'),
    helpful: browser.i18n.getMessage('helpful'),
    notHelpful: browser.i18n.getMessage('notHelpful'),
  };
  let key = adapter.conversationKey(new URL(location.href));
  let controller = new AbortController();
  // A single-page app changes the URL without a load; the DOM changes with it, so the
  // observer's callback is where navigation is noticed (no history hooks, no polling).
  const checkNavigation = () => {
    const next = adapter.conversationKey(new URL(location.href));
    if (next === key) return;
    key = next;
    controller.abort();
    closeDialogFrame();
    controller = new AbortController();
    startSession(adapter, labels, checkNavigation, controller.signal);
  };
  startSession(adapter, labels, checkNavigation, controller.signal);
  addEventListener('popstate', checkNavigation);

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    if ((message as BackgroundToContent | null)?.type === 'frame:close') closeDialogFrame();
  });
}

main().catch((err: unknown) => console.warn('[chat-feedback] content script stopped', err));
