// The headless engine (`clearfacts-uploader watch`) is killed with SIGKILL five times at seeded
// random moments during a 300-file batch and started again each time. In the end every file is
// uploaded exactly once or listed as unconfirmed; none is lost, none is re-sent without the user.
// The moments are events (the n-th upload arriving, the n-th send starting or finishing), so a
// seed replays the same kind of kill at the same point of the batch: CRASH_TEST_SEED=<seed>.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { HistoryEntry } from '../../src-main/contract/domain.ts';
import { startEmulator } from '../emulator/index.ts';
import { runReliableCli, followWatch, type CliTarget } from '../support/cli-process.ts';
import { killAt, planKills, prepareKilledEngine } from '../support/kill-moments.ts';
import { writeValidPdf } from '../support/hostile-files.ts';
import { countBySha, sha256OfFile } from '../support/uploads-ledger.ts';
import { withDeadline } from '../support/waiting.ts';

const FILES = 300;
const KILLS = 5;

test(
  'SIGKILL five times during a 300-file batch: every file once or unconfirmed, none lost',
  { timeout: 240_000 },
  async (t) => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 1_000_000);
    const kills = planKills(seed, KILLS);
    t.diagnostic(
      `crash seed ${seed} (replay with CRASH_TEST_SEED=${seed}): ${kills.map((kill) => `${kill.kind}#${kill.count}`).join(', ')}`,
    );

    const root = await mkdtemp(path.join(tmpdir(), 'cf-crash-'));
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
    };
    const folders = [
      {
        path: path.join(root, 'purchases'),
        company: purchase.companyNumber,
        type: 'purchase' as const,
      },
      { path: path.join(root, 'sales'), company: sale.companyNumber, type: 'sale' as const },
    ];
    await prepareKilledEngine(target, folders);
    const shaByName = new Map<string, string>();
    const folderByName = new Map<string, string>();
    for (let index = 0; index < FILES; index += 1) {
      const folder = folders[index % folders.length];
      assert.ok(folder);
      const fileName = `batch-${String(index).padStart(3, '0')}.pdf`;
      await writeValidPdf(path.join(folder.path, fileName), 1 + (index % 3), 12_000);
      shaByName.set(fileName, await sha256OfFile(path.join(folder.path, fileName)));
      folderByName.set(fileName, folder.path);
    }
    // Slow answers keep sends in flight, so kills land in the middle of some.
    emulator.setFaults({ appliesTo: 'uploads', latencyMs: 60 });

    for (const [round, kill] of kills.entries()) {
      const watch = followWatch(target);
      const ended = await killAt(watch, emulator, kill, round + 1);
      assert.equal(ended.signal, 'SIGKILL', `round ${round + 1} ended by the kill`);
    }

    const last = followWatch(target);
    await last.until(`all ${FILES} files delivered or unconfirmed`, (line) => {
      if (line.event !== 'status') return false;
      const { counts } = line;
      return (
        counts.pending === 0 &&
        counts.uploading === 0 &&
        counts.uploaded + counts.unconfirmed + counts.failed + counts.duplicate >= FILES
      );
    });
    last.child.kill('SIGTERM');
    const stopped = await withDeadline('the last watch to stop on SIGTERM', last.exited);
    assert.equal(stopped.code, 0, last.output.slice(-10).join('\n'));

    const history = await runReliableCli(target, ['history', '--json', '--limit', '1000']);
    assert.equal(history.code, 0, history.stderr);
    // `history --json` gives `inClearfacts` as the History cell shows it, not the entry's field.
    const { rows } = z
      .object({ rows: z.array(HistoryEntry.omit({ inClearfacts: true })) })
      .parse(JSON.parse(history.stdout));
    const arrivals = countBySha(emulator.uploads());
    const unconfirmed = rows.filter((row) => row.state === 'unconfirmed');
    t.diagnostic(
      `${emulator.uploads().length} uploads received; ${unconfirmed.length} unconfirmed: ${unconfirmed.map((row) => row.fileName).join(', ')}`,
    );
    assert.ok(unconfirmed.length >= 1, 'a kill with a send in flight leaves it unconfirmed');

    for (const [fileName, sha] of shaByName) {
      const fileRows = rows.filter((row) => row.fileName === fileName);
      assert.equal(fileRows.length, 1, `${fileName} has exactly one row`);
      const row = fileRows[0] as HistoryEntry;
      const count = arrivals.get(sha) ?? 0;
      if (row.state === 'unconfirmed') {
        assert.ok(count <= 1, `${fileName} (unconfirmed) was not sent again: ${count} arrivals`);
        assert.ok(
          existsSync(path.join(folderByName.get(fileName) as string, fileName)),
          `${fileName} (unconfirmed) stays in its folder`,
        );
      } else {
        assert.ok(
          row.state === 'archived' || row.state === 'uploaded',
          `${fileName} is ${row.state}: ${row.failure?.message ?? ''}`,
        );
        assert.equal(count, 1, `${fileName} arrived exactly once`);
        assert.equal(row.sha256, sha);
      }
    }
    for (const [sha, count] of arrivals) {
      assert.ok(count === 1, `content ${sha.slice(0, 12)} arrived ${count} times`);
    }
    // None lost: every file is still somewhere under its folder (in place or in _uploaded/).
    for (const folder of folders) {
      const present = new Set(
        (await readdir(folder.path, { recursive: true })).map((name) => path.basename(name)),
      );
      for (const [fileName, folderPath] of folderByName) {
        if (folderPath === folder.path)
          assert.ok(present.has(fileName), `${fileName} is still on disk`);
      }
    }
  },
);
