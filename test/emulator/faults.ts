// Fault injection for reliability tests: what a flaky network, an overloaded gateway or a stuck
// PHP worker does to a client. One random draw per request picks at most one fault, so rates
// add up and a seed replays the exact same sequence.
import { z } from 'zod';

export const FaultPlanSchema = z
  .strictObject({
    /** Added before every affected request is handled. */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Share of affected requests answered with one of `errorStatuses`. */
    errorRate: z.number().min(0).max(1).optional(),
    errorStatuses: z.array(z.number().int().min(500).max(599)).min(1).optional(),
    /** When set, a 503 error answer carries `Retry-After` with this many seconds. */
    errorRetryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    /** Share answered 429 with Retry-After. */
    rateLimitRate: z.number().min(0).max(1).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    /** Share whose connection is destroyed after part of the body arrived (nothing stored). */
    resetMidUploadRate: z.number().min(0).max(1).optional(),
    /** Share that never get an answer. */
    hangRate: z.number().min(0).max(1).optional(),
    /** before-processing: nothing read or stored. after-processing: stored, then silence. */
    hangStage: z.enum(['before-processing', 'after-processing']).optional(),
    /**
     * Share that are stored (onUpload fires) and then answered badly: a gateway's 504, a 500, a
     * reset connection or a 200 cut off halfway. The client cannot tell these from "not stored".
     */
    storeThenFailRate: z.number().min(0).max(1).optional(),
    /** The ways a stored upload's answer fails; one is drawn per request (default all four). */
    storeThenFailWith: z
      .array(z.enum(['504', '500', 'reset', 'cut-off']))
      .min(1)
      .optional(),
    /** Share read whole, then held this long before being stored and answered (a slow backend). */
    hangThenStoreRate: z.number().min(0).max(1).optional(),
    hangThenStoreMs: z.number().int().min(0).max(600_000).optional(),
    /** uploads: multipart POSTs to /graphql only. all: every request except /__emulator/. */
    appliesTo: z.enum(['uploads', 'all']).optional(),
    /** Makes the random choices reproducible. */
    seed: z.number().int().optional(),
  })
  .refine(
    (plan) =>
      (plan.errorRate ?? 0) +
        (plan.rateLimitRate ?? 0) +
        (plan.resetMidUploadRate ?? 0) +
        (plan.hangRate ?? 0) +
        (plan.storeThenFailRate ?? 0) +
        (plan.hangThenStoreRate ?? 0) <=
      1,
    { message: 'the fault rates together must not exceed 1' },
  );

export type FaultPlan = z.infer<typeof FaultPlanSchema>;

export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'error'; status: number; retryAfterSeconds: number | null }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'reset' }
  | { kind: 'hang'; stage: 'before-processing' | 'after-processing' }
  | { kind: 'store-then-fail'; how: StoreThenFail }
  | { kind: 'hang-then-store'; delayMs: number };

export type StoreThenFail = '504' | '500' | 'reset' | 'cut-off';

const ALL_STORE_THEN_FAIL: StoreThenFail[] = ['504', '500', 'reset', 'cut-off'];
const DEFAULT_HANG_THEN_STORE_MS = 5_000;

const DEFAULT_ERROR_STATUSES = [500, 502, 503];
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** mulberry32: tiny, fast and good enough to make fault sequences replayable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultInjector {
  #plan: FaultPlan = {};
  #random: () => number = Math.random;
  #replaced = new AbortController();
  /** Requests waiting out `latencyMs` now (the server counts them in and out). */
  waitingOutLatency = 0;

  get plan(): FaultPlan {
    return { ...this.#plan };
  }

  /** Replaces the whole plan (an empty plan turns every fault off). */
  set(plan: FaultPlan): void {
    this.#plan = FaultPlanSchema.parse(plan);
    this.#random = plan.seed === undefined ? Math.random : seededRandom(plan.seed);
    this.#replaced.abort();
    this.#replaced = new AbortController();
  }

  /**
   * Aborted when the plan is next replaced: a request waiting out `latencyMs` goes on at once
   * under the new plan, so a test can hold an upload in flight for as long as it needs and then
   * let it through.
   */
  get replacedSignal(): AbortSignal {
    return this.#replaced.signal;
  }

  clear(): void {
    this.set({});
  }

  affects(isUpload: boolean): boolean {
    return isUpload || this.#plan.appliesTo === 'all';
  }

  latencyMs(): number {
    return this.#plan.latencyMs ?? 0;
  }

  /** Draws the fate of one affected request. */
  decide(): FaultOutcome {
    const plan = this.#plan;
    const draw = this.#random();
    let threshold = plan.errorRate ?? 0;
    if (draw < threshold) {
      const statuses = plan.errorStatuses ?? DEFAULT_ERROR_STATUSES;
      const status =
        statuses[Math.floor(this.#random() * statuses.length)] ?? DEFAULT_ERROR_STATUSES[0] ?? 500;
      const retryAfterSeconds = status === 503 ? (plan.errorRetryAfterSeconds ?? null) : null;
      return { kind: 'error', status, retryAfterSeconds };
    }
    threshold += plan.rateLimitRate ?? 0;
    if (draw < threshold) {
      return {
        kind: 'rate-limit',
        retryAfterSeconds: plan.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      };
    }
    threshold += plan.resetMidUploadRate ?? 0;
    if (draw < threshold) return { kind: 'reset' };
    threshold += plan.hangRate ?? 0;
    if (draw < threshold) {
      return { kind: 'hang', stage: plan.hangStage ?? 'before-processing' };
    }
    threshold += plan.storeThenFailRate ?? 0;
    if (draw < threshold) {
      const ways = plan.storeThenFailWith ?? ALL_STORE_THEN_FAIL;
      return {
        kind: 'store-then-fail',
        how: ways[Math.floor(this.#random() * ways.length)] ?? '504',
      };
    }
    threshold += plan.hangThenStoreRate ?? 0;
    if (draw < threshold) {
      return {
        kind: 'hang-then-store',
        delayMs: plan.hangThenStoreMs ?? DEFAULT_HANG_THEN_STORE_MS,
      };
    }
    return { kind: 'none' };
  }
}
