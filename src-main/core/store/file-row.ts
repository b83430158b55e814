// How a FileRecord is laid out in the `files` table. Rows are validated on the way out: the
// database is a file on disk, which an older version or a person may have written.
import { z } from 'zod';
import {
  BundleSource,
  CompanyNumber,
  Destination,
  DocumentKind,
  EInvoiceSummary,
  FailureCode,
  FileHold,
  type Failure,
  FileState,
  ClearfactsStatus,
  SplitChoice,
  SplitMode,
  UploadSource,
  type InClearfacts,
} from '../../contract/domain.ts';
import type { FileRecord } from './file-record.ts';
import { foldForSearch } from './search-name.ts';
import { Message } from '../../contract/messages/message.ts';

/**
 * failure_message holds a Message as JSON. Rows written before messages were data hold the
 * English sentence itself: they read as `legacy_text`, shown as written (no migration, so an
 * older version that opens the same history still reads its own rows).
 */
function readFailureMessage(stored: string | null): Message {
  if (stored === null) return { code: 'legacy_text', params: { text: '' } };
  try {
    const parsed = Message.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: an English sentence from an older version.
  }
  return { code: 'legacy_text', params: { text: stored } };
}

/** How failure_detail keeps Clearfacts' own words apart from the app's text. */
const ClearfactsDetail = z.strictObject({ clearfacts: z.string() });

/**
 * failure_detail holds the app's own detail as text, and Clearfacts' words as JSON
 * `{"clearfacts": "…"}`, so where they came from survives (no migration: an older version shows
 * that JSON as text). Rows written before origins were kept read as the app's: they are never
 * claimed to be what Clearfacts said.
 */
function readFailureDetail(stored: string | null): Pick<Failure, 'detail' | 'detailFrom'> {
  if (stored === null) return {};
  if (stored.startsWith('{')) {
    try {
      const parsed = ClearfactsDetail.safeParse(JSON.parse(stored));
      if (parsed.success) return { detail: parsed.data.clearfacts, detailFrom: 'clearfacts' };
    } catch {
      // Text that only starts like JSON: the app's own.
    }
  }
  return { detail: stored };
}

function writeFailureDetail(failure: Failure | null): string | null {
  if (failure?.detail === undefined) return null;
  return failure.detailFrom === 'clearfacts'
    ? JSON.stringify({ clearfacts: failure.detail })
    : failure.detail;
}

const FileRow = z.object({
  id: z.number().int(),
  path: z.string(),
  file_name: z.string(),
  folder_id: z.string().nullable(),
  watch_root: z.string().nullable(),
  source: UploadSource,
  company_number: CompanyNumber,
  destination_type: z.string(),
  category_id: z.string().nullable(),
  state: FileState,
  kind: DocumentKind.nullable(),
  size_bytes: z.number().int().nullable(),
  mtime_ms: z.number().nullable(),
  sha256: z.string().nullable(),
  sent_sha256: z.string().nullable(),
  pages: z.number().int().nullable(),
  uuid: z.string().nullable(),
  failure_code: FailureCode.nullable(),
  failure_message: z.string().nullable(),
  failure_detail: z.string().nullable(),
  attempts: z.number().int(),
  next_attempt_at: z.number().int().nullable(),
  force_send: z.number().int(),
  archived_path: z.string().nullable(),
  // Absent from rows read before migration 4: dismissed failures.
  dismissed_at: z.number().int().nullable().default(null),
  detected_at: z.number().int(),
  updated_at: z.number().int(),
  uploaded_at: z.number().int().nullable(),
  invoice_summary: z.string().nullable(),
  hold: z.string().nullable(),
  advice: z.string().nullable(),
  route_confirmed: z.number().int(),
  invoice_key: z.string().nullable(),
  // Absent from rows read before migration 8: delivery.
  incident_at: z.number().int().nullable().default(null),
  raw_name: z.string().nullable().default(null),
  cf_status: ClearfactsStatus.nullable().catch(null),
  cf_document_date: z.string().nullable(),
  cf_payment_state: z.string().nullable(),
  cf_checked_at: z.number().int().nullable(),
  // Absent from rows read before migration 7: split batches.
  split_mode: SplitMode.nullable().default(null),
  parent_id: z.number().int().nullable().default(null),
  first_page: z.number().int().nullable().default(null),
  last_page: z.number().int().nullable().default(null),
  split_note: z.string().nullable().default(null),
  // Absent from rows read before migration 10: split preview.
  split_choice: z.string().nullable().default(null),
  // Absent from rows read before migration 11: bundling.
  bundle_sources: z.string().nullable().default(null),
  // Absent from rows read before migration 12: bytes sent.
  sent_bytes: z.number().int().nullable().default(null),
  // Absent from rows read before migration 14: the version checked.
  ctime_ms: z.number().nullable().default(null),
  ino: z.number().nullable().default(null),
  // Absent from rows read before migration 15: scan sessions.
  bundle_id: z.number().int().nullable().default(null),
});

/** What the follow-up last stored, or null before Clearfacts was asked. */
function inClearfacts(row: z.infer<typeof FileRow>): InClearfacts | null {
  if (row.cf_status === null || row.cf_checked_at === null) return null;
  return {
    status: row.cf_status,
    documentDate: row.cf_document_date,
    paymentState: row.cf_payment_state,
    checkedAt: new Date(row.cf_checked_at).toISOString(),
  };
}

/** The JSON column's value as `schema` reads it, or null when it is empty or no longer parses. */
function parseColumn<T>(schema: z.ZodType<T>, json: string | null): T | null {
  if (json === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A note that no longer parses (a newer version wrote it) reads as none: it only informs. */
function parseNote(json: string | null): Message | null {
  return parseColumn(Message, json);
}

/** A choice that no longer parses reads as none: the batch is then split as its mode decides. */
function parseChoice(json: string | null): SplitChoice | null {
  return parseColumn(SplitChoice, json);
}

/** A combined document's sources (issue #19); a list that no longer parses reads as none. */
function parseSources(json: string | null): BundleSource[] | null {
  return parseColumn(z.array(BundleSource), json);
}

/** A hold that no longer parses (a newer version wrote it) reads as none. */
function parseHold(json: string | null): FileHold | null {
  return parseColumn(FileHold, json);
}

/** Advice that no longer parses is left out: it only ever informs. */
function parseAdvice(json: string | null): Message[] {
  if (json === null) return [];
  try {
    const parsed = z.array(Message).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** A summary that no longer parses (written by a newer version, or edited) is left out. */
function parseSummary(json: string | null): EInvoiceSummary | null {
  if (json === null) return null;
  try {
    const parsed = EInvoiceSummary.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rowToRecord(row: unknown): FileRecord {
  const r = FileRow.parse(row);
  return {
    id: r.id,
    path: r.path,
    fileName: r.file_name,
    folderId: r.folder_id,
    watchRoot: r.watch_root,
    source: r.source,
    companyNumber: r.company_number,
    destination: Destination.parse({ type: r.destination_type, categoryId: r.category_id }),
    state: r.state,
    kind: r.kind,
    sizeBytes: r.size_bytes,
    mtimeMs: r.mtime_ms,
    ctimeMs: r.ctime_ms,
    ino: r.ino,
    sha256: r.sha256,
    sentSha256: r.sent_sha256,
    sentBytes: r.sent_bytes,
    eInvoice: parseSummary(r.invoice_summary),
    hold: parseHold(r.hold),
    advice: parseAdvice(r.advice),
    routeConfirmed: r.route_confirmed !== 0,
    invoiceKey: r.invoice_key,
    inClearfacts: inClearfacts(r),
    pages: r.pages,
    splitMode: r.split_mode,
    splitChoice: parseChoice(r.split_choice),
    parentId: r.parent_id,
    pageRange:
      r.first_page === null || r.last_page === null
        ? null
        : { first: r.first_page, last: r.last_page },
    splitNote: parseNote(r.split_note),
    bundleSources: parseSources(r.bundle_sources),
    bundleId: r.bundle_id,
    uuid: r.uuid,
    failure:
      r.failure_code === null
        ? null
        : {
            code: r.failure_code,
            message: readFailureMessage(r.failure_message),
            ...readFailureDetail(r.failure_detail),
          },
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    forceSend: r.force_send !== 0,
    archivedPath: r.archived_path,
    dismissedAt: r.dismissed_at,
    detectedAt: r.detected_at,
    updatedAt: r.updated_at,
    uploadedAt: r.uploaded_at,
    incidentAt: r.incident_at,
    rawName: r.raw_name,
  };
}

/** The columns a change may set, and how each field is stored (the follow-up writes its own). */
export type FilePatch = Partial<
  Omit<FileRecord, 'id' | 'state' | 'detectedAt' | 'updatedAt' | 'source' | 'inClearfacts'>
>;

export function patchToColumns(patch: FilePatch): Record<string, string | number | null> {
  const columns: Record<string, string | number | null> = {};
  const set = (column: string, value: string | number | boolean | null | undefined) => {
    if (value !== undefined) columns[column] = typeof value === 'boolean' ? Number(value) : value;
  };
  set('path', patch.path);
  set('file_name', patch.fileName);
  if (patch.fileName !== undefined) columns.search_name = foldForSearch(patch.fileName);
  set('folder_id', patch.folderId);
  set('watch_root', patch.watchRoot);
  set('company_number', patch.companyNumber);
  if (patch.destination !== undefined) {
    columns.destination_type = patch.destination.type;
    columns.category_id = 'categoryId' in patch.destination ? patch.destination.categoryId : null;
  }
  set('kind', patch.kind);
  set('size_bytes', patch.sizeBytes);
  set('mtime_ms', patch.mtimeMs);
  set('ctime_ms', patch.ctimeMs);
  set('ino', patch.ino);
  set('sha256', patch.sha256);
  set('sent_sha256', patch.sentSha256);
  set('sent_bytes', patch.sentBytes);
  if (patch.eInvoice !== undefined) {
    const summary = patch.eInvoice;
    columns.invoice_summary = summary === null ? null : JSON.stringify(summary);
    columns.invoice_number = summary?.number ?? null;
    columns.invoice_amount = summary?.payableAmount ?? null;
    columns.invoice_supplier =
      summary === null
        ? null
        : foldForSearch(
            [
              summary.supplier.name,
              summary.supplier.companyNumber,
              summary.supplier.vatNumber,
              summary.supplier.endpoint ?? null,
            ]
              .filter((part) => part !== null)
              .join(' '),
          );
  }
  if (patch.hold !== undefined) {
    columns.hold = patch.hold === null ? null : JSON.stringify(patch.hold);
  }
  if (patch.advice !== undefined) {
    columns.advice = patch.advice.length === 0 ? null : JSON.stringify(patch.advice);
  }
  set('route_confirmed', patch.routeConfirmed);
  set('invoice_key', patch.invoiceKey);
  set('pages', patch.pages);
  set('split_mode', patch.splitMode);
  if (patch.splitChoice !== undefined) {
    columns.split_choice = patch.splitChoice === null ? null : JSON.stringify(patch.splitChoice);
  }
  if (patch.bundleSources !== undefined) {
    columns.bundle_sources =
      patch.bundleSources === null ? null : JSON.stringify(patch.bundleSources);
  }
  set('parent_id', patch.parentId);
  set('bundle_id', patch.bundleId);
  if (patch.pageRange !== undefined) {
    columns.first_page = patch.pageRange?.first ?? null;
    columns.last_page = patch.pageRange?.last ?? null;
  }
  if (patch.splitNote !== undefined) {
    columns.split_note = patch.splitNote === null ? null : JSON.stringify(patch.splitNote);
  }
  set('uuid', patch.uuid);
  if (patch.failure !== undefined) {
    columns.failure_code = patch.failure?.code ?? null;
    columns.failure_message = patch.failure === null ? null : JSON.stringify(patch.failure.message);
    columns.failure_detail = writeFailureDetail(patch.failure);
  }
  set('attempts', patch.attempts);
  set('next_attempt_at', patch.nextAttemptAt);
  set('force_send', patch.forceSend);
  set('archived_path', patch.archivedPath);
  set('dismissed_at', patch.dismissedAt);
  set('uploaded_at', patch.uploadedAt);
  set('incident_at', patch.incidentAt);
  set('raw_name', patch.rawName);
  return columns;
}
