// Issue #17 in the engine: a scanned batch in a folder that splits on separator sheets arrives as
// one document per part (named with its page range, the sheet pages left out, a typed sheet's
// destination applied), the original is a parent row and is moved only once every part is
// uploaded, and the same original dropped again is a duplicate of the whole batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { batchPdf, scannedPageJpeg, scannedSheetJpeg } from '../../fixtures/scanned-batch.ts';
import { monthFolder, startEngine, type EngineHarness } from '../../support/engine-harness.ts';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';

/** A "next document" and a "sale" sheet as a 200 dpi grey scan. */
async function nextAndSaleSheets(): Promise<{ next: Buffer; sale: Buffer }> {
  const look = { dpi: 200, turnDegrees: 0, grey: true };
  return {
    next: await scannedSheetJpeg({ type: 'next' }, look),
    sale: await scannedSheetJpeg({ type: 'sale' }, look),
  };
}

/** A purchase folder "Scans" of `companyNumber` that splits on separator sheets; its path. */
async function separatorFolder(harness: EngineHarness, companyNumber: string): Promise<string> {
  const dir = await harness.addFolder('Scans', companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'separator' });
  return dir;
}

test('a batch in a separator folder arrives as its parts, and the original moves after them', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const { next, sale } = await nextAndSaleSheets();
  // Pages: 1-2 invoice A, 3 sheet, 4 invoice B, 5 sale sheet, 6-8 invoice C.
  const batch = await batchPdf([
    { text: 'A1' },
    { text: 'A2' },
    { jpeg: next },
    { text: 'B1' },
    { jpeg: sale },
    { text: 'C1' },
    { text: 'C2' },
    { text: 'C3' },
  ]);
  const dir = await separatorFolder(harness, administration.companyNumber);
  await writeFile(path.join(dir, 'Scan 0042.pdf'), batch);

  const original = await harness.waitForEntry(
    'the batch delivered after its parts',
    (entry) => entry.fileName === 'Scan 0042.pdf' && entry.state === 'archived',
  );
  const uploads = harness.emulator.uploads();
  assert.deepEqual(
    uploads.map((upload) => [upload.filename, upload.pages, upload.invoiceType]).sort(),
    [
      ['Scan 0042 (p. 1-2).pdf', 2, 'PURCHASE'],
      ['Scan 0042 (p. 4).pdf', 1, 'PURCHASE'],
      ['Scan 0042 (p. 6-8).pdf', 3, 'SALE'],
    ],
  );
  const parts = await harness.engine.handlers['history.query']({
    filter: { parentId: original.id },
    offset: 0,
    limit: 10,
  });
  assert.deepEqual(
    parts.rows.map((part) => [part.pageRange, part.state]),
    [
      [{ first: 1, last: 2 }, 'uploaded'],
      [{ first: 4, last: 4 }, 'uploaded'],
      [{ first: 6, last: 8 }, 'uploaded'],
    ],
  );
  assert.equal(original.splitNote?.code, 'split_into_parts');
  assert.ok(existsSync(path.join(dir, '_uploaded', monthFolder(), 'Scan 0042.pdf')));

  // The same original again: a duplicate of the whole batch, nothing sent.
  await copyFile(
    path.join(dir, '_uploaded', monthFolder(), 'Scan 0042.pdf'),
    path.join(dir, 'Scan 0042 again.pdf'),
  );
  await harness.waitForEntry(
    'the batch dropped again is a duplicate',
    (entry) => entry.fileName === 'Scan 0042 again.pdf' && entry.state === 'duplicate',
  );
  assert.equal(harness.emulator.uploads().length, 3);
});

test('a folder in page mode sends every page as its own document', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'page' });
  await writeFile(path.join(dir, 'two.pdf'), await batchPdf([{ text: 'one' }, { text: 'two' }]));
  const entry = await harness.waitForEntry(
    'a page-mode batch of two pages delivered as two parts',
    (candidate) => candidate.fileName === 'two.pdf' && candidate.state === 'archived',
  );
  assert.deepEqual(entry.splitNote, {
    code: 'split_into_parts',
    params: { count: 2, separatorPages: 0 },
  });
  assert.deepEqual(
    harness.emulator
      .uploads()
      .map((upload) => [upload.filename, upload.pages])
      .sort(),
    [
      ['two (p. 1).pdf', 1],
      ['two (p. 2).pdf', 1],
    ],
  );
});

// A part whose content Clearfacts already confirmed is a duplicate, as any file is; it must not
// keep its original from being delivered and moved (the original stayed in `split` for good).
test('a part that is a duplicate of a delivered document lets its original be moved', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'page' });
  // An invoice delivered in one stack, then scanned again in the next one: the first page of both
  // stacks is cut into the same bytes.
  await writeFile(path.join(dir, 'first.pdf'), await batchPdf([{ text: 'same' }, { text: 'one' }]));
  await harness.waitForEntry(
    'the first stack delivered',
    (entry) => entry.fileName === 'first.pdf' && entry.state === 'archived',
  );
  await writeFile(path.join(dir, 'again.pdf'), await batchPdf([{ text: 'same' }, { text: 'two' }]));
  const original = await harness.waitForEntry(
    'the stack with a duplicate part delivered and moved',
    (entry) => entry.fileName === 'again.pdf' && entry.state === 'archived',
  );
  const parts = await harness.engine.handlers['history.query']({
    filter: { parentId: original.id },
    offset: 0,
    limit: 10,
  });
  assert.deepEqual(
    parts.rows.map((part) => [part.fileName, part.state]),
    [
      ['again (p. 1).pdf', 'duplicate'],
      ['again (p. 2).pdf', 'uploaded'],
    ],
  );
  assert.equal(harness.emulator.uploads().length, 3, 'the duplicate part was not sent');
  assert.ok(existsSync(path.join(dir, '_uploaded', monthFolder(), 'again.pdf')));
});

// "Resend" on a batch found a duplicate is the user's say-so for the whole batch: its parts are
// sent even though Clearfacts has their bytes (before, every part came out a duplicate again).
test('resending a duplicate batch sends its parts again', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'page' });
  const batch = await batchPdf([{ text: 'first' }, { text: 'second' }]);
  await writeFile(path.join(dir, 'stack.pdf'), batch);
  await harness.waitForEntry(
    'the batch delivered',
    (entry) => entry.fileName === 'stack.pdf' && entry.state === 'archived',
  );
  await writeFile(path.join(dir, 'stack again.pdf'), batch);
  const duplicate = await harness.waitForEntry(
    'the batch again is a duplicate',
    (entry) => entry.fileName === 'stack again.pdf' && entry.state === 'duplicate',
  );
  assert.equal(harness.emulator.uploads().length, 2);

  await harness.engine.handlers['history.resend']({ id: duplicate.id });
  await harness.waitForEntry(
    'the resent batch delivered and moved',
    (entry) => entry.id === duplicate.id && entry.state === 'archived',
  );
  assert.deepEqual(
    harness.emulator
      .uploads()
      .map((upload) => upload.filename)
      .sort(),
    ['stack (p. 1).pdf', 'stack (p. 2).pdf', 'stack again (p. 1).pdf', 'stack again (p. 2).pdf'],
  );
});

// A stack of separator sheets alone (sheets printed ahead, scanned without their documents) holds
// no document: before, planSplit found nothing to cut and the whole stack was sent to Clearfacts.
test('a batch of separator sheets only is not sent and says why', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const { next, sale } = await nextAndSaleSheets();
  const dir = await separatorFolder(harness, administration.companyNumber);
  await writeFile(path.join(dir, 'Sheets.pdf'), await batchPdf([{ jpeg: next }, { jpeg: sale }]));
  const entry = await harness.waitForEntry(
    'the stack of sheets settled',
    (candidate) =>
      candidate.fileName === 'Sheets.pdf' &&
      ['failed', 'uploaded', 'archived'].includes(candidate.state),
  );
  assert.equal(entry.state, 'failed');
  assert.equal(entry.failure?.code, 'only_separator_sheets');
  assert.deepEqual(entry.failure?.message, {
    code: 'split_only_separators',
    params: { count: 2 },
  });
  assert.deepEqual(harness.emulator.uploads(), []);
  assert.ok(existsSync(path.join(dir, 'Sheets.pdf')), 'the file stays where it is');
});

test('a scanned batch with a typed permanent sheet sends the part after it to that archive category', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const [category] = administration.categories.permanent;
  assert.ok(category);
  // Every page a 300 dpi grey scan, as a feeder writes it: the sheet printed by the app's own
  // generator and rendered by pdftoppm, the document pages likewise.
  const look = { dpi: 300, turnDegrees: 0, grey: true };
  const scan = async (label: string) => ({
    jpeg: await scannedPageJpeg(await batchPdf([{ text: label }]), look),
  });
  const permanent = await scannedSheetJpeg({ type: 'permanent', categoryId: category.id }, look);
  // Pages: 1 invoice A, 2 permanent sheet, 3-4 deed B.
  const batch = await batchPdf([
    await scan('A1'),
    { jpeg: permanent },
    await scan('B1'),
    await scan('B2'),
  ]);
  const dir = await separatorFolder(harness, administration.companyNumber);
  await writeFile(path.join(dir, 'Scan 0043.pdf'), batch);

  await harness.waitForEntry(
    'the scanned batch delivered after its parts',
    (entry) => entry.fileName === 'Scan 0043.pdf' && entry.state === 'archived',
  );
  assert.deepEqual(
    harness.emulator
      .uploads()
      .map((upload) => [
        upload.filename,
        upload.pages,
        upload.kind,
        upload.invoiceType,
        upload.archiveType,
        upload.categoryId,
        upload.companyNumber,
      ])
      .sort(),
    [
      ['Scan 0043 (p. 1).pdf', 1, 'invoice', 'PURCHASE', null, null, administration.companyNumber],
      [
        'Scan 0043 (p. 3-4).pdf',
        2,
        'archive',
        null,
        'PERMANENT',
        category.id,
        administration.companyNumber,
      ],
    ],
  );
});

test('a typed sheet naming its category (as `separator-sheet --category Statuten` prints it) sends to that category of the part’s administration', async (t) => {
  // The README's own example names the category; ids differ per administration, so a sheet
  // without --company can only carry the name. Before, the name went to Clearfacts as the id and
  // the part failed ("Unknown category").
  const harness = await startEngine(t);
  const administration = harness.emulator.seed.administrations[1];
  assert.ok(administration);
  const [category] = administration.categories.permanent;
  assert.ok(category);
  const look = { dpi: 200, turnDegrees: 0, grey: true };
  const permanent = await scannedSheetJpeg({ type: 'permanent', categoryId: category.name }, look);
  // Pages: 1 invoice A, 2 permanent sheet, 3 deed B.
  const batch = await batchPdf([{ text: 'A1' }, { jpeg: permanent }, { text: 'B1' }]);
  const dir = await separatorFolder(harness, administration.companyNumber);
  await writeFile(path.join(dir, 'Scan 0044.pdf'), batch);

  await harness.waitForEntry(
    'the part after the named permanent sheet uploaded or failed',
    (entry) =>
      entry.fileName === 'Scan 0044 (p. 3).pdf' &&
      (entry.state === 'uploaded' || entry.state === 'failed'),
  );
  const archived = harness.emulator.uploads().find((upload) => upload.kind === 'archive');
  assert.deepEqual(archived && [archived.filename, archived.archiveType, archived.categoryId], [
    'Scan 0044 (p. 3).pdf',
    'PERMANENT',
    category.id,
  ]);
});

/**
 * Writes `fileName`, a 3-page batch whose page 2 is a permanent sheet naming the first permanent
 * category of the second seeded administration with an "x" added, into a separator folder of it.
 */
async function scanWithMisspeltSheet(
  harness: EngineHarness,
  fileName: string,
): Promise<{ category: { name: string }; misspelt: string }> {
  const administration = harness.emulator.seed.administrations[1];
  assert.ok(administration);
  const [category] = administration.categories.permanent;
  assert.ok(category);
  const misspelt = `${category.name}x`;
  const look = { dpi: 200, turnDegrees: 0, grey: true };
  const permanent = await scannedSheetJpeg({ type: 'permanent', categoryId: misspelt }, look);
  // Pages: 1 invoice A, 2 permanent sheet, 3 deed B.
  const batch = await batchPdf([{ text: 'A1' }, { jpeg: permanent }, { text: 'B1' }]);
  const dir = await separatorFolder(harness, administration.companyNumber);
  await writeFile(path.join(dir, fileName), batch);
  return { category, misspelt };
}

test('a typed sheet naming a category its administration does not have fails that part with the administration’s categories, and sends nothing doomed', async (t) => {
  // A misspelt name went to Clearfacts as the id; its refusal read as if the administration had
  // lost the category. Clearfacts' list already says the name is not there.
  const harness = await startEngine(t);
  const { category, misspelt } = await scanWithMisspeltSheet(harness, 'Scan 0045.pdf');

  const part = await harness.waitForEntry(
    'the part after the misspelt sheet failed or uploaded',
    (entry) =>
      entry.fileName === 'Scan 0045 (p. 3).pdf' &&
      (entry.state === 'uploaded' || entry.state === 'failed'),
  );
  assert.equal(part.state, 'failed');
  assert.equal(part.failure?.code, 'unknown_category');
  const message = part.failure?.message;
  assert.equal(message?.code, 'category_name_unknown');
  assert.ok(message.code === 'category_name_unknown');
  assert.equal(message.params.name, misspelt);
  assert.ok(
    message.params.names.includes(category.name),
    'the message lists the categories the administration has',
  );
  await harness.waitForEntry(
    'the part before the sheet uploaded',
    (entry) => entry.fileName === 'Scan 0045 (p. 1).pdf' && entry.state === 'uploaded',
  );
  assert.deepEqual(
    harness.emulator.uploads().filter((upload) => upload.kind === 'archive'),
    [],
    'no archive upload was sent',
  );
  const original = await harness.waitForEntry(
    'the batch held while a part failed',
    (entry) => entry.fileName === 'Scan 0045.pdf',
  );
  assert.equal(original.state, 'split');
});

/** Retries history row `id` and waits until it has failed or uploaded again. */
async function retriedOutcome(harness: EngineHarness, id: number): Promise<HistoryEntry> {
  const retried = await harness.engine.handlers['history.retry']({ id });
  return harness.waitForEntry(
    'the retried part failed or uploaded',
    (entry) =>
      entry.id === id &&
      entry.updatedAt >= retried.updatedAt &&
      (entry.state === 'uploaded' || entry.state === 'failed'),
  );
}

test('retrying a part whose sheet names a category its administration lacks fails it again with that list, without sending it', async (t) => {
  // Retry sent the misspelt name to Clearfacts as the id; its refusal then said the category no
  // longer exists and told the user to choose another one for the folder (a purchase folder).
  const harness = await startEngine(t);
  await scanWithMisspeltSheet(harness, 'Scan 0046.pdf');
  const failed = await harness.waitForEntry(
    'the part after the misspelt sheet failed',
    (entry) => entry.fileName === 'Scan 0046 (p. 3).pdf' && entry.state === 'failed',
  );

  const again = await retriedOutcome(harness, failed.id);
  assert.equal(again.state, 'failed');
  assert.equal(again.failure?.message.code, 'category_name_unknown');
  assert.equal(again.attempts, 0, 'no upload was attempted');
});

test('retrying a part whose sheet named a category created in Clearfacts since sends it to that category', async (t) => {
  // The administration's categories are kept for 10 minutes: a user who creates the category the
  // sheet names and presses Retry at once was told again that it does not exist, from the list
  // read before they created it.
  const harness = await startEngine(t);
  const { misspelt } = await scanWithMisspeltSheet(harness, 'Scan 0047.pdf');
  const failed = await harness.waitForEntry(
    'the part after the misspelt sheet failed',
    (entry) => entry.fileName === 'Scan 0047 (p. 3).pdf' && entry.state === 'failed',
  );
  const administration = harness.emulator.seed.administrations[1];
  assert.ok(administration);
  const created = { id: 'permanent-created-since', name: misspelt };
  administration.categories.permanent.push(created);

  const again = await retriedOutcome(harness, failed.id);
  assert.equal(again.state, 'uploaded', JSON.stringify(again.failure));
  assert.deepEqual(
    harness.emulator
      .uploads()
      .filter((upload) => upload.kind === 'archive')
      .map((upload) => upload.categoryId),
    [created.id],
  );
});
