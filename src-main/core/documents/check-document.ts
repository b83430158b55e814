// Everything learned about a file before it is queued: what it really is (by content, never by
// name), its size, SHA-256 and page count, and, when it must not be sent, the specific reason.
// Checking here turns Clearfacts' after-the-fact refusals into clear reasons before any upload.
// The type is sniffed once from the file's head, and a PDF is read once for its SHA-256, its
// completeness and its reading by pdf.js (in the check worker, under a time and memory budget):
// the check runs for every file, so each extra pass over the bytes is CPU the uploads do not get.
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import pLimit from 'p-limit';
import type { DocumentKind, Failure } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import {
  describeDetectedType,
  describeSniffed,
  sniffText,
  unsupportedMessage,
  type DetectedType,
} from './describe-content.ts';
import type { DocumentCheck, DocumentCheckOptions } from './document-check.ts';
import { checkEInvoice } from './e-invoice/check-e-invoice.ts';
import { codaStatementFailure } from './e-invoice/coda-statement.ts';
import { versionOf } from '../store/file-version.ts';
import { hashBytes, hashFile } from './hash-file.ts';
import { documentRefusal } from './document-refusals.ts';
import { checkPdfBytesCompleteness } from './pdf-completeness.ts';
import { HEADER_SEARCH_BYTES } from './pdf-header.ts';
import { createPdfReadingService, type PdfReadingService } from './pdf-reading-service.ts';
import { jpegReachesEnd } from './content-completeness.ts';
import { readPngChunks } from './png-chunks.ts';

/** What the text sniff looks at when no magic number matched. */
const TEXT_SNIFF_BYTES = 1024;
/** file-type's own sample size: enough for every magic number this app accepts. */
const HEAD_BYTES = 4100;

type Identified =
  | { kind: Exclude<DocumentKind, 'unknown'> }
  | { kind: 'unknown'; description: DetectedType }
  /** `%PDF-` found in the head, but after more bytes than are left out before sending. */
  | { kind: 'late_pdf'; headerOffset: number };

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** file_missing or file_unreadable for an error from the file system, else rethrown. */
function fileFailure(error: unknown): Failure {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return {
      code: 'file_missing',
      message: msg('file_gone'),
    };
  }
  if (code === 'EISDIR') {
    // A folder is not unreadable: saying so would send the user to check permissions.
    return { code: 'file_unreadable', message: msg('not_a_file') };
  }
  if (
    code === 'EACCES' ||
    code === 'ELOOP' ||
    code === 'EPERM' ||
    code === 'EBUSY' ||
    code === 'EIO'
  ) {
    return {
      code: 'file_unreadable',
      message: code === 'EBUSY' ? msg('file_locked') : msg('file_no_access'),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  throw error;
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function acceptedKind(extension: string): Exclude<DocumentKind, 'unknown'> | null {
  switch (extension) {
    case 'pdf':
      return 'pdf';
    case 'jpg':
      return 'jpeg';
    case 'png':
      return 'png';
    case 'tif':
      return 'tiff';
    case 'xml':
      return 'xml';
    default:
      return null;
  }
}

/**
 * Every accepted type is told by the magic number at its start, so the head decides the common
 * case. Anything else is a refusal, and its exact name (a Word file rather than a zip) may need
 * file-type to read further, so only then is the whole file asked.
 */
async function identify(filePath: string): Promise<Identified> {
  const head = await readHead(filePath);
  // Readers find `%PDF-` anywhere in the first kilobyte (ISO 32000-2 §7.5.2 wants it first;
  // pdf.js, qpdf and Acrobat tolerate a prefix); file-type wants it at byte 0. pdf.js then
  // confirms the type by opening the file.
  const headText = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const header = headText.indexOf('%PDF-', 0, 'latin1');
  if (header !== -1 && header <= HEADER_SEARCH_BYTES) return { kind: 'pdf' };
  if (header !== -1) return { kind: 'late_pdf', headerOffset: header };
  const fromHead = await fileTypeFromBuffer(head);
  const kind = fromHead === undefined ? null : acceptedKind(fromHead.ext);
  if (kind !== null) return { kind };
  const detected = await fileTypeFromFile(filePath);
  if (detected !== undefined) {
    const deeperKind = acceptedKind(detected.ext);
    if (deeperKind !== null) return { kind: deeperKind };
    return { kind: 'unknown', description: describeDetectedType(detected.ext, detected.mime) };
  }
  const sniff = sniffText(head.subarray(0, TEXT_SNIFF_BYTES));
  if (sniff === 'markup') return { kind: 'xml' };
  return { kind: 'unknown', description: describeSniffed(sniff) };
}

/**
 * One PDF in memory at a time across the process. Holding the slot from the read to the end of
 * the reading means a waiting check holds no bytes yet; the reading runs in one worker anyway.
 */
const pdfInMemory = pLimit(1);

/**
 * Its worker starts with the first PDF (loading pdf.js takes about a second, outside the file's
 * time budget) and ends after a minute without one, so an idle engine does not carry pdf.js.
 */
const pdfReader: PdfReadingService = createPdfReadingService();

/**
 * pdf.js's page count of PDF bytes held in memory (a part cut from a scanned batch), read by the
 * check's own worker, which has just read the batch the part was cut from; null when pdf.js
 * cannot read them or its worker failed. The bytes are copied, so the caller keeps its view.
 */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  try {
    const reading = await pdfReader.read(bytes.slice(), 'part');
    return reading.outcome === 'read' ? reading.pages : null;
  } catch {
    return null;
  }
}

/**
 * Ends the check's pdf.js worker now unless a file is being read or waits to be, or other folders
 * are busy (PdfReaderLifetime.busyWithinMs): the split service calls it before a batch is split,
 * so that with the batch alone the two worker threads are not resident together (the first part
 * read back starts the worker again).
 */
export function releasePdfReader(): void {
  pdfReader.release();
}

type PdfOutcome = { sha256: string } & Pick<
  DocumentCheck,
  'pages' | 'failure' | 'prefixBytes' | 'sentSha256'
>;

/**
 * One read of a PDF that can be sent: its SHA-256, completeness (ISO 32000-2 §7.5.5: the last
 * `startxref` finds an xref, nothing after the last `%%EOF`), and pdf.js' reading of it.
 */
function checkPdfBytes(filePath: string): Promise<PdfOutcome> {
  return pdfInMemory(async () => {
    const bytes = await readFile(filePath);
    const sha256 = await hashBytes(bytes);
    const refused = (failure: Failure): PdfOutcome => ({
      sha256,
      pages: null,
      failure,
      prefixBytes: 0,
      sentSha256: null,
    });
    const completeness = await checkPdfBytesCompleteness(bytes);
    // A cut-off file can still open, with fewer pages, so it is refused even when readable.
    // A startxref that finds no xref in a file that ends cleanly is a writer's mistake, which
    // readers repair: pdf.js' reading below decides that file.
    if (!completeness.complete && completeness.finding !== 'xref_not_found') {
      return refused(documentRefusal('pdf_incomplete', { finding: completeness.finding }));
    }
    // The prefix is left out only when the copy without it is well-formed as written.
    const prefixBytes =
      completeness.complete && completeness.xrefAt === 'after_prefix'
        ? completeness.headerOffset
        : 0;
    const sentSha256 = prefixBytes > 0 ? await hashBytes(bytes.subarray(prefixBytes)) : null;
    const reading = await pdfReader.read(bytes);
    switch (reading.outcome) {
      case 'over_budget':
        return refused(
          documentRefusal('check_over_budget', {
            resource: reading.resource,
            limit: reading.limit,
          }),
        );
      case 'needs_password':
        return refused(documentRefusal('pdf_needs_password', {}));
      case 'unreadable':
        return refused(documentRefusal('pdf_unreadable', { detail: reading.detail }));
      case 'read':
        // The root's /Count is not what the tree holds: qpdf --show-npages, pdfinfo and (unless
        // its last page is missing) pdf.js count what it names, qpdf's walk what it holds, and
        // poppler refuses a /Count of 0. No count would be true for every reader; a root /Count
        // of 0 over real pages is no "no pages".
        if (reading.declaredPages !== reading.pages) {
          return refused(
            documentRefusal('pdf_page_count_mismatch', {
              declaredPages: reading.declaredPages,
              foundPages: reading.pages,
            }),
          );
        }
        if (reading.innerCountWrong) {
          return refused(documentRefusal('pdf_page_tree_miscounted', {}));
        }
        if (reading.pages === 0) return refused(documentRefusal('pdf_no_pages', {}));
        if (reading.xfaOnly) return refused(documentRefusal('pdf_xfa_only', {}));
        return { sha256, pages: reading.pages, failure: null, prefixBytes, sentSha256 };
    }
  });
}

export async function checkDocument(
  filePath: string,
  options: DocumentCheckOptions,
): Promise<DocumentCheck> {
  const fileName = path.basename(filePath);
  let sizeBytes = 0;
  let mtimeMs = 0;
  let ctimeMs: number | null = null;
  let ino: number | null = null;
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) {
      return unreadable({
        code: 'file_unreadable',
        message: msg('not_a_file'),
      });
    }
    ({ sizeBytes, mtimeMs, ctimeMs, ino } = versionOf(stats));
    const { sha256, prefixBytes = 0, sentSha256 = null, ...outcome } = await inspect();
    return {
      sizeBytes,
      mtimeMs,
      ctimeMs,
      ino,
      sha256: sha256 ?? (await hashFile(filePath)),
      prefixBytes,
      sentSha256,
      ...outcome,
    };
  } catch (error) {
    return unreadable(fileFailure(error));
  }

  function unreadable(failure: Failure): DocumentCheck {
    return {
      kind: 'unknown',
      sizeBytes,
      mtimeMs,
      ctimeMs,
      ino,
      sha256: null,
      pages: null,
      failure,
      willConvert: false,
      prefixBytes: 0,
      sentSha256: null,
    };
  }

  /** The verdict, with the SHA-256 when the bytes were read whole for it anyway. */
  async function inspect(): Promise<
    Pick<DocumentCheck, 'kind' | 'pages' | 'failure' | 'willConvert'> &
      Partial<
        Pick<
          DocumentCheck,
          'prefixBytes' | 'sentSha256' | 'unwrapsEnvelope' | 'eInvoice' | 'advice'
        >
      > & {
        sha256?: string;
      }
  > {
    if (sizeBytes === 0) {
      return {
        kind: 'unknown',
        pages: null,
        willConvert: false,
        failure: {
          code: 'empty_file',
          message: msg('file_empty'),
        },
      };
    }
    const identified = await identify(filePath);
    if (identified.kind === 'late_pdf') {
      return {
        kind: 'pdf',
        pages: null,
        willConvert: false,
        failure: documentRefusal('pdf_prefix_too_long', {
          headerOffset: identified.headerOffset,
          limit: HEADER_SEARCH_BYTES,
        }),
      };
    }
    const { kind } = identified;
    if (identified.kind === 'unknown') {
      return {
        kind,
        pages: null,
        willConvert: false,
        failure: (await codaStatementFailure(filePath)) ?? {
          code: 'unsupported_type',
          message: unsupportedMessage(identified.description.type, fileName),
          ...(identified.description.detail === undefined
            ? {}
            : { detail: identified.description.detail }),
        },
      };
    }
    // No TIFF conversion: the pure-JS decoders (utif, tiff) either lack the CCITT G4 that
    // black-and-white scans use or loop forever on a self-referencing directory, which would
    // hang the whole engine on one hostile file. A clear refusal is the honest answer.
    if (kind === 'tiff') {
      return {
        kind,
        pages: null,
        willConvert: false,
        failure: {
          code: 'unsupported_type',
          message: msg('tiff_refused'),
        },
      };
    }
    const willConvert = kind === 'png';
    if (sizeBytes > options.maxUploadBytes) {
      return {
        kind,
        pages: null,
        willConvert,
        failure: {
          code: 'too_large',
          message: msg(kind === 'xml' ? 'xml_too_large' : 'file_too_large', {
            sizeBytes,
            maxBytes: options.maxUploadBytes,
          }),
        },
      };
    }
    if (kind === 'pdf') return { kind, willConvert, ...(await checkPdfBytes(filePath)) };
    if (kind === 'png') {
      const bytes = await readFile(filePath);
      const sha256 = await hashBytes(bytes);
      if (readPngChunks(bytes) === null) {
        return {
          kind,
          sha256,
          pages: null,
          willConvert,
          failure: {
            code: 'conversion_failed',
            message: msg('png_damaged'),
          },
        };
      }
      return { kind, sha256, pages: 1, failure: null, willConvert };
    }
    if (kind === 'xml') {
      const { failure, eInvoice, advice, sendsInnerInvoice } = await checkEInvoice(filePath);
      return sendsInnerInvoice === null
        ? { kind, pages: 1, willConvert, failure, eInvoice, advice }
        : {
            kind,
            pages: 1,
            willConvert,
            failure,
            eInvoice,
            advice,
            sentSha256: sendsInnerInvoice.sha256,
            unwrapsEnvelope: true,
          };
    }
    // kind is jpeg: the readiness gate's rule again, since drops and uploads never pass the gate.
    const bytes = await readFile(filePath);
    const sha256 = await hashBytes(bytes);
    if (!jpegReachesEnd(bytes)) {
      return {
        kind,
        sha256,
        pages: null,
        willConvert,
        failure: { code: 'file_incomplete', message: msg('jpeg_incomplete') },
      };
    }
    return { kind, sha256, pages: 1, failure: null, willConvert };
  }
}
