import { describe, expect, it, vi } from 'vitest';
import { readSendResult } from '../../../src/dialog/send';
import { formatMessage } from '../../../src/ui/format-message';
import { fetchDeclaredPolicy, summarisePolicy } from '../../../src/ui/policy';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

describe('formatMessage', () => {
  it('follows Chrome: named placeholders, then positional substitutions, $$ for a dollar', () => {
    const entry = { message: 'To $WHO$ from $FROM$ for $$5', placeholders: { who: { content: '$1' }, from: { content: '$2' } } };
    expect(formatMessage(entry, ['A', 'B'])).toBe('To A from B for $5');
  });

  it('does not expand placeholders inside substituted text', () => {
    const entry = { message: 'Said: $TEXT$', placeholders: { text: { content: '$1' } } };
    expect(formatMessage(entry, ['$2 $TEXT$'])).toBe('Said: $2 $TEXT$');
  });
});

describe('fetchDeclaredPolicy', () => {
  const answer = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));

  it('returns the JSON object the endpoint declares', async () => {
    const fetchFn = answer('{"operator":"Lab"}');
    expect(await fetchDeclaredPolicy('http://127.0.0.1:8787', fetchFn)).toEqual({ operator: 'Lab' });
    expect(fetchFn).toHaveBeenCalledWith('http://127.0.0.1:8787/v1/policy', expect.objectContaining({ credentials: 'omit' }));
  });

  it('is null for an error status, a body that is not JSON, or a JSON value that is not an object', async () => {
    expect(await fetchDeclaredPolicy('https://x.example', answer('{}', 404))).toBeNull();
    expect(await fetchDeclaredPolicy('https://x.example', answer('<html>'))).toBeNull();
    expect(await fetchDeclaredPolicy('https://x.example', answer('"yes"'))).toBeNull();
  });

  it('is null when the endpoint does not answer in time', async () => {
    const hang = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    }));
    expect(await fetchDeclaredPolicy('https://slow.example', hang as unknown as typeof fetch, 20)).toBeNull();
  });

  it('summarises only well-typed fields, leaving out what the policy does not say', () => {
    expect(summarisePolicy({ operator: 5, retention: { period: 7 }, uses: ['a', 1], not_combined: 'yes', identity_kept_apart: false }))
      .toEqual({ operator: null, retention: null, uses: ['a'], identityKeptApart: false, notCombined: null, storesIpOrUserAgent: null });
    expect(summarisePolicy({ retention_days: 30 })?.retention).toEqual({ period: null, days: 30 });
    expect(summarisePolicy(null)).toBeNull();
    expect(summarisePolicy([1])).toBeNull();
  });
});

describe('readSendResult', () => {
  it('passes a delivered result through, dropping a malformed receipt', () => {
    expect(readSendResult({ ok: true, status: 201, receipt: { id: 'r', received_at: 't' } }))
      .toEqual({ ok: true, status: 201, receipt: { id: 'r', received_at: 't' } });
    expect(readSendResult({ ok: true, status: 202, receipt: { id: 5 } })).toEqual({ ok: true, status: 202, receipt: null });
  });

  it('keeps a named error with its status and message', () => {
    expect(readSendResult({ ok: false, error: 'server_error', status: 503, message: 'down' }))
      .toEqual({ ok: false, error: 'server_error', status: 503, message: 'down' });
  });

  it('turns anything else into an extension error, never a success', () => {
    expect(readSendResult(undefined)).toMatchObject({ ok: false, error: 'extension_error' });
    expect(readSendResult({ ok: true })).toMatchObject({ ok: false, error: 'extension_error' });
    expect(readSendResult({ ok: false, error: 'refused', why: 'site not enabled' }))
      .toEqual({ ok: false, error: 'extension_error', message: 'site not enabled' });
  });
});
