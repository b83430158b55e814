// Files and folders that try to break the engine. Each ends in its expected state with a
// specific reason, failed files stay where they are, and the engine keeps delivering afterwards.
import { englishOf } from '../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { FailureCode, HistoryEntry } from '../../src-main/contract/domain.ts';
import { seedData } from '../emulator/index.ts';
import { isSettled, startEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import {
  writeEncryptedPdf,
  writeExecutableNamedPdf,
  writeHtmlNamedPdf,
  writeManyPagePdf,
  writeSymlinkLoop,
  writeTruncatedPdf,
  writeValidPdf,
  writeZeroPagePdf,
} from '../support/hostile-files.ts';
import { countBySha, sha256OfFile } from '../support/uploads-ledger.ts';

const administration = seedData.administrations[0];
if (administration === undefined) throw new Error('the emulator seed has no administration');
const companyNumber = administration.companyNumber;
const OVER_LIMIT_BYTES = 21 * 1024 * 1024;

function settled(harness: EngineHarness, fileName: string): Promise<HistoryEntry> {
  return harness.waitForEntry(
    `${fileName} settled`,
    (entry) => entry.fileName === fileName && isSettled(entry),
  );
}

async function keepsDelivering(harness: EngineHarness, folder: string, fileName: string) {
  await writeValidPdf(path.join(folder, fileName));
  const row = await settled(harness, fileName);
  assert.equal(row.state, 'archived', 'the engine still delivers after the hostile input');
}

test('hostile files each end in their expected state with a specific reason', async (t) => {
  const harness = await startEngineHarness();
  t.after(() => harness.close());
  const folder = await harness.addFolder('scans', companyNumber, { type: 'purchase' });

  const refused: [string, (filePath: string) => Promise<void>, FailureCode, RegExp][] = [
    ['truncated.pdf', writeTruncatedPdf, 'pdf_incomplete', /cut off/i],
    ['encrypted.pdf', writeEncryptedPdf, 'pdf_needs_password', /needs a password/i],
    ['zero-pages.pdf', writeZeroPagePdf, 'pdf_no_pages', /no pages/i],
    ['zero-bytes.pdf', (filePath) => writeFile(filePath, ''), 'empty_file', /empty/i],
    ['web-page.pdf', writeHtmlNamedPdf, 'unsupported_type', /HTML/],
    ['program.pdf', writeExecutableNamedPdf, 'unsupported_type', /program|executable|EXE/i],
    [
      'over-the-limit.pdf',
      (filePath) => writeValidPdf(filePath, 5, OVER_LIMIT_BYTES),
      'too_large',
      /MB/,
    ],
  ];
  const accepted: [string, number][] = [
    ['ledger-10000-pages.pdf', 10_000],
    ['Factuur café Liège – été.pdf', 1],
    ['facture 🧾 reçu 📄.pdf', 2],
    [`${'Leverancier factuur 2026 '.repeat(8).slice(0, 196)}.pdf`, 1],
    ['CON.pdf', 1],
    ['aux.PDF', 1],
  ];
  for (const [fileName, write] of refused) await write(path.join(folder, fileName));
  for (const [fileName, pages] of accepted) {
    const filePath = path.join(folder, fileName);
    if (pages === 10_000) await writeManyPagePdf(filePath, pages);
    else await writeValidPdf(filePath, pages);
  }
  await writeSymlinkLoop(folder, 'loop.pdf');
  const acceptedSha = new Map<string, string>();
  for (const [fileName] of accepted) {
    acceptedSha.set(fileName, await sha256OfFile(path.join(folder, fileName)));
  }

  for (const [fileName, , code, message] of refused) {
    const row = await settled(harness, fileName);
    assert.equal(row.state, 'failed', `${fileName} is refused`);
    assert.equal(row.failure?.code, code, `${fileName}: ${row.failure?.message}`);
    assert.match(englishOf(row.failure?.message), message);
    assert.ok(existsSync(path.join(folder, fileName)), `${fileName} is left where it was`);
    assert.equal(row.uuid, null);
  }
  const acceptedRows = await Promise.all(accepted.map(([fileName]) => settled(harness, fileName)));
  const uploads = harness.emulator.uploads();
  for (const [index, [fileName, pages]] of accepted.entries()) {
    const row = acceptedRows[index] as HistoryEntry;
    assert.equal(row.state, 'archived', `${fileName}: ${englishOf(row.failure?.message)}`);
    assert.equal(row.pages, pages);
    const upload = uploads.find((candidate) => candidate.sha256 === acceptedSha.get(fileName));
    assert.ok(upload, `${fileName} reached Clearfacts`);
    assert.equal(upload.filename, fileName, 'the name Clearfacts shows is the local one');
    assert.equal(upload.pages, pages);
  }
  const counts = countBySha(uploads);
  assert.deepEqual(
    [...counts.values()].filter((count) => count > 1),
    [],
    'nothing sent twice',
  );

  // The loop can be neither read nor sent: absent from the history, or failed with a reason.
  await keepsDelivering(harness, folder, 'after-the-loop.pdf');
  const loopRows = [...harness.entries.values()].filter((entry) =>
    entry.fileName.startsWith('loop.pdf'),
  );
  for (const row of loopRows) {
    assert.equal(row.state, 'failed', `${row.fileName} is ${row.state}`);
    assert.ok(row.failure?.code === 'file_unreadable' || row.failure?.code === 'file_missing');
  }
  t.diagnostic(
    loopRows.length === 0
      ? 'the symlink loop was skipped by the intake'
      : `symlink loop: ${loopRows.map((row) => `${row.failure?.code}: ${row.failure?.message}`).join('; ')}`,
  );
});

test('a file deleted, and one rewritten, while it uploads; a watched folder removed', async (t) => {
  const harness = await startEngineHarness();
  t.after(() => harness.close());
  const folder = await harness.addFolder('scans', companyNumber, { type: 'purchase' });
  const doomed = await harness.addFolder('usb-stick', companyNumber, { type: 'sale' });
  await keepsDelivering(harness, doomed, 'on-the-stick.pdf');

  // The emulator answers slowly, so the file is still being sent when it is changed.
  harness.emulator.setFaults({ latencyMs: 1_500, appliesTo: 'uploads' });
  const uploading = (fileName: string) =>
    harness.waitForEntry(
      `${fileName} uploading`,
      (entry) => entry.fileName === fileName && entry.state === 'uploading',
    );

  const deletedPath = path.join(folder, 'deleted-while-uploading.pdf');
  await writeValidPdf(deletedPath, 3, 400_000);
  const deletedSha = await sha256OfFile(deletedPath);
  await uploading('deleted-while-uploading.pdf');
  await rm(deletedPath);
  const deletedRow = await settled(harness, 'deleted-while-uploading.pdf');
  const deletedArrived = countBySha(harness.emulator.uploads()).get(deletedSha) ?? 0;
  t.diagnostic(
    `deleted while uploading: ${deletedRow.state} ${deletedRow.failure?.code ?? ''}, arrived ${deletedArrived}×`,
  );
  if (deletedRow.uuid !== null) {
    assert.equal(deletedArrived, 1, 'a stored uuid means Clearfacts holds it, once');
  } else {
    assert.equal(deletedArrived, 0, 'no uuid: the content must not have been stored');
    assert.equal(deletedRow.state, 'failed');
    assert.equal(deletedRow.failure?.code, 'file_missing');
  }

  const rewrittenPath = path.join(folder, 'rewritten-while-uploading.pdf');
  await writeValidPdf(rewrittenPath, 2, 300_000);
  const firstSha = await sha256OfFile(rewrittenPath);
  await uploading('rewritten-while-uploading.pdf');
  await writeValidPdf(rewrittenPath, 4, 350_000);
  const secondSha = await sha256OfFile(rewrittenPath);
  const newVersion = await harness.waitForEntry(
    'the new version delivered',
    (entry) => entry.sha256 === secondSha && entry.uuid !== null && isSettled(entry),
  );
  assert.equal(newVersion.pages, 4);
  const counts = countBySha(harness.emulator.uploads());
  assert.equal(counts.get(secondSha), 1, 'the new version arrives exactly once');
  const firstArrived = counts.get(firstSha) ?? 0;
  assert.ok(firstArrived <= 1, 'the old version is never sent twice');
  const rewrittenRows = (await harness.allHistory()).filter(
    (entry) => entry.fileName === 'rewritten-while-uploading.pdf',
  );
  t.diagnostic(
    `rewritten while uploading: old version arrived ${firstArrived}×; rows: ${rewrittenRows
      .map((entry) => `${entry.state} ${entry.sha256?.slice(0, 8)} uuid ${entry.uuid ?? '-'}`)
      .join('; ')}`,
  );
  if (firstArrived === 1) {
    assert.ok(
      rewrittenRows.some(
        (entry) =>
          entry.sha256 === firstSha && (entry.uuid !== null || entry.state === 'unconfirmed'),
      ),
      'the old version may have arrived, so the history records it: with its uuid, or unconfirmed',
    );
  }
  harness.emulator.setFaults({});

  await rm(doomed, { recursive: true, force: true });
  const views = await harness.waitForFolders('usb-stick unavailable', (folders) =>
    folders.some((view) => view.binding.path === doomed && view.availability === 'unavailable'),
  );
  const removed = views.find((view) => view.binding.path === doomed);
  assert.ok(removed?.reason, 'an unavailable folder says why');
  t.diagnostic(`removed folder: ${removed.reason}`);
  const history = await harness.allHistory();
  assert.ok(
    history.some((entry) => entry.fileName === 'on-the-stick.pdf' && entry.state === 'archived'),
    'what was delivered from the removed folder stays in the history',
  );
  await keepsDelivering(harness, folder, 'after-the-folder-vanished.pdf');
});
