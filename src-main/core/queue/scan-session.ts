// Scan sessions (issue #19, a folder's `bundle:N`): phone photos or single-page scans of one
// invoice arrive as several files within seconds. Each JPEG, PNG or PDF through the readiness
// gate joins its folder's open session (its row waits in `bundling`); N seconds after the last
// arrival the session closes and its files are combined in name order into one PDF
// (bundle-file.ts, as "Combine into one document" on the Drop screen does), queued as one row
// that lists them. The files stay where they are until that document is uploaded; then each
// gets its after-upload step (bundle-members.ts). The members are rows, so a stop loses or
// doubles none of them: an open session starts its quiet window again at the next start.
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import {
  bundleQuietSeconds,
  type BundleSource,
  type FolderBinding,
} from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import type { IdleTimer } from '../documents/idle-serial-queue.ts';
import type { Logger } from '../logging/logger.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import type { StorageGuard } from '../store/storage-guard.ts';
import { fileStorageProblem } from '../store/storage-fault.ts';
import { writeBundle, type BundleInput, type BundleWrite } from './bundle-file.ts';
import { xmlTwinPaths } from './e-invoice-pairing.ts';
import type { UploadQueue } from './upload-queue.ts';

/** The bytes file-type needs to tell a PDF, JPEG or PNG by its content. */
const SNIFF_BYTES = 4_100;

/**
 * Name order as people read it: numbers by their value ("scan 2" before "scan 10"), case and
 * accents aside; the same in every language, so a session combines alike on every machine.
 */
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders a session's files by name (natural sort), then by path, for one stable order. */
export function byNaturalName(a: FileRecord, b: FileRecord): number {
  return NAME_ORDER.compare(a.fileName, b.fileName) || (a.path < b.path ? -1 : 1);
}

export interface ScanSessionsOptions {
  repository: HistoryRepository;
  storage: StorageGuard;
  queue: Pick<UploadQueue, 'lookForWork'>;
  bindings: () => FolderBinding[];
  /** Where combined documents are kept until they are uploaded (shared with drop.combine). */
  bundlesDir: string;
  logger: Logger;
  /** The quiet window's timer; tests fire it by hand instead of waiting N seconds. */
  timer: IdleTimer;
  /** Writes the combined document (bundle-file.ts' default); tests hand one that fails. */
  writeBundle?: BundleWrite;
  onInserted: (record: FileRecord) => void;
  onTransition: (transition: Transition) => void;
}

/** The open scan sessions of the folders that bundle them. */
export interface ScanSessions {
  /**
   * The quiet window (s) of the session `file` would join: its folder bundles (`bundle:N`) and
   * the file is a JPEG, PNG or PDF by its content. Null: the file goes on its own (an XML
   * e-invoice, any other type, a folder that does not bundle, a file that cannot be read).
   */
  quietSecondsFor(file: { path: string; folderId: string | null }): Promise<number | null>;
  /** A file's row was written `bundling`: its session's quiet window starts again. */
  joined(record: FileRecord, quietSeconds: number): void;
  /** At start: each session left open by the last stop gets a whole quiet window again. */
  resume(): void;
  /**
   * The user retries `record`: when it is a file of a session whose combined document could not
   * be written, every file of that session that failed so goes back to `bundling` and the session
   * gets a quiet window again (true); false for any other row, which the caller retries as usual.
   */
  retryFailed(record: FileRecord): boolean;
  /** Clears every quiet window; a session closing now finishes its transaction. */
  stop(): Promise<void>;
}

/** One session per destination of a bound folder (an accountant tree has many). */
function sessionKey(record: FileRecord): string {
  return JSON.stringify([
    record.folderId,
    record.watchRoot,
    record.companyNumber,
    record.destination,
  ]);
}

/** The reasons a whole session failed because its combined document could not be written. */
const NOT_WRITTEN: ReadonlySet<string> = new Set([
  'scan_session_not_written',
  'scan_session_not_written_other',
]);

function failedUnwritten(record: FileRecord): boolean {
  return record.state === 'failed' && NOT_WRITTEN.has(record.failure?.message.code ?? '');
}

export function createScanSessions(options: ScanSessionsOptions): ScanSessions {
  const { repository, storage, logger, timer } = options;
  const windows = new Map<string, unknown>();
  const closing = new Set<Promise<void>>();
  let stopped = false;

  function bindingQuietSeconds(folderId: string | null): number | null {
    const binding = options.bindings().find((candidate) => candidate.id === folderId);
    return binding === undefined || binding.mode === 'e-invoice-inbox'
      ? null
      : bundleQuietSeconds(binding.split);
  }

  function arm(key: string, quietSeconds: number): void {
    if (stopped) return;
    const previous = windows.get(key);
    if (previous !== undefined) timer.clearTimeout(previous);
    windows.set(
      key,
      timer.setTimeout(() => {
        windows.delete(key);
        const closed = close(key).catch((error: unknown) =>
          logger.error('A scan session could not be closed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
        closing.add(closed);
        void closed.finally(() => closing.delete(closed));
      }, quietSeconds * 1_000),
    );
  }

  function write(transition: () => Transition): void {
    options.onTransition(storage.write(transition));
  }

  /**
   * Whether the file is the visual of an e-invoice: an XML of its name lies beside it or is in
   * the history. Such a file goes through the pairing with its XML (issue #18), never into a
   * combined document, where the invoice would be booked a second time among other scans.
   */
  function hasXmlTwin(filePath: string): boolean {
    const twins = xmlTwinPaths(filePath);
    return twins.some((twin) => existsSync(twin)) || repository.latestOf(twins) !== null;
  }

  /** Sends each file on its own: a session of one, or a folder that stopped bundling. */
  function sendAlone(members: readonly FileRecord[]): void {
    for (const member of members) {
      write(() => repository.transition(member.id, 'ready', { failure: null }));
    }
  }

  /** Combines the session's files (those still there and readable) and queues the document. */
  async function close(key: string): Promise<void> {
    const sessionFiles = repository
      .openSessionMembers()
      .filter((record) => sessionKey(record) === key)
      .sort(byNaturalName);
    // An XML that arrived after its visual joined the session takes the visual out of it.
    const visuals = new Set(sessionFiles.filter((record) => hasXmlTwin(record.path)));
    sendAlone([...visuals]);
    const members = sessionFiles.filter((record) => !visuals.has(record));
    const [first] = members;
    if (first === undefined) {
      options.queue.lookForWork();
      return;
    }
    if (bindingQuietSeconds(first.folderId) === null || members.length === 1) {
      sendAlone(members);
      options.queue.lookForWork();
      return;
    }
    let inputs: (BundleInput & { record: FileRecord })[] = [];
    for (const record of members) {
      try {
        inputs.push({
          record,
          fileName: record.fileName,
          path: record.path,
          bytes: await readFile(record.path),
        });
      } catch {
        // Gone (or unreadable) before it was combined: it stood for nothing, as a file removed
        // at the gate does; seen again, it is a new arrival.
        storage.write(() => repository.forget(record.id));
      }
    }
    for (;;) {
      if (inputs.length <= 1) {
        sendAlone(inputs.map(({ record }) => record));
        options.queue.lookForWork();
        return;
      }
      let bundle;
      try {
        bundle = await writeBundle(options.bundlesDir, inputs, options.writeBundle);
      } catch (error) {
        failUnwritten(
          inputs.map(({ record }) => record),
          error,
        );
        return;
      }
      if (bundle.ok) {
        queueCombined(first, inputs, bundle);
        return;
      }
      // One file cannot be combined (encrypted, damaged): it fails with why, the rest go on.
      const failed = inputs[bundle.index];
      if (failed === undefined) return;
      failCombining(failed.record, bundle.reason);
      inputs = inputs.filter((input) => input !== failed);
    }
  }

  /**
   * The combined document could not be written (a full or read-only disk): the session ends as
   * a failure of each of its files, which stay as they are, until the user retries
   * (`retryFailed`). Left open, it would wait forever, its files shown as bundling.
   */
  function failUnwritten(records: readonly FileRecord[], error: unknown): void {
    const folder = options.bundlesDir;
    const problem = fileStorageProblem(error);
    const message =
      problem === null
        ? msg('scan_session_not_written_other', { folder })
        : msg('scan_session_not_written', { folder, storageProblem: problem });
    const detail = error instanceof Error ? error.message : String(error);
    for (const record of records) {
      write(() =>
        repository.transition(record.id, 'failed', {
          failure: { code: 'storage', message, detail },
        }),
      );
    }
    logger.warn('A scan session could not be combined: its document could not be written', {
      files: records.length,
      error: detail,
    });
  }

  function failCombining(record: FileRecord, reason: Message): void {
    write(() =>
      repository.transition(record.id, 'failed', {
        failure: { code: 'file_unreadable', message: reason },
      }),
    );
  }

  /**
   * One transaction: the combined document's row (ready, listing its files) and every member
   * pointing at it. A stop before it leaves the session open (combined again at the next start,
   * the same bytes); after it, the document is queued once.
   */
  function queueCombined(
    first: FileRecord,
    inputs: readonly (BundleInput & { record: FileRecord })[],
    bundle: { path: string; fileName: string; sources: BundleSource[]; sizeBytes: number },
  ): void {
    const { combined, members } = storage.write(() =>
      repository.inTransaction(() => {
        const inserted = repository.insert({
          path: bundle.path,
          fileName: bundle.fileName,
          folderId: first.folderId,
          // The app's own file: removed once uploaded, never moved like a watched file.
          watchRoot: null,
          source: 'watch',
          companyNumber: first.companyNumber,
          destination: first.destination,
          state: 'ready',
          sizeBytes: bundle.sizeBytes,
          bundleSources: bundle.sources,
        });
        return {
          combined: inserted,
          members: inputs.map(({ record }, index) =>
            repository.transition(record.id, 'bundling', {
              bundleId: inserted.id,
              // What was combined: the after-upload step moves only a file still this one.
              sha256: bundle.sources[index]?.sha256 ?? null,
            }),
          ),
        };
      }),
    );
    options.onInserted(combined);
    for (const member of members) options.onTransition(member);
    logger.info('A scan session was combined into one document', {
      id: combined.id,
      files: inputs.length,
    });
    options.queue.lookForWork();
  }

  return {
    async quietSecondsFor(file) {
      const quietSeconds = bindingQuietSeconds(file.folderId);
      if (quietSeconds === null || hasXmlTwin(file.path)) return null;
      try {
        const handle = await open(file.path, 'r');
        try {
          const { buffer, bytesRead } = await handle.read(
            Buffer.alloc(SNIFF_BYTES),
            0,
            SNIFF_BYTES,
            0,
          );
          const type = await fileTypeFromBuffer(buffer.subarray(0, bytesRead));
          return type?.ext === 'pdf' || type?.ext === 'jpg' || type?.ext === 'png'
            ? quietSeconds
            : null;
        } finally {
          await handle.close();
        }
      } catch {
        // The send step says why a file cannot be read; it is not bundled.
        return null;
      }
    },

    joined(record, quietSeconds) {
      arm(sessionKey(record), quietSeconds);
    },

    resume() {
      for (const record of repository.openSessionMembers()) {
        const key = sessionKey(record);
        if (windows.has(key)) continue;
        arm(key, bindingQuietSeconds(record.folderId) ?? 0);
      }
    },

    retryFailed(record) {
      if (!failedUnwritten(record)) return false;
      const key = sessionKey(record);
      const session = repository
        .inStates(['failed'])
        .filter(
          (candidate) =>
            failedUnwritten(candidate) &&
            sessionKey(candidate) === key &&
            (candidate.dismissedAt === null || candidate.id === record.id),
        );
      for (const member of session) {
        write(() =>
          repository.transition(member.id, 'bundling', {
            failure: null,
            dismissedAt: null,
            bundleId: null,
          }),
        );
      }
      arm(key, bindingQuietSeconds(record.folderId) ?? 0);
      return true;
    },

    async stop() {
      stopped = true;
      for (const handle of windows.values()) timer.clearTimeout(handle);
      windows.clear();
      await Promise.allSettled([...closing]);
    },
  };
}
