import { describe, expect, it, vi } from 'vitest';
import { sendEnvelope } from '../../../src/background/send';
import { MAX_TEXT } from '../../../src/shared/schema';
import { sampleEnvelope } from '../helpers/reports';

const okFetch = (status = 201, body: unknown = { id: 'r1', received_at: '2026-11-28T12:00:00Z', deletion_token: 't' }) =>
  vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
const deps = (fetchImpl: typeof fetch, permitted = true) => ({ fetch: fetchImpl, hasPermission: vi.fn(async () => permitted) });
const loopback = { endpoint: 'http://127.0.0.1:8787/v1/feedback', token: '' };

describe('sendEnvelope', () => {
  it('posts the exact envelope with the report id as Idempotency-Key and the bearer token', async () => {
    const fetchImpl = okFetch();
    const envelope = sampleEnvelope();
    const result = await sendEnvelope(envelope, { ...loopback, token: 'sekret' }, deps(fetchImpl as unknown as typeof fetch));
    expect(result).toEqual({ ok: true, status: 201, receipt: { id: 'r1', received_at: '2026-11-28T12:00:00Z', deletion_token: 't' } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(loopback.endpoint);
    const headers = init!.headers as Record<string, string>;
    expect(headers['idempotency-key']).toBe(envelope.report.id);
    expect(headers.authorization).toBe('Bearer sekret');
    expect(JSON.parse(init!.body as string)).toEqual(envelope);
    expect(init!.credentials).toBe('omit');
  });

  it('omits the authorization header without a token', async () => {
    const fetchImpl = okFetch();
    await sendEnvelope(sampleEnvelope(), loopback, deps(fetchImpl as unknown as typeof fetch));
    expect((fetchImpl.mock.calls[0]![1]!.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it.each([
    [401, 'unauthorized'], [403, 'unauthorized'], [413, 'too_large'], [400, 'rejected'], [422, 'rejected'], [500, 'server_error'], [503, 'server_error'],
  ] as const)('maps HTTP %i to %s with the server message', async (status, error) => {
    const result = await sendEnvelope(sampleEnvelope(), loopback, deps(okFetch(status, { error: 'nope' }) as unknown as typeof fetch));
    expect(result).toEqual({ ok: false, error, status, message: 'nope' });
  });

  it('reports an unreachable endpoint and a timeout by name', async () => {
    const refused = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    expect(await sendEnvelope(sampleEnvelope(), loopback, deps(refused as unknown as typeof fetch))).toMatchObject({ ok: false, error: 'unreachable' });
    const slow = vi.fn(async () => { throw new DOMException('signal timed out', 'TimeoutError'); });
    expect(await sendEnvelope(sampleEnvelope(), loopback, deps(slow as unknown as typeof fetch))).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('refuses invalid endpoints, missing permission, bad reports and oversized bodies before any network call', async () => {
    const fetchImpl = okFetch();
    const f = fetchImpl as unknown as typeof fetch;
    expect(await sendEnvelope(sampleEnvelope(), { endpoint: 'http://example.com/x', token: '' }, deps(f))).toMatchObject({ error: 'endpoint_invalid' });
    expect(await sendEnvelope(sampleEnvelope(), { endpoint: 'https://example.com/x', token: '' }, deps(f, false))).toMatchObject({ error: 'permission_missing' });
    expect(await sendEnvelope({ report: { id: 'x' } }, loopback, deps(f))).toMatchObject({ error: 'invalid_report' });
    const big = sampleEnvelope();
    big.report.conversation.turns[0]!.blocks = Array.from({ length: 3 }, () => ({ kind: 'text' as const, text: 'x'.repeat(MAX_TEXT) }));
    expect(await sendEnvelope(big, loopback, deps(f))).toMatchObject({ error: 'too_large' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('accepts an https endpoint it holds permission for', async () => {
    const fetchImpl = okFetch();
    const d = deps(fetchImpl as unknown as typeof fetch);
    expect(await sendEnvelope(sampleEnvelope(), { endpoint: 'https://feedback.example.org/v1/feedback', token: '' }, d)).toMatchObject({ ok: true });
    expect(d.hasPermission).toHaveBeenCalledWith(new URL('https://feedback.example.org/v1/feedback'));
  });
});
