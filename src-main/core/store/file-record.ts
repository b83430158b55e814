// A row of the history as core works with it (times in ms, engine-only fields), and its
// translation to the contract's HistoryEntry.
import type {
  BundleSource,
  CompanyNumber,
  Destination,
  DocumentKind,
  EInvoiceSummary,
  Failure,
  FileHold,
  FileState,
  HistoryEntry,
  InClearfacts,
  SplitChoice,
  SplitMode,
  UploadSource,
} from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';

export interface FileRecord {
  id: number;
  path: string;
  fileName: string;
  folderId: string | null;
  /** Where `_uploaded/` goes; null for drop and CLI files, which are never moved. */
  watchRoot: string | null;
  source: UploadSource;
  companyNumber: CompanyNumber;
  destination: Destination;
  state: FileState;
  kind: DocumentKind | null;
  sizeBytes: number | null;
  mtimeMs: number | null;
  /**
   * The change time (epoch ms) and inode number of the version checked, beside its size and
   * mtime (store/file-version.ts); null before the check, or where the platform gives none.
   */
  ctimeMs: number | null;
  ino: number | null;
  /** SHA-256 of the file on disk. */
  sha256: string | null;
  /**
   * SHA-256 of the bytes sent when they differ from the file (converted, prefix left out, an
   * unwrapped SBDH envelope).
   */
  sentSha256: string | null;
  /**
   * Bytes of the document the upload's body carried (the staged copy's when one was sent, a
   * split part's own); null before a send started.
   */
  sentBytes: number | null;
  /** What an XML e-invoice says, recorded by the check. */
  eInvoice: EInvoiceSummary | null;
  /** Why the file waits for the user (held, or a duplicate by its invoice) and the choices. */
  hold: FileHold | null;
  /** EN 16931 / Peppol advice on an e-invoice, shown as warnings; never stops a send. */
  advice: Message[];
  /** The user chose where this file goes: routing rules no longer hold it. */
  routeConfirmed: boolean;
  /** The invoice's identity across envelopes (supplier, number, amount), or null. */
  invoiceKey: string | null;
  /** What Clearfacts last said it did with the document (follow-up), or null before asking. */
  inClearfacts: InClearfacts | null;
  pages: number | null;
  /** A scanned batch still to be split in this mode (issue #17); null: not split, or decided. */
  splitMode: SplitMode | null;
  /** The parts the user confirmed in the split preview (issue #19); null: as the mode decides. */
  splitChoice: SplitChoice | null;
  /** A part of a split batch: the original's id; null for any other row. */
  parentId: number | null;
  /** A part's pages in the original (1-based, inclusive); null for any other row. */
  pageRange: { first: number; last: number } | null;
  /** Why a batch was sent whole although its folder splits; null when it was not. */
  splitNote: Message | null;
  /** A document combined from several files (issue #19): those files; null for any other row. */
  bundleSources: BundleSource[] | null;
  /**
   * A file of a scan session (issue #19, state `bundling`): the id of the document it was
   * combined into; null while its session is open, and for any other row.
   */
  bundleId: number | null;
  uuid: string | null;
  failure: Failure | null;
  attempts: number;
  nextAttemptAt: number | null;
  forceSend: boolean;
  archivedPath: string | null;
  /** When the user dismissed this failure; null when not dismissed. */
  dismissedAt: number | null;
  detectedAt: number;
  updatedAt: number;
  uploadedAt: number | null;
  /**
   * The outage (epoch ms it began) in which this file became unconfirmed: the files of one
   * incident are resent or marked done together. Null for any other file.
   */
  incidentAt: number | null;
  /** The name's bytes as hex when they were not valid UTF-8; `fileName` is then decoded. */
  rawName: string | null;
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function toHistoryEntry(record: FileRecord): HistoryEntry {
  return {
    id: record.id,
    path: record.path,
    fileName: record.fileName,
    folderId: record.folderId,
    source: record.source,
    companyNumber: record.companyNumber,
    destination: record.destination,
    state: record.state,
    kind: record.kind,
    sizeBytes: record.sizeBytes,
    sentBytes: record.sentBytes,
    sha256: record.sha256,
    pages: record.pages,
    uuid: record.uuid,
    failure: record.failure,
    attempts: record.attempts,
    nextAttemptAt: iso(record.nextAttemptAt),
    archivedPath: record.archivedPath,
    dismissedAt: iso(record.dismissedAt),
    detectedAt: new Date(record.detectedAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    uploadedAt: iso(record.uploadedAt),
    eInvoice: record.eInvoice,
    hold: record.hold,
    advice: record.advice,
    incidentAt: record.incidentAt,
    rawName: record.rawName,
    inClearfacts: record.inClearfacts,
    parentId: record.parentId,
    pageRange: record.pageRange,
    splitNote: record.splitNote,
    sources: record.bundleSources,
    bundleId: record.bundleId,
  };
}

/**
 * What a row is to the queue's send slots: a batch still to split (it runs beside the slots, one
 * at a time, since its split takes seconds to minutes and in a slot it held every other folder's
 * file), a part cut from a batch (parts and other files take turns for the slots), or any other
 * file (queue/send-slots.ts).
 */
export type SendKind = 'batch' | 'part' | 'other';
