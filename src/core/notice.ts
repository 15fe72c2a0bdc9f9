// Notice versioning: the agree step comes back whenever the notice text, the endpoint's
// origin or the policy it declares changes, because the hash covers all three.
export const NOTICE_VERSION = '2026-11-28.1';
/** Trusted-tester mode's notice: its own text, version and hash, agreed to on its own. */
export const TESTER_NOTICE_VERSION = '2026-11-29.1';

export interface NoticeSubject {
  version: string;
  /** The exact notice text shown, in the locale shown. */
  text: string;
  endpointOrigin: string;
  /** The endpoint's declared policy (GET /v1/policy), or null when it declares none. */
  policy: unknown;
}

/** Stable JSON: keys sorted, so the same policy always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export async function noticeHash(subject: NoticeSubject): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(subject));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
