// When to try again: capped exponential backoff with full jitter (a random delay between 0
// and the cap of this round), so many clients hit by the same outage do not return in step.
// A server's Retry-After wins over the schedule, within a bound so a bad header cannot park
// a report for months.
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 60 * 60 * 1_000;
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60 * 1_000;

/** The ceiling of the jittered delay after `failures` failed attempts (1 → base, doubling, capped). */
export function backoffCeilingMs(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  // 2^10 × 5 s already exceeds the cap: stop doubling before the number grows unbounded.
  return exponent >= 10 ? BACKOFF_CAP_MS : Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

/** Full jitter: uniformly in [0, ceiling]. `random` returns [0, 1) like Math.random. */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeilingMs(failures));
}

/**
 * Milliseconds a Retry-After header asks to wait: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Null when absent or unreadable, so the caller falls back to the schedule; a date in the past is 0.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1_000, RETRY_AFTER_MAX_MS);
  // Only a date with a weekday-comma or a year reads as a date; Date.parse accepts too much otherwise.
  if (!/[a-z]{3},|\d{4}/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now, 0), RETRY_AFTER_MAX_MS);
}

/** The delay before the next attempt: the server's Retry-After if it gave a readable one, else the schedule. */
export function retryDelayMs(failures: number, retryAfter: string | null | undefined, now: number, random: () => number = Math.random): number {
  return parseRetryAfterMs(retryAfter, now) ?? backoffDelayMs(failures, random);
}
