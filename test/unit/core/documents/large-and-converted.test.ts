import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { checkDocument } from '../../../../src-main/core/documents/check-document.ts';
import {
  convertImageToPdf,
  ImageConversionError,
} from '../../../../src-main/core/documents/convert-image-to-pdf.ts';
import { hashFile } from '../../../../src-main/core/documents/hash-file.ts';
import { checkPdfFileCompleteness } from '../../../../src-main/core/documents/pdf-completeness.ts';
import { HTML_PAGE, SMALL_JPEG, pdfBytes, pngBytes } from '../../../fixtures/generate-documents.ts';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-docs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('the completeness check sees a PDF grow from partial to complete', async (t) => {
  const dir = await tempDir(t);
  const bytes = await pdfBytes(5);
  const filePath = path.join(dir, 'scanning.pdf');
  const cut = bytes.length - 20;
  const complete = async () => (await checkPdfFileCompleteness(filePath)).complete;
  await writeFile(filePath, bytes.subarray(0, cut));
  assert.equal(await complete(), false);
  await appendFile(filePath, bytes.subarray(cut));
  assert.equal(await complete(), true);
  await writeFile(filePath, '');
  assert.equal(await complete(), false);
});

test('the streamed hash equals the hash of the bytes', async (t) => {
  const dir = await tempDir(t);
  const filePath = path.join(dir, 'data.bin');
  const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
  await writeFile(filePath, bytes);
  assert.equal(await hashFile(filePath), createHash('sha256').update(bytes).digest('hex'));
});

test('a PNG with a recorded resolution becomes a one-page PDF of the paper size', async (t) => {
  const dir = await tempDir(t);
  const input = path.join(dir, 'receipt.png');
  // A4 at 300 dpi is 2480 × 3508 px; at 60 dpi (496 × 702 px) the test stays fast.
  await writeFile(input, pngBytes(496, 702, { dpi: 60 }));
  const output = path.join(dir, 'receipt.pdf');
  assert.deepEqual(await convertImageToPdf(input, output), { pages: 1 });
  const converted = await PDFDocument.load(await readFile(output));
  assert.equal(converted.getPageCount(), 1);
  const { width, height } = converted.getPage(0).getSize();
  assert.ok(Math.abs(width - 595.2) < 1, `width ${width}`);
  assert.ok(Math.abs(height - 842.4) < 1, `height ${height}`);
  assert.equal(converted.getTitle(), 'receipt');
  const check = await checkDocument(output, { maxUploadBytes: 1024 * 1024 });
  assert.deepEqual([check.kind, check.pages, check.failure], ['pdf', 1, null]);
  assert.deepEqual((await readdir(dir)).sort(), ['receipt.pdf', 'receipt.png']);
});

test('an image without a resolution is fitted within A4, and a JPEG converts too', async (t) => {
  const dir = await tempDir(t);
  const wide = path.join(dir, 'screenshot.png');
  await writeFile(wide, pngBytes(1684, 600));
  await convertImageToPdf(wide, path.join(dir, 'screenshot.pdf'));
  const fitted = await PDFDocument.load(await readFile(path.join(dir, 'screenshot.pdf')));
  const { width, height } = fitted.getPage(0).getSize();
  assert.ok(Math.abs(width - 842) < 1 && Math.abs(height - 300) < 1, `${width} × ${height}`);

  const jpeg = path.join(dir, 'photo.jpg');
  await writeFile(jpeg, SMALL_JPEG);
  await convertImageToPdf(jpeg, path.join(dir, 'photo.pdf'));
  const fromJpeg = await PDFDocument.load(await readFile(path.join(dir, 'photo.pdf')));
  const size = fromJpeg.getPage(0).getSize();
  assert.deepEqual([size.width, size.height], [(16 * 72) / 200, (8 * 72) / 200]);
});

test('anything else, or a damaged PNG, fails with ImageConversionError and leaves no output', async (t) => {
  const dir = await tempDir(t);
  const html = path.join(dir, 'page.png');
  await writeFile(html, HTML_PAGE);
  await assert.rejects(convertImageToPdf(html, path.join(dir, 'page.pdf')), ImageConversionError);
  const damaged = path.join(dir, 'damaged.png');
  await writeFile(damaged, pngBytes(50, 50).subarray(0, 60));
  await assert.rejects(
    convertImageToPdf(damaged, path.join(dir, 'damaged.pdf')),
    (error: unknown) => error instanceof ImageConversionError && /damaged/.test(error.message),
  );
  assert.deepEqual((await readdir(dir)).sort(), ['damaged.png', 'page.png']);
});
