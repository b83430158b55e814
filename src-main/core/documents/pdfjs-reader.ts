// PDF reading with pdf.js (pdfjs-dist, the reader in Firefox): it opens what mainstream readers
// open, repairing broken cross-reference tables by scanning the objects, decrypts files that
// need no user password (RC4, AES-128, AES-256), and counts pages from the page tree the live
// xref points at. Counting needs no fonts or cmaps: those are loaded only to render.
// pdf.js docs: https://mozilla.github.io/pdf.js/api/draft/module-pdfjsLib.html
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfReading, ReadPdf } from './pdf-reading.ts';

/**
 * pdf.js' words when the page tree's root /Count names a last page the tree does not hold: it
 * then counts the leaves instead (PDFDocument.checkLastPage in pdf.worker.mjs). Its API offers
 * the declared count nowhere else, so the warning is the one place to read it; a test on a tree
 * that says 5 pages and holds 2 fails if a pdf.js update changes these words.
 */
const RECOUNTED = /^Warning: checkLastPage - invalid \/Pages tree \/Count: (\d+)\.$/;

/**
 * Runs `read` with pdf.js' warnings (it writes them with console.warn, in this thread: its parser
 * runs as a "fake worker" here) looked through for RECOUNTED; the declared count, or null. Only
 * one read runs at a time in the check worker, so no other file's warnings can mix in.
 */
async function withDeclaredCount<T>(read: () => Promise<T>): Promise<[T, number | null]> {
  let declared: number | null = null;
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => {
    const match = typeof parts[0] === 'string' ? RECOUNTED.exec(parts[0]) : null;
    if (match?.[1] !== undefined) declared = Number(match[1]);
  };
  try {
    return [await read(), declared];
  } finally {
    console.warn = warn;
  }
}

/** Opens the bytes with pdf.js and reads its verdict; never throws. */
export const readPdfWithPdfjs: ReadPdf = async (bytes) => {
  const task = getDocument({
    data: bytes,
    // Nothing may reach the console (the CLI's stderr) or the network, nor compile code. Warnings
    // are asked for to read RECOUNTED; withDeclaredCount keeps them all off the console.
    verbosity: VerbosityLevel.WARNINGS,
    isEvalSupported: false,
    useWorkerFetch: false,
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
    // Needed for isPureXfa: pdf.js parses the XFA packet only for a form that asks for it.
    enableXfa: true,
  });
  try {
    const [document, declared] = await withDeclaredCount(() => task.promise);
    const reading: PdfReading = {
      outcome: 'read',
      pages: document.numPages,
      declaredPages: declared ?? document.numPages,
      xfaOnly: document.isPureXfa,
    };
    return reading;
  } catch (error) {
    // The class is not in pdf.js' public types; its name is part of its API (PasswordException).
    if (error instanceof Error && error.name === 'PasswordException')
      return { outcome: 'needs_password' };
    return {
      outcome: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await task.destroy();
  }
};
