// A second `clearfacts-uploader` process reaches the engine a first one runs, over the control
// channel of their config folder: real processes, a real socket, the emulator over real HTTP.
// Only the owner of the folder gets in, bad frames cost only their own connection, and a socket
// left by a killed engine does not keep the next one from opening its channel.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { HistoryEntry, StatusSnapshot } from '../../../src-main/contract/domain.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { folder, startEngine, startTestEmulator, tempDir } from '../engine/engine-harness.ts';
import { runCli, startWatch, type CliContext } from '../cli/cli-harness.ts';

const DEADLINE_MS = 30_000;

interface StatusJson {
  running: boolean;
  engine: { shell: string; pid: number; version: string; protocol: number } | null;
  status: StatusSnapshot;
}

function within<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function status(context: CliContext): Promise<{ code: number | null; json: StatusJson }> {
  const result = await runCli(context, ['status', '--json']);
  assert.equal(result.stderr, '', 'status has nothing to complain about');
  return { code: result.code, json: JSON.parse(result.stdout) as StatusJson };
}

test('a second process reaches the engine `watch` runs: status, upload, history, and status after it stops', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'control-cli');
  const configDir = folder(root, 'config');
  // Only `watch` has a token: the other processes can only succeed through its engine.
  const token = emulator.addToken([...ALL_SCOPES]);
  const second: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...second, token });
  await watch.until('the engine reports its status', () => watch.status() !== null);
  const socketPath = path.join(configDir, 'engine.sock');
  assert.equal(statSync(socketPath).mode & 0o777, 0o600);

  const idle = await status(second);
  assert.equal(idle.code, 0, 'idle: nothing needs the user');
  assert.equal(idle.json.running, true);
  assert.equal(idle.json.engine?.pid, watch.child.pid, "the answer is the watch process's");
  assert.equal(idle.json.engine?.shell, 'cli');
  assert.equal(idle.json.status.state, 'idle');

  const human = await runCli(second, ['status']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, new RegExp(`Engine: +running .*process ${watch.child.pid}`));

  const good = path.join(root, 'good.pdf');
  const broken = path.join(root, 'broken.pdf');
  await writeFile(good, await pdfBytes(2, { label: 'handed over' }));
  await writeFile(broken, 'not a pdf at all');
  // Relative paths, as a person types them, mean the second process's folder, not the engine's.
  const uploaded = await runCli({ ...second, cwd: root }, [
    'upload',
    'good.pdf',
    'broken.pdf',
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(uploaded.code, 1, `one file failed: partial failure\n${uploaded.stderr}`);
  assert.match(uploaded.stdout, /uploaded +good\.pdf → .* 2 pages/);
  assert.match(uploaded.stdout, /failed +broken\.pdf/);
  assert.equal(emulator.uploads().length, 1);
  await watch.until('the watch engine tells about the upload it made', () =>
    [...watch.entries.values()].some(
      (entry) => entry.fileName === 'good.pdf' && entry.uuid !== null,
    ),
  );

  const history = await runCli(second, ['history', '--json']);
  assert.equal(history.code, 0, history.stderr);
  const rows = (JSON.parse(history.stdout) as { rows: HistoryEntry[] }).rows;
  assert.deepEqual(rows.map((row) => [row.fileName, row.state, row.source]).sort(), [
    ['broken.pdf', 'failed', 'cli'],
    ['good.pdf', 'uploaded', 'cli'],
  ]);

  const attention = await status(second);
  assert.equal(attention.code, 1, 'a failed file needs the user');
  assert.equal(attention.json.status.counts.failed, 1);

  watch.child.kill('SIGTERM');
  assert.equal((await within(watch.exited, 'watch to stop')).code, 0);
  assert.equal(existsSync(socketPath), false, 'a clean stop takes the socket with it');
  const stopped = await status(second);
  assert.equal(stopped.json.running, false);
  assert.equal(stopped.json.engine, null);
  assert.deepEqual(
    stopped.json.status.counts,
    attention.json.status.counts,
    'the same counts, from the history',
  );
  assert.equal(stopped.code, 1);
});
