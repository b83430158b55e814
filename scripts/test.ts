// The one test command (README, .ci/run): builds what the browser tests load, runs every test
// file with node:test, and ends with a plain "N passed, N failed, N skipped" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

// node:test runs the files in path order whatever order they are given in, two at a time: the
// long ones in test/heavy/ start before the integration, static and unit files.
const testStatus = run(process.execPath, [
  '--test',
  '--test-concurrency=2',
  '--test-timeout=600000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${path.join(root, 'scripts/totals-reporter.ts')}`,
  `--test-reporter-destination=${totalsFile}`,
  ...(requested.length > 0 ? requested : ['test/**/*.test.ts']),
]);

const Totals = z.object({ passed: z.number(), failed: z.number(), skipped: z.number() });
let totals = { passed: 0, failed: 1, skipped: 0 };
try {
  totals = Totals.parse(JSON.parse(readFileSync(totalsFile, 'utf8')));
} catch {
  console.error('the test runner wrote no totals: counting the run as failed');
}
rmSync(totalsFile, { force: true });
const failed = testStatus !== 0 && totals.failed === 0 ? 1 : totals.failed;
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
