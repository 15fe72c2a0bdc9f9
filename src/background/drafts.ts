// Drafts wait in storage.session (trusted contexts only: the page's scripts and the content
// script cannot read them) until the dialog frame reads them. One draft per tab: a tab shows one
// dialog at a time, so a new draft replaces its tab's earlier one instead of piling up in memory.
import browser from 'webextension-polyfill';
import { Draft, draftKey } from '../shared/messages';
import { z } from '../shared/z';
import { MAX_MESSAGE_BYTES } from './limits';

const tabKey = (tabId: number) => `draft-of-tab:${tabId}`;

export async function putDraft(tabId: number, id: string, draft: Draft): Promise<void> {
  const key = tabKey(tabId);
  const previous = (await browser.storage.session.get(key))[key];
  if (typeof previous === 'string' && previous !== id) await browser.storage.session.remove(draftKey(previous));
  await browser.storage.session.set({ [draftKey(id)]: draft, [key]: id });
}

/** How long the dialog waits for the content script to finish reading the conversation. */
export const DRAFT_WAIT_MS = 20_000;

/**
 * The draft `id` for the dialog in tab `tabId`: at once if stored, else when it arrives (the
 * frame opens before the conversation has been read), null after DRAFT_WAIT_MS or when the
 * draft belongs to another tab.
 */
export function getDraft(tabId: number, id: string, waitMs = DRAFT_WAIT_MS): Promise<Draft | null> {
  const key = draftKey(id);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (raw: unknown) => {
      if (settled) return;
      settled = true;
      browser.storage.onChanged.removeListener(onChanged);
      clearTimeout(timer);
      if (raw === null) return resolve(null);
      void browser.storage.session.get(tabKey(tabId)).then((got) => resolve(got[tabKey(tabId)] === id ? (raw as Draft) : null), () => resolve(null));
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && changes[key]?.newValue !== undefined) finish(changes[key].newValue);
    };
    // Listen first, then read: a draft stored between the two is still seen.
    browser.storage.onChanged.addListener(onChanged);
    const timer = setTimeout(() => finish(null), waitMs);
    browser.storage.session.get(key).then((got) => { if (got[key] !== undefined) finish(got[key]); }, () => finish(null));
  });
}

const DraftHead = z.object({ type: z.literal('draft:put'), id: z.uuid(), draft: Draft.pick({ site: true, rating: true }) });

/**
 * A conversation too large to ever be sent: only its head is read, and the dialog is given a
 * draft that says so — it neither waits forever nor offers a report that would be refused.
 */
export function oversizedDraft(raw: unknown, bytes: number): { success: true; data: { type: 'draft:put'; id: string; draft: Draft } } | { success: false } {
  const head = DraftHead.safeParse(raw);
  if (!head.success) return { success: false };
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const detail = `The conversation is ${mb(bytes)} MB; a report can carry at most ${mb(MAX_MESSAGE_BYTES)} MB.`;
  const draft: Draft = { ...head.data.draft, capture: { ok: false, error: 'unreadable', detail } };
  return { success: true, data: { type: 'draft:put', id: head.data.id, draft } };
}
