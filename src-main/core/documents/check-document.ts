// Everything learned about a file before it is queued: what it really is (by content, never by
// name), its size, SHA-256 and page count, and, when it must not be sent, the specific reason.
// Checking here turns Clearfacts' after-the-fact refusals into clear reasons before any upload.
// The type is sniffed once from the file's head, and a PDF is read once for both its SHA-256 and
// its page count: the check runs for every file, so each extra pass over the bytes is CPU the
// uploads on this machine do not get.
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
import { hashBytes, hashFile } from './hash-file.ts';
import { jpegReachesEnd } from './content-completeness.ts';
import { countPdfPages } from './pdf-page-count.ts';
import { readPngChunks } from './png-chunks.ts';
import { checkXmlInvoice } from './xml-invoice.ts';

/** What the text sniff looks at when no magic number matched. */
const TEXT_SNIFF_BYTES = 1024;
/** file-type's own sample size: enough for every magic number this app accepts. */
const HEAD_BYTES = 4100;

type Identified =
  { kind: Exclude<DocumentKind, 'unknown'> } | { kind: 'unknown'; description: DetectedType };

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
  if (
    code === 'EACCES' ||
    code === 'ELOOP' ||
    code === 'EPERM' ||
    code === 'EBUSY' ||
    code === 'EISDIR' ||
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
 * One PDF in memory at a time across the process. pdf-lib copies every stream it parses, so a
 * 20 MB scan costs about twice its size while it is counted; two uploads' checks (or a check
 * and a drop) doing that together doubled the peak. Holding the slot from the read to the end
 * of the parse means a waiting check holds no bytes yet. Parsing is CPU-bound on a machine with
 * few cores, so running one at a time costs no throughput.
 */
const pdfInMemory = pLimit(1);

/** One read of a PDF that can be sent, for both the hash and pdf-lib. */
function checkPdfBytes(
  filePath: string,
): Promise<{ sha256: string } & Pick<DocumentCheck, 'pages' | 'failure'>> {
  return pdfInMemory(async () => {
    const bytes = await readFile(filePath);
    const sha256 = hashBytes(bytes);
    const counted = await countPdfPages(bytes);
    return { sha256, pages: counted.pages, failure: counted.failure };
  });
}

export async function checkDocument(
  filePath: string,
  options: DocumentCheckOptions,
): Promise<DocumentCheck> {
  const fileName = path.basename(filePath);
  let sizeBytes = 0;
  let mtimeMs = 0;
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) {
      return unreadable({
        code: 'file_unreadable',
        message: msg('not_a_file'),
      });
    }
    sizeBytes = stats.size;
    mtimeMs = stats.mtimeMs;
    const { sha256, ...outcome } = await inspect();
    return { sizeBytes, mtimeMs, sha256: sha256 ?? (await hashFile(filePath)), ...outcome };
  } catch (error) {
    return unreadable(fileFailure(error));
  }

  function unreadable(failure: Failure): DocumentCheck {
    return {
      kind: 'unknown',
      sizeBytes,
      mtimeMs,
      sha256: null,
      pages: null,
      failure,
      willConvert: false,
    };
  }

  /** The verdict, with the SHA-256 when the bytes were read whole for it anyway. */
  async function inspect(): Promise<
    Pick<DocumentCheck, 'kind' | 'pages' | 'failure' | 'willConvert'> & { sha256?: string }
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
    const { kind } = identified;
    if (identified.kind === 'unknown') {
      return {
        kind,
        pages: null,
        willConvert: false,
        failure: {
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
          message: msg('file_too_large', { sizeBytes, maxBytes: options.maxUploadBytes }),
        },
      };
    }
    if (kind === 'pdf') return { kind, willConvert, ...(await checkPdfBytes(filePath)) };
    if (kind === 'png') {
      const bytes = await readFile(filePath);
      const sha256 = hashBytes(bytes);
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
      return { kind, pages: 1, failure: await checkXmlInvoice(filePath), willConvert };
    }
    // kind is jpeg: the readiness gate's rule again, since drops and uploads never pass the gate.
    const bytes = await readFile(filePath);
    const sha256 = hashBytes(bytes);
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
