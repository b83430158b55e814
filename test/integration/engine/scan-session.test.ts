// Bundling a scan session (issue #19, a folder's `bundle:N`) through the engine, with real
// chokidar on a temp folder and the emulator over HTTP: the JPEG, PNG and PDF files that arrive
// wait in the open session until its quiet window ends (a timer the test fires, never a sleep),
// then arrive in Clearfacts as one PDF in name order ("scan 2" before "scan 10"), whose history
// row lists them; an XML e-invoice and a text file go on their own. The files stay until the
// combined document has its uuid, then each is moved. A stop with the session open loses and
// doubles nothing: the next start combines the recorded files.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { combineIntoPdf } from '../../../src-main/core/documents/combine-documents.ts';
import { hashBytes } from '../../../src-main/core/documents/hash-file.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
import { monthFolder, startEngine, startEngineHarness } from '../../support/engine-harness.ts';
import { manualIdleTimer } from '../../support/manual-idle-timer.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';

/** The session's files, written into `dir` one after another, in an order that is not name order. */
async function writeSession(dir: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {
    'scan 10.pdf': Buffer.from(await pdfBytes(2, 'Scan 10')),
    'scan 2.jpg': await photoPage('scan 2', 'jpeg'),
    'scan 1.png': await photoPage('scan 1', 'png'),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
  return files;
}

const NAME_ORDER = ['scan 1.png', 'scan 2.jpg', 'scan 10.pdf'];

/** What the combined document must be: the files in name order, combined (the same bytes). */
async function expectedBundle(files: Record<string, Buffer>): Promise<string> {
  const combined = await combineIntoPdf(
    NAME_ORDER.map((fileName) => ({ fileName, bytes: files[fileName] ?? Buffer.alloc(0) })),
  );
  assert.ok(combined.ok);
  return hashBytes(combined.bytes);
}

/**
 * An engine with the emulator and a purchase folder `phone` that bundles scan sessions with a
 * 30 s quiet window, on a timer the test fires.
 */
async function bundlingFolder(t: TestContext) {
  const clock = manualIdleTimer();
  const emulator = await startTestEmulator(t);
  const harness = await startEngine(t, { emulator, scanSessionTimer: clock.timer });
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('phone', administration.companyNumber, {
    type: 'purchase',
  });
  const {
    folders: [view],
  } = await harness.engine.handlers['folders.list']({});
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'bundle:30' });
  return { clock, emulator, harness, administration, dir };
}

test('a scan session arrives as one document in name order once the folder is quiet', async (t) => {
  const { clock, emulator, harness, administration, dir } = await bundlingFolder(t);

  const files = await writeSession(dir);
  const invoice = ublXml(sampleInvoice({ customer: partyOf(administration) }));
  await writeFile(path.join(dir, 'factuur.xml'), invoice);
  await writeFile(path.join(dir, 'notes.txt'), 'not a document\n');

  const inSession = (entries: Iterable<HistoryEntry>) =>
    [...entries].filter((entry) => entry.state === 'bundling').map((entry) => entry.fileName);
  await harness.until('the three pictures and scans wait in the session', () =>
    NAME_ORDER.every((name) => inSession(harness.entries.values()).includes(name)),
  );
  await harness.waitForEntry(
    'the e-invoice sent on its own',
    (entry) => entry.fileName === 'factuur.xml' && entry.state === 'archived',
  );
  await harness.waitForEntry(
    'the text file refused on its own',
    (entry) => entry.fileName === 'notes.txt' && entry.state === 'failed',
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['factuur.xml'],
    'nothing of the session is sent while it is open',
  );
  assert.deepEqual(
    [...clock.scheduled.values()].map((entry) => entry.delayMs),
    [30_000],
    'one quiet window, restarted at each arrival: 30 s after the last',
  );

  clock.fireAll();
  const combined = await harness.waitForEntry(
    'the combined document uploaded',
    (entry) => entry.sources !== null && entry.sources !== undefined && entry.uuid !== null,
  );
  await harness.until('every file of the session moved after the upload', () =>
    NAME_ORDER.every((name) => existsSync(path.join(dir, '_uploaded', monthFolder(), name))),
  );
  assert.equal(combined.fileName, 'scan 1 (+2).pdf');
  assert.deepEqual(
    combined.sources?.map((source) => source.fileName),
    NAME_ORDER,
  );
  // qpdf counts the PDF's pages (an independent reader); a JPEG or PNG gives one page.
  const pdfPages = await qpdfPageCount(path.join(dir, '_uploaded', monthFolder(), 'scan 10.pdf'));
  assert.equal(pdfPages, 2);
  const expectedPages = 1 + 1 + pdfPages;
  const [upload] = emulator.uploads().filter((candidate) => candidate.filename !== 'factuur.xml');
  assert.ok(upload);
  assert.equal(upload.pages, expectedPages, 'the emulator counted the pages qpdf counts');
  assert.equal(upload.sha256, await expectedBundle(files), 'the files in name order');
  assert.equal(emulator.uploads().length, 2);
  const history = await harness.allHistory();
  for (const name of NAME_ORDER) {
    const rows = history.filter((entry) => entry.fileName === name);
    assert.deepEqual(
      rows.map((entry) => entry.state),
      ['archived'],
      `${name}: one row, delivered and moved`,
    );
  }
});

test('a stop with a scan session open combines its recorded files at the next start', async (t) => {
  const emulator = await startTestEmulator(t);
  const first = manualIdleTimer();
  const before = await startEngineHarness({ emulator, scanSessionTimer: first.timer });
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = await before.addFolder('phone', administration.companyNumber, { type: 'purchase' });
  const {
    folders: [view],
  } = await before.engine.handlers['folders.list']({});
  assert.ok(view);
  await before.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'bundle:45' });
  const files = await writeSession(dir);
  await before.until(
    'the session holds its three files',
    () => [...before.entries.values()].filter((entry) => entry.state === 'bundling').length === 3,
  );
  await before.stop();
  assert.deepEqual(emulator.uploads(), []);

  const second = manualIdleTimer();
  const after = await startEngine(t, {
    emulator,
    configDir: before.configDir,
    scanSessionTimer: second.timer,
  });
  // Registered after the second engine's: hooks run in order, and this one removes the folders.
  t.after(() => before.close());
  assert.deepEqual(
    [...second.scheduled.values()].map((entry) => entry.delayMs),
    [45_000],
    'the open session waits a whole quiet window again',
  );
  second.fireAll();
  await after.until('every file of the session moved after the upload', () =>
    NAME_ORDER.every((name) => existsSync(path.join(dir, '_uploaded', monthFolder(), name))),
  );
  await after.engine.whenIdle();
  const uploads = emulator.uploads();
  assert.deepEqual(
    uploads.map((upload) => upload.filename),
    ['scan 1 (+2).pdf'],
  );
  assert.equal(uploads[0]?.sha256, await expectedBundle(files));
  const history = await after.allHistory();
  assert.equal(history.length, 4, 'three files and the combined document, none twice');
  assert.deepEqual(
    await readFile(path.join(dir, '_uploaded', monthFolder(), 'scan 2.jpg')),
    files['scan 2.jpg'],
  );
});

test("an e-invoice's visual PDF is never bundled: it goes with its XML, whether the XML came first or after it joined", async (t) => {
  const { clock, harness, administration, dir } = await bundlingFolder(t);
  const customer = partyOf(administration);

  // The XML first: its visual never joins the session.
  await writeFile(
    path.join(dir, 'early.xml'),
    ublXml(sampleInvoice({ customer, number: 'EARLY-1' })),
  );
  await harness.waitForEntry(
    'the early XML delivered',
    (entry) => entry.fileName === 'early.xml' && entry.uuid !== null,
  );
  await writeFile(path.join(dir, 'early.pdf'), Buffer.from(await pdfBytes(1, 'Early')));
  await writeFile(path.join(dir, 'scan 1.png'), await photoPage('scan 1', 'png'));
  await writeFile(path.join(dir, 'scan 2.jpg'), await photoPage('scan 2', 'jpeg'));
  // The visual first: it joins, and its XML arrives while the session is open.
  await writeFile(path.join(dir, 'late.pdf'), Buffer.from(await pdfBytes(1, 'Late')));
  await harness.until('the scans and the late visual wait in the session', () =>
    ['scan 1.png', 'scan 2.jpg', 'late.pdf'].every((name) =>
      [...harness.entries.values()].some(
        (entry) => entry.fileName === name && entry.state === 'bundling',
      ),
    ),
  );
  await writeFile(
    path.join(dir, 'late.xml'),
    ublXml(sampleInvoice({ customer, number: 'LATE-1' })),
  );
  await harness.waitForEntry(
    'the late XML delivered',
    (entry) => entry.fileName === 'late.xml' && entry.uuid !== null,
  );
  assert.ok(
    [...harness.entries.values()].every(
      (entry) => entry.fileName !== 'early.pdf' || entry.state !== 'bundling',
    ),
    'the early visual never joined the session',
  );

  clock.fireAll();
  const combined = await harness.waitForEntry(
    'the combined document uploaded',
    (entry) => entry.sources !== null && entry.sources !== undefined && entry.uuid !== null,
  );
  assert.deepEqual(
    combined.sources?.map((source) => source.fileName),
    ['scan 1.png', 'scan 2.jpg'],
  );
  await harness.engine.whenIdle();
  const history = await harness.allHistory();
  for (const name of ['early.pdf', 'late.pdf']) {
    const row = history.find((entry) => entry.fileName === name);
    assert.ok(row, `${name} has a row`);
    assert.notEqual(row.state, 'bundling', `${name} left the session`);
  }
});

test('a scan session whose combined document Clearfacts already has delivers its files: they are moved, not left waiting', async (t) => {
  const { clock, emulator, harness, dir } = await bundlingFolder(t);
  const moved = path.join(dir, '_uploaded', monthFolder());

  const files = await writeSession(dir);
  await harness.until(
    'the first session holds its three files',
    () => [...harness.entries.values()].filter((entry) => entry.state === 'bundling').length === 3,
  );
  clock.fireAll();
  await harness.until('the first session moved after its upload', () =>
    NAME_ORDER.every((name) => existsSync(path.join(moved, name))),
  );
  // The same scans copied in again (a second scanner run of the same pages, a restored backup).
  for (const name of NAME_ORDER) {
    await writeFile(path.join(dir, `again ${name}`), files[name] ?? Buffer.alloc(0));
  }
  await harness.until(
    'the copies wait in a new session',
    () =>
      [...harness.entries.values()].filter(
        (entry) => entry.fileName.startsWith('again ') && entry.state === 'bundling',
      ).length === 3,
  );
  clock.fireAll();
  await harness.until('the copies moved: Clearfacts has their document', () =>
    NAME_ORDER.every((name) => existsSync(path.join(moved, `again ${name}`))),
  );
  assert.equal(emulator.uploads().length, 1, 'the same document is not sent twice');
});
