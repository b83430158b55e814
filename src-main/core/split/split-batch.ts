// Splits one scanned batch, start to end, in the split worker's thread: opens it with pdf-lib and
// pdf.js, reads the separator sheets (separator mode), plans the parts, cuts them with pdf-lib
// and reads every part back with pdf.js. Whenever something is off, the answer is "send the
// original whole, because …": a batch is never lost or half-sent because splitting failed.
import { PDFDocument } from 'pdf-lib';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SplitMode } from '../../contract/domain.ts';
import { readBarcodeTexts } from './barcode-reader.ts';
import { pagePicture } from './page-images.ts';
import { decodeSeparator, type SeparatorSheet } from './separator-code.ts';
import type { CutPart, SplitResult } from './split-protocol.ts';
import { planSplit, type PlannedPart } from './split-plan.ts';
import { lowerImageDecoderThreads } from './thread-priority.ts';

function openWithPdfjs(bytes: Uint8Array) {
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

/** pdf.js's page count for a part, or null when pdf.js cannot read it. */
async function pdfjsPageCount(bytes: Uint8Array): Promise<number | null> {
  const task = openWithPdfjs(bytes);
  try {
    return (await task.promise).numPages;
  } catch {
    return null;
  } finally {
    await task.destroy();
  }
}

/**
 * The separator sheet on each page (null: none), in page order. pdf.js opens the batch only if a
 * page must be rendered (one that is not a single JPEG), and is closed again before this returns.
 */
export async function readSeparators(
  lib: PDFDocument,
  bytes: Uint8Array,
): Promise<(SeparatorSheet | null)[]> {
  // Set by the first page that needs pdf.js, read when done.
  const opened: { task: ReturnType<typeof openWithPdfjs> | null } = { task: null };
  const pdfjs = () => (opened.task ??= openWithPdfjs(bytes)).promise;
  try {
    const sheets: (SeparatorSheet | null)[] = [];
    for (let index = 0; index < lib.getPageCount(); index++) {
      const picture = await pagePicture({ lib, pdfjs }, index);
      if (picture.source === 'embedded_jpeg') lowerImageDecoderThreads();
      const texts = await readBarcodeTexts(picture);
      sheets.push(
        texts.map(decodeSeparator).find((sheet): sheet is SeparatorSheet => sheet !== null) ?? null,
      );
    }
    return sheets;
  } finally {
    await opened.task?.destroy();
  }
}

async function cut(source: PDFDocument, part: PlannedPart): Promise<Uint8Array> {
  const target = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from(
    { length: part.lastPage - part.firstPage + 1 },
    (_, offset) => part.firstPage - 1 + offset,
  );
  for (const page of await target.copyPages(source, indices)) target.addPage(page);
  return target.save();
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The verdict on a batch for a folder in `mode` (not `off`). Never throws for the file: a PDF
 * that cannot be opened or cut comes back `whole` with its reason.
 */
export async function splitBatch(bytes: Uint8Array, mode: SplitMode): Promise<SplitResult> {
  let lib: PDFDocument;
  try {
    // pdf-lib refuses encrypted files (EncryptedPDFError); cutting them would write garbage.
    lib = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return {
      outcome: 'whole',
      pages: null,
      reason: { why: 'unreadable', detail: errorText(error) },
    };
  }
  const pages = lib.getPageCount();
  let separators: (SeparatorSheet | null)[] = [];
  if (mode === 'separator') {
    try {
      separators = await readSeparators(lib, bytes);
    } catch (error) {
      return { outcome: 'whole', pages, reason: { why: 'unreadable', detail: errorText(error) } };
    }
  }
  const plan = planSplit(pages, mode, separators);
  if (plan.outcome === 'whole') return { outcome: 'whole', pages, reason: { why: 'one_document' } };
  if (plan.outcome === 'only_separators') {
    return { outcome: 'only_separators', pages, separatorPages: plan.separatorPages };
  }
  const parts: CutPart[] = [];
  for (const part of plan.parts) {
    const expectedPages = part.lastPage - part.firstPage + 1;
    let partBytes: Uint8Array;
    try {
      partBytes = await cut(lib, part);
    } catch (error) {
      return { outcome: 'whole', pages, reason: { why: 'unreadable', detail: errorText(error) } };
    }
    const foundPages = await pdfjsPageCount(partBytes);
    if (foundPages !== expectedPages) {
      return {
        outcome: 'whole',
        pages,
        reason: {
          why: 'part_mismatch',
          firstPage: part.firstPage,
          lastPage: part.lastPage,
          expectedPages,
          foundPages,
        },
      };
    }
    parts.push({ ...part, bytes: partBytes as Uint8Array<ArrayBuffer> });
  }
  return { outcome: 'split', pages, separatorPages: plan.separatorPages, parts };
}
