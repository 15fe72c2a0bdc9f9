// Posts one envelope to the configured endpoint and names what happened. The only code in
// the extension that sends a report.
import { checkEndpoint } from '../shared/endpoint';
import { Receipt, type SendError, type SendResult } from '../shared/messages';
import { Envelope } from '../shared/schema';

export const MAX_BODY_BYTES = 5 * 1024 * 1024; // the reference collector's default limit
/** Chrome stops a service worker whose fetch takes over 30 s: give up before that. */
export const SEND_TIMEOUT_MS = 25_000;

export interface SendDeps {
  fetch: typeof fetch;
  /** Whether the extension holds host permission for the endpoint (loopback is granted by the manifest). */
  hasPermission: (url: URL) => Promise<boolean>;
}

export interface Destination {
  endpoint: string;
  token: string;
}

function statusError(status: number): SendError {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 413) return 'too_large';
  if (status >= 500) return 'server_error';
  return 'rejected';
}

/** The endpoint's own words about a refusal, kept short; bodies may be JSON or text. */
async function serverMessage(res: Response): Promise<string | undefined> {
  const text = (await res.text().catch(() => '')).slice(0, 2_000);
  try {
    const json = JSON.parse(text) as { error?: unknown; message?: unknown };
    const msg = json.message ?? json.error;
    if (typeof msg === 'string') return msg.slice(0, 300);
  } catch {
    /* not JSON: fall through to the raw text */
  }
  return text.trim().slice(0, 300) || undefined;
}

export async function sendEnvelope(raw: unknown, dest: Destination, deps: SendDeps): Promise<SendResult> {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid_report', message: parsed.error.issues[0]?.message };
  const endpoint = checkEndpoint(dest.endpoint);
  if (!endpoint.ok) return { ok: false, error: 'endpoint_invalid', message: endpoint.error };
  if (!endpoint.loopback && !(await deps.hasPermission(endpoint.url))) return { ok: false, error: 'permission_missing' };

  const body = JSON.stringify(parsed.data);
  if (new TextEncoder().encode(body).byteLength > MAX_BODY_BYTES) return { ok: false, error: 'too_large' };

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': parsed.data.report.id,
  };
  if (dest.token) headers.authorization = `Bearer ${dest.token}`;

  let res: Response;
  try {
    res = await deps.fetch(endpoint.url.href, {
      method: 'POST', headers, body, credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { ok: false, error: timedOut ? 'timeout' : 'unreachable', message: String(err).slice(0, 300) };
  }
  if (!res.ok) return { ok: false, error: statusError(res.status), status: res.status, message: await serverMessage(res) };
  const receipt = Receipt.safeParse(await res.json().catch(() => null));
  return { ok: true, status: res.status, receipt: receipt.success ? receipt.data : null };
}
