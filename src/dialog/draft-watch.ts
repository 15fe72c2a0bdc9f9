// The dialog's draft comes from the background, which holds it for this tab; it may arrive a
// moment after this page loads. Whatever arrives is validated.
import browser from 'webextension-polyfill';
import { Draft, type DialogToBackground } from '../shared/messages';

export type DraftState =
  | { kind: 'waiting' }
  | { kind: 'ready'; draft: Draft }
  /** No draft id in the address, or what was stored is not a draft. */
  | { kind: 'invalid' };

export function parseDraft(raw: unknown): DraftState {
  const parsed = Draft.safeParse(raw);
  return parsed.success ? { kind: 'ready', draft: parsed.data } : { kind: 'invalid' };
}

/** Calls `onDraft` once with the draft (or `invalid`); returns a function that stops listening. */
export function watchDraft(id: string, onDraft: (state: DraftState) => void): () => void {
  if (!id) {
    onDraft({ kind: 'invalid' });
    return () => {};
  }
  let done = false;
  // The background answers when the draft is there (it waits for the content script), so this
  // page needs no storage.session, which Firefox does not give extension frames in web pages.
  const ask: DialogToBackground = { type: 'draft:get', id };
  browser.runtime.sendMessage(ask).then((raw: unknown) => {
    if (done) return;
    done = true;
    onDraft(raw === null || raw === undefined ? { kind: 'invalid' } : parseDraft(raw));
  }, () => {
    if (!done) onDraft({ kind: 'invalid' });
    done = true;
  });
  return () => {
    done = true;
  };
}
