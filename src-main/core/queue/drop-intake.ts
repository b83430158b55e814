// Files handed over directly (the drop window, `clearfacts-uploader upload`): inspected on
// request, then queued as ready. They never sit in a watched folder, so they are never moved or
// deleted afterwards.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type {
  CompanyNumber,
  Destination,
  HistoryEntry,
  InspectedFile,
  SplitChoice,
  SplitMode,
  SplitPreview,
  UploadSource,
} from '../../contract/domain.ts';
import { ApiError } from '../../contract/api-contract.ts';
import { msg } from '../../contract/messages/message.ts';
import type { PreviewResult } from '../split/split-protocol.ts';
import type { DocumentCheck, DocumentCheckOptions } from '../documents/document-check.ts';
import { sendingChanges } from '../documents/sending-changes.ts';
import { onlySeparatorsMessage, wholeNote } from './split-step.ts';
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
  /** The split service's preview of a batch's bytes (transferred) in a mode (issue #19). */
  previewSplit: (bytes: Uint8Array, mode: SplitMode) => Promise<PreviewResult>;
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
   * What the file at `filePath` would be cut into in `mode` (issue #19), read now. Throws
   * ApiError `invalid_request` when it is no file that can be read (`drop_path_missing`,
   * `drop_path_not_a_file`); a PDF that cannot be cut is a `whole` answer with its note.
   */
  previewSplit(filePath: string, mode: SplitMode): Promise<SplitPreview>;
  /**
   * Queues every file as ready for one administration and destination, in one transaction; the
   * checks run when each one's turn comes; a PDF is cut as a scanned batch in `split` mode
   * first (issue #17; `off`: sent as it is), as `choices` says for a path the user previewed
   * (issue #19). Throws StorageUnavailableError when the history cannot be written (nothing is
   * queued then).
   */
  send(
    paths: string[],
    companyNumber: CompanyNumber,
    destination: Destination,
    split?: SplitMode,
    choices?: ReadonlyMap<string, SplitChoice>,
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

    async previewSplit(given: string, mode: SplitMode): Promise<SplitPreview> {
      const filePath = path.resolve(given);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(filePath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ApiError(
          'invalid_request',
          msg(code === 'EISDIR' ? 'drop_path_not_a_file' : 'drop_path_missing', {
            path: filePath,
          }),
        );
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const result = await options.previewSplit(bytes, mode);
      switch (result.outcome) {
        case 'split':
          return {
            sha256,
            pages: result.pages,
            separatorPages: result.separatorPages,
            parts: result.parts,
            whole: null,
          };
        case 'only_separators':
          // What sending it would say: nothing is sent (split-step.ts).
          return {
            sha256,
            pages: result.pages,
            separatorPages: result.separatorPages,
            parts: [],
            whole: onlySeparatorsMessage(mode, result.pages),
          };
        case 'whole':
          return {
            sha256,
            pages: result.pages,
            separatorPages: [],
            parts: [],
            whole: wholeNote(result.reason),
          };
      }
    },

    /** Queues every file; the checks run when each one's turn comes, with the reason if refused. */
    send(
      paths: string[],
      companyNumber: CompanyNumber,
      destination: Destination,
      split: SplitMode = 'off',
      choices: ReadonlyMap<string, SplitChoice> = new Map(),
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
              splitChoice: split === 'off' ? null : (choices.get(filePath) ?? null),
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
