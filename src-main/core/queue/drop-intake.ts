// Files handed over directly (the drop window, `clearfacts-uploader upload`): inspected on
// request, then queued as ready. They never sit in a watched folder, so they are never moved or
// deleted afterwards.
import { hashBytes } from '../documents/hash-file.ts';
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
import { writeBundle } from './bundle-file.ts';
import { onlySeparatorsMessage, wholeNote } from './split-step.ts';
import type { UploadQueue } from './upload-queue.ts';
import { toHistoryEntry, type FileRecord } from '../store/file-record.ts';
import type { HistoryRepository, NewFile } from '../store/history-repository.ts';
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
  /** Where combined documents are kept until they are uploaded (issue #19, bundling). */
  bundlesDir: string;
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
  /**
   * Combines the files, in this order, into one PDF (bundle-file.ts), writes it durably to the
   * bundles folder and queues it as one document whose row lists them (issue #19). The files
   * themselves are not changed or moved. Throws ApiError `invalid_request` for a path that is no
   * readable file or a file that cannot be combined (nothing is queued then), and
   * StorageUnavailableError when the history cannot be written.
   */
  combine(
    paths: string[],
    companyNumber: CompanyNumber,
    destination: Destination,
  ): Promise<HistoryEntry>;
}

/** The file's bytes, or ApiError `invalid_request` saying the path is no file that can be read. */
async function readGivenFile(filePath: string): Promise<Uint8Array> {
  try {
    return await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError(
      'invalid_request',
      msg(code === 'EISDIR' ? 'drop_path_not_a_file' : 'drop_path_missing', {
        path: filePath,
      }),
    );
  }
}

export function createDropIntake(options: DropIntakeOptions): DropIntake {
  /** Inserts the files as ready drops in one transaction, tells about them and wakes the queue. */
  function queueReady(
    files: readonly Omit<NewFile, 'folderId' | 'watchRoot' | 'source' | 'state'>[],
  ): HistoryEntry[] {
    const records = options.storage.write(() =>
      options.repository.inTransaction(() =>
        files.map((file) =>
          options.repository.insert({
            ...file,
            folderId: null,
            watchRoot: null,
            source: options.source,
            state: 'ready',
          }),
        ),
      ),
    );
    for (const record of records) options.onInserted(record);
    options.queue.lookForWork();
    return records.map(toHistoryEntry);
  }

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
      const bytes = await readGivenFile(filePath);
      const sha256 = await hashBytes(bytes);
      const result = await options.previewSplit(bytes, mode);
      switch (result.outcome) {
        case 'split':
          return {
            sha256,
            pages: result.pages,
            separatorPages: result.separatorPages,
            parts: result.parts,
            pageThumbnails: result.pageThumbnails,
            whole: null,
          };
        case 'only_separators':
          // What sending it would say: nothing is sent (split-step.ts).
          return {
            sha256,
            pages: result.pages,
            separatorPages: result.separatorPages,
            parts: [],
            pageThumbnails: [],
            whole: onlySeparatorsMessage(mode, result.pages),
          };
        case 'whole':
          return {
            sha256,
            pages: result.pages,
            separatorPages: [],
            parts: [],
            pageThumbnails: [],
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
      return queueReady(
        paths.map((given) => {
          const filePath = path.resolve(given);
          return {
            path: filePath,
            fileName: path.basename(filePath),
            companyNumber,
            destination,
            splitMode: split === 'off' ? null : split,
            splitChoice: split === 'off' ? null : (choices.get(filePath) ?? null),
          };
        }),
      );
    },

    async combine(
      paths: string[],
      companyNumber: CompanyNumber,
      destination: Destination,
    ): Promise<HistoryEntry> {
      const inputs: { fileName: string; path: string; bytes: Uint8Array }[] = [];
      for (const given of paths) {
        const filePath = path.resolve(given);
        inputs.push({
          fileName: path.basename(filePath),
          path: filePath,
          bytes: await readGivenFile(filePath),
        });
      }
      const bundle = await writeBundle(options.bundlesDir, inputs);
      if (!bundle.ok) throw new ApiError('invalid_request', bundle.reason);
      const [entry] = queueReady([
        {
          path: bundle.path,
          fileName: bundle.fileName,
          companyNumber,
          destination,
          bundleSources: bundle.sources,
        },
      ]);
      if (entry === undefined) throw new Error('the combined document was not queued');
      return entry;
    },
  };
}
