// Issue 10, failure 1: a scanner writes a JPEG in four parts with pauses longer than the
// stability window, keeping the file open. Time alone said "stable" after the first part and
// sent a quarter of the scan; the content rule holds it until its end marker is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { monthFolder, startEngine, TEST_STABILITY_MS } from '../../support/engine-harness.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';
import { createRecordingLogger } from '../../support/recording-logger.ts';
import { scanSlowly, wholeJpeg } from '../../support/slow-scanner.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('a JPEG written in four parts with pauses longer than the window is sent whole, once', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'slow-scan'), 'scans');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });

  const states: string[] = [];
  harness.engine.subscribe((channel, payload) => {
    if (channel !== 'history.changed') return;
    for (const entry of (payload as { entries: HistoryEntry[] }).entries) states.push(entry.state);
  });
  const bytes = wholeJpeg(256 * 1024);
  const filePath = path.join(dir, 'scan.jpg');
  const sentEarly: string[] = [];
  const stopWatching = emulator.onUpload((upload) => sentEarly.push(upload.sha256));
  // The 3.5 s pauses against a 2 s window, scaled to the suite's window.
  const pauseMs = Math.round(TEST_STABILITY_MS * 1.75);
  await scanSlowly(filePath, bytes, { parts: 4, pauseMs });
  stopWatching();
  assert.deepEqual(sentEarly, [], 'nothing was sent while the scanner was still writing');
  assert.ok(
    states.every((state) => state === 'waiting_stability'),
    `the gate held it while it was written, without refusing it: ${states.join(', ')}`,
  );

  await harness.until(
    'the scan is archived',
    () => [...harness.entries.values()].some((entry) => entry.state === 'archived'),
    60_000,
  );
  const uploads = emulator.uploads();
  assert.equal(uploads.length, 1, 'sent once');
  assert.equal(uploads[0]?.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(uploads[0]?.bytes, bytes.length, 'the whole scan arrived');
});

test('a PDF complete by its content but still open in its writer is sent only once closed, whole', async (t) => {
  // The field case: a scanner saves the first pages as a whole PDF, keeps the file open, and
  // rewrites it with the last page seconds later. Sent at the first pause, Clearfacts held the
  // first pages only and the rest landed in `_uploaded/`, never delivered.
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'open-writer'), 'scans');
  const logger = createRecordingLogger();
  const harness = await startEngine(t, { emulator, token: emulator.demoToken, logger });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });

  const filePath = path.join(dir, 'scan-0042.pdf');
  const writer = await open(filePath, 'w');
  t.after(() => writer.close().catch(() => undefined));
  await writer.write(await pdfBytes(2));
  await writer.sync();
  await harness.until(
    'the gate reports the complete-looking scan as still open for writing',
    () => logger.lines.some((line) => line.message.includes('still open for writing')),
    60_000,
  );
  assert.equal(emulator.uploads().length, 0, 'nothing sent while the scanner holds the file');

  const whole = await pdfBytes(3);
  await writer.truncate(0);
  await writer.write(whole, 0, whole.length, 0);
  await writer.close();
  await harness.until(
    'the closed scan is archived',
    () => [...harness.entries.values()].some((entry) => entry.state === 'archived'),
    60_000,
  );
  const uploads = emulator.uploads();
  assert.equal(uploads.length, 1, 'sent once');
  assert.equal(uploads[0]?.sha256, createHash('sha256').update(whole).digest('hex'));
  const moved = path.join(dir, '_uploaded', monthFolder(), 'scan-0042.pdf');
  assert.equal(await qpdfPageCount(moved), 3, 'qpdf counts the three pages in what was sent');
});
