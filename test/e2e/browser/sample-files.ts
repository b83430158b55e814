// Real documents for the end-to-end tests: PDFs with a chosen number of pages.
import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function pdfBytes(
  pages: number,
  label = 'Factuur',
  paddingBytes = 0,
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    pdf
      .addPage([595, 842])
      .drawText(`${label} ${page}/${pages}`, { x: 56, y: 760, size: 18, font });
  }
  // Random (incompressible) metadata makes a file as large as a test needs, same page count.
  if (paddingBytes > 0) pdf.setSubject(randomBytes(paddingBytes).toString('base64'));
  return Buffer.from(await pdf.save());
}

/** Written to a temporary name and renamed, as a careful scanner does, so no half file is seen. */
export async function writePdf(filePath: string, pages: number, paddingBytes = 0): Promise<void> {
  await writeFile(`${filePath}.part`, await pdfBytes(pages, 'Factuur', paddingBytes));
  await rename(`${filePath}.part`, filePath);
}
