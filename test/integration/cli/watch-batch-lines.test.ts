// `watch` tells each document once, in its final state: a batch cut on a separator sheet gives
// one line for each part and one for the original, saying where it was moved. The original's
// line came twice: once when its last part made it `uploaded`, and again once it was moved to
// `_uploaded` (when its move took longer than the event hub's 50 ms window; the test sets the
// window to 0 so that it does not depend on the machine's speed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openHeadlessSettingsStore } from '../../../src-main/core/store/conf-settings-store.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { batchPdf, scannedSheetJpeg } from '../../fixtures/scanned-batch.ts';
import { addPurchaseFolder, gatherOutput, spawnCli } from '../../support/cli-process.ts';
import { FAST_TUNING } from '../../support/engine-harness.ts';
import { createRecordingLogger } from '../../support/recording-logger.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { withDeadline } from '../../support/waiting.ts';

const ORIGINAL = 'Scan 0042.pdf';
/** A PDF without sheets, sent whole: the send step's own path to `uploaded` and the move. */
const WHOLE = 'factuur.pdf';

test('watch tells a split batch once per part and once for the original, moved, and a whole file once', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'watch-batch-lines');
  const configDir = folder(root, 'config');
  const scans = folder(root, 'scans');
  const context = {
    configDir,
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LC_ALL: 'en_GB.UTF-8' },
    // Each change reported on its own: the defect did not need a slow move to show.
    tuning: JSON.stringify({ ...FAST_TUNING, historyEventWindowMs: 0 }),
  };
  const settings = openHeadlessSettingsStore({ configDir, logger: createRecordingLogger() });
  settings.update({ stabilityWindowMs: 300 });
  settings.close();
  await addPurchaseFolder(context, scans, administration.companyNumber, ['--split', 'separator']);
  const look = { dpi: 150, turnDegrees: 0, grey: true };
  const sheet = await scannedSheetJpeg({ type: 'next' }, look);
  const batch = await batchPdf([
    { text: 'invoice A page 1' },
    { text: 'invoice A page 2' },
    { jpeg: sheet },
    { text: 'invoice B page 1' },
    { jpeg: sheet },
    { text: 'invoice C page 1' },
  ]);

  const watch = spawnCli(context, ['watch']);
  const exited = new Promise<number | null>((resolve) => watch.on('exit', resolve));
  t.after(() => {
    if (watch.exitCode === null && watch.signalCode === null) watch.kill('SIGKILL');
  });
  const { output, waits } = gatherOutput(watch);
  watch.on('exit', () => waits.abandon(`watch ended: ${output()}`));
  await waits.until('watch to say it watches the folder', () =>
    output().includes('Watching') ? true : undefined,
  );
  await writeFile(path.join(scans, WHOLE), await pdfBytes(1, { label: 'whole' }));
  await writeFile(path.join(scans, ORIGINAL), batch);
  // The original's line with its move comes last: its parts were all uploaded before it.
  const movedLine = (name: string) =>
    output()
      .split('\n')
      .some((line) => line.includes(`uploaded     ${name} `) && /moved to/.test(line));
  await waits.until(
    'the original and the whole file to be told uploaded and moved',
    () => (movedLine(ORIGINAL) && movedLine(WHOLE) ? true : undefined),
    { detail: () => output() },
  );
  watch.kill('SIGTERM');
  assert.equal(await withDeadline('watch to stop on SIGTERM', exited), 0, output());

  const told = (name: string) =>
    output()
      .split('\n')
      .filter((line) => line.includes(` uploaded     ${name} `));
  const parts = ['Scan 0042 (p. 1-2).pdf', 'Scan 0042 (p. 4).pdf', 'Scan 0042 (p. 6).pdf'];
  assert.deepEqual(
    emulator
      .uploads()
      .map((stored) => stored.filename)
      .sort(),
    [...parts, WHOLE].sort(),
  );
  for (const name of [...parts, ORIGINAL, WHOLE]) {
    assert.equal(told(name).length, 1, `${name} is told uploaded once:\n${output()}`);
  }
  assert.match(told(ORIGINAL)[0] ?? '', /moved to .*_uploaded/);
  assert.match(told(WHOLE)[0] ?? '', /moved to .*_uploaded/);
});
