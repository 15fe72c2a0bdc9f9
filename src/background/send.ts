// Posts one envelope to the configured endpoint and names what happened. The request itself
// is postReport (shared with the outbox), so both send the same headers and read answers alike.
import { Receipt, type SendError, type SendResult } from '../shared/messages';
import { Envelope } from '../shared/schema';
import { MAX_BODY_BYTES, bodyBytes, postReport, type PostDeps } from './outbox/http';

export { MAX_BODY_BYTES, SEND_TIMEOUT_MS } from './outbox/http';

export type SendDeps = PostDeps;

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

export async function sendEnvelope(raw: unknown, dest: Destination, deps: SendDeps): Promise<SendResult> {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid_report', message: parsed.error.issues[0]?.message };
  const body = JSON.stringify(parsed.data);
  if (bodyBytes(body) > MAX_BODY_BYTES) return { ok: false, error: 'too_large' };

  const outcome = await postReport({ id: parsed.data.report.id, endpoint: dest.endpoint, token: dest.token, body }, deps);
  switch (outcome.kind) {
    case 'blocked':
      return { ok: false, error: outcome.reason, message: outcome.message };
    case 'network':
      return { ok: false, error: 'unreachable', message: outcome.message };
    case 'timeout':
      return { ok: false, error: 'timeout', message: outcome.message };
  }
  if (outcome.status < 200 || outcome.status >= 300) {
    return { ok: false, error: statusError(outcome.status), status: outcome.status, message: outcome.message };
  }
  const receipt = Receipt.safeParse(outcome.json);
  return { ok: true, status: outcome.status, receipt: receipt.success ? receipt.data : null };
}
