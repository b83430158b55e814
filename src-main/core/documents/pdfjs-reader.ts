// PDF reading with pdf.js (pdfjs-dist, the reader in Firefox): it opens what mainstream readers
// open, repairing broken cross-reference tables by scanning the objects, decrypts files that
// need no user password (RC4, AES-128, AES-256), and counts pages from the page tree the live
// xref points at. Counting needs no fonts or cmaps: those are loaded only to render.
// pdf.js docs: https://mozilla.github.io/pdf.js/api/draft/module-pdfjsLib.html
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfReading, ReadPdf } from './pdf-reading.ts';

/** Opens the bytes with pdf.js and reads its verdict; never throws. */
export const readPdfWithPdfjs: ReadPdf = async (bytes) => {
  const task = getDocument({
    data: bytes,
    // Nothing may reach the console (the CLI's stderr) or the network, nor compile code.
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useWorkerFetch: false,
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
    // Needed for isPureXfa: pdf.js parses the XFA packet only for a form that asks for it.
    enableXfa: true,
  });
  try {
    const document = await task.promise;
    const reading: PdfReading = {
      outcome: 'read',
      pages: document.numPages,
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
