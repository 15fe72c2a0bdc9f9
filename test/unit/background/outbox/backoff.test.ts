import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS, RETRY_AFTER_MAX_MS, backoffCeilingMs, backoffDelayMs, parseRetryAfterMs, retryDelayMs,
} from '../../../../src/background/outbox/backoff';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('backoff schedule', () => {
  it('starts at 5 s and doubles per failure up to a 1 h cap', () => {
    const ceilings = Array.from({ length: 12 }, (_, i) => backoffCeilingMs(i + 1) / 1000);
    expect(ceilings).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
    expect(backoffCeilingMs(1_000)).toBe(BACKOFF_CAP_MS);
    expect(backoffCeilingMs(0)).toBe(5_000);
  });

  it('is deterministic with an injected random source', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, half))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect(backoffDelayMs(50, half)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('keeps full jitter within [0, ceiling] for every failure count', () => {
    for (let n = 1; n <= 20; n += 1) {
      expect(backoffDelayMs(n, () => 0)).toBe(0);
      expect(backoffDelayMs(n, () => 0.999999)).toBeLessThan(backoffCeilingMs(n));
      expect(backoffDelayMs(n, () => 0.999999)).toBeGreaterThan(backoffCeilingMs(n) * 0.99);
      // A misbehaving source cannot push the delay outside the bounds.
      expect(backoffDelayMs(n, () => 7)).toBe(backoffCeilingMs(n));
      expect(backoffDelayMs(n, () => -1)).toBe(0);
    }
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('120', NOW)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfterMs('Sat, 28 Nov 2026 12:01:30 GMT', NOW)).toBe(90_000);
    expect(parseRetryAfterMs('Sat, 28 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('bounds both forms to 24 h', () => {
    expect(parseRetryAfterMs('9999999', NOW)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfterMs('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('ignores absent and unreadable values', () => {
    for (const value of [null, undefined, '', '  ', 'soon', '-5', '1.5', '12abc']) expect(parseRetryAfterMs(value, NOW)).toBeNull();
  });

  it('overrides the schedule when readable, and falls back to it otherwise', () => {
    expect(retryDelayMs(3, '7', NOW, () => 0.5)).toBe(7_000);
    expect(retryDelayMs(3, 'Sat, 28 Nov 2026 12:00:10 GMT', NOW, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(3, 'garbage', NOW, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(3, null, NOW, () => 0.5)).toBe(10_000);
  });
});
