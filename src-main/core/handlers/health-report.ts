// The health a monitoring script asks for (`clearfacts-uploader status`, `service status`): read
// only, from the status tracker, the queue's holds, the folders and the history. An engine that
// does not watch (a `status` of its own when no engine runs) reads the folders from the disk.
import { stat } from 'node:fs/promises';
import { msg, type Message } from '../../contract/messages/message.ts';
import type {
  FolderHealth,
  HealthReport,
  QueueHold,
  StatusSnapshot,
} from '../../contract/domain.ts';
import type { StatusTracker } from '../events/status-tracker.ts';
import type { WatchedFolders } from '../folders/watched-folders.ts';
import type { QueueHolds } from '../queue/queue-holds.ts';
import type { HistoryRepository } from '../store/history-repository.ts';

export interface HealthReporterOptions {
  status: StatusTracker;
  holds: () => Readonly<QueueHolds>;
  folders: WatchedFolders;
  history: HistoryRepository;
  /** Whether this engine's intake watches the folders (else their availability is read from disk). */
  watching: () => boolean;
  /**
   * Why no token can be used (none stored, or one entered for another API address), or null.
   * An engine that is not started holds nothing, yet `status` must say that sending cannot start.
   */
  tokenProblem: () => Promise<Message | null>;
  /**
   * Why another installation delivers the folder (its owner marker, read, never written), or
   * null: a folder nobody watches here is judged on the disk like the intake would judge it.
   */
  ownedElsewhere?: (folderPath: string) => Promise<Message | null>;
  now?: () => number;
}

/** Answers `health.get`. */
export interface HealthReporter {
  /** The report now; reads the disk only for folders nobody watches. */
  report(): Promise<HealthReport>;
}

/** Holds only the user can end. */
const ATTENTION_HOLDS: readonly QueueHold['kind'][] = ['auth', 'scope', 'storage'];

/** Every hold that applies, most blocking first (the status shows only the first). */
export function listHolds(holds: Readonly<QueueHolds>, now: number): QueueHold[] {
  const listed: QueueHold[] = [];
  if (holds.storage !== null) listed.push({ kind: 'storage', message: holds.storage });
  if (holds.auth !== null) listed.push({ kind: 'auth', message: holds.auth });
  if (holds.pausedByUser) listed.push({ kind: 'paused', message: msg('paused_by_user') });
  for (const message of holds.missingScopes.values()) listed.push({ kind: 'scope', message });
  if (holds.address !== null) listed.push({ kind: 'offline', message: holds.address });
  else if (holds.offline) listed.push({ kind: 'offline', message: msg('offline') });
  if (holds.rateLimitedUntil > now) {
    listed.push({
      kind: 'rate_limit',
      message: msg('rate_limited_until', { until: holds.rateLimitedUntil }),
    });
  }
  return listed;
}

/**
 * Whether someone must act: failed, held (waiting for a choice) or unconfirmed files, a hold only
 * they can end, a lost folder.
 */
export function needsAttention(
  status: StatusSnapshot,
  holds: readonly QueueHold[],
  folders: readonly FolderHealth[],
): boolean {
  return (
    status.counts.failed > 0 ||
    (status.counts.held ?? 0) > 0 ||
    status.counts.unconfirmed > 0 ||
    holds.some((hold) => ATTENTION_HOLDS.includes(hold.kind)) ||
    // A wrong API address waits for someone to correct it.
    holds.some((hold) => hold.message.code === 'api_not_graphql') ||
    folders.some((folder) => !folder.available)
  );
}

async function folderOnDisk(
  id: string,
  folderPath: string,
  ownedElsewhere: HealthReporterOptions['ownedElsewhere'],
): Promise<FolderHealth> {
  const stats = await stat(folderPath).catch(() => null);
  const reason =
    stats === null
      ? msg('folder_not_found', { path: folderPath })
      : stats.isDirectory()
        ? ((await ownedElsewhere?.(folderPath)) ?? null)
        : msg('not_a_folder', { path: folderPath });
  return { id, path: folderPath, available: reason === null, availability: null, reason };
}

export function createHealthReporter(options: HealthReporterOptions): HealthReporter {
  const now = options.now ?? Date.now;

  async function folders(): Promise<FolderHealth[]> {
    if (!options.watching()) {
      return Promise.all(
        options.folders
          .bindings()
          .map((binding) => folderOnDisk(binding.id, binding.path, options.ownedElsewhere)),
      );
    }
    return options.folders.list().map((view) => ({
      id: view.binding.id,
      path: view.binding.path,
      available: view.availability !== 'unavailable',
      availability: view.availability,
      reason: view.reason,
    }));
  }

  return {
    async report() {
      const status = options.status.snapshot();
      const holds = listHolds(options.holds(), now());
      const tokenProblem = await options.tokenProblem();
      if (tokenProblem !== null && !holds.some((hold) => hold.kind === 'auth')) {
        holds.unshift({ kind: 'auth', message: tokenProblem });
      }
      const watched = await folders();
      const uploaded = options.history.lastUploaded();
      const failed = options.history.lastFailed();
      return {
        status,
        holds,
        folders: watched,
        lastUpload:
          uploaded !== null && uploaded.uploadedAt !== null && uploaded.uuid !== null
            ? {
                fileName: uploaded.fileName,
                path: uploaded.path,
                at: new Date(uploaded.uploadedAt).toISOString(),
                uuid: uploaded.uuid,
              }
            : null,
        lastError:
          failed !== null && failed.failure !== null
            ? {
                fileName: failed.fileName,
                path: failed.path,
                at: new Date(failed.updatedAt).toISOString(),
                failure: failed.failure,
              }
            : null,
        attention: needsAttention(status, holds, watched),
      };
    },
  };
}
