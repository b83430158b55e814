// When a file that failed for a passing reason is tried again. The delay is stored with the file
// (next_attempt_at), so backoff survives a restart; that is why this is a pure function and not
// an in-memory retry loop like p-retry's. The math is p-retry's with `randomize` (exponential,
// factor 2, jitter ×1–2), capped, and never sooner than the server's Retry-After.
import { MAX_HOLD_MS } from './queue-holds.ts';

export interface RetryTuning {
  /** The first retry waits about this long (×1–2 jitter). */
  baseDelayMs: number;
  /** No computed wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_TUNING: RetryTuning = { baseDelayMs: 2_000, maxDelayMs: 300_000 };

/**
 * @param attempt 1 for the first retry, 2 for the second, …
 * @param retryAfterMs what the server asked for (429/503 Retry-After), when it did
 */
export function retryDelayMs(
  attempt: number,
  tuning: RetryTuning,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const computed = Math.min(
    tuning.maxDelayMs,
    Math.round((random() + 1) * tuning.baseDelayMs * 2 ** exponent),
  );
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, MAX_HOLD_MS);
  return Math.max(computed, asked);
}
