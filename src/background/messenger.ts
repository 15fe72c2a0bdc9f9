// The background's one entry for runtime messages: check the sender, parse the message with
// its direction's schema, then act. Anything else is refused without side effects.
import browser, { type Runtime } from 'webextension-polyfill';
import { ContentToBackground, PageToBackground, type BackgroundToContent } from '../shared/messages';
import { loadOptions } from '../shared/options';
import { classifySender } from './sender';
import { submitReport } from './deliver';
import { announceChange, getOutbox, scheduleWake, sendDue } from './delivery';
import { withdraw } from './withdraw';
import { consentCovers, withdrawConsent } from './consent-gate';
import { handleContentRequest } from './tester-send';
import { getDraft, oversizedDraft, putDraft } from './drafts';
import { MAX_MESSAGE_BYTES, messageBytes } from './limits';

export type Refusal = { ok: false; error: 'refused'; why: string };
const refuse = (why: string): Refusal => ({ ok: false, error: 'refused', why });

export async function handleMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (from.kind === 'refused') return refuse(from.why);
  // Caps first: nothing larger than a report could ever be is parsed, held or stored.
  const bytes = messageBytes(raw);
  if (bytes === null) return refuse('not plain data');
  const oversized = bytes > MAX_MESSAGE_BYTES;

  if (from.kind === 'content') {
    const msg = oversized ? oversizedDraft(raw, bytes) : ContentToBackground.safeParse(raw);
    if (!msg.success) return refuse('invalid message');
    if (msg.data.type !== 'draft:put') return handleContentRequest(msg.data, from.site);
    const options = await loadOptions();
    if (!options.sites[from.site] || msg.data.draft.site !== from.site) return refuse('site not enabled');
    await putDraft(from.tabId, msg.data.id, msg.data.draft);
    return { ok: true };
  }

  if (oversized) {
    const isSend = (raw as { type?: unknown } | null)?.type === 'report:send';
    return isSend ? { ok: false, error: 'too_large', message: `${bytes} bytes` } : refuse('too large');
  }
  const msg = PageToBackground.safeParse(raw);
  if (!msg.success) return refuse('invalid message');
  const m = msg.data;
  switch (m.type) {
    case 'report:send': {
      const options = await loadOptions();
      if (m.endpoint !== options.endpoint) return { ok: false, error: 'endpoint_changed' };
      // Withdrawn, or agreed to another notice: nothing is queued, nothing leaves.
      if (!(await consentCovers(m.envelope))) return { ok: false, error: 'consent_missing' };
      const outbox = await getOutbox();
      // A refused earlier version from the same dialog: the user sent a changed one instead.
      if (m.replaces && (await outbox.entry(m.replaces))?.kind === 'outbox') await outbox.remove(m.replaces);
      const result = await submitReport(m.envelope, options, outbox);
      await scheduleWake();
      announceChange();
      return result;
    }
    case 'draft:get':
      // Only the dialog in the tab whose content script made the draft may read it.
      return from.tabId === null ? null : getDraft(from.tabId, m.id);
    case 'dialog:close': {
      if (from.tabId === null) return refuse('not in a tab');
      const close: BackgroundToContent = { type: 'frame:close' };
      await browser.tabs.sendMessage(from.tabId, close, { frameId: 0 });
      return { ok: true };
    }
    case 'outbox:summary':
      return (await getOutbox()).summary();
    case 'outbox:history':
      return (await getOutbox()).history();
    case 'outbox:retry': {
      const reset = await (await getOutbox()).retryNow(m.id);
      await sendDue();
      return { ok: true, reset };
    }
    case 'outbox:remove': {
      const removed = await (await getOutbox()).remove(m.id);
      await scheduleWake();
      return { ok: removed };
    }
    case 'history:withdraw': {
      const outbox = await getOutbox();
      const entry = await outbox.entry(m.id);
      if (entry?.kind !== 'receipt') return { ok: false, error: 'not_delivered' };
      const options = await loadOptions();
      const token = options.endpoint === entry.receipt.endpoint ? options.token : '';
      const result = await withdraw(entry.receipt, token, (...args) => fetch(...args));
      if (result.ok) await outbox.markWithdrawn(m.id);
      return result;
    }
    case 'history:clear':
      await (await getOutbox()).clearHistory();
      return { ok: true };
    case 'consent:withdraw': {
      const result = await withdrawConsent(await getOutbox());
      await scheduleWake();
      announceChange();
      return result;
    }
  }
}
