// `npm run demo` as the README's quick start has a user run it: what it prints lets the command
// line reach the same demo, both through the demo's own engine (its config folder) and with a
// config folder of its own (the emulator's address and demo token). Before, the demo printed
// neither, so the CLI could not be pointed at the demo's data (issue #14, finding 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { seedData } from '../../emulator/index.ts';
import { runCli } from '../../support/cli-process.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';

const DEMO = path.resolve(import.meta.dirname, '../../../scripts/demo.ts');

test('the demo prints how the CLI reaches its engine and its emulated Clearfacts', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'demo-cli-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const demo = spawn(process.execPath, [DEMO, path.join(root, 'tree')], {
    // No Electron window even where its runtime is installed: browser mode prints the link.
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'no-electron') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => demo.on('exit', resolve));
  t.after(async () => {
    demo.kill('SIGINT');
    await withDeadline('the demo to stop on Ctrl+C', exited);
  });
  const printed: string[] = [];
  const waits = createWaitList();
  createInterface({ input: demo.stdout }).on('line', (line) => {
    printed.push(line);
    waits.wake();
  });
  demo.on('exit', () => waits.abandon('the demo ended'));
  await waits.until(
    'the demo to print "Press Ctrl+C to stop."',
    () => (printed.includes('Press Ctrl+C to stop.') ? true : undefined),
    { detail: () => printed.join('\n') },
  );
  const output = printed.join('\n');

  const configDir = /--config-dir (\S+)/.exec(output)?.[1];
  assert.ok(configDir !== undefined, `no --config-dir in:\n${output}`);
  const status = await runCli({ configDir, apiUrl: 'https://unused.invalid/graphql' }, ['status']);
  assert.match(status.stdout, new RegExp(`process ${demo.pid}\\b`));
  // The printed link is single-use; a fresh one comes from the demo's own page server.
  const opened = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
  assert.ok(opened !== undefined, `no link in:\n${output}`);
  const link = await runCli({ configDir, apiUrl: 'https://unused.invalid/graphql' }, [
    'ui',
    '--link',
  ]);
  assert.equal(link.code, 0, link.stderr);
  assert.ok(link.stdout.includes(`${opened}/#link=`), link.stdout);

  const apiUrl = /--api-url (\S+)/.exec(output)?.[1];
  const token = /CLEARFACTS_TOKEN=(\S+)/.exec(output)?.[1];
  assert.ok(apiUrl !== undefined && token !== undefined, `no address or token in:\n${output}`);
  const own = await runCli({ configDir: path.join(root, 'own-config'), apiUrl, token }, [
    'administrations',
  ]);
  assert.equal(own.code, 0, own.stderr);
  const first = seedData.administrations[0];
  assert.ok(first);
  assert.match(own.stdout, new RegExp(first.name));
});
