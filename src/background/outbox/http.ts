// The one function that POSTs a report body to an endpoint, used by the outbox and by
// sendEnvelope. It reports what happened without judging it (see classify.ts).
import { checkEndpoint } from '../../shared/endpoint';
import type { HttpOutcome } from './classify';

export const MAX_BODY_BYTES = 5 * 1024 * 1024; // the reference collector's default limit
/** Chrome stops a service worker whose fetch takes over 30 s: give up before that. */
export const SEND_TIMEOUT_MS = 25_000;

export interface PostDeps {
  fetch: typeof fetch;
  /** Whether the extension holds host permission for the endpoint (loopback is granted by the manifest). */
  hasPermission: (url: URL) => Promise<boolean>;
}

/** Where and what to post; an OutboxItem is one. `id` is the report id, sent as Idempotency-Key. */
export interface PostTarget {
  id: string;
  endpoint: string;
  token: string;
  body: string;
}

export const bodyBytes = (body: string): number => new TextEncoder().encode(body).byteLength;

/** The endpoint's own words about a refusal, kept short; bodies may be JSON or text. */
function serverMessage(text: string, json: unknown): string | undefined {
  if (json && typeof json === 'object') {
    const { message, error } = json as { message?: unknown; error?: unknown };
    const msg = message ?? error;
    if (typeof msg === 'string') return msg.slice(0, 300);
  }
  return text.trim().slice(0, 300) || undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function postReport(target: PostTarget, deps: PostDeps): Promise<HttpOutcome> {
  // Checked at every attempt, not only when queued: options and permissions can change while a report waits.
  const endpoint = checkEndpoint(target.endpoint);
  if (!endpoint.ok) return { kind: 'blocked', reason: 'endpoint_invalid', message: endpoint.error };
  if (!endpoint.loopback && !(await deps.hasPermission(endpoint.url))) {
    return { kind: 'blocked', reason: 'permission_missing', message: undefined };
  }

  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': target.id };
  if (target.token) headers.authorization = `Bearer ${target.token}`;

  let res: Response;
  try {
    res = await deps.fetch(endpoint.url.href, {
      method: 'POST', headers, body: target.body, credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { kind: timedOut ? 'timeout' : 'network', message: String(err).slice(0, 300) };
  }
  // A body that cannot be read still leaves the status: a 2xx is a delivery even without its receipt.
  const text = (await res.text().catch(() => '')).slice(0, 100_000);
  const json = parseJson(text);
  const ok = res.status >= 200 && res.status < 300;
  return {
    kind: 'response', status: res.status, retryAfter: res.headers.get('retry-after'), json, message: ok ? undefined : serverMessage(text, json),
  };
}

/** The outbox's `post`, bound to the real fetch and permission check by the background. */
export const createPost = (deps: PostDeps) => (target: PostTarget): Promise<HttpOutcome> => postReport(target, deps);
