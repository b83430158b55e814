// The follow-up stage: asks Clearfacts what it did with each delivered invoice, politely. One
// timer, one request in flight, at most one request per `spacingMs`, up to 50 documents per
// request (aliases). It pauses when the user turns it off, when the token is refused or lacks the
// scope (until a new token), and backs off when offline, on 429 (honouring Retry-After) and on
// server errors. It only reads: no mutation is ever sent from here.
import type { ClearfactsStatus, FollowUpState, FollowUpStatus } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import { ClearfactsApiError, type ClearfactsClient } from '../api/clearfacts-client.ts';
import { MAX_DOCUMENTS_PER_REQUEST } from '../api/document-lookup.ts';
import type { Logger } from '../logging/logger.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { FollowUpRecords } from '../store/follow-up-records.ts';
import { FOLLOW_UP_OFFSETS_MS, nextCheckAt, statusFromLookup } from './follow-up-schedule.ts';

/** The clock the follow-up runs on; tests pass a manual one. */
export interface FollowUpClock {
  /** The wall clock, epoch ms: delivery times and the stored schedule are on it. */
  now(): number;
  /**
   * A clock that never goes back (ms from any origin; `performance.now()`): spacing, backoff and
   * how far the schedule has come are measured on it, so a wall clock set back pauses nothing.
   */
  monotonic(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: FollowUpClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Default spacing between two requests: the one third-party client tested live used 2 s. */
export const DEFAULT_FOLLOW_UP_SPACING_MS = 5_000;
const LONGEST_BACKOFF_MS = 30 * 60_000;
/** Timers are set at most this far ahead, so a changed clock is noticed. */
const LONGEST_SLEEP_MS = 60 * 60_000;
/** How soon an opened row is asked about. */
const OPENED_ROW_DELAY_MS = 0;

export interface FollowUpOptions {
  records: FollowUpRecords;
  /** Asks Clearfacts about a batch of uuids (the API client's `lookUpDocuments`). */
  lookUp: ClearfactsClient['lookUpDocuments'];
  /** The user's setting; read before every request. */
  enabled: () => boolean;
  logger: Logger;
  /** A check changed what Clearfacts said about a row (the History updates it). */
  onChecked: (record: FileRecord) => void;
  /** The follow-up's state changed (paused, resumed, …). */
  onStateChanged?: () => void;
  clock?: FollowUpClock;
  /** Least time between two requests, in ms. */
  spacingMs?: number;
  /** Documents per request (at most 50). */
  batchSize?: number;
  /** The schedule, in ms after delivery (default FOLLOW_UP_OFFSETS_MS). */
  offsetsMs?: readonly number[];
  /** Clearfacts refused the token: the session holds everything and watches for a new one. */
  onTokenRefused?: () => void;
}

export interface FollowUp {
  start(): void;
  stop(): Promise<void>;
  /** Something may be due sooner (a delivery, the setting turned on). */
  lookForWork(): void;
  /** A token is usable again (set, or accepted after a refusal): lift auth and scope pauses. */
  tokenUsable(): void;
  /** The user opened the row: ask once more, soon. Returns the row, or null. */
  checkNow(id: number): FileRecord | null;
  status(): FollowUpStatus;
  /** Resolves once no request is in flight (tests, and stop). */
  whenIdle(): Promise<void>;
}

export function createFollowUp(options: FollowUpOptions): FollowUp {
  const clock = options.clock ?? REAL_CLOCK;
  const spacingMs = options.spacingMs ?? DEFAULT_FOLLOW_UP_SPACING_MS;
  const offsetsMs = options.offsetsMs ?? FOLLOW_UP_OFFSETS_MS;
  const nextAfter = (deliveredAt: number, now: number, status: ClearfactsStatus | null) =>
    nextCheckAt(deliveredAt, now, status, offsetsMs);
  const batchSize = Math.min(
    options.batchSize ?? MAX_DOCUMENTS_PER_REQUEST,
    MAX_DOCUMENTS_PER_REQUEST,
  );
  let running = false;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let controller: AbortController | null = null;
  /** Monotonic ms of the last request. */
  let lastRequestAt = -Infinity;
  /** No request before this monotonic time (a backoff or Retry-After). */
  let notBefore = -Infinity;
  /**
   * The wall time the schedule has reached, and the monotonic time it was read. The schedule's
   * times are on the wall clock (stored, counted from delivery), but the follow-up's own time
   * never goes back: with the wall clock set back a day, `due(now)` would find nothing due for
   * that day and the follow-up would stand still. A clock set forward is followed at once.
   */
  let reached = { wall: clock.now(), monotonic: clock.monotonic() };

  /** The wall time to schedule by: the wall clock, or where it was plus the time since. */
  function scheduleNow(): number {
    const wall = clock.now();
    const monotonic = clock.monotonic();
    const projected = reached.wall + (monotonic - reached.monotonic);
    reached = { wall: Math.max(wall, projected), monotonic };
    return reached.wall;
  }
  let failures = 0;
  let paused: { state: Exclude<FollowUpState, 'active' | 'off'>; reason: Message | null } | null =
    null;

  function setPause(next: typeof paused): void {
    const changed = next?.state !== paused?.state;
    paused = next;
    if (changed) options.onStateChanged?.();
  }

  /** Waits are doubled per failure in a row, from the spacing up to 30 min, with jitter. */
  function backOff(retryAfterMs: number | null): void {
    failures += 1;
    const exponential = Math.min(LONGEST_BACKOFF_MS, spacingMs * 2 ** failures);
    const wait = Math.max(retryAfterMs ?? 0, exponential * (0.75 + Math.random() * 0.25));
    notBefore = clock.monotonic() + Math.min(LONGEST_BACKOFF_MS, wait);
  }

  function schedule(): void {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (!running || inFlight !== null || !options.enabled()) return;
    if (paused?.state === 'paused_auth' || paused?.state === 'paused_scope') return;
    const due = options.records.nextDueAt();
    if (due === null) return;
    const monotonic = clock.monotonic();
    const delay = Math.min(
      LONGEST_SLEEP_MS,
      Math.max(
        0,
        due - scheduleNow(),
        lastRequestAt + spacingMs - monotonic,
        notBefore - monotonic,
      ),
    );
    timer = clock.setTimeout(() => {
      timer = null;
      inFlight = tick().finally(() => {
        inFlight = null;
        schedule();
      });
    }, delay);
  }

  async function tick(): Promise<void> {
    const monotonic = clock.monotonic();
    if (!options.enabled() || monotonic < notBefore || monotonic < lastRequestAt + spacingMs) {
      return;
    }
    const targets = options.records.due(scheduleNow(), batchSize);
    if (targets.length === 0) return;
    lastRequestAt = monotonic;
    controller = new AbortController();
    try {
      const answers = await options.lookUp(
        targets.map((target) => target.uuid),
        controller.signal,
      );
      failures = 0;
      setPause(null);
      // Shown as when it was checked: the wall clock. The next step counts on schedule time.
      const checkedAt = clock.now();
      const scheduledAt = scheduleNow();
      for (const target of targets) {
        const lookup = answers.get(target.uuid);
        if (lookup === undefined || lookup.found === null) {
          // Logged, since only the log says why a followed invoice shows no news.
          options.logger.warn('Clearfacts did not answer for a document', {
            uuid: target.uuid,
            error: lookup?.error ?? 'no answer',
          });
        }
        // No answer (Clearfacts failed on this one alone), or an invoice Clearfacts now files
        // as an archive document, which has no invoice state: nothing to store, so it is asked
        // again at the next step of the schedule, like any other; past the schedule, never.
        if (
          lookup === undefined ||
          lookup.found === null ||
          (lookup.found && lookup.kind === 'archive')
        ) {
          options.records.postpone(
            target.id,
            nextAfter(target.deliveredAt, scheduledAt, target.status),
          );
          continue;
        }
        const answer = statusFromLookup(lookup);
        const record = options.records.record(
          target.id,
          answer,
          checkedAt,
          nextAfter(target.deliveredAt, scheduledAt, answer.status),
        );
        // Only news reaches the windows: a check that found the same answer changed nothing
        // they show but the time it was checked (10,000 followed invoices: 10,000 a day).
        const news =
          answer.status !== target.status ||
          answer.documentDate !== target.documentDate ||
          answer.paymentState !== target.paymentState;
        if (record !== null && news) options.onChecked(record);
      }
    } catch (error) {
      if (!running) return;
      if (!(error instanceof ClearfactsApiError)) {
        options.logger.warn('Follow-up failed', { error: String(error) });
        backOff(null);
        return;
      }
      options.logger.warn('Follow-up paused', { kind: error.kind, status: error.status });
      if (error.kind === 'auth') {
        setPause({ state: 'paused_auth', reason: msg('follow_up_token_refused') });
        options.onTokenRefused?.();
      } else if (error.kind === 'missing_scope') {
        setPause({
          state: 'paused_scope',
          reason: msg('follow_up_missing_scope', { scope: error.scope ?? 'upload_document' }),
        });
      } else if (error.status === 429) {
        setPause({ state: 'paused_rate_limit', reason: msg('follow_up_rate_limited') });
        backOff(error.retryAfterMs);
      } else if (error.status === null && error.kind === 'transient') {
        setPause({ state: 'paused_offline', reason: msg('follow_up_offline') });
        backOff(null);
      } else {
        backOff(error.retryAfterMs);
      }
    } finally {
      controller = null;
    }
  }

  return {
    start() {
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      controller?.abort();
      schedule();
      await inFlight;
    },
    lookForWork: schedule,
    tokenUsable() {
      if (paused?.state === 'paused_auth' || paused?.state === 'paused_scope') {
        failures = 0;
        notBefore = -Infinity;
        setPause(null);
      }
      schedule();
    },
    checkNow(id) {
      const record = options.records.askAgain(id, scheduleNow() + OPENED_ROW_DELAY_MS);
      schedule();
      return record;
    },
    whenIdle: async () => {
      while (inFlight !== null) await inFlight;
    },
    status() {
      const state: FollowUpState = !options.enabled() ? 'off' : (paused?.state ?? 'active');
      return {
        state,
        reason:
          state === 'off'
            ? msg('follow_up_off')
            : state === 'active'
              ? null
              : (paused?.reason ?? null),
        followed: options.records.followedCount(),
        unpaidPurchases: options.records.unpaidPurchases(),
      };
    },
  };
}
