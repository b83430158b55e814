// Issue #10, "Done means": every fault kind at once, many files and 5 SIGKILLs. The headless engine
// (`clearfacts-uploader watch`) delivers two folders of PDFs while the emulator answers with 5xx,
// 503 and 429 with Retry-After, resets mid-upload, stores uploads and then answers 504, 500, a
// reset or a 200 cut off halfway, or stores them and never answers; slow writers write more files
// in parts while it runs; a third folder is renamed away and back; and the engine is killed five
// times at seeded moments (the n-th upload stored, send started or file archived) and started
// again. Then the faults stop, an engine delivers what is left, and the user settles each
// unconfirmed file as they would (mark it done when Clearfacts has it, else send it again). In the
// end every file is in Clearfacts exactly once (by SHA-256), none is lost, and none was moved
// into `_uploaded/` without a uuid. Replay with COMBINED_FAULTS_SEED=<seed>. 80 files by default:
// that run took 318 s on this project's 2-core machine at load average 15 (the killed rounds nearly
// all of it); the issue's 300 files are COMBINED_FAULTS_FILES=300 (146 s at load average 15).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { between, seededRandom } from '../../bench/lib/seeded-random.ts';
import { killAt, planKills, prepareKilledEngine } from '../support/kill-moments.ts';
import type { HistoryEntry } from '../../src-main/contract/domain.ts';
import { startEmulator } from '../emulator/index.ts';
import { followWatch, RELIABILITY_TUNING, type CliTarget } from '../support/cli-process.ts';
import { isSettled, startEngineHarness } from '../support/engine-harness.ts';
import { writeValidPdf } from '../support/hostile-files.ts';
import { scanSlowly } from '../support/slow-scanner.ts';
import {
  countBySha,
  deliveredForGood,
  settleUnconfirmed,
  sha256OfFile,
} from '../support/uploads-ledger.ts';
import { withDeadline } from '../support/waiting.ts';

const FILES = Number(process.env.COMBINED_FAULTS_FILES ?? 80);
const KILLS = 5;
/** Files written by slow writers while the engine runs (in parts, pauses over the window). */
const SLOW_FILES = 10;
/** Files in the folder that is renamed away and back. */
const RENAMED_FILES = 20;

test(
  `every fault kind at once, ${FILES} files, 5 SIGKILLs: each file in Clearfacts once, none lost`,
  {
    timeout: 900_000,
    // Two to four minutes of killed rounds: a release check (README, reliability section), kept out
    // of the every-commit run, which must stay well under 15 minutes on 2 cores.
    skip: process.env.RELEASE_CHECKS === '1' ? false : 'a release check: RELEASE_CHECKS=1 runs it',
  },
  async (t) => {
    const started = Date.now();
    const seed = Number(process.env.COMBINED_FAULTS_SEED ?? Date.now() % 1_000_000);
    // At least 5 events into each round, so every engine gets some work done before it dies, and
    // at most a fifth of the files' worth, so the last rounds still have work to be killed in
    // (seed 666946 drew 28 and 29 uploads for rounds 1 and 2 of 80 files: round 2 never reached
    // its 29th and the wait for the kill timed out).
    const perRound = Math.max(5, Math.floor(FILES / KILLS));
    const kills = planKills(seed, KILLS, perRound - 4).map((kill) => ({
      ...kill,
      count: kill.count + 4,
    }));
    t.diagnostic(
      `seed ${seed} (replay with COMBINED_FAULTS_SEED=${seed}), ${FILES} files, kills: ${kills.map((kill) => `${kill.kind}#${kill.count}`).join(', ')}`,
    );
    const random = seededRandom(seed + 1);

    const root = await mkdtemp(path.join(tmpdir(), 'cf-combined-'));
    const emulator = await startEmulator();
    t.after(async () => {
      await emulator.close();
      await rm(root, { recursive: true, force: true });
    });
    const [purchase, sale] = emulator.seed.administrations;
    assert.ok(purchase && sale);
    const target: CliTarget = {
      configDir: path.join(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.demoToken,
      // A stored upload whose answer never comes is given up on (ambiguous) after 2 s.
      tuning: JSON.stringify({ ...JSON.parse(RELIABILITY_TUNING), apiTimeoutMs: 2_000 }),
    };
    const folders = [
      {
        path: path.join(root, 'purchases'),
        company: purchase.companyNumber,
        type: 'purchase' as const,
      },
      { path: path.join(root, 'sales'), company: sale.companyNumber, type: 'sale' as const },
      {
        path: path.join(root, 'renamed'),
        company: purchase.companyNumber,
        type: 'purchase' as const,
      },
    ];
    await prepareKilledEngine(target, folders);
    const [purchases, sales, renamed] = folders;
    assert.ok(purchases && sales && renamed);
    const movedAway = `${renamed.path} (moved)`;

    /** Every file: its content's SHA-256 and the folder it was written to. */
    const written = new Map<string, { sha256: string; folder: string }>();
    const upfront = FILES - SLOW_FILES - RENAMED_FILES;
    for (let index = 0; index < upfront; index += 1) {
      const folder = index % 2 === 0 ? purchases : sales;
      const fileName = `batch-${String(index).padStart(3, '0')}.pdf`;
      await writeValidPdf(path.join(folder.path, fileName), 1 + (index % 3), 12_000);
      written.set(fileName, {
        sha256: await sha256OfFile(path.join(folder.path, fileName)),
        folder: folder.path,
      });
    }
    for (let index = 0; index < RENAMED_FILES; index += 1) {
      const fileName = `renamed-${String(index).padStart(2, '0')}.pdf`;
      await writeValidPdf(path.join(renamed.path, fileName), 1, 12_000);
      written.set(fileName, {
        sha256: await sha256OfFile(path.join(renamed.path, fileName)),
        folder: renamed.path,
      });
    }
    // The slow writers' files are made beside the tree, then written into it in parts later.
    const slowSources = path.join(root, 'slow-sources');
    await mkdir(slowSources);
    const slowFiles: { fileName: string; bytes: Buffer }[] = [];
    for (let index = 0; index < SLOW_FILES; index += 1) {
      const fileName = `slow-${String(index).padStart(2, '0')}.pdf`;
      await writeValidPdf(path.join(slowSources, fileName), 2, 40_000);
      const bytes = await readFile(path.join(slowSources, fileName));
      slowFiles.push({ fileName, bytes });
      written.set(fileName, {
        sha256: await sha256OfFile(path.join(slowSources, fileName)),
        folder: purchases.path,
      });
    }

    // Every kind at once. Each stores before it fails (or never answers), so by the time the
    // engine sees the failure Clearfacts has the upload or never will.
    emulator.setFaults({
      errorRate: 0.1,
      errorStatuses: [500, 502, 503],
      errorRetryAfterSeconds: 1,
      rateLimitRate: 0.05,
      retryAfterSeconds: 1,
      resetMidUploadRate: 0.05,
      hangRate: 0.03,
      hangStage: 'after-processing',
      storeThenFailRate: 0.1,
      storeThenFailWith: ['504', '500', 'reset', 'cut-off'],
      latencyMs: 40,
      appliesTo: 'uploads',
      seed,
    });

    const slowWriters: Promise<number>[] = [];
    for (const [round, kill] of kills.entries()) {
      const watch = followWatch(target);
      if (round === 1) {
        // Slow writers start while this engine runs, and go on across the next kills.
        for (const { fileName, bytes } of slowFiles) {
          slowWriters.push(
            scanSlowly(path.join(purchases.path, fileName), bytes, {
              parts: 3,
              pauseMs: 400 + between(random, 0, 600),
            }),
          );
        }
        // The third folder is renamed away while uploads run (a user tidying up).
        await rename(renamed.path, movedAway);
      }
      if (round === 3) await rename(movedAway, renamed.path);
      const ended = await killAt(watch, emulator, kill, round + 1);
      assert.equal(ended.signal, 'SIGKILL', `round ${round + 1} ended by the kill`);
    }
    await withDeadline('the slow writers to finish', Promise.all(slowWriters));
    const killsDoneAt = Date.now();

    // The faults end; an engine on the same config folder (the desktop app, say) delivers the rest.
    emulator.setFaults({});
    const harness = await startEngineHarness({
      emulator,
      configDir: target.configDir,
      tuning: { apiTimeoutMs: 2_000 },
    });
    t.after(() => harness.close());
    // Rows the killed engines settled are never announced again: start from the history.
    for (const row of await harness.allHistory()) {
      if (!harness.entries.has(row.id)) harness.entries.set(row.id, row);
    }
    const settledRow = (fileName: string) =>
      harness.waitForEntry(
        `${fileName} settled`,
        (entry) => entry.fileName === fileName && isSettled(entry),
      );
    const firstPass = await Promise.all([...written.keys()].map(settledRow));
    const afterFaults = countBySha(emulator.uploads());
    const unconfirmed = firstPass.filter((entry) => entry.state === 'unconfirmed');
    const lost = firstPass.filter(
      (entry) => entry.state !== 'unconfirmed' && (afterFaults.get(entry.sha256 ?? '') ?? 0) === 0,
    );
    const silentDuplicates = [...afterFaults.values()].filter((count) => count > 1).length;
    t.diagnostic(
      `before the user: ${emulator.uploads().length} uploads received, lost ${lost.length}, silent duplicates ${silentDuplicates}, unconfirmed ${unconfirmed.length}; states: ${JSON.stringify(countStates(firstPass))}`,
    );
    assert.deepEqual(
      firstPass.filter((entry) => entry.state === 'failed' || entry.state === 'duplicate'),
      [],
      'no file failed or was taken for a duplicate because of the faults',
    );
    assert.deepEqual(lost, [], 'no file lost');
    assert.equal(silentDuplicates, 0, 'no content reached Clearfacts twice');
    // One outage, one decision (issue #10): an incident (an outage, or a stop mid-upload) makes at
    // most `concurrency` files unconfirmed. Its files carry the moment it began (incidentAt: the
    // queue's open incident, or the start that found them still uploading, crash-recovery.ts).
    const { concurrency } = await harness.engine.handlers['settings.get']({});
    const perIncident = new Map<number | null, number>();
    for (const { incidentAt } of unconfirmed) {
      perIncident.set(incidentAt ?? null, (perIncident.get(incidentAt ?? null) ?? 0) + 1);
    }
    t.diagnostic(
      `unconfirmed per incident: ${JSON.stringify([...perIncident.values()])} (concurrency ${concurrency})`,
    );
    assert.equal(perIncident.get(null), undefined, 'every unconfirmed file belongs to an incident');
    for (const [at, count] of perIncident) {
      assert.ok(count <= concurrency, `incident ${at}: ${count} unconfirmed, over ${concurrency}`);
    }

    // The user settles each unconfirmed file: done when Clearfacts has it, else sent again.
    const { markedDone } = await settleUnconfirmed(harness.engine, unconfirmed, afterFaults);
    const finalRows = await Promise.all(
      [...written.keys()].map((fileName) =>
        harness.waitForEntry(`${fileName} delivered`, (entry) =>
          deliveredForGood(entry, fileName, markedDone),
        ),
      ),
    );

    const counts = countBySha(emulator.uploads());
    for (const [fileName, expected] of written) {
      assert.equal(counts.get(expected.sha256) ?? 0, 1, `${fileName} is in Clearfacts once`);
    }
    assert.equal(emulator.uploads().length, written.size, 'nothing else reached Clearfacts');
    const rowByName = new Map(finalRows.map((row) => [row.fileName, row]));
    for (const [fileName, expected] of written) {
      const row = rowByName.get(fileName);
      assert.ok(
        row?.uuid || markedDone.has(row?.id ?? -1),
        `${fileName} has its uuid, or the user's word that Clearfacts has it`,
      );
      assert.equal(row?.sha256, expected.sha256, `${fileName}: the history's hash is the file's`);
    }
    // None lost, none moved without a uuid: every file is on disk, in its folder or _uploaded/,
    // and whatever sits in _uploaded/ is a file whose row has the uuid of its content (or that the
    // user marked done, having checked that Clearfacts holds it).
    const uuidBySha = new Map(emulator.uploads().map((upload) => [upload.sha256, upload.uuid]));
    for (const folder of folders) {
      for (const name of await readdir(folder.path, { recursive: true })) {
        const full = path.join(folder.path, name);
        const fileName = path.basename(name);
        if (!written.has(fileName)) continue;
        const expected = written.get(fileName);
        assert.equal(expected?.folder, folder.path, `${fileName} is in its own folder`);
        if (name.startsWith('_uploaded')) {
          const sha = await sha256OfFile(full);
          assert.equal(sha, expected.sha256, `${name} is the file that was sent`);
          const row = rowByName.get(fileName);
          if (!markedDone.has(row?.id ?? -1)) {
            assert.equal(row?.uuid, uuidBySha.get(sha), `${name} was moved with its uuid`);
          }
        }
      }
    }
    const onDisk = new Set<string>();
    for (const folder of folders) {
      for (const name of await readdir(folder.path, { recursive: true })) {
        onDisk.add(path.basename(name));
      }
    }
    for (const fileName of written.keys()) assert.ok(onDisk.has(fileName), `${fileName} on disk`);
    t.diagnostic(
      `run took ${Math.round((Date.now() - started) / 1000)} s (writing and the 5 killed rounds ${Math.round((killsDoneAt - started) / 1000)} s)`,
    );
  },
);

function countStates(rows: readonly HistoryEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}
