// What one delivery attempt means for the report: delivered (drop the copy, keep a receipt),
// retry later (the endpoint may come back), or failed (retrying cannot help; the user decides).
import { Receipt, type SendError } from '../../shared/messages';

/** What came back from one POST, before any judgement. */
export type HttpOutcome =
  | { kind: 'response'; status: number; retryAfter: string | null; json: unknown; message: string | undefined }
  | { kind: 'network' | 'timeout'; message: string }
  /** Not sent at all: the endpoint is no longer allowed, or its host permission was revoked. */
  | { kind: 'blocked'; reason: 'endpoint_invalid' | 'permission_missing'; message: string | undefined };

/** Named reasons the dialog, popup and history show in words. */
export type DeliveryError = Exclude<SendError, 'invalid_report' | 'endpoint_changed' | 'storage_full'>;

export type Verdict =
  | { kind: 'delivered'; status: number; receipt: Receipt | null }
  | { kind: 'retry'; error: DeliveryError; status: number | null; message: string | undefined; retryAfter: string | null }
  | { kind: 'failed'; error: DeliveryError; status: number | null; message: string | undefined };

/** Statuses that say "not now" rather than "not this": the same request may succeed later. */
const RETRY_STATUS: Partial<Record<number, DeliveryError>> = {
  408: 'timeout', 429: 'rate_limited', 502: 'server_error', 503: 'server_error', 504: 'server_error',
};

function failure(status: number): DeliveryError {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 410) return 'gone';
  if (status === 413) return 'too_large';
  if (status >= 500) return 'server_error';
  return 'rejected';
}

export function classify(outcome: HttpOutcome): Verdict {
  switch (outcome.kind) {
    case 'network':
      return { kind: 'retry', error: 'unreachable', status: null, message: outcome.message, retryAfter: null };
    case 'timeout':
      return { kind: 'retry', error: 'timeout', status: null, message: outcome.message, retryAfter: null };
    case 'blocked':
      return { kind: 'failed', error: outcome.reason, status: null, message: outcome.message };
  }
  const { status, message } = outcome;
  // An idempotent replay answers 2xx like the first delivery: both mean "stored once".
  if (status >= 200 && status < 300) {
    const receipt = Receipt.safeParse(outcome.json);
    return { kind: 'delivered', status, receipt: receipt.success ? receipt.data : null };
  }
  const retryError = RETRY_STATUS[status];
  if (retryError) return { kind: 'retry', error: retryError, status, message, retryAfter: outcome.retryAfter };
  return { kind: 'failed', error: failure(status), status, message };
}
