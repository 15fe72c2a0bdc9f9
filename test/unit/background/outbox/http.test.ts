import { describe, expect, it, vi } from 'vitest';
import { createPost, postReport } from '../../../../src/background/outbox/http';

const target = { id: '0b6c6d0e-3c2a-4f7e-9a53-2f4a1d7c9e10', endpoint: 'http://127.0.0.1:8787/v1/feedback', token: 'sekret', body: '{"report":1}' };
const fetchReturning = (res: Response) => vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => res);
const deps = (f: ReturnType<typeof fetchReturning>, permitted = true) => ({
  fetch: f as unknown as typeof fetch, hasPermission: vi.fn(async () => permitted),
});

describe('postReport', () => {
  it('posts the exact body with idempotency key, bearer token, no credentials and a timeout', async () => {
    const f = fetchReturning(new Response('{"id":"x","received_at":"t","deletion_token":"d"}', { status: 201 }));
    const outcome = await createPost(deps(f))(target);
    expect(outcome).toEqual({ kind: 'response', status: 201, retryAfter: null, json: { id: 'x', received_at: 't', deletion_token: 'd' }, message: undefined });
    const [url, init] = f.mock.calls[0]!;
    expect(url).toBe(target.endpoint);
    expect(init).toMatchObject({ method: 'POST', body: target.body, credentials: 'omit', redirect: 'error' });
    expect(init!.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': target.id, authorization: 'Bearer sekret' });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
  });

  it('omits authorization without a token', async () => {
    const f = fetchReturning(new Response('', { status: 201 }));
    await postReport({ ...target, token: '' }, deps(f));
    expect(f.mock.calls[0]![1]!.headers).not.toHaveProperty('authorization');
  });

  it('returns the Retry-After header and the server message of a refusal', async () => {
    const json = await postReport(target, deps(fetchReturning(new Response('{"error":"busy","message":"Try later"}', { status: 503, headers: { 'retry-after': '30' } }))));
    expect(json).toMatchObject({ kind: 'response', status: 503, retryAfter: '30', message: 'Try later' });
    const text = await postReport(target, deps(fetchReturning(new Response('  Bad gateway  ', { status: 502 }))));
    expect(text).toMatchObject({ status: 502, json: null, message: 'Bad gateway' });
  });

  it('names network errors and timeouts', async () => {
    const refused = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    expect(await postReport(target, { fetch: refused as unknown as typeof fetch, hasPermission: async () => true }))
      .toEqual({ kind: 'network', message: 'TypeError: Failed to fetch' });
    const slow = vi.fn(async () => { throw new DOMException('signal timed out', 'TimeoutError'); });
    expect(await postReport(target, { fetch: slow as unknown as typeof fetch, hasPermission: async () => true }))
      .toMatchObject({ kind: 'timeout' });
  });

  it('blocks an endpoint no longer allowed, or without permission, before any request', async () => {
    const f = fetchReturning(new Response('', { status: 201 }));
    expect(await postReport({ ...target, endpoint: 'http://example.com/x' }, deps(f)))
      .toEqual({ kind: 'blocked', reason: 'endpoint_invalid', message: 'endpoint_insecure' });
    expect(await postReport({ ...target, endpoint: 'https://example.com/x' }, deps(f, false)))
      .toEqual({ kind: 'blocked', reason: 'permission_missing', message: undefined });
    expect(f).not.toHaveBeenCalled();
  });
});
