import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpOutcome } from '../../../../src/background/outbox/classify';
import { ReportTooLargeError, createOutbox, newItemFor } from '../../../../src/background/outbox/outbox';
import { StorageFullError, openOutboxStore, type OutboxStore } from '../../../../src/background/outbox/store';
import type { OutboxItem } from '../../../../src/background/outbox/types';
import { sampleEnvelope } from '../../helpers/reports';

const ENDPOINT = 'http://127.0.0.1:8787/v1/feedback';
const T0 = Date.parse('2026-11-28T12:00:00Z');
const dest = { endpoint: ENDPOINT, token: 'sekret' };
const half = () => 0.5; // jitter: half the ceiling, so 5 s → 2.5 s, 10 s → 5 s, …

const answer = (status: number, extra: { retryAfter?: string; message?: string; json?: unknown } = {}): HttpOutcome => ({
  kind: 'response', status, retryAfter: extra.retryAfter ?? null, json: extra.json ?? null, message: extra.message,
});

/** A collector that stores each id once and replays its receipt, like the reference one. */
function fakeCollector() {
  const stored = new Map<string, string>();
  const store = (item: OutboxItem): HttpOutcome => {
    if (!stored.has(item.id)) stored.set(item.id, item.body);
    return answer(201, { json: { id: item.id, received_at: '2026-11-28T12:00:00Z', deletion_token: `del-${item.id}` } });
  };
  return { stored, store };
}

/** `post` that answers from a script, then falls through to the collector. */
function scriptedPost(script: (HttpOutcome | 'store')[], collector = fakeCollector()) {
  const post = vi.fn(async (item: OutboxItem) => {
    const next = script.shift() ?? 'store';
    return next === 'store' ? collector.store(item) : next;
  });
  return { post, collector };
}

let dbName: string;
const worker = async (post: (item: OutboxItem) => Promise<HttpOutcome>, store?: OutboxStore) =>
  createOutbox({ store: store ?? await openOutboxStore(dbName), post, now: () => Date.now(), random: half });
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

beforeEach(() => {
  dbName = `test-${randomUUID()}`;
  // Only Date is faked: fake-indexeddb schedules its work on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('outbox delivery', () => {
  it('503, 503 with Retry-After, then 201: delivered once, receipt kept, outbox empty', async () => {
    const { post, collector } = scriptedPost([answer(503, { message: 'down' }), answer(503, { retryAfter: '30' })]);
    const outbox = await worker(post);
    const envelope = sampleEnvelope();
    const queued = await outbox.enqueue(newItemFor(envelope, dest));
    expect(queued).toMatchObject({ kind: 'outbox', item: { state: 'queued', attempts: 0, nextAttemptAt: T0 } });

    const [first] = await outbox.sendDue();
    expect(first).toMatchObject({ kind: 'retry', item: { state: 'queued', attempts: 1, lastError: 'server_error', lastStatus: 503, lastMessage: 'down', nextAttemptAt: T0 + 2_500 } });
    expect(await outbox.nextWakeAt()).toBe(T0 + 2_500);
    expect(await outbox.due()).toEqual([]);

    advance(2_500);
    const [second] = await outbox.sendDue();
    const retryAt = Date.now() + 30_000; // Retry-After wins over the 5 s jittered step
    expect(second).toMatchObject({ kind: 'retry', item: { attempts: 2, nextAttemptAt: retryAt } });

    advance(29_999);
    expect(await outbox.sendDue()).toEqual([]);
    advance(1);
    const [third] = await outbox.sendDue();
    expect(third).toMatchObject({ kind: 'delivered', receipt: { id: envelope.report.id, deletionToken: `del-${envelope.report.id}`, withdrawn: false, deliveredAt: retryAt } });

    expect(post).toHaveBeenCalledTimes(3);
    expect(collector.stored.size).toBe(1);
    expect(collector.stored.get(envelope.report.id)).toBe(JSON.stringify(envelope));
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.nextWakeAt()).toBeNull();
    expect(await outbox.history()).toEqual([{ kind: 'receipt', receipt: (third as { receipt: unknown }).receipt }]);
    expect((await outbox.summary()).endpoints).toEqual([
      { endpoint: ENDPOINT, lastSuccessAt: retryAt, lastError: 'server_error', lastErrorMessage: null, lastErrorAt: T0 + 2_500 },
    ]);
  });

  it('400: failed with the server message, never retried automatically, retried by hand', async () => {
    const { post } = scriptedPost([answer(400, { message: 'The report does not match the schema.' })]);
    const outbox = await worker(post);
    const { report } = sampleEnvelope();
    await outbox.enqueue(newItemFor({ report }, dest));
    const [result] = await outbox.sendDue();
    expect(result).toMatchObject({ kind: 'failed', item: { state: 'failed', nextAttemptAt: null, lastError: 'rejected', lastStatus: 400, lastMessage: 'The report does not match the schema.' } });

    advance(48 * 3_600_000);
    expect(await outbox.due()).toEqual([]);
    expect(await outbox.nextWakeAt()).toBeNull();
    expect(await outbox.sendDue()).toEqual([]);
    expect(await outbox.attemptOne(report.id)).toMatchObject({ kind: 'failed' });
    expect(post).toHaveBeenCalledTimes(1);
    expect(await outbox.summary()).toMatchObject({ size: 1, failed: 1, endpoints: [{ lastError: 'rejected', lastErrorMessage: 'The report does not match the schema.' }] });

    expect(await outbox.retryNow(report.id)).toBe(1);
    expect((await outbox.due()).map((i) => i.id)).toEqual([report.id]);
    expect(await outbox.sendDue()).toMatchObject([{ kind: 'delivered' }]);
  });

  it('410 Gone fails with its reason: a withdrawn report is not stored again', async () => {
    const { post } = scriptedPost([answer(410, { message: 'This report was deleted by its reporter.' })]);
    const outbox = await worker(post);
    await outbox.enqueue(newItemFor(sampleEnvelope(), dest));
    expect(await outbox.sendDue()).toMatchObject([{ kind: 'failed', item: { lastError: 'gone', lastStatus: 410 } }]);
  });

  it('network error, then the endpoint is back: delivered', async () => {
    const { post, collector } = scriptedPost([{ kind: 'network', message: 'TypeError: Failed to fetch' }]);
    const outbox = await worker(post);
    await outbox.enqueue(newItemFor(sampleEnvelope(), dest));
    expect(await outbox.sendDue()).toMatchObject([{ kind: 'retry', item: { lastError: 'unreachable', lastMessage: 'TypeError: Failed to fetch' } }]);
    advance(2_500);
    expect(await outbox.sendDue()).toMatchObject([{ kind: 'delivered' }]);
    expect(collector.stored.size).toBe(1);
  });

  it('treats a throwing post as a network error, not a lost report', async () => {
    const outbox = await worker(async () => { throw new Error('boom'); });
    const input = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(input);
    expect(await outbox.attemptOne(input.id)).toMatchObject({ kind: 'retry', item: { lastError: 'unreachable', lastMessage: 'Error: boom' } });
  });

  it('grows the backoff with each failure up to the cap', async () => {
    const outbox = await worker(async () => answer(503));
    const input = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(input);
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const result = await outbox.attemptOne(input.id);
      if (result.kind !== 'retry') throw new Error(`expected retry, got ${result.kind}`);
      delays.push((result.item.nextAttemptAt! - Date.now()) / 1000);
      vi.setSystemTime(result.item.nextAttemptAt!);
    }
    expect(delays).toEqual([2.5, 5, 10, 20, 40, 80, 160, 320, 640, 1280, 1800, 1800]);
  });
});

describe('outbox across worker restarts', () => {
  it('a report left "sending" by a stopped worker is due at start and stored exactly once', async () => {
    const collector = fakeCollector();
    // First the endpoint asks for an hour's pause; then a direct attempt (the user's "Retry now")
    // reaches the collector, which commits, but the answer never comes back.
    let calls = 0;
    const hang = vi.fn((item: OutboxItem) => {
      calls += 1;
      if (calls === 1) return Promise.resolve(answer(503, { retryAfter: '3600' }));
      collector.store(item);
      return new Promise<HttpOutcome>(() => {});
    });
    const first = await worker(hang);
    const input = newItemFor(sampleEnvelope(), dest);
    await first.enqueue(input);
    await first.attemptOne(input.id);
    advance(60_000);
    void first.attemptOne(input.id);
    await vi.waitFor(() => expect(hang).toHaveBeenCalledTimes(2));
    expect(await first.due()).toEqual([]); // this worker knows it is still sending
    expect(await first.attemptOne(input.id)).toEqual({ kind: 'busy' });

    const second = await worker(vi.fn(async (item: OutboxItem) => collector.store(item)));
    expect(await second.due()).toMatchObject([{ id: input.id, state: 'sending', attempts: 2, nextAttemptAt: T0 + 3_600_000 }]);
    expect(await second.nextWakeAt()).toBe(Date.now());
    expect(await second.sendDue()).toMatchObject([{ kind: 'delivered', receipt: { deletionToken: `del-${input.id}` } }]);
    expect(collector.stored.size).toBe(1);
    expect(await second.list()).toEqual([]);
  });

  it('does not send a delivered report again', async () => {
    const { post } = scriptedPost([]);
    const outbox = await worker(post);
    const input = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(input);
    await outbox.attemptOne(input.id);
    expect(await outbox.attemptOne(input.id)).toMatchObject({ kind: 'delivered' });
    expect(await outbox.enqueue(input)).toMatchObject({ kind: 'receipt' });
    expect(await outbox.sendDue()).toEqual([]);
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('never sends one item twice at once within a worker', async () => {
    let release!: (o: HttpOutcome) => void;
    const post = vi.fn(() => new Promise<HttpOutcome>((resolve) => { release = resolve; }));
    const outbox = await worker(post);
    const input = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(input);
    const a = outbox.attemptOne(input.id);
    const b = outbox.attemptOne(input.id);
    expect(await b).toEqual({ kind: 'busy' });
    await vi.waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    release(answer(201));
    expect(await a).toMatchObject({ kind: 'delivered', receipt: { deletionToken: null } });
  });
});

describe('outbox limits and housekeeping', () => {
  it('refuses a body over 5 MB before queueing', async () => {
    const outbox = await worker(vi.fn());
    const input = { ...newItemFor(sampleEnvelope(), dest), body: 'x'.repeat(5 * 1024 * 1024 + 1) };
    await expect(outbox.enqueue(input)).rejects.toBeInstanceOf(ReportTooLargeError);
    await expect(outbox.enqueue(input)).rejects.toMatchObject({ bytes: 5 * 1024 * 1024 + 1, limit: 5 * 1024 * 1024 });
    expect(await outbox.list()).toEqual([]);
  });

  it('surfaces a quota error on enqueue and on an attempt, and recovers afterwards', async () => {
    const post = vi.fn(async () => answer(201));
    const outbox = await worker(post);
    const input = newItemFor(sampleEnvelope(), dest);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    await expect(outbox.enqueue(input)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await outbox.list()).toEqual([]);

    await outbox.enqueue(input);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    await expect(outbox.attemptOne(input.id)).rejects.toBeInstanceOf(StorageFullError);
    expect(post).not.toHaveBeenCalled(); // the 'sending' mark failed, so nothing went out
    vi.restoreAllMocks();
    expect(await outbox.attemptOne(input.id)).toMatchObject({ kind: 'delivered' });
  });

  it('remove deletes a queued report, and an attempt under way cannot bring it back', async () => {
    let release!: (o: HttpOutcome) => void;
    const outbox = await worker(() => new Promise<HttpOutcome>((resolve) => { release = resolve; }));
    const input = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(input);
    const attempt = outbox.attemptOne(input.id);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    expect(await outbox.remove(input.id)).toBe(true);
    release(answer(503));
    expect(await attempt).toEqual({ kind: 'missing' });
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.entry(input.id)).toBeNull();
    expect(await outbox.remove(input.id)).toBe(false);
  });

  it('clearHistory forgets receipts and keeps the outbox; history is newest first', async () => {
    const { post } = scriptedPost(['store', answer(503)]);
    const outbox = await worker(post);
    const delivered = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(delivered);
    await outbox.attemptOne(delivered.id);
    advance(60_000);
    const waiting = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(waiting);
    await outbox.attemptOne(waiting.id);

    expect((await outbox.history()).map((e) => (e.kind === 'outbox' ? e.item.id : e.receipt.id))).toEqual([waiting.id, delivered.id]);
    expect(await outbox.markWithdrawn(delivered.id)).toBe(true);
    expect(await outbox.entry(delivered.id)).toMatchObject({ kind: 'receipt', receipt: { withdrawn: true } });
    await outbox.clearHistory();
    expect(await outbox.history()).toMatchObject([{ kind: 'outbox', item: { id: waiting.id, state: 'queued' } }]);
    expect(await outbox.summary()).toMatchObject({ size: 1, queued: 1, sending: 0, failed: 0 });
  });

  it('retryNow without an id makes every waiting report due now', async () => {
    const outbox = await worker(async () => answer(503, { retryAfter: '3600' }));
    const a = newItemFor(sampleEnvelope(), dest);
    const b = newItemFor(sampleEnvelope(), dest);
    await outbox.enqueue(a);
    await outbox.enqueue(b);
    await outbox.sendDue();
    expect(await outbox.due()).toEqual([]);
    expect(await outbox.retryNow()).toBe(2);
    expect((await outbox.due()).map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
  });
});
