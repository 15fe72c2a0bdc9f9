// The consent the user gave, kept in the browser only: the time of agreement never travels in a
// report (it would link one user's reports). A report carries version, hash and locale alone.
export const CONSENT_KEY = 'consent';
/** Trusted-tester mode's own agreement, to its own notice; turning the mode off removes it. */
export const TESTER_CONSENT_KEY = 'testerConsent';
export type ConsentKey = typeof CONSENT_KEY | typeof TESTER_CONSENT_KEY;

export interface AcceptedConsent {
  noticeVersion: string;
  /** Hash over the notice text, the endpoint's origin and its declared policy (see notice.ts). */
  noticeHash: string;
  acceptedAt: string;
  locale: string;
}

export interface CurrentNotice {
  version: string;
  hash: string;
}

/** The slice of a storage area this module needs: storage.local in the extension, a fake in tests. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A stored record, or null when nothing usable is stored. */
export function parseConsent(raw: unknown): AcceptedConsent | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const fields = [r.noticeVersion, r.noticeHash, r.acceptedAt, r.locale];
  if (!fields.every((f) => typeof f === 'string' && f.length > 0)) return null;
  return { noticeVersion: r.noticeVersion, noticeHash: r.noticeHash, acceptedAt: r.acceptedAt, locale: r.locale } as AcceptedConsent;
}

/** The agree step is needed unless this exact notice (version and hash) was accepted. */
export function needsAgreement(current: CurrentNotice, stored: AcceptedConsent | null): boolean {
  return !stored || stored.noticeVersion !== current.version || stored.noticeHash !== current.hash;
}

export async function loadConsent(area: KeyValueArea, key: ConsentKey = CONSENT_KEY): Promise<AcceptedConsent | null> {
  const got = await area.get(key);
  return parseConsent(got[key]);
}

export async function saveConsent(area: KeyValueArea, consent: AcceptedConsent, key: ConsentKey = CONSENT_KEY): Promise<void> {
  await area.set({ [key]: consent });
}
