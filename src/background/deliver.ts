// From a validated envelope to an honest answer for the dialog: the report is committed to the
// outbox first, then tried at once; whatever happens next, it stays until the endpoint has it.
import { checkEndpoint } from '../shared/endpoint';
import type { SendResult } from '../shared/messages';
import { Envelope } from '../shared/schema';
import { newItemFor, ReportTooLargeError, type AttemptResult, type Outbox } from './outbox/outbox';
import { StorageFullError } from './outbox/store';
import { endpointAccess } from './permissions';

export interface Destination {
  endpoint: string;
  token: string;
}

export function resultOf(attempt: AttemptResult): SendResult {
  switch (attempt.kind) {
    case 'delivered': {
      const { receipt } = attempt;
      return {
        ok: true, status: attempt.status,
        receipt: { id: receipt.id, received_at: new Date(receipt.deliveredAt).toISOString(), ...(receipt.deletionToken ? { deletion_token: receipt.deletionToken } : {}) },
      };
    }
    case 'retry':
    case 'failed': {
      const { item } = attempt;
      return {
        ok: false, error: item.lastError ?? 'unreachable', status: item.lastStatus, message: item.lastMessage,
        ...(attempt.kind === 'retry' && item.nextAttemptAt !== null ? { retryAt: item.nextAttemptAt } : {}),
      };
    }
    // Already being sent by this worker (a second click): it is queued, the running attempt decides.
    case 'busy':
      return { ok: false, error: 'unreachable', message: 'already being sent', retryAt: Date.now() };
    case 'missing':
      return { ok: false, error: 'rejected', message: 'the report was removed before it was sent' };
  }
}

export async function submitReport(raw: unknown, dest: Destination, outbox: Outbox, access = endpointAccess): Promise<SendResult> {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid_report', message: parsed.error.issues[0]?.message };
  // A report is never queued for an endpoint it could not be sent to.
  const endpoint = checkEndpoint(dest.endpoint);
  if (!endpoint.ok) return { ok: false, error: 'endpoint_invalid', message: endpoint.error };
  // Nor for one the extension may not contact: the dialog says so and keeps the report.
  if ((await access(dest.endpoint)) === 'missing') return { ok: false, error: 'permission_missing' };
  try {
    const queued = await outbox.enqueue(newItemFor(parsed.data, dest));
    // The same report sent again from the dialog after a refusal: the user asks for a new try.
    if (queued.kind === 'outbox' && queued.item.state === 'failed') await outbox.retryNow(queued.item.id);
  } catch (err) {
    if (err instanceof ReportTooLargeError) return { ok: false, error: 'too_large', message: err.message };
    if (err instanceof StorageFullError) return { ok: false, error: 'storage_full', message: err.message };
    throw err;
  }
  return resultOf(await outbox.attemptOne(parsed.data.report.id));
}
