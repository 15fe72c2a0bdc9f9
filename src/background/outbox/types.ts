// The records the outbox keeps in IndexedDB. Times are epoch milliseconds (the local clock),
// so records sort and compare without parsing.
import type { Rating } from '../../shared/messages';
import type { SiteId } from '../../shared/schema';
import type { DeliveryError } from './classify';

export type OutboxState = 'queued' | 'sending' | 'failed';

/** A report waiting for its endpoint's acknowledgement: the exact bytes, bound to the endpoint agreed to. */
export interface OutboxItem {
  /** The report id; also the Idempotency-Key of every attempt. */
  id: string;
  endpoint: string;
  token: string;
  /** The exact JSON string that is POSTed, byte for byte what the preview showed. */
  body: string;
  schemaVersion: number;
  createdAt: number;
  site: SiteId;
  /** null: a conversation shared without a rating (trusted testers). */
  rating: Rating | null;
  state: OutboxState;
  attempts: number;
  /** When the next automatic attempt is due; null once failed (never retried automatically). */
  nextAttemptAt: number | null;
  lastError?: DeliveryError;
  lastStatus?: number;
  lastMessage?: string;
}

/** What is left of a delivered report: no conversation, just enough to show and withdraw it. */
export interface ReceiptRecord {
  id: string;
  createdAt: number;
  deliveredAt: number;
  site: SiteId;
  /** null: a conversation shared without a rating (trusted testers). */
  rating: Rating | null;
  endpoint: string;
  deletionToken: string | null;
  withdrawn: boolean;
}

/** The latest delivery news per endpoint, for the popup. */
export interface EndpointStatus {
  endpoint: string;
  lastSuccessAt: number | null;
  lastError: DeliveryError | null;
  lastErrorMessage: string | null;
  lastErrorAt: number | null;
}

/** A change to one endpoint's status, merged into the stored record in the same transaction. */
export type StatusPatch =
  | { endpoint: string; successAt: number }
  | { endpoint: string; error: DeliveryError; message: string | null; errorAt: number };

/** One line of the history page: a report still on its way, or the receipt of a delivered one. */
export type HistoryEntry =
  | { kind: 'outbox'; item: OutboxItem }
  | { kind: 'receipt'; receipt: ReceiptRecord };
