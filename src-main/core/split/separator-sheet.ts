// Prints a separator sheet: one A4 page with a large QR code and what it means in Dutch, French
// and English (Belgian offices scan in any of the three, and one sheet serves them all). The QR
// code is drawn as vector squares, so it stays sharp at whatever resolution the sheet is printed
// and scanned again.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { msg, type Message } from '../../contract/messages/message.ts';
import {
  MESSAGE_LANGUAGES,
  renderMessage,
  type MessageLanguage,
} from '../../contract/messages/render-message.ts';
import { encodeSeparator, type SeparatorSheet } from './separator-code.ts';

/** A4 in PDF points (1/72 inch). */
const A4 = { width: 595.28, height: 841.89 };
/** The QR code's side: 100 mm, so a scan at 100 dpi still gives every module several pixels. */
const QR_SIDE_PT = (100 / 25.4) * 72;
/**
 * Level Q restores up to 25% of the code: a staple hole, a fold or a coffee ring on a sheet that
 * is reused for months must not stop it from separating.
 */
const ERROR_CORRECTION = 'Q';
/** QR's own quiet zone is four modules; the sheet is blank far beyond that anyway. */
const QUIET_ZONE_MODULES = 4;

/** What the sheet says, one line per fact, in every language. */
function captionLines(sheet: SeparatorSheet): Message[] {
  const lines: Message[] = [];
  switch (sheet.type) {
    case 'next':
      lines.push(msg('separator_sheet_next'));
      break;
    case 'purchase':
      lines.push(msg('separator_sheet_purchase'));
      break;
    case 'sale':
      lines.push(msg('separator_sheet_sale'));
      break;
    case 'various':
      lines.push(msg('separator_sheet_various', { categoryId: sheet.categoryId }));
      break;
    case 'permanent':
      lines.push(msg('separator_sheet_permanent', { categoryId: sheet.categoryId }));
      break;
  }
  if (sheet.type !== 'next' && sheet.companyNumber !== undefined) {
    lines.push(msg('separator_sheet_company', { companyNumber: sheet.companyNumber }));
  }
  lines.push(msg('separator_sheet_not_sent'));
  return lines;
}

/** Splits a sentence into lines no wider than `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function drawQr(page: PDFPage, text: string, centreX: number, top: number): number {
  const code = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const modules = code.modules.size;
  const module = QR_SIDE_PT / (modules + 2 * QUIET_ZONE_MODULES);
  const left = centreX - QR_SIDE_PT / 2 + QUIET_ZONE_MODULES * module;
  const bottomOfQr = top - QR_SIDE_PT;
  for (let row = 0; row < modules; row++) {
    // Runs of dark modules on a row become one rectangle: fewer drawing operations, no seams.
    let run = -1;
    for (let column = 0; column <= modules; column++) {
      const dark = column < modules && code.modules.get(row, column) === 1;
      if (dark && run < 0) run = column;
      if (!dark && run >= 0) {
        page.drawRectangle({
          x: left + run * module,
          y: top - QUIET_ZONE_MODULES * module - (row + 1) * module,
          width: (column - run) * module,
          // A hair taller than a module, so rows overlap and no white line can appear between them.
          height: module * 1.02,
          color: rgb(0, 0, 0),
        });
        run = -1;
      }
    }
  }
  return bottomOfQr;
}

/**
 * A one-page A4 PDF for `sheet`: heading, the QR code (the payload of `encodeSeparator`), and the
 * caption in nl, fr and en. Throws zod's error when the sheet is not valid (for example a company
 * number that is not 0 followed by 9 digits).
 */
export async function createSeparatorSheetPdf(sheet: SeparatorSheet): Promise<Uint8Array> {
  const payload = encodeSeparator(sheet);
  const document = await PDFDocument.create();
  document.setTitle(renderMessage(msg('separator_sheet_heading'), 'en'));
  document.setCreator('Clearfacts Uploader');
  // A fixed date keeps the same sheet byte for byte the same, so a printed stack can be compared.
  document.setCreationDate(new Date(0));
  document.setModificationDate(new Date(0));
  const page = document.addPage([A4.width, A4.height]);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const textWidth = A4.width - 2 * margin;

  let y = A4.height - margin - 24;
  const heading = MESSAGE_LANGUAGES.map((language) =>
    renderMessage(msg('separator_sheet_heading'), language),
  ).join(' / ');
  page.drawText(heading, {
    x: (A4.width - bold.widthOfTextAtSize(heading, 22)) / 2,
    y,
    size: 22,
    font: bold,
  });
  y -= 24;
  y = drawQr(page, payload, A4.width / 2, y) - 20;

  const lines = captionLines(sheet);
  for (const language of MESSAGE_LANGUAGES satisfies readonly MessageLanguage[]) {
    page.drawText(language.toUpperCase(), { x: margin, y, size: 10, font: bold });
    y -= 14;
    for (const line of lines) {
      for (const wrapped of wrap(renderMessage(line, language), regular, 12, textWidth)) {
        page.drawText(wrapped, { x: margin, y, size: 12, font: regular });
        y -= 15;
      }
    }
    y -= 10;
  }
  // The payload in small print: support can read what a sheet says without a QR reader.
  page.drawText(payload, { x: margin, y: margin / 2, size: 8, font: regular });
  return document.save();
}
