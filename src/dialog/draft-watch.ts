// The background stores the draft in storage.session, possibly a moment after this page loads:
// read it once and listen for it to arrive (no polling). Whatever arrives is validated.
import browser, { type Storage } from 'webextension-polyfill';
import { Draft, draftKey } from '../shared/messages';

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
  const key = draftKey(id);
  let done = false;
  const deliver = (raw: unknown) => {
    if (done || raw === undefined) return;
    done = true;
    stop();
    onDraft(parseDraft(raw));
  };
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'session') deliver(changes[key]?.newValue);
  };
  const stop = () => browser.storage.onChanged.removeListener(onChanged);
  // Listen first, then read: a draft stored between the two is still seen.
  browser.storage.onChanged.addListener(onChanged);
  browser.storage.session.get(key).then((got) => deliver(got[key]), () => {});
  return () => {
    done = true;
    stop();
  };
}
