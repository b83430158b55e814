// Issue #14 finding 12: a 15 MB upload tells its bytes sent while it goes, through the contract's
// `upload.progress` event, rising to the file's size as the file system counts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UploadProgress } from '../../../src-main/contract/domain.ts';
import { largePdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('a 15 MB upload reports its bytes sent, rising, ending at the size fs.stat gives', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'progress'), 'scans');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  const reports: UploadProgress[] = [];
  const unsubscribe = harness.engine.subscribe((channel, payload) => {
    if (channel === 'upload.progress') reports.push(payload as UploadProgress);
  });
  t.after(unsubscribe);
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const filePath = path.join(dir, 'large.pdf');
  await writeFile(filePath, largePdfBytes(15 * 1024 * 1024));
  const sizeOnDisk = (await stat(filePath)).size;

  const row = await harness.waitForEntry('the large file is uploaded', (entry) =>
    ['uploaded', 'archived'].includes(entry.state),
  );
  assert.equal(emulator.uploads().length, 1);
  assert.ok(reports.length >= 2, `the first and the last report, at least: ${reports.length}`);
  for (const report of reports) {
    assert.equal(report.id, row.id);
    assert.equal(report.totalBytes, sizeOnDisk);
  }
  const sent = reports.map((report) => report.sentBytes);
  sent.slice(1).forEach((bytes, i) => assert.ok(bytes > (sent[i] ?? 0), `report ${i + 1} rises`));
  assert.ok((sent[0] ?? sizeOnDisk) < sizeOnDisk, 'the first report comes before the end');
  assert.equal(reports.at(-1)?.sentBytes, sizeOnDisk);
});
