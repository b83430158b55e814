// Issue #17, "Done means": the crash test covers a batch. `clearfacts-uploader watch` splits a
// batch in page mode and is killed with SIGKILL three times: while the parts are being
// written (before the transaction that queues them), right after that transaction, and with a part
// stored by Clearfacts but not yet answered. After the restarts every part has arrived exactly
// once (the parts cut off mid-upload only by the user's say, as the crash rule wants), and the
// original left its folder only after the last part was uploaded. A second test does the same for
// a folder in separator mode with a scanned (every page a JPEG) batch whose sheets include a typed
// "various" one: killed while the split thread reads the sheets and again mid-part upload.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, watch } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import {
  batchPdf,
  scannedPageJpeg,
  scannedSheetJpeg,
  type ScanLook,
} from '../../fixtures/scanned-batch.ts';
import {
  addPurchaseFolder,
  runCli,
  startWatch,
  useStabilityWindow,
  type CliContext,
  type WatchProcess,
} from '../../support/cli-process.ts';
import { monthFolder } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { withDeadline } from '../../support/waiting.ts';

// Enough parts that writing them (each fsync'd) outlasts the kill that lands while they are written.
const PAGES = 40;
const ORIGINAL = 'Scan 0042.pdf';

interface Snapshot {
  originalState: string | undefined;
  parts: number;
}

/** What the killed process left in the history: read straight from SQLite once it is dead. */
function historyAfterKill(configDir: string): Snapshot {
  const db = new Database(path.join(configDir, 'history.sqlite'), { readonly: true });
  try {
    const original = db
      .prepare('SELECT state FROM files WHERE file_name = ? AND parent_id IS NULL')
      .pluck()
      .get(ORIGINAL) as string | undefined;
    const parts = db
      .prepare('SELECT count(*) FROM files WHERE parent_id IS NOT NULL')
      .pluck()
      .get() as number;
    return { originalState: original, parts };
  } finally {
    db.close();
  }
}

async function historyRows(context: CliContext): Promise<HistoryEntry[]> {
  const history = await runCli(context, ['history', '--json', '--limit', '1000']);
  assert.equal(history.code, 0, history.stderr);
  return (JSON.parse(history.stdout) as { rows: HistoryEntry[] }).rows;
}

async function killed(watchProcess: WatchProcess, what: string): Promise<void> {
  watchProcess.child.kill('SIGKILL');
  const ended = await withDeadline(`the watch killed ${what} to end`, watchProcess.exited);
  assert.equal(ended.signal, 'SIGKILL');
}

/** A test emulator, a 300 ms stability window and a purchase folder with `split` mode. */
async function splitFolder(t: TestContext, name: string, split: string) {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, name);
  const configDir = folder(root, 'config');
  const scans = folder(root, 'scans');
  const context = { configDir, apiUrl: emulator.graphqlUrl, token: emulator.demoToken };
  useStabilityWindow(configDir, 300);
  await addPurchaseFolder(context, scans, administration.companyNumber, ['--split', split]);
  return { emulator, administration, configDir, scans, context };
}

/**
 * The last start after the kills: waits until every one of `parts` parts is uploaded or
 * unconfirmed (at least one is: a kill landed mid-upload), gives the user's say for each
 * unconfirmed part (done when it is in Clearfacts, else resent), waits for the original to be
 * delivered and moved, and stops the watch; then checks the original was in its folder at every
 * part's arrival (`originalThereAtArrival`) and has moved. Returns the parts that were unconfirmed.
 */
async function finishAfterKills(
  t: TestContext,
  emulator: Awaited<ReturnType<typeof startTestEmulator>>,
  context: CliContext,
  originalPath: string,
  parts: number,
  originalThereAtArrival: readonly boolean[],
): Promise<HistoryEntry[]> {
  const last = startWatch(t, context);
  await last.until('every part uploaded or unconfirmed', () => {
    const counts = last.status()?.counts;
    return (
      counts !== undefined &&
      counts.pending === 0 &&
      counts.uploading === 0 &&
      counts.uploaded + counts.unconfirmed === parts
    );
  });
  const unconfirmed = (await historyRows(context)).filter((row) => row.state === 'unconfirmed');
  assert.ok(unconfirmed.length >= 1, 'the part stored at the kill mid-upload is unconfirmed');
  assert.ok(
    existsSync(originalPath),
    'the original stays in its folder while a part is unconfirmed',
  );
  for (const entry of unconfirmed) {
    const stored = emulator.uploads().some((upload) => upload.filename === entry.fileName);
    const said = await runCli(context, [stored ? 'mark-done' : 'resend', String(entry.id)]);
    assert.equal(said.code, 0, said.stderr);
  }
  await last.until('the original delivered and moved', () =>
    [...last.entries.values()].some(
      (entry) => entry.fileName === ORIGINAL && entry.state === 'archived',
    ),
  );
  last.child.kill('SIGTERM');
  const stopped = await withDeadline('the last watch to stop on SIGTERM', last.exited);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.ok(
    originalThereAtArrival.every(Boolean),
    'the original was in its folder whenever a part arrived',
  );
  assert.ok(!existsSync(originalPath));
  assert.ok(
    existsSync(path.join(path.dirname(originalPath), '_uploaded', monthFolder(), ORIGINAL)),
  );
  return unconfirmed;
}

/**
 * Whether a thread of process `pid` runs at nice 10: the split worker lowers its own priority as
 * it starts (thread-priority.ts), so such a thread means the split stage is under way. proc(5):
 * field 19 of /proc/<pid>/task/<tid>/stat.
 */
async function splitThreadRunning(pid: number): Promise<boolean> {
  try {
    for (const id of await readdir(`/proc/${pid}/task`)) {
      const stat = await readFile(`/proc/${pid}/task/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[19 - 3]) === 10) return true;
    }
  } catch {
    // A thread or the process ended while it was read: not (yet) splitting.
  }
  return false;
}

/** Polls /proc every 10 ms until the split thread of `pid` runs, or `stopped` says to give up. */
async function untilSplitThread(pid: number, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    if (await splitThreadRunning(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// The two batches have their own emulator, config folder and watch processes; much of their time
// is waiting on the emulator's slow answers and on processes starting, so they run side by side.
describe('a split batch killed mid-way', { concurrency: true }, () => {
  test('a watch killed before, after and during the split of a batch delivers every part once', async (t) => {
    const { emulator, configDir, scans, context } = await splitFolder(t, 'split-crash', 'page');
    const partNames = Array.from(
      { length: PAGES },
      (_, index) => `Scan 0042 (p. ${index + 1}).pdf`,
    );
    const originalPath = path.join(scans, ORIGINAL);
    // Whether the original was still in its folder when each part reached Clearfacts.
    const originalThereAtArrival: boolean[] = [];
    emulator.onUpload(() => originalThereAtArrival.push(existsSync(originalPath)));
    // Slow answers keep parts in flight, so the kills land in the middle of some.
    emulator.setFaults({ appliesTo: 'uploads', latencyMs: 250 });

    // 1. Killed while the parts are written, before the transaction that queues them: the parts
    // folder appearing is the moment (the engine makes `<config>/parts/<batch id>/` first).
    const partsDir = path.join(configDir, 'parts');
    await mkdir(partsDir, { recursive: true });
    const first = startWatch(t, context);
    const writing = new Promise<void>((resolve) => {
      const watcher = watch(partsDir, () => {
        first.child.kill('SIGKILL');
        watcher.close();
        resolve();
      });
    });
    await first.until('the watch to report its status', () => first.status() !== null);
    await writeFile(
      originalPath,
      await batchPdf(partNames.map((_, index) => ({ text: `${index}` }))),
    );
    await withDeadline('the parts folder of the batch, to kill the watch at', writing);
    await killed(first, 'while the parts were written');
    assert.deepEqual(
      historyAfterKill(configDir),
      { originalState: 'ready', parts: 0 },
      'killed before the transaction: the batch is still to split, no part is queued',
    );

    // 2. Killed right after the transaction: the original is `split`, every part queued.
    const second = startWatch(t, context);
    await second.until('the batch split into its parts', () =>
      [...second.entries.values()].some(
        (entry) => entry.fileName === ORIGINAL && entry.state === 'split',
      ),
    );
    await killed(second, 'after the split');
    assert.deepEqual(
      historyAfterKill(configDir),
      { originalState: 'split', parts: PAGES },
      'killed after the transaction: every part is queued once',
    );

    // 3. Killed with a part stored by Clearfacts and its answer not yet sent.
    const third = startWatch(t, context);
    const arrivedBefore = emulator.uploads().length;
    await withDeadline(
      'the fifth part upload after the restart, to kill the watch at',
      new Promise<void>((resolve) => {
        const stop = emulator.onUpload(() => {
          if (emulator.uploads().length < arrivedBefore + 5) return;
          stop();
          third.child.kill('SIGKILL');
          resolve();
        });
      }),
    );
    await killed(third, 'mid-part upload');

    const unconfirmed = await finishAfterKills(
      t,
      emulator,
      context,
      originalPath,
      PAGES,
      originalThereAtArrival,
    );

    assert.deepEqual(
      emulator
        .uploads()
        .map((upload) => upload.filename)
        .sort(),
      [...partNames].sort(),
      'every part arrived exactly once, the original never',
    );
    const rows = await historyRows(context);
    assert.equal(rows.length, PAGES + 1, 'one row for the original and one per part');
    assert.ok(
      rows
        .filter((row) => (row.parentId ?? null) !== null)
        .every((row) => row.state === 'uploaded'),
      'every part uploaded',
    );
    t.diagnostic(`${unconfirmed.length} part(s) unconfirmed after the kill mid-upload`);
  });

  test(
    'a separator folder killed while its scanned batch is split and mid-part upload delivers every part once, the various part to its archive category',
    {
      skip: process.platform !== 'linux' && 'the split thread is found by its nice value in /proc',
    },
    async (t) => {
      const { emulator, administration, configDir, scans, context } = await splitFolder(
        t,
        'split-crash-separator',
        'separator',
      );
      const [category] = administration.categories.various;
      assert.ok(category);
      // Every page as a 200 dpi grey scan: document pages and the app's sheets, by pdftoppm.
      const look: ScanLook = { dpi: 200, turnDegrees: 0, grey: true };
      const scan = async (label: string) => ({
        jpeg: await scannedPageJpeg(await batchPdf([{ text: label }]), look),
      });
      const next = { jpeg: await scannedSheetJpeg({ type: 'next' }, look) };
      const various = {
        jpeg: await scannedSheetJpeg({ type: 'various', categoryId: category.id }, look),
      };
      // Pages: 1-2 A, 3 sheet, 4 B, 5 various sheet, 6-7 C, 8 sheet, 9-10 D, 11 sheet, 12 E.
      const batch = await batchPdf([
        await scan('A1'),
        await scan('A2'),
        next,
        await scan('B1'),
        various,
        await scan('C1'),
        await scan('C2'),
        next,
        await scan('D1'),
        await scan('D2'),
        next,
        await scan('E1'),
      ]);
      const expected = [
        ['Scan 0042 (p. 1-2).pdf', 2, 'invoice', null],
        ['Scan 0042 (p. 4).pdf', 1, 'invoice', null],
        ['Scan 0042 (p. 6-7).pdf', 2, 'archive', category.id],
        ['Scan 0042 (p. 9-10).pdf', 2, 'invoice', null],
        ['Scan 0042 (p. 12).pdf', 1, 'invoice', null],
      ];
      const originalPath = path.join(scans, ORIGINAL);
      const originalThereAtArrival: boolean[] = [];
      emulator.onUpload(() => originalThereAtArrival.push(existsSync(originalPath)));
      emulator.setFaults({ appliesTo: 'uploads', latencyMs: 250 });

      // 1. Killed while the split thread reads the batch: nothing queued, the batch still to split.
      const first = startWatch(t, context);
      await first.until('the watch to report its status', () => first.status() !== null);
      await writeFile(originalPath, batch);
      let gaveUp = false;
      await withDeadline(
        'the split thread (nice 10) of the watch, to kill it at',
        untilSplitThread(first.child.pid ?? -1, () => gaveUp),
      ).finally(() => (gaveUp = true));
      await killed(first, 'while the batch was split');
      assert.deepEqual(
        historyAfterKill(configDir),
        { originalState: 'ready', parts: 0 },
        'killed during the split: the batch is still to split, no part is queued',
      );
      assert.equal(emulator.uploads().length, 0);

      // 2. Killed mid-part upload: the second part stored by Clearfacts, its answer not yet sent.
      const second = startWatch(t, context);
      await withDeadline(
        'the second part upload, to kill the watch at',
        new Promise<void>((resolve) => {
          const stop = emulator.onUpload(() => {
            if (emulator.uploads().length < 2) return;
            stop();
            second.child.kill('SIGKILL');
            resolve();
          });
        }),
      );
      await killed(second, 'mid-part upload');
      assert.deepEqual(
        historyAfterKill(configDir),
        { originalState: 'split', parts: expected.length },
        'killed after the split: every part is queued once',
      );
      assert.ok(existsSync(originalPath), 'the original stays while parts are unsent');

      const unconfirmed = await finishAfterKills(
        t,
        emulator,
        context,
        originalPath,
        expected.length,
        originalThereAtArrival,
      );

      assert.deepEqual(
        emulator
          .uploads()
          .map((upload) => [upload.filename, upload.pages, upload.kind, upload.categoryId])
          .sort(),
        [...expected].sort(),
        'every part arrived exactly once with its destination, the original and sheets never',
      );
      const rows = await historyRows(context);
      const parts = rows.filter((row) => (row.parentId ?? null) !== null);
      assert.equal(parts.length, expected.length);
      const saidDone = new Set(unconfirmed.map((entry) => entry.id));
      assert.deepEqual(
        parts.filter(
          (row) => row.state !== 'uploaded' || (row.uuid === null && !saidDone.has(row.id)),
        ),
        [],
        'every part uploaded, each with its uuid unless the user said it was done',
      );
      t.diagnostic(`${unconfirmed.length} part(s) unconfirmed after the kill mid-upload`);
    },
  );
});
