// Splitting generated scanned batches through the real worker: sheets rendered by pdftoppm (not
// by our code) at 200 and 300 dpi, grey, turned 90 and 180 degrees and skewed 2 degrees. Expected
// parts are hand-counted from how each batch is built; every cut part's page count is checked by
// qpdf, which shares no code with pdf-lib or pdf.js.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { createSplitService } from '../../../../src-main/core/split/split-service.ts';
import type { SplitResult } from '../../../../src-main/core/split/split-protocol.ts';
import { qpdfPageCount, qpdfWrite } from '../../../support/qpdf-oracle.ts';
import {
  batchPdf,
  scannedPageJpeg,
  scannedSheetJpeg,
  type BatchPage,
} from '../../../fixtures/scanned-batch.ts';

const service = createSplitService();
let folder = '';
test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-split-'));
});
test.after(async () => {
  await service.close();
  await rm(folder, { recursive: true, force: true });
});

const text = (label: string): BatchPage => ({ text: label });

/** qpdf's page count of every part, written to disk. */
async function qpdfCounts(result: SplitResult, label: string): Promise<number[]> {
  assert.equal(result.outcome, 'split');
  const counts: number[] = [];
  for (const [index, part] of result.parts.entries()) {
    const file = path.join(folder, `${label}-${index}.pdf`);
    await writeFile(file, part.bytes);
    counts.push((await qpdfPageCount(file)) ?? -1);
  }
  return counts;
}

const looks = [
  { dpi: 200, turnDegrees: 0, grey: true },
  { dpi: 300, turnDegrees: 180, grey: false },
  { dpi: 200, turnDegrees: 90, grey: true },
  { dpi: 300, turnDegrees: 2, grey: true },
];

for (const look of looks) {
  test(`separator mode cuts on sheets scanned at ${look.dpi} dpi, turned ${look.turnDegrees}°, ${look.grey ? 'grey' : 'colour'}`, async () => {
    const next = { jpeg: await scannedSheetJpeg({ type: 'next' }, look) };
    const sale = {
      jpeg: await scannedSheetJpeg({ type: 'sale', companyNumber: '0123456749' }, look),
    };
    const bytes = await batchPdf([
      text('A1'),
      text('A2'),
      next,
      text('B1'),
      sale,
      text('C1'),
      text('C2'),
      text('C3'),
    ]);
    const result = await service.split(bytes, 'separator');
    assert.equal(result.outcome, 'split', JSON.stringify(result));
    assert.deepEqual(result.separatorPages, [3, 5]);
    assert.deepEqual(
      result.parts.map((part) => [part.firstPage, part.lastPage, part.sheet]),
      [
        [1, 2, null],
        [4, 4, null],
        [6, 8, { type: 'sale', companyNumber: '0123456749' }],
      ],
    );
    assert.deepEqual(await qpdfCounts(result, `sep-${look.dpi}-${look.turnDegrees}`), [2, 1, 3]);
  });
}

test('a stack without a separator sheet stays one document', async () => {
  const result = await service.split(
    await batchPdf([text('A1'), text('A2'), text('A3')]),
    'separator',
  );
  assert.deepEqual(result, { outcome: 'whole', pages: 3, reason: { why: 'one_document' } });
});

test('a plain PATCHT code separates like a "next" sheet', async () => {
  const { default: QRCode } = await import('qrcode');
  const png = await QRCode.toBuffer('PATCHT', { width: 600 });
  const document = await PDFDocument.create();
  for (const label of ['A1', 'patch', 'B1']) {
    const page = document.addPage([595.28, 841.89]);
    if (label === 'patch') {
      page.drawImage(await document.embedPng(png), { x: 150, y: 300, width: 300, height: 300 });
    } else {
      page.drawText(label, { x: 72, y: 720, size: 24 });
    }
  }
  const result = await service.split(await document.save(), 'separator');
  assert.equal(result.outcome, 'split', JSON.stringify(result));
  assert.deepEqual(
    result.parts.map((part) => [part.firstPage, part.lastPage]),
    [
      [1, 1],
      [3, 3],
    ],
  );
});

test('page and pages:N modes cut by count, the last part shorter', async () => {
  const pages = ['1', '2', '3', '4', '5', '6', '7'].map(text);
  const everyPage = await service.split(await batchPdf(pages), 'page');
  assert.deepEqual(await qpdfCounts(everyPage, 'page'), [1, 1, 1, 1, 1, 1, 1]);
  const everyThree = await service.split(await batchPdf(pages), 'pages:3');
  assert.equal(everyThree.outcome, 'split');
  assert.deepEqual(
    everyThree.parts.map((part) => [part.firstPage, part.lastPage]),
    [
      [1, 3],
      [4, 6],
      [7, 7],
    ],
  );
  assert.deepEqual(await qpdfCounts(everyThree, 'pages3'), [3, 3, 1]);
});

test('page and pages:N modes cut a scanned batch (every page one JPEG) by count, QR sheets kept as pages', async () => {
  const look = { dpi: 300, turnDegrees: 0, grey: true };
  const scanned: BatchPage[] = [];
  for (const label of ['1', '2', '3', '4']) {
    scanned.push({ jpeg: await scannedPageJpeg(await batchPdf([text(label)]), look) });
  }
  // A separator sheet means nothing in these modes: it is a page like any other.
  scanned.push({ jpeg: await scannedSheetJpeg({ type: 'next' }, look) });
  const everyPage = await service.split(await batchPdf(scanned), 'page');
  assert.equal(everyPage.outcome, 'split');
  assert.deepEqual(everyPage.separatorPages, []);
  assert.deepEqual(await qpdfCounts(everyPage, 'scanned-page'), [1, 1, 1, 1, 1]);
  const everyTwo = await service.split(await batchPdf(scanned), 'pages:2');
  assert.equal(everyTwo.outcome, 'split');
  assert.deepEqual(
    everyTwo.parts.map((part) => [part.firstPage, part.lastPage]),
    [
      [1, 2],
      [3, 4],
      [5, 5],
    ],
  );
  assert.deepEqual(await qpdfCounts(everyTwo, 'scanned-pages2'), [2, 2, 1]);
});

test("an encrypted batch is sent whole, with pdf-lib's reason", async () => {
  const plain = path.join(folder, 'plain.pdf');
  const locked = path.join(folder, 'locked.pdf');
  await writeFile(plain, await batchPdf([text('A1'), text('A2')]));
  await qpdfWrite(['--encrypt', 'user', 'owner', '256', '--', plain, locked]);
  const result = await service.split(await readFile(locked), 'page');
  assert.equal(result.outcome, 'whole');
  assert.equal(result.reason.why, 'unreadable');
});

/**
 * The JPEG without its quantization tables (every DQT segment, marker 0xFFDB, before the scan):
 * its frame header still gives pdf-lib its size, but libjpeg cannot decode it (missing Huffman
 * tables would not do: libjpeg then takes the standard ones, as for Motion JPEG).
 */
function withoutQuantizationTables(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  while (offset < jpeg.length) {
    const marker = jpeg.readUInt16BE(offset);
    // Start of scan: the entropy-coded data runs to the end, without length fields.
    if (marker === 0xffda) break;
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2);
    if (marker !== 0xffdb) kept.push(jpeg.subarray(offset, end));
    offset = end;
  }
  kept.push(jpeg.subarray(offset));
  return Buffer.concat(kept);
}

const greyScan = { dpi: 200, turnDegrees: 0, grey: true };

/** A page with `label` on it, scanned as one grey JPEG. */
async function scannedPage(label: string): Promise<BatchPage> {
  return { jpeg: await scannedPageJpeg(await batchPdf([text(label)]), greyScan) };
}

/** A scanned page whose JPEG sharp (libjpeg) cannot decode: its quantization tables removed. */
async function undecodablePage(label: string): Promise<BatchPage> {
  return {
    jpeg: withoutQuantizationTables(await scannedPageJpeg(await batchPdf([text(label)]), greyScan)),
  };
}

test('a page whose one JPEG sharp cannot decode is rendered by pdf.js, in a batch whose other pages are JPEGs', async () => {
  const sheet = { jpeg: await scannedSheetJpeg({ type: 'next' }, greyScan) };
  const broken = await undecodablePage('A2');
  // The batch's own bytes are freed once pdf-lib has read them (every page is one JPEG), so
  // pdf.js must be given the batch again for the broken page; it draws nothing there.
  const result = await service.split(
    await batchPdf([await scannedPage('A1'), broken, sheet, await scannedPage('B1')]),
    'separator',
  );
  assert.equal(result.outcome, 'split', JSON.stringify(result, ['outcome', 'reason', 'detail']));
  assert.deepEqual(result.separatorPages, [3]);
  assert.deepEqual(await qpdfCounts(result, 'broken-jpeg'), [2, 1]);
});

test('in blank mode a page whose one JPEG sharp cannot decode is content, not blank', async () => {
  // pdf.js draws nothing for the JPEG without its tables: judged on that, the page read blank and
  // left the document sent to Clearfacts (kept only in the blank-pages file).
  const pages = [
    await scannedPage('A1'),
    await undecodablePage('A2'),
    await scannedPage(''),
    await scannedPage('B1'),
  ];
  const result = await service.split(await batchPdf(pages), 'blank');
  assert.equal(result.outcome, 'split', JSON.stringify(result, ['outcome', 'reason', 'detail']));
  assert.deepEqual(result.separatorPages, [3]);
  assert.deepEqual(await qpdfCounts(result, 'broken-jpeg-blank'), [2, 1]);
});

/** Each thread of this process: its name and nice value (proc(5): field 19 of .../task/N/stat). */
async function threadNiceValues(): Promise<Map<number, { name: string; nice: number }>> {
  const nice = new Map<number, { name: string; nice: number }>();
  for (const id of await readdir('/proc/self/task')) {
    const stat = await readFile(`/proc/self/task/${id}/stat`, 'utf8');
    // Fields after the command name's closing parenthesis start with field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    nice.set(Number(id), { name, nice: Number(fields[19 - 3]) });
  }
  return nice;
}

test(
  "the split thread and its image decoders run below the engine's priority (nice 10), the main thread does not",
  {
    skip: process.platform !== 'linux' && 'threads have their own nice value only on Linux',
  },
  async () => {
    const sheet = await scannedSheetJpeg(
      { type: 'next' },
      { dpi: 200, turnDegrees: 0, grey: true },
    );
    await service.split(await batchPdf([text('A1'), { jpeg: sheet }, text('B1')]), 'separator');
    const threads = await threadNiceValues();
    assert.equal(threads.get(process.pid)?.nice, 0, 'the main thread keeps its priority');
    const all = [...threads.values()];
    assert.ok(
      all.some((thread) => thread.nice === 10),
      `no thread at nice 10: ${JSON.stringify(all)}`,
    );
    // sharp decodes on libvips's threads, which do not inherit the split thread's priority.
    const decoders = all.filter((thread) => thread.name === 'libvips worker');
    assert.ok(decoders.length > 0, `no libvips thread: ${JSON.stringify(all)}`);
    assert.deepEqual(
      decoders.map((thread) => thread.nice),
      decoders.map(() => 10),
    );
  },
);
