// PDF reading with pdf.js (pdfjs-dist, the reader in Firefox): it opens what mainstream readers
// open, repairing broken cross-reference tables by scanning the objects, decrypts files that
// need no user password (RC4, AES-128, AES-256), and counts pages from the page tree the live
// xref points at (its leaves, walked as qpdf walks them). Counting needs no fonts or cmaps: those
// are loaded only to render.
// pdf.js docs: https://mozilla.github.io/pdf.js/api/draft/module-pdfjsLib.html
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { countPageTree, type PageTreeCount, type PdfjsCatalog } from './pdf-page-tree.ts';
import type { PdfReading, ReadPdf } from './pdf-reading.ts';

/**
 * Runs `open` and catches the pdf.js `Catalog` it makes on the way. pdf.js' API offers no page
 * tree walk (pdf.js' own, `getAllPageDicts`, runs only when the root's last page is missing, and
 * paging through every page costs it 145 s for a flat 10,000-page tree), so the walk reads the
 * objects pdf.js parsed. Its parser runs here as a "fake worker", and its Catalog constructor
 * caches the page tree root with `shadow` (Object.defineProperty on the instance, key
 * `toplevelPagesDict`), which is where the instance is seen; a reparse in recovery mode makes a
 * new one, so the last one wins. Only one read runs at a time in the check worker. If a pdf.js
 * update changes this, the catalog is null and the tests on miscounted trees fail.
 */
async function withCatalog<T>(open: () => Promise<T>): Promise<[T, PdfjsCatalog | null]> {
  let catalog: PdfjsCatalog | null = null;
  const define = Object.defineProperty;
  Object.defineProperty = function <U>(
    target: U,
    key: PropertyKey,
    attributes: PropertyDescriptor & ThisType<unknown>,
  ): U {
    if (key === 'toplevelPagesDict' && typeof target === 'object' && target !== null) {
      catalog = target as unknown as PdfjsCatalog;
    }
    return define(target, key, attributes);
  };
  try {
    return [await open(), catalog];
  } finally {
    Object.defineProperty = define;
  }
}

/** The walk's count, or null (pdf.js' own count stands) when the walk itself failed. */
function countedOrNull(catalog: PdfjsCatalog): PageTreeCount | null {
  try {
    return countPageTree(catalog);
  } catch {
    return null;
  }
}

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
    const [document, catalog] = await withCatalog(() => task.promise);
    const tree = catalog === null ? null : countedOrNull(catalog);
    const pages = tree?.leaves ?? document.numPages;
    const reading: PdfReading = {
      outcome: 'read',
      pages,
      // A root /Count that is no count at all claims nothing to compare.
      declaredPages: tree?.declared ?? pages,
      // When pdf.js recounted, it shows the leaves as qpdf and poppler do, whatever the counts.
      innerCountWrong: (tree?.innerCountWrong ?? false) && catalog?.hasActualNumPages !== true,
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
