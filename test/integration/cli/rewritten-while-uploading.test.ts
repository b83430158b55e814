// Issue 10, failure 3: a 15 MB PDF overwritten while its row is `uploading`. Node's file-backed
// Blob (fs.openAsBlob) then failed its read outside any promise the engine held (an unhandled
// NotReadableError, or ERR_INVALID_STATE from a stream already closed), which ended `watch` and
// every upload with it. Now the body is read from a file handle the client owns: a change under
// the upload stops that upload before its body is complete, so nothing can have been stored, and
// the new version goes through the gate again and is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { writeValidPdf } from '../../support/hostile-files.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { sha256OfFile } from '../../support/uploads-ledger.ts';
import { withDeadline } from '../../support/waiting.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { addPurchaseFolder, startWatch } from '../../support/cli-process.ts';

const MB = 1024 * 1024;

test('a 15 MB PDF rewritten while it uploads does not end watch; the new version is sent', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'rewritten');
  const configDir = folder(root, 'config');
  const scans = folder(root, 'scans');
  const context = { configDir, apiUrl: emulator.graphqlUrl, token: emulator.demoToken };
  await addPurchaseFolder(context, scans, administration.companyNumber);

  // The emulator waits before it reads a byte: the body stalls on back-pressure with most of the
  // file still unread when it is rewritten.
  emulator.setFaults({ appliesTo: 'uploads', latencyMs: 2_000 });
  const filePath = path.join(scans, 'big-scan.pdf');
  await writeValidPdf(filePath, 3, 15 * MB);
  const oldSha = await sha256OfFile(filePath);
  const watch = startWatch(t, context);
  const isBig = (entry: HistoryEntry) => entry.fileName === 'big-scan.pdf';
  await watch.until('big-scan.pdf uploading', () =>
    [...watch.entries.values()].some((entry) => isBig(entry) && entry.state === 'uploading'),
  );
  await writeValidPdf(filePath, 5, 15 * MB + 4_096);
  const newSha = await sha256OfFile(filePath);
  emulator.setFaults({});

  await watch.until('the new version delivered', () =>
    [...watch.entries.values()].some(
      (entry) => isBig(entry) && entry.sha256 === newSha && entry.state === 'archived',
    ),
  );
  // Still alive: a file written afterwards is delivered too.
  await writeFile(path.join(scans, 'after.pdf'), await pdfBytes(1, { label: 'after' }));
  await watch.until('after.pdf delivered', () =>
    [...watch.entries.values()].some(
      (entry) => entry.fileName === 'after.pdf' && entry.state === 'archived',
    ),
  );
  watch.child.kill('SIGTERM');
  const stopped = await withDeadline('the watch to stop on SIGTERM', watch.exited);
  assert.equal(stopped.code, 0, stopped.stderr);

  const shas = emulator.uploads().map((upload) => upload.sha256);
  assert.equal(shas.filter((sha) => sha === newSha).length, 1, 'the new version arrived once');
  assert.equal(
    shas.filter((sha) => sha === oldSha).length,
    0,
    'no part of the old version was stored: its upload stopped before the body was complete',
  );
});
