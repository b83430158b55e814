// Writes what the folder intake reports into the history: a file seen is waiting for stability,
// a file through the gate is ready for the queue. A file seen again continues its row (its
// backoff reset), and a send under way for a file that changed is called off first.
import path from 'node:path';
import { SplitMode, type Destination, type FolderBinding } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import type { IntakeFile, RawNameFailure } from '../intake/folder-intake.ts';
import type { IntakeSink } from '../intake/watch-supervisor.ts';
import type { Logger } from '../logging/logger.ts';
import type { ScanSessions } from './scan-session.ts';
import type { UploadQueue } from './upload-queue.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import { StorageUnavailableError, type StorageGuard } from '../store/storage-guard.ts';

export interface IntakeRecorderOptions {
  repository: HistoryRepository;
  storage: StorageGuard;
  queue: UploadQueue;
  bindings: () => FolderBinding[];
  logger: Logger;
  onInserted: (record: FileRecord) => void;
  onTransition: (transition: Transition) => void;
  onForgotten: (record: FileRecord) => void;
  /** The folders' open scan sessions (issue #19): where a file of a bundling folder waits. */
  scanSessions: ScanSessions;
}

/** How many path segments under an accountant root lead to a destination folder. */
/** The split mode a file takes from its folder: null when it is not split (an inbox never is). */
function splitModeOf(binding: FolderBinding | undefined): SplitMode | null {
  if (binding === undefined || binding.mode === 'e-invoice-inbox') return null;
  const split = SplitMode.safeParse(binding.split);
  // `bundle:N` (issue #19) is no split mode: the folder's files are combined, not cut.
  return !split.success || split.data === 'off' ? null : split.data;
}

function destinationDepth(destination: Destination): number {
  // <administration>/Purchase | <administration>/Sales
  // <administration>/Archive/<Various|Permanent>/<category>
  return destination.type === 'purchase' || destination.type === 'sale' ? 2 : 4;
}

/** The folder `_uploaded/` goes in: the bound folder, or the destination folder of a tree. */
export function watchRootFor(binding: FolderBinding, file: IntakeFile): string {
  const root = path.resolve(binding.path);
  if (binding.mode !== 'accountant-tree') return root;
  const segments = path.relative(root, file.path).split(path.sep);
  return path.join(root, ...segments.slice(0, destinationDepth(file.destination)));
}

/**
 * The intake's sink: writes what the folder intake reports into the history and tells the queue.
 * A write the history refuses (storage fault) is remembered, never thrown, so the watchers keep
 * running; any other error is thrown.
 */
export interface IntakeRecorder extends IntakeSink {
  /** A file appeared or changed: its row waits for stability; a running send is called off. */
  onFileSeen(file: IntakeFile): void;
  /** Through the gate: its row is ready (after a call-off under way has been recorded). */
  onFileReady(file: IntakeFile): Promise<void>;
  /** Deleted before it was ever ready: it stood for nothing, so its row goes too. */
  onFileRemoved(filePath: string): void;
  /** A file whose name is not UTF-8 could not be renamed: a failed row names it, once. */
  onRawNameFailed(file: RawNameFailure): void;
  /** The paths whose write was missed, to look at again now that the history accepts writes. */
  takeMissed(): string[];
}

export function createIntakeRecorder(options: IntakeRecorderOptions): IntakeRecorder {
  const { repository, storage, queue, logger } = options;
  /** Calls-off under way, so `ready` is written only after the send recorded where it stopped. */
  const abortions = new Map<string, Promise<void>>();
  /** Files the history could not record (storage fault): looked at again once it can. */
  const missed = new Set<string>();

  function routing(file: IntakeFile) {
    const binding = options.bindings().find((candidate) => candidate.id === file.folderId);
    return {
      folderId: file.folderId,
      watchRoot: binding ? watchRootFor(binding, file) : path.dirname(file.path),
      companyNumber: file.companyNumber,
      destination: file.destination,
      sizeBytes: file.sizeBytes,
      mtimeMs: file.mtimeMs,
      // The folder's split mode when the file came in (or changed): the queue splits by it.
      splitMode: splitModeOf(binding),
      // Only when the intake renamed it: a later sighting must not forget the name it had.
      ...(file.rawName === undefined ? {} : { rawName: file.rawName }),
    };
  }

  function guarded(filePath: string, write: () => void): void {
    try {
      storage.write(write);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      missed.add(filePath);
    }
  }

  return {
    onFileSeen(file: IntakeFile): void {
      guarded(file.path, () => {
        const existing = repository.findReusable(file.path);
        if (existing && queue.isRunning(existing.id)) {
          logger.info('A queued file changed: its send is called off and it is checked again', {
            id: existing.id,
          });
          abortions.set(
            file.path,
            queue.abort(existing.id, 'changed').finally(() => abortions.delete(file.path)),
          );
          return;
        }
        if (existing) {
          options.onTransition(
            repository.transition(existing.id, 'waiting_stability', {
              ...routing(file),
              attempts: 0,
              nextAttemptAt: null,
              failure: null,
              forceSend: false,
            }),
          );
          return;
        }
        options.onInserted(
          repository.insert({
            ...routing(file),
            path: file.path,
            fileName: path.basename(file.path),
            source: 'watch',
            state: 'waiting_stability',
          }),
        );
      });
      missed.delete(file.path);
    },

    async onFileReady(file: IntakeFile): Promise<void> {
      await abortions.get(file.path);
      // A JPEG, PNG or PDF of a folder that bundles joins its open scan session (issue #19).
      const quietSeconds = await options.scanSessions.quietSecondsFor(file);
      const state = quietSeconds === null ? 'ready' : 'bundling';
      let joined: FileRecord | null = null;
      guarded(file.path, () => {
        const existing = repository.findReusable(file.path);
        if (existing?.state === 'waiting_stability' || existing?.state === 'detected') {
          const transition = repository.transition(existing.id, state, routing(file));
          options.onTransition(transition);
          joined = transition.record;
        } else if (!existing) {
          joined = repository.insert({
            ...routing(file),
            path: file.path,
            fileName: path.basename(file.path),
            source: 'watch',
            state,
          });
          options.onInserted(joined);
        }
      });
      if (joined !== null && quietSeconds !== null) {
        options.scanSessions.joined(joined, quietSeconds);
      }
      queue.lookForWork();
    },

    onRawNameFailed(file: RawNameFailure): void {
      guarded(file.path, () => {
        if (repository.findReusable(file.path) !== null) return;
        const inserted = repository.insert({
          ...routing(file),
          path: file.path,
          fileName: path.basename(file.path),
          source: 'watch',
          state: 'waiting_stability',
        });
        options.onInserted(inserted);
        options.onTransition(
          repository.transition(inserted.id, 'failed', {
            failure: {
              code: 'file_unreadable',
              message: msg('name_not_utf8_unrenamed', { path: file.path, error: file.error }),
            },
          }),
        );
      });
    },

    /** Deleted before it was ever ready: it stood for nothing, so its row goes too. */
    onFileRemoved(filePath: string): void {
      guarded(filePath, () => {
        const existing = repository.findReusable(filePath);
        if (existing?.state === 'waiting_stability' || existing?.state === 'detected') {
          repository.forget(existing.id);
          options.onForgotten(existing);
        }
      });
      missed.delete(filePath);
      queue.lookForWork();
    },

    /**
     * Files still at the gate in a folder no longer watched: nothing will see them finish, and
     * they may be half-written, so their rows go (as a file removed before it was ready does).
     * Bound again, the folder's start-up scan finds them afresh.
     */
    dropUnwatched(boundFolderIds: ReadonlySet<string>): void {
      for (const record of repository.inStates(['detected', 'waiting_stability'])) {
        if (record.folderId !== null && !boundFolderIds.has(record.folderId)) {
          storage.write(() => repository.forget(record.id));
          options.onForgotten(record);
        }
      }
    },

    /** Paths the last stop caught between the gate's steps. */
    waitingAtGate(): string[] {
      return repository.inStates(['detected', 'waiting_stability']).map((record) => record.path);
    },

    /** The paths to look at again now that the history accepts writes. */
    takeMissed(): string[] {
      const paths = [...missed];
      missed.clear();
      return paths;
    },
  };
}
