// Files handed over directly (the drop window, `clearfacts-uploader upload`): inspected on
// request, then queued as ready. They never sit in a watched folder, so they are never moved or
// deleted afterwards.
import path from 'node:path';
import pLimit from 'p-limit';
import type {
  CompanyNumber,
  Destination,
  HistoryEntry,
  InspectedFile,
  SplitMode,
  UploadSource,
} from '../../contract/domain.ts';
import type { DocumentCheck, DocumentCheckOptions } from '../documents/document-check.ts';
import { sendingChanges } from '../documents/sending-changes.ts';
import type { UploadQueue } from './upload-queue.ts';
import { toHistoryEntry, type FileRecord } from '../store/file-record.ts';
import type { HistoryRepository } from '../store/history-repository.ts';
import type { StorageGuard } from '../store/storage-guard.ts';

/** Checks hash and parse files: a few at once keeps a 10,000-file drop from starving the queue. */
const CHECKS_AT_ONCE = 4;

export interface DropIntakeOptions {
  repository: HistoryRepository;
  storage: StorageGuard;
  queue: UploadQueue;
  check: (filePath: string, options: DocumentCheckOptions) => Promise<DocumentCheck>;
  source: Extract<UploadSource, 'drop' | 'cli'>;
  onInserted: (record: FileRecord) => void;
}

/** Files handed over directly: the drop window, browser-mode drops, `clearfacts-uploader upload`. */
export interface DropIntake {
  /**
   * Checks each file (type by content, pages, limits) without queueing it; paths are resolved
   * against the working directory. Rejects only on an unexpected error: a file that cannot be
   * read comes back with its failure.
   */
  inspect(paths: string[], checkOptions: DocumentCheckOptions): Promise<InspectedFile[]>;
  /**
   * Queues every file as ready for one administration and destination, in one transaction; the
   * checks run when each one's turn comes; a PDF is cut as a scanned batch in `split` mode
   * first (issue #17; `off`: sent as it is). Throws StorageUnavailableError when the history
   * cannot be written (nothing is queued then).
   */
  send(
    paths: string[],
    companyNumber: CompanyNumber,
    destination: Destination,
    split?: SplitMode,
  ): HistoryEntry[];
}

export function createDropIntake(options: DropIntakeOptions): DropIntake {
  return {
    async inspect(paths: string[], checkOptions: DocumentCheckOptions): Promise<InspectedFile[]> {
      const limit = pLimit(CHECKS_AT_ONCE);
      return Promise.all(
        paths.map((given) =>
          limit(async () => {
            const filePath = path.resolve(given);
            const check = await options.check(filePath, checkOptions);
            return {
              path: filePath,
              fileName: path.basename(filePath),
              sizeBytes: check.sizeBytes,
              kind: check.kind,
              pages: check.pages,
              failure: check.failure,
              willConvert: check.willConvert,
              eInvoice: check.eInvoice ?? null,
              changes: sendingChanges(check),
            };
          }),
        ),
      );
    },

    /** Queues every file; the checks run when each one's turn comes, with the reason if refused. */
    send(
      paths: string[],
      companyNumber: CompanyNumber,
      destination: Destination,
      split: SplitMode = 'off',
    ): HistoryEntry[] {
      const records = options.storage.write(() =>
        options.repository.inTransaction(() =>
          paths.map((given) => {
            const filePath = path.resolve(given);
            return options.repository.insert({
              path: filePath,
              fileName: path.basename(filePath),
              folderId: null,
              watchRoot: null,
              source: options.source,
              companyNumber,
              destination,
              state: 'ready',
              splitMode: split === 'off' ? null : split,
            });
          }),
        ),
      );
      for (const record of records) options.onInserted(record);
      options.queue.lookForWork();
      return records.map(toHistoryEntry);
    },
  };
}
