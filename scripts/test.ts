// The one test command (README, .ci/run): builds what the browser tests load, runs every test
// file with node:test, and ends with a plain "N passed, N failed, N skipped" line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tallyOutcomes } from './test-outcome.ts';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, '.test-results');
// One file per run: two test runs in the same checkout must not read each other's totals.
const totalsFile = path.join(resultsDir, `totals-${process.pid}.json`);
const requested = process.argv.slice(2);

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

mkdirSync(resultsDir, { recursive: true });
rmSync(totalsFile, { force: true });

if (
  run(process.execPath, [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]) !== 0
) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/**
 * The whole test run's deadline, in ms: a file whose process never exits (a handle left open) must
 * end as a failed run with its totals line, not as a CI job killed at its 90-minute limit with no
 * answer. The suite takes about a third of this on a 2-core machine.
 */
const RUN_DEADLINE_MS = 40 * 60_000;

/**
 * Runs the test runner in its own process group so that, past the deadline, every test file's
 * process, Chromium and any child they started are killed together. Resolves with the exit status
 * (1 after a kill) and whether the deadline killed it.
 */
function runWithDeadline(
  command: string,
  args: string[],
): Promise<{ code: number; killed: boolean }> {
  return new Promise((resolve) => {
    let killed = false;
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      detached: true,
      // Every test file's process and every CLI it starts compile the same modules: V8's compiled
      // code is kept once for the run (nodejs.org/api/module.html#module-compile-cache).
      env: { ...process.env, NODE_COMPILE_CACHE: path.join(resultsDir, 'compile-cache') },
    });
    const killGroup = (): void => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group has already exited.
        }
      }
    };
    const timer = setTimeout(() => {
      console.error(`the test run passed its ${RUN_DEADLINE_MS / 60_000}-minute deadline: killed`);
      killed = true;
      killGroup();
    }, RUN_DEADLINE_MS);
    const interrupt = (): void => {
      killGroup();
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      resolve({ code: code ?? 1, killed });
    });
  });
}

// node:test runs the files in path order whatever order they are given in, three at a time: most
// files wait on child processes, timers and the network more than they compute, so on 2 cores a
// third file fills those waits. The long ones in test/heavy/ start before the integration, static
// and unit files. --test-force-exit
// ends a file's process once its tests are done, even if a handle was left open.
const testStatus = await runWithDeadline(process.execPath, [
  '--test-force-exit',
  '--test',
  '--test-concurrency=3',
  '--test-timeout=600000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${path.join(root, 'scripts/totals-reporter.ts')}`,
  `--test-reporter-destination=${totalsFile}`,
  ...(requested.length > 0 ? requested : ['test/**/*.test.ts']),
]);

let lines: string[] = [];
try {
  lines = readFileSync(totalsFile, 'utf8').split('\n');
} catch {
  console.error('the test runner wrote no results: counting the run as failed');
}
rmSync(totalsFile, { force: true });
const totals = tallyOutcomes(lines);
if (testStatus.killed) {
  // node:test never printed its summary: say what failed and what was still running.
  for (const failure of totals.failures) {
    console.error(`failed: ${failure.name} (${failure.file ?? '?'}): ${failure.error}`);
  }
  for (const test of totals.unfinished) {
    console.error(`still running at the deadline: ${test.name} (${test.file ?? '?'})`);
  }
}
// Where the suite's time goes, for keeping it well under CI's budget (the README's target).
console.log('\nslowest test files:');
for (const { file, durationMs } of totals.slowestFiles) {
  console.log(`  ${(durationMs / 1000).toFixed(1).padStart(6)} s  ${path.relative(root, file)}`);
}
const failed = testStatus.code !== 0 && totals.failed === 0 ? 1 : totals.failed;
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
