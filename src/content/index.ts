// Content script: picks the site adapter for this page and keeps one session per conversation.
import browser, { type Runtime } from 'webextension-polyfill';
import { loadOptions, OPTIONS_STORAGE_KEY, type Options } from '../shared/options';
import { adapterFor } from '../sites/registry';
import type { SiteAdapter } from '../sites/types';
import type { BackgroundToContent } from '../shared/messages';
import type { ControlsLabels } from './controls';
import { closeDialogFrame, setDialogFrameTitle } from './frame';
import { loadLabels } from './labels';
import { quickSender, type QuickSend } from './quick';
import { startSession } from './session';

/** What the controls look like and do under the current options (language, trusted-tester mode). */
async function modeFor(adapter: SiteAdapter, options: Options): Promise<{ labels: ControlsLabels; quick?: QuickSend }> {
  const l = await loadLabels(options.language);
  setDialogFrameTitle(l.dialogFrameTitle);
  const labels: ControlsLabels = { group: l.controlsGroup, helpful: l.helpful, notHelpful: l.notHelpful };
  if (!options.trustedTester) return { labels };
  labels.tester = { badge: l.testerBadge, badgeLabel: l.testerBadgeLabel, share: l.shareConversation };
  return { labels, quick: quickSender(adapter, l) };
}

async function main(): Promise<void> {
  const adapter = adapterFor(new URL(location.href));
  if (!adapter) return;
  let options = await loadOptions();
  if (!options.sites[adapter.id]) return;

  let mode = await modeFor(adapter, options);
  let key = adapter.conversationKey(new URL(location.href));
  let controller = new AbortController();
  const restart = () => {
    controller.abort();
    closeDialogFrame();
    controller = new AbortController();
    startSession(adapter, mode.labels, checkNavigation, controller.signal, mode.quick);
  };
  // A single-page app changes the URL without a load; the DOM changes with it, so the
  // observer's callback is where navigation is noticed (no history hooks, no polling).
  let href = location.href;
  const checkNavigation = () => {
    // Called for every mutation batch (every streamed token): a string compare is all it costs
    // until the address really changes.
    if (location.href === href) return;
    href = location.href;
    const next = adapter.conversationKey(new URL(href));
    if (next === key) return;
    key = next;
    restart();
  };
  startSession(adapter, mode.labels, checkNavigation, controller.signal, mode.quick);
  addEventListener('popstate', checkNavigation);

  // Trusted-tester mode (it can be turned off at any time) and the language apply at once.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(OPTIONS_STORAGE_KEY in changes)) return;
    void loadOptions().then(async (next) => {
      if (next.trustedTester === options.trustedTester && next.language === options.language) return;
      options = next;
      mode = await modeFor(adapter, next);
      restart();
    });
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    if ((message as BackgroundToContent | null)?.type === 'frame:close') closeDialogFrame();
  });
}

main().catch((err: unknown) => console.warn('[chat-feedback] content script stopped', err));
