// The outbox state machine: queued → sending → (delivered: receipt | queued again later | failed).
// Storage, the network and the clock are injected, so every path runs in plain Node tests.
// A report leaves the outbox only when its endpoint acknowledged it; every attempt carries the
// report id as Idempotency-Key, so an attempt repeated after a worker died is stored once.
import type { Envelope } from '../../shared/schema';
import { retryDelayMs } from './backoff';
import { classify, type HttpOutcome, type Verdict } from './classify';
import { MAX_BODY_BYTES, bodyBytes } from './http';
import type { OutboxStore } from './store';
import type { HistoryEntry, OutboxItem, ReceiptRecord } from './types';
import { outboxViews } from './views';

export type { OutboxSummary } from './views';

export interface OutboxDeps {
  store: OutboxStore;
  post: (item: OutboxItem) => Promise<HttpOutcome>;
  now: () => number;
  /** [0, 1), for the backoff jitter. */
  random?: () => number;
}

/** What the caller supplies; state, attempts and times are the outbox's. */
export type NewItem = Pick<OutboxItem, 'id' | 'endpoint' | 'token' | 'body' | 'schemaVersion' | 'site' | 'rating'>;

export class ReportTooLargeError extends Error {
  override readonly name = 'ReportTooLargeError';
  constructor(readonly bytes: number, readonly limit: number) {
    super(`The report is ${bytes} bytes; the limit is ${limit}.`);
  }
}

export type AttemptResult =
  /** status: the HTTP status of this attempt; null when an earlier attempt delivered it. */
  | { kind: 'delivered'; receipt: ReceiptRecord; status: number | null }
  /** Will try again at item.nextAttemptAt; item.lastError says why not now. */
  | { kind: 'retry'; item: OutboxItem }
  /** Not retried automatically; item.lastError / lastMessage say why. */
  | { kind: 'failed'; item: OutboxItem }
  /** This worker is sending it right now. */
  | { kind: 'busy' }
  /** Neither in the outbox nor delivered (removed by the user). */
  | { kind: 'missing' };

/** The outbox input for an envelope bound to the endpoint (and token) the user agreed to. */
export function newItemFor(envelope: Envelope, dest: { endpoint: string; token: string }): NewItem {
  const { report } = envelope;
  return {
    id: report.id, endpoint: dest.endpoint, token: dest.token, body: JSON.stringify(envelope),
    schemaVersion: report.schema_version, site: report.site, rating: report.rating,
  };
}

export function createOutbox({ store, post, now, random = Math.random }: OutboxDeps) {
  /** Ids this worker is posting; a worker that dies loses the set, which is how 'sending' items are found again. */
  const inFlight = new Set<string>();

  const isDue = (item: OutboxItem, at: number) => item.state !== 'failed' && !inFlight.has(item.id)
    && (item.state === 'sending' || (item.nextAttemptAt ?? Infinity) <= at);

  async function postSafely(item: OutboxItem): Promise<HttpOutcome> {
    try {
      return await post(item);
    } catch (err) {
      return { kind: 'network', message: String(err).slice(0, 300) };
    }
  }

  async function settle(item: OutboxItem, verdict: Verdict): Promise<AttemptResult> {
    const at = now();
    if (verdict.kind === 'delivered') {
      const receipt: ReceiptRecord = {
        id: item.id, createdAt: item.createdAt, deliveredAt: at, site: item.site, rating: item.rating,
        endpoint: item.endpoint, deletionToken: verdict.receipt?.deletion_token ?? null, withdrawn: false,
      };
      await store.deliver(item.id, receipt, { endpoint: item.endpoint, successAt: at });
      return { kind: 'delivered', receipt, status: verdict.status };
    }
    const next: OutboxItem = {
      ...item,
      state: verdict.kind === 'retry' ? 'queued' : 'failed',
      nextAttemptAt: verdict.kind === 'retry' ? at + retryDelayMs(item.attempts, verdict.retryAfter, at, random) : null,
      lastError: verdict.error, lastStatus: verdict.status ?? undefined, lastMessage: verdict.message,
    };
    const status = { endpoint: item.endpoint, error: verdict.error, message: verdict.message ?? null, errorAt: at };
    if (!(await store.updateItem(next, status))) return { kind: 'missing' };
    return verdict.kind === 'retry' ? { kind: 'retry', item: next } : { kind: 'failed', item: next };
  }

  async function attemptOne(id: string): Promise<AttemptResult> {
    if (inFlight.has(id)) return { kind: 'busy' };
    inFlight.add(id); // before the first await, so a second call in the same tick sees it
    try {
      const item = await store.getItem(id);
      if (!item) {
        const receipt = await store.getReceipt(id);
        return receipt ? { kind: 'delivered', receipt, status: null } : { kind: 'missing' };
      }
      if (item.state === 'failed') return { kind: 'failed', item };
      // Committed before the request: a worker stopped mid-request leaves this 'sending' mark behind.
      const sending: OutboxItem = { ...item, state: 'sending', attempts: item.attempts + 1 };
      if (!(await store.updateItem(sending))) return { kind: 'missing' };
      return await settle(sending, classify(await postSafely(sending)));
    } finally {
      inFlight.delete(id);
    }
  }

  async function due(at: number = now()): Promise<OutboxItem[]> {
    const items = await store.listItems();
    return items.filter((item) => isDue(item, at))
      .sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0) || a.createdAt - b.createdAt);
  }

  return {
    ...outboxViews(store),
    /** Commits the report before returning; an id already queued or delivered answers what is stored. */
    async enqueue(input: NewItem): Promise<HistoryEntry> {
      const bytes = bodyBytes(input.body);
      if (bytes > MAX_BODY_BYTES) throw new ReportTooLargeError(bytes, MAX_BODY_BYTES);
      const at = now();
      return store.addItem({ ...input, createdAt: at, state: 'queued', attempts: 0, nextAttemptAt: at });
    },
    attemptOne,
    due,
    /**
     * Attempts every due item, one after another (a 'sending' item left by a dead worker included).
     * `held` items (their endpoint lacks permission) are left as they are: not attempted, not failed.
     */
    async sendDue(held: (item: OutboxItem) => boolean = () => false): Promise<AttemptResult[]> {
      const results: AttemptResult[] = [];
      for (const item of await due()) if (!held(item)) results.push(await attemptOne(item.id));
      return results;
    },
    /** When an alarm should wake the worker next: now if something is due, null when nothing waits (held items wait for their permission, not for a time). */
    async nextWakeAt(held: (item: OutboxItem) => boolean = () => false): Promise<number | null> {
      const times = (await store.listItems())
        .filter((item) => item.state !== 'failed' && !inFlight.has(item.id) && !held(item))
        .map((item) => (item.state === 'sending' ? now() : item.nextAttemptAt ?? Infinity));
      const soonest = Math.min(...times);
      return Number.isFinite(soonest) ? soonest : null;
    },
    /** Manual retry (also of failed items): due now. Without an id, every item. Answers how many were reset. */
    async retryNow(id?: string): Promise<number> {
      const items = id === undefined ? await store.listItems() : [await store.getItem(id)];
      let reset = 0;
      for (const item of items) {
        if (!item || inFlight.has(item.id)) continue;
        if (await store.updateItem({ ...item, state: 'queued', nextAttemptAt: now() })) reset += 1;
      }
      return reset;
    },
    /** Deletes a report that has not been delivered; an attempt already under way cannot bring it back. */
    remove: (id: string): Promise<boolean> => store.deleteItem(id),
    /** Forgets the receipts; reports still in the outbox stay. */
    clearHistory: (): Promise<void> => store.clearReceipts(),
    markWithdrawn: (id: string): Promise<boolean> => store.markWithdrawn(id),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
