// Which endpoints a user may configure: https anywhere, plain http only on loopback
// (a report must never cross a network in clear text).
export type EndpointCheck =
  | { ok: true; url: URL; loopback: boolean }
  | { ok: false; error: 'endpoint_invalid_url' | 'endpoint_insecure' | 'endpoint_has_credentials' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkEndpoint(raw: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'endpoint_invalid_url' };
  }
  if (url.username || url.password) return { ok: false, error: 'endpoint_has_credentials' };
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'https:') return { ok: true, url, loopback };
  if (url.protocol === 'http:' && loopback) return { ok: true, url, loopback };
  if (url.protocol === 'http:') return { ok: false, error: 'endpoint_insecure' };
  return { ok: false, error: 'endpoint_invalid_url' };
}

/** The host-permission pattern that covers this endpoint (loopback is granted by the manifest). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
