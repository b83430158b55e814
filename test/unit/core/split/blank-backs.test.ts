// Split mode `blank-backs` (issue #19): a duplex batch that is NOT cut, sent as one document
// without its blank back sides, which are kept in a file of their own. Through the real split
// worker; the pages are generated (test/fixtures/scanned-back-sides.ts), the expected pages
// hand-counted from how each batch is built, and every page count is qpdf's.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { SplitMode } from '../../../../src-main/contract/domain.ts';
import { planSplit } from '../../../../src-main/core/split/split-plan.ts';
import { createSplitService } from '../../../../src-main/core/split/split-service.ts';
import { qpdfPageCount } from '../../../support/qpdf-oracle.ts';
import { scannedBackSide, type BackSide } from '../../../fixtures/scanned-back-sides.ts';
import { batchPdf, type BatchPage } from '../../../fixtures/scanned-batch.ts';

const service = createSplitService();
let folder = '';
test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-blank-backs-'));
});
test.after(async () => {
  await service.close();
  await rm(folder, { recursive: true, force: true });
});

const text = (label: string): BatchPage => ({ text: label });
const back = async (kind: BackSide): Promise<BatchPage> => ({
  jpeg: (await scannedBackSide(kind, { dpi: 200, grey: true })).jpeg,
});

async function qpdfPages(bytes: Uint8Array, name: string): Promise<number> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return (await qpdfPageCount(file)) ?? -1;
}

test('`blank-backs` is a split mode', () => {
  assert.equal(SplitMode.safeParse('blank-backs').success, true);
});

test('the plan keeps every page that is not blank in one document', () => {
  assert.deepEqual(planSplit(6, 'blank-backs', [], [true, false, true, false, false, true]), {
    outcome: 'split',
    parts: [{ firstPage: 2, lastPage: 5, sheet: null }],
    separatorPages: [1, 3, 6],
  });
  assert.deepEqual(planSplit(3, 'blank-backs', [], [false, false, false]), { outcome: 'whole' });
  assert.deepEqual(planSplit(2, 'blank-backs', [], [true, true]), {
    outcome: 'only_separators',
    separatorPages: [1, 2],
  });
});

test('a duplex batch is sent as one document without its blank back sides, which are kept', async () => {
  // Fronts A1, A2, B1, B2 with back sides: white, a handwritten line (content), scanner noise,
  // a faint stamp (content).
  const bytes = await batchPdf([
    text('A1'),
    await back('white'),
    text('A2'),
    await back('handwritten_line'),
    text('B1'),
    await back('scanner_noise'),
    text('B2'),
    await back('faint_stamp'),
  ]);
  assert.equal(await qpdfPages(bytes, 'batch.pdf'), 8);
  const result = await service.split(bytes, 'blank-backs');
  assert.equal(result.outcome, 'split');
  assert.deepEqual(result.separatorPages, [2, 6]);
  assert.equal(result.parts.length, 1);
  const [document] = result.parts;
  assert.ok(document !== undefined);
  assert.deepEqual([document.firstPage, document.lastPage], [1, 8]);
  assert.equal(await qpdfPages(document.bytes, 'document.pdf'), 6);
  assert.ok(result.blankPages !== null, 'the blank pages are kept');
  assert.equal(await qpdfPages(result.blankPages, 'blank.pdf'), 2);
});

test('a batch without blank pages goes as it is; one of blank pages only is nothing to send', async () => {
  const full = await service.split(
    await batchPdf([text('A1'), await back('handwritten_line')]),
    'blank-backs',
  );
  assert.equal(full.outcome === 'whole' && full.reason.why, 'one_document');
  const empty = await service.split(
    await batchPdf([await back('white'), await back('scanner_noise')]),
    'blank-backs',
  );
  assert.equal(empty.outcome, 'only_separators');
});

test('the preview shows the one document and the blank pages left out', async () => {
  const bytes = await batchPdf([text('A1'), await back('white'), text('A2')]);
  const preview = await service.preview(bytes, 'blank-backs');
  assert.equal(preview.outcome, 'split');
  assert.deepEqual(preview.separatorPages, [2]);
  assert.deepEqual(
    preview.parts.map((part) => [part.firstPage, part.lastPage]),
    [[1, 3]],
  );
});
