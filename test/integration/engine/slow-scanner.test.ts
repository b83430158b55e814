// Issue 10, failure 1: a scanner writes a JPEG in four parts with pauses longer than the
// stability window, keeping the file open. Time alone said "stable" after the first part and
// sent a quarter of the scan; the content rule holds it until its end marker is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine, TEST_STABILITY_MS } from '../../support/engine-harness.ts';
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
