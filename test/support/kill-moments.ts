// Kills of a `watch --json` child at seeded moments of a batch, for the SIGKILL tests (issue #10).
// The moments are events (the n-th upload stored by the emulator, the n-th send started or file
// archived), so a seed replays the same kind of kill at the same point of the batch.
import { between, seededRandom } from '../../bench/lib/seeded-random.ts';
import type { HistoryEntry } from '../../src-main/contract/domain.ts';
import type { Emulator } from '../emulator/index.ts';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { openHeadlessSettingsStore } from '../../src-main/core/store/conf-settings-store.ts';
import {
  runReliableCli,
  type CliTarget,
  type FollowedWatch,
  type WatchLine,
} from './cli-process.ts';
import { createRecordingLogger } from './recording-logger.ts';
import { withDeadline } from './waiting.ts';

/** A folder the killed engine watches: made, then bound with `folders add` in its own process. */
export interface KilledEngineFolder {
  path: string;
  company: string;
  type: 'purchase' | 'sale';
}

/**
 * The config folder of `target` with a 300 ms stability window, and each of `folders` made and
 * bound through the CLI, as a user sets up the engine the tests then kill.
 */
export async function prepareKilledEngine(
  target: CliTarget,
  folders: readonly KilledEngineFolder[],
): Promise<void> {
  const settings = openHeadlessSettingsStore({
    configDir: target.configDir,
    logger: createRecordingLogger(),
  });
  settings.update({ stabilityWindowMs: 300 });
  settings.close();
  for (const folder of folders) {
    await mkdir(folder.path);
    const added = await runReliableCli(target, [
      'folders',
      'add',
      folder.path,
      '--company',
      folder.company,
      '--type',
      folder.type,
    ]);
    assert.equal(added.code, 0, added.stderr);
  }
}

export type KillMoment =
  | { kind: 'upload-arrived'; count: number }
  | { kind: 'send-started'; count: number }
  | { kind: 'file-archived'; count: number };

/**
 * `kills` moments drawn from `seed`, each after 1 to `maxCount` events of its kind. The first
 * always lands with a send in flight at the server: at least one file is unconfirmed.
 */
export function planKills(seed: number, kills: number, maxCount = 30): KillMoment[] {
  const random = seededRandom(seed);
  const kinds = ['upload-arrived', 'send-started', 'file-archived'] as const;
  return Array.from({ length: kills }, (_, index) => {
    const kind =
      index === 0 ? 'upload-arrived' : (kinds[between(random, 0, 2)] ?? 'upload-arrived');
    return { kind, count: between(random, 1, maxCount) };
  });
}

function entriesOf(line: WatchLine): HistoryEntry[] {
  return line.event === 'history.changed' ? line.entries : [];
}

/**
 * SIGKILLs `watch` at `kill` and resolves once it ended. An upload-arrived kill happens inside
 * the emulator's handler: the upload is stored, its answer not yet sent.
 */
export async function killAt(
  watch: FollowedWatch,
  emulator: Emulator,
  kill: KillMoment,
  round: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const killed = new Promise<void>((resolve) => {
    const killNow = () => {
      watch.child.kill('SIGKILL');
      resolve();
    };
    if (kill.kind === 'upload-arrived') {
      let arrived = 0;
      const stop = emulator.onUpload(() => {
        arrived += 1;
        if (arrived < kill.count) return;
        stop();
        killNow();
      });
    } else {
      const state = kill.kind === 'send-started' ? 'uploading' : 'archived';
      let seen = 0;
      void watch
        .until(`${kill.count} × ${state}`, (line) => {
          seen += entriesOf(line).filter((entry) => entry.state === state).length;
          return seen >= kill.count;
        })
        .then(killNow, killNow);
    }
  });
  await withDeadline(`round ${round}'s kill (${kill.kind}#${kill.count})`, killed);
  return withDeadline(`round ${round}'s watch to end`, watch.exited);
}
