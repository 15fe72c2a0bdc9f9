import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

// The permission check behind submitReport reads the browser; loopback endpoints never ask it.
vi.mock('webextension-polyfill', () => ({ default: { permissions: { contains: vi.fn(async () => false) } } }));
import { randomUUID } from 'node:crypto';
import { submitReport } from '../../../src/background/deliver';
import { withdraw } from '../../../src/background/withdraw';
import { createOutbox } from '../../../src/background/outbox/outbox';
import { openOutboxStore } from '../../../src/background/outbox/store';
import type { HttpOutcome } from '../../../src/background/outbox/classify';
import type { ReceiptRecord } from '../../../src/background/outbox/types';
import { MAX_TEXT } from '../../../src/shared/schema';
import { sampleEnvelope } from '../helpers/reports';

const dest = { endpoint: 'http://127.0.0.1:8787/v1/feedback', token: '' };
const created = (id: string): HttpOutcome => ({ kind: 'response', status: 201, retryAfter: null, message: undefined, json: { id, received_at: 'now', deletion_token: 'del-1' } });

async function outboxWith(answers: HttpOutcome[]) {
  const post = vi.fn(async () => answers.shift() ?? { kind: 'network' as const, message: 'down' });
  const outbox = createOutbox({ store: await openOutboxStore(`t-${randomUUID()}`), post, now: () => 1_000, random: () => 0.5 });
  return { outbox, post };
}

describe('submitReport', () => {
  it('commits, sends at once, and answers Sent with the receipt', async () => {
    const envelope = sampleEnvelope();
    const { outbox, post } = await outboxWith([created(envelope.report.id)]);
    const result = await submitReport(envelope, dest, outbox);
    expect(result).toEqual({ ok: true, status: 201, receipt: { id: envelope.report.id, received_at: new Date(1_000).toISOString(), deletion_token: 'del-1' } });
    expect(post).toHaveBeenCalledTimes(1);
    expect((await outbox.summary()).size).toBe(0);
  });

  it('answers queued with the next try when the endpoint is down, and keeps the report', async () => {
    const { outbox } = await outboxWith([]);
    const result = await submitReport(sampleEnvelope(), dest, outbox);
    expect(result).toMatchObject({ ok: false, error: 'unreachable', retryAt: expect.any(Number) });
    expect((await outbox.summary()).queued).toBe(1);
  });

  it('tries a refused report again when the same report is sent again', async () => {
    const envelope = sampleEnvelope();
    const { outbox, post } = await outboxWith([
      { kind: 'response', status: 400, retryAfter: null, json: null, message: 'nope' }, created(envelope.report.id),
    ]);
    expect(await submitReport(envelope, dest, outbox)).toMatchObject({ ok: false, error: 'rejected', message: 'nope' });
    expect(await submitReport(envelope, dest, outbox)).toMatchObject({ ok: true });
    expect(post).toHaveBeenCalledTimes(2);
  });

  it('refuses invalid reports, disallowed endpoints and oversized bodies before queueing', async () => {
    const { outbox, post } = await outboxWith([]);
    expect(await submitReport({ report: {} }, dest, outbox)).toMatchObject({ error: 'invalid_report' });
    expect(await submitReport(sampleEnvelope(), { endpoint: 'http://example.com/x', token: '' }, outbox)).toMatchObject({ error: 'endpoint_invalid' });
    const big = sampleEnvelope();
    big.report.conversation.turns[0]!.blocks = Array.from({ length: 3 }, () => ({ kind: 'text' as const, text: 'x'.repeat(MAX_TEXT) }));
    expect(await submitReport(big, dest, outbox)).toMatchObject({ error: 'too_large' });
    expect(post).not.toHaveBeenCalled();
    expect((await outbox.summary()).size).toBe(0);
  });
});

describe('withdraw', () => {
  const receipt: ReceiptRecord = {
    id: '7f6c2b1e-4d3a-4c5b-9e8f-0a1b2c3d4e5f', createdAt: 1, deliveredAt: 2, site: 'claude.ai', rating: 'helpful',
    endpoint: 'http://127.0.0.1:8787/v1/feedback/', deletionToken: 'tok', withdrawn: false,
  };

  it('sends DELETE with the deletion token (and the ingest token apart) to the report\'s URL', async () => {
    const fetchImpl = vi.fn(async (_u: string | URL | Request, _i?: RequestInit) => new Response(null, { status: 204 }));
    expect(await withdraw(receipt, 'ingest', fetchImpl as unknown as typeof fetch)).toEqual({ ok: true });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(`http://127.0.0.1:8787/v1/feedback/${receipt.id}`);
    expect(init).toMatchObject({ method: 'DELETE', headers: { 'deletion-token': 'tok', authorization: 'Bearer ingest' } });
  });

  it('treats 404 as already gone, and reports refusals, network errors and a missing token', async () => {
    const answer = (status: number) => vi.fn(async () => new Response(null, { status })) as unknown as typeof fetch;
    expect(await withdraw(receipt, '', answer(404))).toEqual({ ok: true });
    expect(await withdraw(receipt, '', answer(403))).toEqual({ ok: false, error: 'refused', status: 403 });
    expect(await withdraw(receipt, '', vi.fn(async () => { throw new TypeError('down'); }) as unknown as typeof fetch)).toEqual({ ok: false, error: 'unreachable' });
    expect(await withdraw({ ...receipt, deletionToken: null }, '', answer(204))).toEqual({ ok: false, error: 'no_token' });
  });
});
