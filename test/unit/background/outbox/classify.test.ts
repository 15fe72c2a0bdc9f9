import { describe, expect, it } from 'vitest';
import { classify, type HttpOutcome } from '../../../../src/background/outbox/classify';

const response = (status: number, extra: Partial<Extract<HttpOutcome, { kind: 'response' }>> = {}): HttpOutcome => ({
  kind: 'response', status, retryAfter: null, json: null, message: undefined, ...extra,
});
const receipt = { id: 'r1', received_at: '2026-11-28T12:00:00Z', deletion_token: 'tok' };

describe('classify', () => {
  it.each([200, 201, 202, 204])('counts %i as delivered', (status) => {
    expect(classify(response(status))).toEqual({ kind: 'delivered', status, receipt: null });
  });

  it('keeps the receipt of a first delivery and of an idempotent replay', () => {
    expect(classify(response(201, { json: receipt }))).toEqual({ kind: 'delivered', status: 201, receipt });
    expect(classify(response(200, { json: receipt }))).toEqual({ kind: 'delivered', status: 200, receipt });
  });

  it('delivers without a receipt when the body is not one', () => {
    expect(classify(response(201, { json: { id: 5 } }))).toEqual({ kind: 'delivered', status: 201, receipt: null });
  });

  it.each([
    [408, 'timeout'], [429, 'rate_limited'], [502, 'server_error'], [503, 'server_error'], [504, 'server_error'],
  ] as const)('retries %i as %s, passing Retry-After on', (status, error) => {
    expect(classify(response(status, { retryAfter: '30', message: 'busy' })))
      .toEqual({ kind: 'retry', error, status, message: 'busy', retryAfter: '30' });
  });

  it('retries network errors and timeouts', () => {
    expect(classify({ kind: 'network', message: 'TypeError: Failed to fetch' }))
      .toEqual({ kind: 'retry', error: 'unreachable', status: null, message: 'TypeError: Failed to fetch', retryAfter: null });
    expect(classify({ kind: 'timeout', message: 'timed out' })).toMatchObject({ kind: 'retry', error: 'timeout' });
  });

  it.each([
    [400, 'rejected'], [401, 'unauthorized'], [403, 'unauthorized'], [404, 'rejected'], [409, 'rejected'],
    [410, 'gone'], [413, 'too_large'], [422, 'rejected'], [500, 'server_error'], [501, 'server_error'], [301, 'rejected'],
  ] as const)('fails %i as %s with the server message, without retry', (status, error) => {
    expect(classify(response(status, { message: 'nope', retryAfter: '5' })))
      .toEqual({ kind: 'failed', error, status, message: 'nope' });
  });

  it('fails a send that was blocked before the network', () => {
    expect(classify({ kind: 'blocked', reason: 'permission_missing', message: undefined }))
      .toEqual({ kind: 'failed', error: 'permission_missing', status: null, message: undefined });
  });
});
