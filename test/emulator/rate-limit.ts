// A rate limit on POST /graphql, which the live API does not publish: at most `requests` per
// sliding window of `perMs`. A request over it is answered 429 with Retry-After (whole seconds,
// RFC 9110 §10.2.3) saying when the window has room again, so tests can show a client backs off.
import { z } from 'zod';

export const RateLimitSchema = z
  .strictObject({
    requests: z.number().int().min(1),
    perMs: z.number().int().min(1).max(86_400_000),
  })
  .nullable();
export type RateLimit = z.infer<typeof RateLimitSchema>;

export class RateLimiter {
  #limit: RateLimit = null;
  #accepted: number[] = [];
  #refused = 0;

  get limit(): RateLimit {
    return this.#limit === null ? null : { ...this.#limit };
  }

  /** How many requests were answered 429 since the limit was last set. */
  get refused(): number {
    return this.#refused;
  }

  /** Replaces the limit; null turns it off. */
  set(limit: RateLimit): void {
    this.#limit = RateLimitSchema.parse(limit);
    this.#accepted = [];
    this.#refused = 0;
  }

  /** Admits a request at `now` (ms), or returns the seconds to put in Retry-After. */
  admit(now: number): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const limit = this.#limit;
    if (limit === null) return { admitted: true };
    this.#accepted = this.#accepted.filter((at) => at > now - limit.perMs);
    if (this.#accepted.length < limit.requests) {
      this.#accepted.push(now);
      return { admitted: true };
    }
    this.#refused += 1;
    const oldest = this.#accepted[0] ?? now;
    return {
      admitted: false,
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.perMs - now) / 1000)),
    };
  }
}
