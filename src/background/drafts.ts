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
