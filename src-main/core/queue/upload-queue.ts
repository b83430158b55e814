// The durable queue: which files are sent, when, and how many at once. The history is the queue
// (ready rows, with their next_attempt_at), so nothing here needs saving; memory holds only the
// running sends and the reasons the queue is holding back.
import type { Message } from '../../contract/messages/message.ts';
import type { Administration, Failure, UploadProgress } from '../../contract/domain.ts';
import { authHoldReason } from '../account/session.ts';
import type { Logger } from '../logging/logger.ts';
import type { FileRecord, SendKind } from '../store/file-record.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import type { StorageGuard } from '../store/storage-guard.ts';
import type { AfterUpload } from '../../contract/domain.ts';
import { ACTIVE_STATES } from '../store/file-lifecycle.ts';
import type { DocumentDestination } from './document-destination.ts';
import {
  createQueueHolds,
  heldDestinations,
  isStopped,
  MAX_HOLD_MS,
  type QueueHolds,
} from './queue-holds.ts';
import { retryDelayMs, type RetryTuning } from './retry-policy.ts';
import { chooseSends, sendKind } from './send-slots.ts';
import { settleBatches, type ArchiveCategoryLookup, type Splitter } from './split-step.ts';
import { settleBundles } from './bundle-members.ts';
import {
  finishLocally,
  SendAborted,
  sendFile,
  type AbortCause,
  type DocumentTools,
  type HoldChange,
  type SendContext,
} from './send-file.ts';
import {
  AFTER_UPLOAD_RETRY_MS,
  RETRIED_AFTER_UPLOAD_REASONS,
  type AfterUploadFs,
} from './after-upload.ts';
import * as fsPromises from 'node:fs/promises';
import { networkShareCheck } from '../intake/network-share.ts';

/** The longest wait between two read queries probing Clearfacts during an incident. */
const MAX_PROBE_INTERVAL_MS = 60_000;

export interface UploadQueueOptions {
  repository: HistoryRepository;
  storage: StorageGuard;
  documents: DocumentTools;
  /** Where files go: the Clearfacts client today (see document-destination.ts). */
  destination: DocumentDestination;
  settings: () => {
    concurrency: number;
    afterUpload: AfterUpload;
    maxUploadBytes: number;
    /** Pairing x.pdf with x.xml; on unless false. */
    pairEInvoices?: boolean;
    stabilityWindowMs?: number;
  };
  retry: RetryTuning;
  stagingDir: string;
  /** Where parts of split batches wait to be sent; unlike staging, kept across restarts. */
  partsDir: string;
  /** Where blank pages left out by a `blank`-mode split are kept for good (issue #19). */
  blankPagesDir: string;
  /** The split stage (split/split-service.ts): its verdict on a batch's bytes. */
  splitter: Splitter;
  /**
   * A file that is neither a batch to split nor its part began its check; the returned function
   * is called once its send ended. The split worker gives way to such files
   * (SplitService.otherFileBegan); nothing by default.
   */
  otherFileBegan?: () => () => void;
  /**
   * What a part of a split batch waits for before its send begins: the split stage's wait until
   * no other folder's file is being checked or sent, at most a few hundred ms
   * (SplitService.noOtherFile), since a part's check and upload share the check's worker and
   * the processor with theirs; nothing by default.
   */
  beforePartSend?: () => Promise<unknown>;
  logger: Logger;
  onTransition: (transition: Transition) => void;
  /** A row the queue added itself (a part cut from a batch). */
  onInserted: (record: FileRecord) => void;
  /** Bytes sent of a file being uploaded, a few times a second (upload-progress.ts); optional. */
  onUploadProgress?: (progress: UploadProgress) => void;
  /** A hold started or ended (auth, scope, offline, rate limit, pause). */
  onHoldsChanged: () => void;
  /** Clearfacts refused the token: the session decides, and holds the queue via setAuthHold. */
  onTokenRefused: () => void;
  /**
   * Why a file waits while the token is refused: the session's words for where the token comes
   * from (session.ts authHoldReason); the words for a stored token by default.
   */
  tokenRefusedReason?: () => Message;
  explainRefusal?: (record: FileRecord, failure: Failure) => Promise<Failure>;
  onChangedAfterSend?: (filePath: string) => void;
  /** The administrations the token reaches, for e-invoice routing; none known by default. */
  reachableAdministrations?: () => Promise<Administration[] | null>;
  /**
   * The id of the archive category a typed separator sheet names (by id or name) in one
   * administration; the given value by default.
   */
  archiveCategoryId?: ArchiveCategoryLookup;
  /** Whether another installation delivers a watched row's folder now; never by default. */
  folderOwnedElsewhere?: (record: FileRecord) => Promise<boolean>;
  /** The after-upload step's file operations; node:fs/promises unless a test injects faults. */
  afterUploadFs?: AfterUploadFs;
  /**
   * Whether a watched folder is on a network share (intake/network-share.ts, asked once a minute
   * per folder by default); tests inject the verdict.
   */
  onNetworkShare?: (folderPath: string) => Promise<boolean>;
  /** How long a move that failed for a passing reason waits; AFTER_UPLOAD_RETRY_MS by default. */
  afterUploadRetryMs?: number;
  /** How often the history is looked at for work another process queued (CLI `retry`). */
  sweepIntervalMs?: number;
  now?: () => number;
  random?: () => number;
}

interface RunningSend {
  controller: AbortController;
  done: Promise<void>;
  kind: SendKind;
}

/**
 * The durable upload queue. Its work is the history's `ready` rows; at most `concurrency` sends
 * run at once. Failures of single files are written to their rows, never thrown.
 */
export interface UploadQueue {
  /** Why the queue is holding back (pause, auth, scopes, storage, offline, rate limit). */
  readonly holds: Readonly<QueueHolds>;
  /** Starts sending, and sweeps the history every `sweepIntervalMs` for work others queued. */
  start(): void;
  /** Something was queued or changed: starts what is due now and notices the end of the work. */
  lookForWork(): void;
  /** The user's pause: running sends finish, no new ones start. */
  pause(): void;
  /** The user's "go": lifts their pause and lets held scopes be tried again. */
  resume(): void;
  /** Another token is in use: scope holds are lifted, since it may carry those scopes. */
  tokenChanged(): void;
  /** Set by the session: a reason while no usable token exists, null once one does. */
  setAuthHold(reason: Message | null): void;
  /**
   * Set by the session's check of the address: api_not_graphql while the API address answers as
   * no GraphQL endpoint does, null once it answers normally (a send's answer sets it too).
   */
  setAddressProblem(problem: Message | null): void;
  /** Set by the storage guard: the fault's sentence, null once the history accepts writes. */
  setStorageFault(reason: Message | null): void;
  /** Whether the file with this history id is being sent now. */
  isRunning(id: number): boolean;
  /** How many sends run now. */
  runningCount(): number;
  /** Calls off a running send; resolves once that send has recorded where it stopped. */
  abort(id: number, cause: AbortCause): Promise<void>;
  /** Moves or deletes a file that was sent but whose local step failed (history.retry). */
  finishLocally(record: FileRecord): Promise<void>;
  /**
   * Delivers the batches whose parts are all uploaded (a part marked done, a stop before the
   * original was moved), and the scan session files whose combined document is (issue #19).
   * Logs, never throws.
   */
  settleBatches(): Promise<void>;
  /** Resolves once nothing is running, waiting or ready. */
  whenIdle(): Promise<void>;
  /** Stops taking work; sends still running get `graceMs` to finish, then are called off. */
  stop(graceMs: number): Promise<void>;
}

export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const now = options.now ?? Date.now;
  const holds: QueueHolds = createQueueHolds();
  const running = new Map<number, RunningSend>();
  let started = false;
  let wakeTimer: NodeJS.Timeout | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;
  let idleWaiters: (() => void)[] = [];
  const stopping = new AbortController();
  let probeTimer: NodeJS.Timeout | null = null;
  let probing = false;
  let lastIncidentAt = 0;

  const context: SendContext = {
    repository: options.repository,
    storage: options.storage,
    documents: options.documents,
    destination: options.destination,
    settings: options.settings,
    holds,
    retry: options.retry,
    stagingDir: options.stagingDir,
    logger: options.logger,
    now,
    random: options.random ?? Math.random,
    onTransition: options.onTransition,
    onInserted: options.onInserted,
    onUploadProgress: options.onUploadProgress ?? (() => {}),
    splitter: options.splitter,
    partsDir: options.partsDir,
    blankPagesDir: options.blankPagesDir,
    onTokenRefused: options.onTokenRefused,
    tokenRefusedReason: options.tokenRefusedReason ?? (() => authHoldReason()),
    stopSignal: stopping.signal,
    inFlight: new Map(),
    explainRefusal: options.explainRefusal ?? ((_record, failure) => Promise.resolve(failure)),
    onChangedAfterSend: options.onChangedAfterSend ?? (() => {}),
    afterUploadFs: options.afterUploadFs ?? fsPromises,
    onNetworkShare: options.onNetworkShare ?? networkShareCheck(),
    onLocalStepDeferred: () => scheduleLocalRetry(),
    reachableAdministrations: options.reachableAdministrations ?? (() => Promise.resolve(null)),
    archiveCategoryId:
      options.archiveCategoryId ??
      ((_companyNumber, _archiveType, given) => Promise.resolve(given)),
    folderOwnedElsewhere: options.folderOwnedElsewhere ?? (() => Promise.resolve(false)),
  };

  let localRetryTimer: NodeJS.Timeout | null = null;

  /**
   * Tries again, after a while, every after-upload step that failed for a passing reason (a full
   * disk, a refused move). Their uuids are stored: this moves files, it never sends one.
   */
  function scheduleLocalRetry(): void {
    if (localRetryTimer !== null || !started) return;
    localRetryTimer = setTimeout(() => {
      localRetryTimer = null;
      void retryLocalSteps();
    }, options.afterUploadRetryMs ?? AFTER_UPLOAD_RETRY_MS);
  }

  async function retryLocalSteps(): Promise<void> {
    let records: FileRecord[];
    try {
      records = options.repository
        .inStates(['uploaded'])
        .filter(
          (record) =>
            record.failure?.code === 'after_upload_failed' &&
            RETRIED_AFTER_UPLOAD_REASONS.has(record.failure.message.code),
        );
    } catch (error) {
      options.logger.warn('The history could not be read to move sent files again', {
        error: String(error),
      });
      scheduleLocalRetry();
      return;
    }
    for (const record of records) {
      if (!started) return;
      try {
        await finishLocally(context, record);
      } catch (error) {
        options.logger.warn('Moving a sent file again failed', {
          id: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
        scheduleLocalRetry();
      }
    }
  }

  function scheduleWake(): void {
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = null;
    if (!started || isStopped(holds)) return;
    const at = now();
    let wakeAt: number | null;
    try {
      wakeAt = options.repository.nextWakeAt(at);
    } catch {
      wakeAt = null;
    }
    if (holds.rateLimitedUntil > at) wakeAt = Math.min(wakeAt ?? Infinity, holds.rateLimitedUntil);
    if (wakeAt !== null) wakeTimer = setTimeout(pump, Math.max(0, wakeAt - at));
  }

  /** The queue is the only writer of its holds: a send's outcome arrives here as a decision. */
  async function applyHoldChange(record: FileRecord, change: HoldChange): Promise<void> {
    let changed = false;
    switch (change.kind) {
      case 'reachable':
        changed = holds.offline || holds.address !== null;
        holds.offline = false;
        holds.address = null;
        break;
      case 'retrying':
        changed = holds.offline !== change.offline;
        holds.offline = change.offline;
        if (change.addressProblem !== null) {
          changed = changed || !sameMessage(holds.address, change.addressProblem);
          holds.address = change.addressProblem;
        }
        if (change.rateLimitMs !== null) {
          const until = now() + Math.min(change.rateLimitMs, MAX_HOLD_MS);
          changed = changed || until > holds.rateLimitedUntil;
          holds.rateLimitedUntil = Math.max(holds.rateLimitedUntil, until);
        }
        break;
      case 'missing_scope':
        if (!holds.missingScopes.has(change.scope)) {
          holds.missingScopes.set(change.scope, change.reason);
          options.logger.warn('The token lacks a scope: files that need it wait', {
            scope: change.scope,
          });
          changed = true;
        }
        break;
      case 'ambiguous':
        await recordUnconfirmed(record, change.failure);
        changed = true;
        break;
    }
    if (changed) {
      options.onHoldsChanged();
      pump();
    }
  }

  /**
   * One outage, one decision: the first upload whose answer was lost opens an incident, which
   * lets no new upload out; those already running that end the same way join it. A read query
   * probes Clearfacts until it answers normally.
   */
  async function recordUnconfirmed(record: FileRecord, failure: Failure): Promise<void> {
    if (holds.incident === null) {
      holds.incident = {
        openedAt: Math.max(now(), lastIncidentAt + 1),
        unconfirmed: 0,
        probes: 0,
        answered: false,
      };
      lastIncidentAt = holds.incident.openedAt;
      options.logger.warn('An upload was not confirmed: no new upload until Clearfacts answers', {
        incident: holds.incident.openedAt,
      });
      scheduleProbe();
    }
    const incident = holds.incident;
    incident.unconfirmed += 1;
    options.logger.warn('No answer after the whole file was sent: unconfirmed', {
      id: record.id,
      incident: incident.openedAt,
    });
    await options.storage.persist(() => {
      const transition = options.repository.transition(record.id, 'unconfirmed', {
        failure,
        incidentAt: incident.openedAt,
      });
      options.onTransition(transition);
      return transition.record;
    }, stopping.signal);
  }

  function scheduleProbe(): void {
    const incident = holds.incident;
    if (incident === null || probeTimer !== null || probing || incident.answered) return;
    const delay = Math.min(
      MAX_PROBE_INTERVAL_MS,
      retryDelayMs(incident.probes + 1, options.retry, null, context.random),
    );
    probeTimer = setTimeout(() => void probe(), delay);
  }

  async function probe(): Promise<void> {
    probeTimer = null;
    const incident = holds.incident;
    if (incident === null || stopping.signal.aborted) return;
    probing = true;
    incident.probes += 1;
    try {
      await options.destination.probe(stopping.signal);
      incident.answered = true;
      options.logger.info('Clearfacts answers again', { incident: incident.openedAt });
      endIncidentWhenSettled();
    } catch (error) {
      options.logger.info('Clearfacts does not answer normally yet', {
        incident: incident.openedAt,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      probing = false;
      scheduleProbe();
    }
  }

  /** Once Clearfacts answered and no upload of the outage is still running, sending resumes. */
  function endIncidentWhenSettled(): void {
    if (holds.incident?.answered !== true || running.size > 0) return;
    holds.incident = null;
    options.onHoldsChanged();
    pump();
  }

  function start(record: FileRecord): void {
    const controller = new AbortController();
    const kind = sendKind(record);
    const ended = kind === 'other' ? (options.otherFileBegan?.() ?? null) : null;
    const ready =
      kind === 'part' && options.beforePartSend !== undefined
        ? options.beforePartSend()
        : Promise.resolve();
    const done = ready
      .then(() => sendFile(context, record, controller.signal))
      .then(async (change) => {
        if (change !== null) await applyHoldChange(record, change);
      })
      .catch((error: unknown) => {
        // Stopping with the disk still failing: the file keeps its last written state.
        if (stopping.signal.aborted) return;
        // A bug, not a failure of the file: the file stays in its last written state.
        options.logger.error('Sending a file stopped on an unexpected error', {
          id: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        ended?.();
        running.delete(record.id);
        endIncidentWhenSettled();
        pump();
        checkIdle();
      });
    running.set(record.id, { controller, done, kind });
  }

  function pump(): void {
    if (!started || isStopped(holds) || holds.incident !== null) return;
    const at = now();
    if (holds.rateLimitedUntil > at) {
      scheduleWake();
      return;
    }
    const sends = [...running.values()];
    const runningBatches = sends.filter((send) => send.kind === 'batch').length;
    const runningParts = sends.filter((send) => send.kind === 'part').length;
    const free = options.settings().concurrency - (running.size - runningBatches);
    // Rows being checked are still `ready`: as many more are asked for as are running.
    const dueOf = (kind: SendKind, wanted: number) =>
      options.repository
        .due(at, wanted + running.size, heldDestinations(holds), kind)
        .filter((candidate) => !running.has(candidate.id));
    let chosen: FileRecord[] = [];
    try {
      if (free > 0) {
        chosen = chooseSends(
          free,
          { parts: runningParts, others: running.size - runningBatches - runningParts },
          { parts: dueOf('part', free), others: dueOf('other', free) },
        );
      }
      if (runningBatches === 0) chosen.push(...dueOf('batch', 1).slice(0, 1));
    } catch (error) {
      options.logger.error('The history could not be read', { error: String(error) });
      chosen = [];
    }
    for (const record of chosen) start(record);
    scheduleWake();
  }

  function activeCount(): number {
    const counts = options.repository.countByState();
    return ACTIVE_STATES.reduce((sum, state) => sum + counts[state], 0);
  }

  function checkIdle(): void {
    if (idleWaiters.length === 0 || running.size > 0) return;
    if (activeCount() > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    holds,

    start(): void {
      started = true;
      sweepTimer = setInterval(pump, options.sweepIntervalMs ?? 5_000);
      pump();
      // Moves a full disk stopped before the last stop are tried again too.
      scheduleLocalRetry();
    },

    lookForWork(): void {
      pump();
      checkIdle();
    },

    pause(): void {
      holds.pausedByUser = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      options.onHoldsChanged();
    },

    /** The user's "go": lifts their pause and lets held scopes be tried again. */
    resume(): void {
      holds.pausedByUser = false;
      holds.missingScopes.clear();
      options.onHoldsChanged();
      pump();
    },

    tokenChanged(): void {
      if (holds.missingScopes.size === 0) return;
      holds.missingScopes.clear();
      options.onHoldsChanged();
      pump();
    },

    /** Set by the session: a reason while no usable token exists, null once one does. */
    setAuthHold(reason: Message | null): void {
      if (sameMessage(holds.auth, reason)) return;
      holds.auth = reason;
      if (reason === null) {
        // A new token may carry the scopes the old one lacked.
        holds.missingScopes.clear();
      }
      options.onHoldsChanged();
      pump();
    },

    setAddressProblem(problem: Message | null): void {
      if (sameMessage(holds.address, problem)) return;
      holds.address = problem;
      options.onHoldsChanged();
      pump();
    },

    setStorageFault(reason: Message | null): void {
      holds.storage = reason;
      options.onHoldsChanged();
      pump();
    },

    isRunning(id: number): boolean {
      return running.has(id);
    },

    runningCount(): number {
      return running.size;
    },

    /** Calls off a running send; resolves once that send has recorded where it stopped. */
    async abort(id: number, cause: AbortCause): Promise<void> {
      const send = running.get(id);
      if (!send) return;
      send.controller.abort(new SendAborted(cause));
      await send.done;
    },

    /** Moves or deletes a file that was sent but whose local step failed (history.retry). */
    finishLocally(record: FileRecord): Promise<void> {
      return finishLocally(context, record);
    },

    async settleBatches(): Promise<void> {
      try {
        await settleBatches(context, finishLocally);
        await settleBundles(context, finishLocally);
      } catch (error) {
        options.logger.error('Settling split batches or scan sessions stopped on an error', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },

    whenIdle(): Promise<void> {
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      checkIdle();
      return idle;
    },

    /** Stops taking work; sends still running get `graceMs` to finish, then are called off. */
    async stop(graceMs: number): Promise<void> {
      started = false;
      if (wakeTimer) clearTimeout(wakeTimer);
      if (sweepTimer) clearInterval(sweepTimer);
      if (probeTimer) clearTimeout(probeTimer);
      if (localRetryTimer) clearTimeout(localRetryTimer);
      localRetryTimer = null;
      probeTimer = null;
      wakeTimer = null;
      sweepTimer = null;
      const all = Promise.all([...running.values()].map((send) => send.done));
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        graceTimer = setTimeout(() => resolve('timeout'), graceMs);
      });
      const outcome = await Promise.race([all.then(() => 'done' as const), graceOver]);
      clearTimeout(graceTimer);
      if (outcome === 'timeout') {
        for (const send of running.values()) send.controller.abort(new SendAborted('stopping'));
        stopping.abort(new SendAborted('stopping'));
        // A send that ignores its signal is left behind: its row reads `uploading`, and the next
        // start records it as unconfirmed.
        await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
    },
  };
}

/** Whether two hold reasons say the same (a code and its parameters). */
function sameMessage(a: Message | null, b: Message | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
