// Combining files into one PDF (issue #19, bundling): PDFs give their pages, a JPEG or PNG one
// page, in the order given. Page counts are qpdf's; the expected ones are counted from how the
// inputs are built.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { combineIntoPdf } from '../../../../src-main/core/documents/combine-documents.ts';
import { photoPage } from '../../../fixtures/photo-pages.ts';
import { pdfBytes } from '../../../e2e/browser/sample-files.ts';
import { qpdfPageCount } from '../../../support/qpdf-oracle.ts';

let folder = '';
test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-combine-'));
});
test.after(() => rm(folder, { recursive: true, force: true }));

test('PDFs, a JPEG and a PNG become one PDF with their pages in the order given', async () => {
  const result = await combineIntoPdf([
    { fileName: 'a.pdf', bytes: await pdfBytes(2, 'A') },
    { fileName: 'b.jpg', bytes: await photoPage('B', 'jpeg') },
    { fileName: 'c.png', bytes: await photoPage('C', 'png') },
    { fileName: 'd.pdf', bytes: await pdfBytes(3, 'D') },
  ]);
  assert.ok(result.ok);
  assert.deepEqual(
    result.sources.map((source) => [source.fileName, source.pages]),
    [
      ['a.pdf', 2],
      ['b.jpg', 1],
      ['c.png', 1],
      ['d.pdf', 3],
    ],
  );
  const file = path.join(folder, 'combined.pdf');
  await writeFile(file, result.bytes);
  assert.equal(await qpdfPageCount(file), 7);
});

test('the same files in the same order give the same bytes (so a second drop is a duplicate)', async () => {
  const inputs = [
    { fileName: 'a.pdf', bytes: await pdfBytes(1, 'A') },
    { fileName: 'b.png', bytes: await photoPage('B', 'png') },
  ];
  const first = await combineIntoPdf(inputs);
  const second = await combineIntoPdf(inputs);
  assert.ok(first.ok && second.ok);
  assert.deepEqual(Buffer.from(first.bytes), Buffer.from(second.bytes));
});

test('a file that is no PDF or image, or a damaged PDF, is named and nothing is combined', async () => {
  const text = await combineIntoPdf([
    { fileName: 'a.pdf', bytes: await pdfBytes(1) },
    { fileName: 'notes.txt', bytes: Buffer.from('not a document\n') },
  ]);
  assert.deepEqual(text, {
    ok: false,
    reason: { code: 'combine_not_pdf_or_image', params: { fileName: 'notes.txt' } },
    index: 1,
  });
  const damaged = await combineIntoPdf([
    { fileName: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\nnothing else') },
  ]);
  assert.deepEqual(damaged, {
    ok: false,
    reason: { code: 'combine_unreadable', params: { fileName: 'broken.pdf' } },
    index: 0,
  });
});
