// Splits one scanned batch, start to end, in the split worker's thread: opens it with pdf-lib
// (and pdf.js, only for a page that is not one JPEG), reads the separator sheets (separator mode),
// plans the parts and cuts them with pdf-lib; the split service reads every part back with pdf.js
// (part-check.ts). Whenever something is off, the answer is "send the original whole, because
// …": a batch is never lost or half-sent because splitting failed.
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SplitChoice, SplitMode, SplitPart } from '../../contract/domain.ts';
import { choiceProblem, contentPages } from '../../contract/split-choice.ts';
import { readBarcodeTexts } from './barcode-reader.ts';
import { measurePageInk } from './blank-page.ts';
import {
  pagePicture,
  releaseBytes,
  releasePicture,
  singleJpegOf,
  type PagePicture,
} from './page-images.ts';
import { decodeSeparator, type SeparatorSheet } from './separator-code.ts';
import { thumbnailDataUrl } from './page-thumbnail.ts';
import type {
  CutPart,
  PreviewResult,
  SplitResult,
  ThumbnailsResult,
  WholeReason,
} from './split-protocol.ts';
import { judgesBlankPages, planSplit } from './split-plan.ts';
import { lowerImageDecoderThreads } from './thread-priority.ts';

let pdfjsLoaded: Promise<typeof Pdfjs> | null = null;

/** What runs before each page is looked at and each part is cut; nothing unless set. */
let beforeEachStep: () => void = () => {};

/**
 * Sets what runs before each page is looked at and each part is cut: the split worker's wait for
 * other folders' files (give-way.ts), set once as the worker starts, as it sets sharp's
 * concurrency. A test that splits in its own thread leaves it unset.
 */
export function setBeforeEachStep(step: () => void): void {
  beforeEachStep = step;
}

/** Page `index`'s picture (page-images.ts), once the step before each page has run. */
function nextPagePicture(
  pages: { lib: PDFDocument; pdfjs: () => Promise<PDFDocumentProxy> },
  index: number,
): Promise<PagePicture> {
  beforeEachStep();
  return pagePicture(pages, index);
}

/**
 * pdf.js, loaded in this thread by the first page that needs rendering. Its parser and display
 * layer are about 45 MB resident; a scanner's batch (every page one JPEG) never needs them. Its
 * parser is set as `pdfjsWorker` first, so it runs in this thread (see pdf-reading-worker.ts).
 */
function loadPdfjs(): Promise<typeof Pdfjs> {
  pdfjsLoaded ??= (async () => {
    const pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    Object.assign(globalThis, { pdfjsWorker });
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoaded;
}

async function openWithPdfjs(bytes: Uint8Array) {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  return getDocument({
    // pdf.js takes ownership of (detaches) what it is given: it gets a copy.
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useWorkerFetch: false,
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
  });
}

/**
 * pdf.js's reading of a batch, opened by the first page that needs it (one that is not a single
 * JPEG: a scanner's batch never does, and pdf.js then holds no copy of it). `close` ends it if it
 * was opened.
 */
interface LazyPdfjs {
  get: () => Promise<PDFDocumentProxy>;
  close: () => Promise<void>;
}

/**
 * pdf.js's lazy reading of the batch `lib` was opened from. When every page is one JPEG, pdf.js
 * is needed only for a JPEG sharp cannot decode, so the batch's bytes are freed at once (pdf-lib
 * holds its own copy of every stream: 8 MB less for a 20-page 300 dpi batch, issue #17's memory
 * row), and pdf.js is then given pdf-lib's re-serialisation of the same objects.
 */
function lazyPdfjsFreeingBytes(bytes: Uint8Array, lib: PDFDocument): LazyPdfjs {
  if (lib.getPages().every((page) => singleJpegOf(page) !== null)) releaseBytes(bytes);
  const source = async () => (bytes.byteLength > 0 ? bytes : lib.save());
  let task: ReturnType<typeof openWithPdfjs> | null = null;
  return {
    get: async () => (await (task ??= openWithPdfjs(await source()))).promise,
    close: async () => {
      // Opening may have failed (pdf.js not loadable): nothing is then open.
      await (await task?.catch(() => null))?.destroy();
    },
  };
}

/** Gets each page picture a search takes (page 1-based), e.g. to make its thumbnail. */
type PictureSeen = (page: number, picture: PagePicture) => Promise<void>;

/**
 * The separator sheet on each page (null: none), in page order; with `only`, just those pages
 * (1-based) are read and every other page counts as none. `seen` gets every picture read.
 */
export async function readSeparators(
  lib: PDFDocument,
  pdfjs: () => Promise<PDFDocumentProxy>,
  only?: readonly number[],
  seen?: PictureSeen,
): Promise<(SeparatorSheet | null)[]> {
  const sheets: (SeparatorSheet | null)[] = [];
  for (let index = 0; index < lib.getPageCount(); index++) {
    if (only !== undefined && !only.includes(index + 1)) {
      sheets.push(null);
      continue;
    }
    const picture = await nextPagePicture({ lib, pdfjs }, index);
    await seen?.(index + 1, picture);
    if (picture.source === 'embedded_jpeg') lowerImageDecoderThreads();
    const texts = await readBarcodeTexts(picture);
    releasePicture(picture);
    sheets.push(
      texts.map(decodeSeparator).find((sheet): sheet is SeparatorSheet => sheet !== null) ?? null,
    );
  }
  return sheets;
}

/**
 * Whether page `index` is one JPEG that sharp could not decode, so its picture is pdf.js's
 * rendering: pdf.js draws nothing for a JPEG it cannot decode either (one without its
 * quantization tables), and a blank picture then says nothing about the page, which must not
 * leave the document as a blank page.
 */
function undecodedJpeg(lib: PDFDocument, index: number, picture: PagePicture): boolean {
  return picture.source !== 'embedded_jpeg' && singleJpegOf(lib.getPage(index)) !== null;
}

/**
 * Whether each page is blank (blank-page.ts), in page order; with `only`, just those pages
 * (1-based) are looked at and every other page counts as not blank. `seen` gets every picture.
 */
export async function readBlankPages(
  lib: PDFDocument,
  pdfjs: () => Promise<PDFDocumentProxy>,
  only?: readonly number[],
  seen?: PictureSeen,
): Promise<boolean[]> {
  const blanks: boolean[] = [];
  for (let index = 0; index < lib.getPageCount(); index++) {
    if (only !== undefined && !only.includes(index + 1)) {
      blanks.push(false);
      continue;
    }
    const picture = await nextPagePicture({ lib, pdfjs }, index);
    await seen?.(index + 1, picture);
    blanks.push(measurePageInk(picture).blank && !undecodedJpeg(lib, index, picture));
    releasePicture(picture);
  }
  return blanks;
}

/**
 * The pages (1-based) of `source` as a PDF of their own. pdf-lib copies every stream it copies
 * (a scan's page images: the part's size again), and those copies are freed as soon as the part
 * is saved rather than at the worker's next garbage collection (see releaseBytes).
 */
async function cut(source: PDFDocument, pages: readonly number[]): Promise<Uint8Array> {
  beforeEachStep();
  const target = await PDFDocument.create({ updateMetadata: false });
  const indices = pages.map((page) => page - 1);
  for (const page of await target.copyPages(source, indices)) target.addPage(page);
  const saved = await target.save();
  for (const [, object] of target.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) releaseBytes(object.contents);
  }
  return saved;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The batch opened by pdf-lib, or why it cannot be (pdf-lib refuses encrypted files). */
async function openWithPdfLib(
  bytes: Uint8Array,
): Promise<{ lib: PDFDocument } | { whole: WholeReason }> {
  try {
    // pdf-lib refuses encrypted files (EncryptedPDFError); cutting them would write garbage.
    return { lib: await PDFDocument.load(bytes, { updateMetadata: false }) };
  } catch (error) {
    return { whole: { why: 'unreadable', detail: errorText(error) } };
  }
}

/** Parts in page order and the separator pages none of them sends. */
interface Plan {
  parts: SplitPart[];
  separatorPages: number[];
}

/**
 * What `mode` makes of the batch: its parts and separator pages, every page a separator sheet
 * (`onlySeparators`: nothing to send), or why it stays whole. `seen` gets every page picture the
 * search reads (none in `page` and `pages:N` modes).
 */
async function decide(
  bytes: Uint8Array,
  lib: PDFDocument,
  mode: SplitMode,
  withPdfjs?: (pdfjs: () => Promise<PDFDocumentProxy>, plan: Plan) => Promise<void>,
  seen?: PictureSeen,
): Promise<Plan | { onlySeparators: number[] } | { whole: WholeReason }> {
  let separators: (SeparatorSheet | null)[] = [];
  let blanks: boolean[] = [];
  const pdfjs = lazyPdfjsFreeingBytes(bytes, lib);
  try {
    if (mode === 'separator') separators = await readSeparators(lib, pdfjs.get, undefined, seen);
    if (judgesBlankPages(mode)) blanks = await readBlankPages(lib, pdfjs.get, undefined, seen);
    const plan = planSplit(lib.getPageCount(), mode, separators, blanks);
    if (plan.outcome === 'whole') return { whole: { why: 'one_document' } };
    if (plan.outcome === 'only_separators') return { onlySeparators: plan.separatorPages };
    const decided = { parts: plan.parts, separatorPages: plan.separatorPages };
    if (withPdfjs !== undefined) await withPdfjs(pdfjs.get, decided);
    return decided;
  } catch (error) {
    return { whole: { why: 'unreadable', detail: errorText(error) } };
  } finally {
    await pdfjs.close();
  }
}

/**
 * Checks the user's choice against the batch: it must cover every page (`choiceProblem`), and
 * every page it leaves out as a separator must carry a separator sheet (in `blank` and
 * `blank-backs`: be blank), read again here, only those pages, so no page with content can be
 * dropped by a choice. Null when it fits.
 */
async function choiceMismatch(
  bytes: Uint8Array,
  lib: PDFDocument,
  mode: SplitMode,
  choice: Omit<SplitChoice, 'sha256'>,
): Promise<WholeReason | null> {
  const problem = choiceProblem(lib.getPageCount(), { ...choice, sha256: '' });
  if (problem !== null) return { why: 'choice_mismatch', detail: problem };
  if (choice.separatorPages.length === 0) return null;
  const pdfjs = lazyPdfjsFreeingBytes(bytes, lib);
  try {
    const separates = judgesBlankPages(mode)
      ? await readBlankPages(lib, pdfjs.get, choice.separatorPages)
      : (await readSeparators(lib, pdfjs.get, choice.separatorPages)).map(
          (sheet) => sheet !== null,
        );
    const notSheet = choice.separatorPages.find((page) => separates[page - 1] !== true);
    const what = judgesBlankPages(mode) ? 'is not blank' : 'carries no separator sheet';
    return notSheet === undefined
      ? null
      : { why: 'choice_mismatch', detail: `page ${notSheet} ${what}` };
  } catch (error) {
    return { why: 'unreadable', detail: errorText(error) };
  } finally {
    await pdfjs.close();
  }
}

/**
 * The verdict on a batch for a folder in `mode` (not `off`), cut as `choice` says when the user
 * confirmed parts in the preview (issue #19); its parts are not yet read back (part-check.ts,
 * in the split service). Never throws for the file: a PDF that cannot be
 * opened or cut, or a choice that does not fit it, comes back `whole` with its reason.
 */
export async function splitBatch(
  bytes: Uint8Array,
  mode: SplitMode,
  choice?: Omit<SplitChoice, 'sha256'>,
): Promise<SplitResult> {
  const opened = await openWithPdfLib(bytes);
  if ('whole' in opened) return { outcome: 'whole', pages: null, reason: opened.whole };
  const { lib } = opened;
  const pages = lib.getPageCount();
  let plan: Plan;
  if (choice === undefined) {
    const decided = await decide(bytes, lib, mode);
    if ('whole' in decided) return { outcome: 'whole', pages, reason: decided.whole };
    if ('onlySeparators' in decided) {
      return { outcome: 'only_separators', pages, separatorPages: decided.onlySeparators };
    }
    plan = decided;
  } else {
    const mismatch = await choiceMismatch(bytes, lib, mode, choice);
    if (mismatch !== null) return { outcome: 'whole', pages, reason: mismatch };
    plan = choice;
  }
  const parts: CutPart[] = [];
  try {
    for (const part of plan.parts) {
      const partBytes = await cut(lib, contentPages(part, plan.separatorPages));
      parts.push({ ...part, bytes: partBytes as Uint8Array<ArrayBuffer> });
    }
    // Blank pages are not sent, but never thrown away: they become a file of their own.
    const blankPages =
      judgesBlankPages(mode) && plan.separatorPages.length > 0
        ? ((await cut(lib, plan.separatorPages)) as Uint8Array<ArrayBuffer>)
        : null;
    return { outcome: 'split', pages, separatorPages: plan.separatorPages, parts, blankPages };
  } catch (error) {
    return { outcome: 'whole', pages, reason: { why: 'unreadable', detail: errorText(error) } };
  }
}

/**
 * What `splitBatch` would make of the batch in `mode`, without cutting: the parts, each with a
 * thumbnail of its first page, and a thumbnail of every page a part may start with once the user
 * moves pages (every page that is not a separator page), so the pictures stay right after a move
 * (issue #19). Never throws for the file.
 */
export async function previewBatch(bytes: Uint8Array, mode: SplitMode): Promise<PreviewResult> {
  const opened = await openWithPdfLib(bytes);
  if ('whole' in opened) return { outcome: 'whole', pages: null, reason: opened.whole };
  const { lib } = opened;
  const pages = lib.getPageCount();
  // Made from the pictures the search takes anyway; only `page` and `pages:N` render for them.
  const seenThumbnails = new Map<number, string>();
  const thumbnails = new Map<number, string>();
  const decided = await decide(
    bytes,
    lib,
    mode,
    async (pdfjs, plan) => {
      for (let page = 1; page <= pages; page++) {
        if (plan.separatorPages.includes(page)) continue;
        let thumbnail = seenThumbnails.get(page);
        if (thumbnail === undefined) {
          const picture = await nextPagePicture({ lib, pdfjs }, page - 1);
          thumbnail = await thumbnailDataUrl(picture);
          releasePicture(picture);
        }
        thumbnails.set(page, thumbnail);
      }
    },
    async (page, picture) => {
      seenThumbnails.set(page, await thumbnailDataUrl(picture));
    },
  );
  if ('whole' in decided) return { outcome: 'whole', pages, reason: decided.whole };
  if ('onlySeparators' in decided) {
    return { outcome: 'only_separators', pages, separatorPages: decided.onlySeparators };
  }
  return {
    outcome: 'split',
    pages,
    separatorPages: decided.separatorPages,
    parts: decided.parts.map((part) => ({
      ...part,
      thumbnail:
        thumbnails.get(contentPages(part, decided.separatorPages)[0] ?? part.firstPage) ?? '',
    })),
    pageThumbnails: [...thumbnails].map(([page, thumbnail]) => ({ page, thumbnail })),
  };
}

/**
 * Pictures of the first `maxPages` pages of a PDF (History's preview, issue #14), made as the
 * split preview makes its own, and its page count. Never throws for the file: one pdf-lib or
 * pdf.js cannot read comes back `whole` with `unreadable` and what they said.
 */
export async function pageThumbnails(
  bytes: Uint8Array,
  maxPages: number,
): Promise<ThumbnailsResult> {
  const opened = await openWithPdfLib(bytes);
  if ('whole' in opened) return { outcome: 'whole', pages: null, reason: opened.whole };
  const { lib } = opened;
  const pages = lib.getPageCount();
  const pdfjs = lazyPdfjsFreeingBytes(bytes, lib);
  try {
    const thumbnails = [];
    for (let page = 1; page <= Math.min(pages, maxPages); page++) {
      const picture = await nextPagePicture({ lib, pdfjs: pdfjs.get }, page - 1);
      thumbnails.push({ page, thumbnail: await thumbnailDataUrl(picture) });
      releasePicture(picture);
    }
    return { outcome: 'pages', pages, thumbnails };
  } catch (error) {
    return { outcome: 'whole', pages, reason: { why: 'unreadable', detail: errorText(error) } };
  } finally {
    await pdfjs.close();
  }
}
