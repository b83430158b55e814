// A scanner's batch for the split rows: every page one 300 dpi grey JPEG, as an office feeder
// writes it, made the way the tests make theirs (test/fixtures/scanned-batch.ts): document pages
// and the app's own separator sheets, each rendered by poppler's pdftoppm. A few distinct
// document pages are scanned once and embedded again on every page that uses them, each time as
// an image object of its own, so the file has one JPEG per page at a scan's size.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  batchPdf,
  scannedPageJpeg,
  scannedSheetJpeg,
  type BatchPage,
  type ScanLook,
} from '../../test/fixtures/scanned-batch.ts';

const LOOK: ScanLook = { dpi: 300, turnDegrees: 0, grey: true };
/** How many different document pages are scanned; pages repeat them in turn. */
const DISTINCT_PAGES = 4;

export interface ScannedBatch {
  bytes: Uint8Array;
  pages: number;
  /** 1-based pages that hold a separator sheet, in order. */
  separatorPages: number[];
  /** The parts the batch must split into: the runs of pages between sheets. */
  parts: number;
}

/** An A4 page of an invoice: a heading and lines of text, as a scanner sees one. */
async function invoicePage(index: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595.28, 841.89]);
  page.drawText(`Invoice 2026-${String(index + 1).padStart(4, '0')}`, {
    x: 72,
    y: 760,
    size: 22,
    font,
  });
  for (let line = 0; line < 30; line += 1) {
    page.drawText(`Line ${line + 1}: consulting services, ${(line + 1) * 17} EUR excl. VAT`, {
      x: 72,
      y: 700 - line * 20,
      size: 11,
      font,
    });
  }
  return document.save();
}

/**
 * A batch of `pages` pages with a "next document" sheet on each page of `separatorPages`
 * (1-based; neither the first nor the last page, nor two in a row, so each sheet starts a part).
 */
export async function scannedBatch(
  pages: number,
  separatorPages: readonly number[],
): Promise<ScannedBatch> {
  const sheet = await scannedSheetJpeg({ type: 'next' }, LOOK);
  const documents: Buffer[] = [];
  for (let index = 0; index < DISTINCT_PAGES; index += 1) {
    documents.push(await scannedPageJpeg(await invoicePage(index), LOOK));
  }
  const batchPages: BatchPage[] = Array.from({ length: pages }, (_, index) =>
    separatorPages.includes(index + 1)
      ? { jpeg: sheet }
      : { jpeg: documents[index % DISTINCT_PAGES] as Buffer },
  );
  return {
    bytes: await batchPdf(batchPages),
    pages,
    separatorPages: [...separatorPages],
    parts: separatorPages.length + 1,
  };
}
