// `--help` and a usage error load the commands' definitions only: no zod, no core beyond its
// light entry (core/command-line.ts), no runtime, no command implementation, no engine
// (docs/architecture.md, "core/index.ts, the only entry"). What loaded is read from Node's module
// loader through a load hook, not timed: the CPU figures are the benchmark's business.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/temp-folders.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(root, 'bin/clearfacts-uploader.js');
const HOOK = path.join(root, 'test/support/module-trace-hook.ts');
/** How long one CLI process may take to answer on a loaded 2-core machine. */
const CLI_DEADLINE_MS = 60_000;

/** Runs the CLI with `args`; its exit code and the URLs of the modules it loaded. */
function loadedBy(
  folder: string,
  args: string[],
): { status: number | null; modules: string[]; output: string } {
  const list = path.join(folder, `${args.join('_').replace(/\W/g, '')}.txt`);
  const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    encoding: 'utf8',
    timeout: CLI_DEADLINE_MS,
    env: { ...process.env, LOADED_MODULES_FILE: list },
  });
  assert.equal(result.error, undefined, `clearfacts-uploader ${args.join(' ')} did not end`);
  return {
    status: result.status,
    modules: readFileSync(list, 'utf8').split('\n').filter(Boolean),
    output: `${result.stdout}${result.stderr}`,
  };
}

/** The modules of `modules` that a command line must not need before a command runs. */
function heavyOnes(modules: readonly string[], allowZod: boolean): string[] {
  return modules.filter(
    (url) =>
      (!allowZod && url.includes('/node_modules/zod/')) ||
      url.endsWith('/src-main/core/index.ts') ||
      url.endsWith('/src-main/core/engine.ts') ||
      url.endsWith('/src-main/cli/cli-runtime.ts') ||
      url.endsWith('-actions.ts') ||
      url.includes('/node_modules/better-sqlite3/') ||
      url.includes('/node_modules/conf/'),
  );
}

test('--help loads commander and the catalogues, not zod, core or a command', (t) => {
  const folder = tempDir(t, 'start-up');
  const help = loadedBy(folder, ['--help']);
  assert.equal(help.status, 0, help.output);
  assert.ok(
    help.modules.some((url) => url.endsWith('/src-main/cli/main.ts')),
    'the hook saw the CLI load',
  );
  assert.deepEqual(heavyOnes(help.modules, false), []);
  const commandHelp = loadedBy(folder, ['upload', '--help']);
  assert.equal(commandHelp.status, 0, commandHelp.output);
  assert.deepEqual(heavyOnes(commandHelp.modules, false), []);
});

test('a usage error loads the token rules to redact it, not core or a command', (t) => {
  const folder = tempDir(t, 'start-up');
  const unknown = loadedBy(folder, ['--bogus']);
  assert.equal(unknown.status, 2, unknown.output);
  assert.match(unknown.output, /--bogus/);
  // zod comes with the token rules (a typed token is redacted from commander's echo).
  assert.deepEqual(heavyOnes(unknown.modules, true), []);
  const badSplit = loadedBy(folder, [
    'upload',
    'a.pdf',
    '--company',
    '0412345614',
    '--type',
    'purchase',
    '--split',
    'pages:1',
  ]);
  assert.equal(badSplit.status, 2, badSplit.output);
  assert.deepEqual(heavyOnes(badSplit.modules, true), []);
});
