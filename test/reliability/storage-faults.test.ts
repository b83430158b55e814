// The disk under the app fails: the history database cannot be written, the `_uploaded` folder
// cannot be written, the disk is full. Each time the user gets a clear reason, the queue pauses
// or the one file says what went wrong, and no document is lost or sent twice.
import { englishOf } from '../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findHistoryDatabase } from '../../bench/lib/find-history-database.ts';
import { seedData } from '../emulator/index.ts';
import { isSettled, startEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { writeValidPdf } from '../support/hostile-files.ts';
import {
  fillDisk,
  immutableUnsupportedReason,
  mountSmallDisk,
  setImmutable,
} from './support/storage-faults.ts';
import { countBySha, sha256OfFile } from '../support/uploads-ledger.ts';

const administration = seedData.administrations[0];
if (administration === undefined) throw new Error('the emulator seed has no administration');
const companyNumber = administration.companyNumber;

/** The first write after the file is gated fails; a loaded machine gets plenty of slack. */
const STORAGE_FAULT_DEADLINE_MS = 30_000;

async function deliver(harness: EngineHarness, folder: string, fileName: string) {
  await writeValidPdf(path.join(folder, fileName));
  return harness.waitForEntry(
    `${fileName} archived`,
    (entry) => entry.fileName === fileName && entry.state === 'archived',
  );
}

const probeDir = path.join(tmpdir(), `cf-immutable-probe-${process.pid}`);
await mkdir(probeDir, { recursive: true });
const noImmutable = await immutableUnsupportedReason(probeDir);
await rm(probeDir, { recursive: true, force: true });

test(
  'history database not writable (chattr +i on the database and its WAL): queue paused with the reason, resumes, nothing lost',
  { skip: noImmutable ?? false },
  async (t) => {
    const harness = await startEngineHarness();
    const locked: string[] = [];
    t.after(async () => {
      await setImmutable(locked, false);
      await harness.close();
    });
    const folder = await harness.addFolder('inbox', companyNumber, { type: 'purchase' });
    await deliver(harness, folder, 'before-the-fault.pdf');

    const database = await findHistoryDatabase(harness.configDir);
    locked.push(...[database, `${database}-wal`].filter((file) => existsSync(file)));
    await setImmutable(locked, true);
    const waitingPath = path.join(folder, 'during-the-fault.pdf');
    await writeValidPdf(waitingPath);
    const paused = await harness.waitForStatus(
      'storage_error',
      (status) => status.state === 'storage_error',
      STORAGE_FAULT_DEADLINE_MS,
    );
    t.diagnostic(`status reason: ${paused.reason}`);
    assert.match(englishOf(paused.reason), /history database/i);
    assert.ok(existsSync(waitingPath), 'the waiting file stays where it is');
    const sha = await sha256OfFile(waitingPath);
    assert.equal(
      countBySha(harness.emulator.uploads()).get(sha),
      undefined,
      'nothing is sent while the history cannot record it',
    );

    await setImmutable(locked, false);
    locked.length = 0;
    const row = await harness.waitForEntry(
      'during-the-fault.pdf archived',
      (entry) => entry.fileName === 'during-the-fault.pdf' && entry.state === 'archived',
    );
    assert.equal(row.sha256, sha);
    assert.equal(countBySha(harness.emulator.uploads()).get(sha), 1);
    const status = await harness.engine.handlers['status.get']({});
    assert.notEqual(status.state, 'storage_error');
  },
);

test(
  '_uploaded not writable (chattr +i): the file is recorded uploaded with after_upload_failed, left in place, never re-sent',
  { skip: noImmutable ?? false },
  async (t) => {
    const harness = await startEngineHarness();
    const uploadedDir: string[] = [];
    t.after(async () => {
      await setImmutable(uploadedDir, false);
      await harness.close();
    });
    const folder = await harness.addFolder('inbox', companyNumber, { type: 'purchase' });
    uploadedDir.push(path.join(folder, '_uploaded'));
    await mkdir(uploadedDir[0] as string);
    await setImmutable(uploadedDir, true);

    const stuckPath = path.join(folder, 'cannot-be-moved.pdf');
    await writeValidPdf(stuckPath);
    const sha = await sha256OfFile(stuckPath);
    const row = await harness.waitForEntry(
      'cannot-be-moved.pdf settled',
      (entry) => entry.fileName === 'cannot-be-moved.pdf' && isSettled(entry),
    );
    assert.equal(row.state, 'uploaded');
    assert.ok(row.uuid, 'the uuid is stored');
    assert.equal(row.failure?.code, 'after_upload_failed');
    t.diagnostic(`failure: ${row.failure?.message} (${row.failure?.detail ?? ''})`);
    assert.ok(existsSync(stuckPath), 'the file stays where it was');

    // A later file goes through the same folder: the stuck one must not be sent again.
    await writeValidPdf(path.join(folder, 'later.pdf'));
    const later = await harness.waitForEntry(
      'later.pdf settled',
      (entry) => entry.fileName === 'later.pdf' && isSettled(entry),
    );
    assert.equal(later.failure?.code, 'after_upload_failed');
    assert.equal(countBySha(harness.emulator.uploads()).get(sha), 1);
    const status = await harness.engine.handlers['status.get']({});
    assert.notEqual(status.state, 'storage_error');
  },
);

test('disk full under the history (size-limited mount): queue paused, resumes when space returns, nothing lost', async (t) => {
  if (process.getuid?.() !== 0) {
    t.skip('mounting a size-limited disk needs root');
    return;
  }
  const mountPoint = path.join(tmpdir(), `cf-small-disk-${process.pid}`);
  await mkdir(mountPoint, { recursive: true });
  const disk = await mountSmallDisk(mountPoint, 8 * 1024 * 1024, `${mountPoint}.img`);
  if ('unavailable' in disk) {
    await rm(mountPoint, { recursive: true, force: true });
    t.skip(`no size-limited disk can be made here: ${disk.unavailable}`);
    return;
  }
  t.diagnostic(`the config dir is on an 8 MB ${disk.kind}`);
  const harness = await startEngineHarness({ configDir: path.join(mountPoint, 'config') });
  t.after(async () => {
    await harness.close();
    await disk.unmount();
    await rm(mountPoint, { recursive: true, force: true });
  });
  const folder = await harness.addFolder('inbox', companyNumber, { type: 'purchase' });
  await deliver(harness, folder, 'before-the-disk-filled.pdf');

  const filler = path.join(mountPoint, 'filler.bin');
  await fillDisk(filler);
  const waitingPath = path.join(folder, 'while-the-disk-is-full.pdf');
  await writeValidPdf(waitingPath);
  const sha = await sha256OfFile(waitingPath);
  const paused = await harness.waitForStatus(
    'storage_error',
    (status) => status.state === 'storage_error',
    STORAGE_FAULT_DEADLINE_MS,
  );
  t.diagnostic(`status reason: ${paused.reason}`);
  assert.match(englishOf(paused.reason), /full/i);
  assert.ok(existsSync(waitingPath));
  assert.equal(countBySha(harness.emulator.uploads()).get(sha), undefined);

  await rm(filler);
  const row = await harness.waitForEntry(
    'while-the-disk-is-full.pdf archived',
    (entry) => entry.fileName === 'while-the-disk-is-full.pdf' && entry.state === 'archived',
  );
  assert.equal(row.sha256, sha);
  assert.equal(countBySha(harness.emulator.uploads()).get(sha), 1);
  assert.ok(
    (await readdir(path.join(folder, '_uploaded'), { recursive: true })).some((name) =>
      name.endsWith('while-the-disk-is-full.pdf'),
    ),
  );
});
