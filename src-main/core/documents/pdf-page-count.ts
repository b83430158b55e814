// Page count of a PDF with pdf-lib, which walks the real page tree (a wrong /Count in the file
// does not fool it), and encryption detected from the trailer's /Encrypt, so both become
// specific reasons instead of a refusal from Clearfacts after the upload.
import { PDFDocument } from 'pdf-lib';
import type { Failure } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import { bytesHaveCompletePdfTrailer } from './pdf-trailer.ts';

export type PdfPageCount = { pages: number; failure: null } | { pages: null; failure: Failure };

/**
 * pdf-lib yields to the event loop after this many objects; larger than its default (100) so a
 * 10,000-page file is parsed in seconds, small enough that uploads and watchers keep running.
 */
const OBJECTS_PER_TICK = 2_000;

/** Counts the pages of a PDF's bytes, which the caller read once for this and for its hash. */
export async function countPdfPages(bytes: Uint8Array): Promise<PdfPageCount> {
  if (!bytesHaveCompletePdfTrailer(bytes)) {
    return {
      pages: null,
      failure: {
        code: 'pdf_corrupt',
        message: msg('pdf_incomplete'),
      },
    };
  }
  let document: PDFDocument;
  try {
    // pdf-lib's EncryptedPDFError is compiled to ES5 and fails `instanceof`, so the document is
    // loaded regardless and its isEncrypted flag (the trailer names an /Encrypt dictionary) asked.
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: OBJECTS_PER_TICK,
    });
  } catch (error) {
    return { pages: null, failure: damaged(error) };
  }
  if (document.isEncrypted) {
    return {
      pages: null,
      failure: {
        code: 'pdf_encrypted',
        message: msg('pdf_encrypted'),
      },
    };
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch (error) {
    return { pages: null, failure: damaged(error) };
  }
  if (pages === 0) {
    return {
      pages: null,
      failure: {
        code: 'pdf_no_pages',
        message: msg('pdf_no_pages'),
      },
    };
  }
  return { pages, failure: null };
}

function damaged(error: unknown): Failure {
  return {
    code: 'pdf_corrupt',
    message: msg('pdf_damaged'),
    detail: error instanceof Error ? error.message : String(error),
  };
}
