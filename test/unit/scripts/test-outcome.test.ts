// The test command's tally of the totals reporter's lines, above all for a run killed at its
// deadline: node:test never printed its summary, and the reporter's last line may be cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyOutcomes } from '../../../scripts/test-outcome.ts';

const line = (outcome: object): string => JSON.stringify(outcome);

test('counts results, names failures and what never ended, and skips a cut last line', () => {
  const file = '/repo/test/a.test.ts';
  const totals = tallyOutcomes([
    line({ kind: 'started', name: 'test/a.test.ts', file }),
    line({ kind: 'started', name: 'sends once', file }),
    line({ kind: 'ended', name: 'sends once', file, error: null, durationMs: 12 }),
    line({ kind: 'passed', name: 'sends once', file }),
    line({ kind: 'started', name: 'refuses', file }),
    // Ended as it happened; its failure report is held back behind the test that hangs.
    line({ kind: 'ended', name: 'refuses', file, error: 'one is not two', durationMs: 3 }),
    line({ kind: 'started', name: 'hangs', file }),
    line({ kind: 'skipped', name: 'desktop app', file: null }),
    line({ kind: 'failed', name: 'other', file: '/repo/test/b.test.ts', error: 'timed out' }),
    '{"kind":"passed","name":"cut off by the ki',
    '',
  ]);
  assert.equal(totals.passed, 1);
  assert.equal(totals.skipped, 1);
  assert.equal(totals.failed, 1, 'only reported failures are counted');
  assert.deepEqual(totals.failures, [
    { name: 'refuses', file, error: 'one is not two' },
    { name: 'other', file: '/repo/test/b.test.ts', error: 'timed out' },
  ]);
  assert.deepEqual(totals.unfinished, [
    { name: 'test/a.test.ts', file },
    { name: 'hangs', file },
  ]);
});

test('a failure reported both as it ended and by node:test is named once', () => {
  const totals = tallyOutcomes([
    line({ kind: 'ended', name: 'refuses', file: null, error: 'no', durationMs: 1 }),
    line({ kind: 'failed', name: 'refuses', file: null, error: 'no' }),
  ]);
  assert.equal(totals.failed, 1);
  assert.equal(totals.failures.length, 1);
});

test('the slowest files are timed by their own line, which covers the whole process', () => {
  const fast = '/repo/test/fast.test.ts';
  const slow = '/repo/test/slow.test.ts';
  const totals = tallyOutcomes([
    line({ kind: 'ended', name: 'one test', file: slow, error: null, durationMs: 900 }),
    line({ kind: 'ended', name: 'test/slow.test.ts', file: slow, error: null, durationMs: 1500 }),
    line({ kind: 'ended', name: 'test/fast.test.ts', file: fast, error: null, durationMs: 40 }),
  ]);
  assert.deepEqual(totals.slowestFiles, [
    { file: slow, durationMs: 1500 },
    { file: fast, durationMs: 40 },
  ]);
});
