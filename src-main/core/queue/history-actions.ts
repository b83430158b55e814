// What the user can do with a file in the history: retry a failed or duplicate one, resend an
// unconfirmed one (their say-so is the only way it is sent again), mark it done, show it.
import { msg, type Terms } from '../../contract/messages/message.ts';
import { ApiError } from '../../contract/api-contract.ts';
import type {
  Administration,
  FileState,
  HistoryEntry,
  HoldChoice,
  UnconfirmedIncident,
} from '../../contract/domain.ts';
import type { UploadQueue } from './upload-queue.ts';
import { toHistoryEntry, type FileRecord } from '../store/file-record.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import type { StorageGuard } from '../store/storage-guard.ts';

type RefusedAction = keyof Terms['action'];

export interface HistoryActionsOptions {
  repository: HistoryRepository;
  storage: StorageGuard;
  queue: UploadQueue;
  onTransition: (transition: Transition) => void;
  revealFile?: (filePath: string) => Promise<void>;
  /**
   * Retries a file of a scan session whose combined document could not be written, with the
   * rest of its session (scan-session.ts' `retryFailed`): true when it took the row.
   */
  retryScanSession?: (record: FileRecord) => boolean;
}

const requeue = {
  dismissedAt: null,
  attempts: 0,
  nextAttemptAt: null,
  failure: null,
  hold: null,
} as const;

function sameChoice(a: HoldChoice, b: HoldChoice): boolean {
  if (a.kind !== 'send_to' || b.kind !== 'send_to') return a.kind === b.kind;
  return a.companyNumber === b.companyNumber && a.destination === b.destination;
}

/**
 * The user's actions on one history row (contract `history.*`). Each throws ApiError
 * `not_found` for an unknown id, `conflict` when the row's state does not allow the action, and
 * StorageUnavailableError when the history cannot be written.
 */
export interface HistoryActions {
  /** Failed or duplicate: checked again and queued; a sent file whose move failed: moved again. */
  retry(id: number): Promise<HistoryEntry>;
  /** Queues every failed file again; `count` is how many. */
  retryAllFailed(): { count: number };
  /** Unconfirmed or duplicate: sent again even though it may already be in Clearfacts. */
  resend(id: number): HistoryEntry;
  /** Unconfirmed: the user saw it arrive in Clearfacts, so it counts as uploaded. */
  markDone(id: number): HistoryEntry;
  /**
   * Unconfirmed files grouped by the outage that made them so, newest outage first. Rows from
   * before outages were recorded form one group with `incidentAt` 0.
   */
  incidents(): UnconfirmedIncident[];
  /** Every unconfirmed file of one outage: sent again (`resend` for each); `count` is how many. */
  resendIncident(incidentAt: number): { count: number };
  /** Every unconfirmed file of one outage: counts as uploaded (`markDone` for each). */
  markIncidentDone(incidentAt: number): { count: number };
  /**
   * Failed or held: kept as a record, no longer counted as failed or as needing attention. A
   * held row stays held (never sent) and keeps its choices, so every hold offers at least this
   * action even when no administration can be proposed (an inbox invoice of nobody's).
   */
  dismiss(id: number): HistoryEntry;
  /**
   * Held: the user's choice among those the row offers. `send_to` queues the file for that
   * administration and tray, `send_here` where it is; either way the routing rules no longer
   * hold it. A choice the row does not offer is refused (`conflict`), so a stale screen cannot
   * send a file somewhere nobody proposed. A row offering `pick_administration` takes a
   * `send_to` of any administration in `reachable` (the list the token reaches, or null when it
   * cannot be read: then none); `pick_administration` itself names none and is refused.
   */
  choose(
    id: number,
    choice: HoldChoice,
    reachable?: readonly Administration[] | null,
  ): HistoryEntry;
  /** Shows the file (or its archived copy) in the file manager when the shell has one. */
  reveal(id: number): Promise<{ path: string }>;
}

export function createHistoryActions(options: HistoryActionsOptions): HistoryActions {
  const { repository, storage, queue } = options;

  function find(id: number): FileRecord {
    const record = repository.get(id);
    if (!record) throw new ApiError('not_found', msg('history_entry_unknown', { id }));
    return record;
  }

  function refuse(record: FileRecord, action: RefusedAction, allowed: readonly FileState[]): never {
    throw new ApiError(
      'conflict',
      msg('history_action_refused', { fileName: record.fileName, state: record.state, action }),
      `only ${allowed.join(' or ')} files can be ${action}`,
    );
  }

  function write(id: number, to: FileState, patch: Parameters<HistoryRepository['transition']>[2]) {
    const transition = storage.write(() => repository.transition(id, to, patch));
    options.onTransition(transition);
    queue.lookForWork();
    return toHistoryEntry(transition.record);
  }

  /** The unconfirmed rows of one outage; ApiError not_found when it has none left. */
  function unconfirmedOf(incidentAt: number): FileRecord[] {
    const records = repository
      .inStates(['unconfirmed'])
      .filter((record) => (record.incidentAt ?? 0) === incidentAt);
    if (records.length === 0) {
      throw new ApiError('not_found', msg('incident_unknown', { incident: incidentAt }));
    }
    return records;
  }

  const actions: HistoryActions = {
    /** Failed or duplicate: checked again and queued; a sent file whose move failed: moved again. */
    async retry(id: number): Promise<HistoryEntry> {
      const record = find(id);
      if (record.state === 'uploaded' && record.failure?.code === 'after_upload_failed') {
        await queue.finishLocally(record);
        return toHistoryEntry(find(id));
      }
      if (record.state !== 'failed' && record.state !== 'duplicate') {
        refuse(record, 'retried', ['failed', 'duplicate']);
      }
      if (options.retryScanSession?.(record) === true) return toHistoryEntry(find(id));
      return write(id, 'ready', { ...requeue, forceSend: false });
    },

    retryAllFailed(): { count: number } {
      const failed = repository
        .inStates(['failed'])
        .filter((record) => record.dismissedAt === null);
      for (const record of failed) {
        // A session's retry took the rest of its files already.
        const current = repository.get(record.id);
        if (current?.state !== 'failed') continue;
        if (options.retryScanSession?.(current) === true) continue;
        write(record.id, 'ready', { ...requeue, forceSend: false });
      }
      return { count: failed.length };
    },

    /** Sent again even though it may already be in Clearfacts: the user decided. */
    resend(id: number): HistoryEntry {
      const record = find(id);
      if (record.state !== 'unconfirmed' && record.state !== 'duplicate') {
        refuse(record, 'resent', ['unconfirmed', 'duplicate']);
      }
      return write(id, 'ready', { ...requeue, forceSend: true });
    },

    /** The user saw it arrive in Clearfacts. */
    markDone(id: number): HistoryEntry {
      const record = find(id);
      if (record.state !== 'unconfirmed') refuse(record, 'marked_done', ['unconfirmed']);
      const entry = write(id, 'uploaded', { failure: null });
      // The last part of a batch marked done lets the batch's original be moved; a combined
      // document marked done, the files of its scan session (issue #19).
      if (record.parentId !== null || record.bundleSources !== null) void queue.settleBatches();
      return entry;
    },

    incidents(): UnconfirmedIncident[] {
      const groups = new Map<number, HistoryEntry[]>();
      for (const record of repository.inStates(['unconfirmed'])) {
        const key = record.incidentAt ?? 0;
        groups.set(key, [...(groups.get(key) ?? []), toHistoryEntry(record)]);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => b - a)
        .map(([incidentAt, files]) => ({ incidentAt, files }));
    },

    resendIncident(incidentAt: number): { count: number } {
      const records = unconfirmedOf(incidentAt);
      for (const record of records) actions.resend(record.id);
      return { count: records.length };
    },

    markIncidentDone(incidentAt: number): { count: number } {
      const records = unconfirmedOf(incidentAt);
      for (const record of records) actions.markDone(record.id);
      return { count: records.length };
    },

    dismiss(id: number): HistoryEntry {
      const record = find(id);
      if (record.state !== 'failed' && record.state !== 'held') {
        refuse(record, 'dismissed', ['failed', 'held']);
      }
      return write(id, record.state, { dismissedAt: Date.now() });
    },

    choose(
      id: number,
      choice: HoldChoice,
      reachable: readonly Administration[] | null = null,
    ): HistoryEntry {
      const record = find(id);
      if (record.state !== 'held') refuse(record, 'chosen', ['held']);
      const offered = record.hold?.choices ?? [];
      if (choice.kind === 'pick_administration') {
        throw new ApiError(
          'conflict',
          msg('hold_choice_name_administration', { fileName: record.fileName }),
        );
      }
      const picked =
        choice.kind === 'send_to' &&
        offered.some((candidate) => candidate.kind === 'pick_administration');
      if (
        picked &&
        !(reachable ?? []).some((known) => known.companyNumber === choice.companyNumber)
      ) {
        throw new ApiError(
          'not_found',
          msg('administration_unreachable', { companyNumber: choice.companyNumber }),
        );
      }
      if (!picked && !offered.some((candidate) => sameChoice(candidate, choice))) {
        throw new ApiError(
          'conflict',
          msg('hold_choice_unknown', { fileName: record.fileName }),
          `offered: ${JSON.stringify(offered)}`,
        );
      }
      const route =
        choice.kind === 'send_to'
          ? { companyNumber: choice.companyNumber, destination: { type: choice.destination } }
          : {};
      return write(id, 'ready', { ...requeue, ...route, forceSend: false, routeConfirmed: true });
    },

    async reveal(id: number): Promise<{ path: string }> {
      const record = find(id);
      const shown = record.archivedPath ?? record.path;
      // Without a file manager to open (browser mode, the CLI) the path itself is the answer.
      await options.revealFile?.(shown);
      return { path: shown };
    },
  };
  return actions;
}
