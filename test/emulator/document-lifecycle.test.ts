// The emulator's documents move on their own (#16): received until `processAfterMs` after the
// upload, then processed, then paid `payAfterMs` after processing; the defaults answer as the
// docs' example does (processed at once, never paid); null means never.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentLifecycleSchema, stageAt } from './document-lifecycle.ts';

const MINUTE = 60_000;

test('documents move received → processed → paid at the configured speeds', () => {
  const lifecycle = { processAfterMs: 10 * MINUTE, payAfterMs: 60 * MINUTE };
  // Hand-counted from the speeds: processed at 10 min, paid at 10 + 60 = 70 min.
  const expected: [number, string][] = [
    [0, 'received'],
    [10 * MINUTE - 1, 'received'],
    [10 * MINUTE, 'processed'],
    [70 * MINUTE - 1, 'processed'],
    [70 * MINUTE, 'paid'],
    [30 * 24 * 60 * MINUTE, 'paid'],
  ];
  for (const [ageMs, stage] of expected)
    assert.equal(stageAt(lifecycle, ageMs), stage, `${ageMs} ms`);
});

test('by default processed at once and never paid; null speeds mean never', () => {
  assert.equal(stageAt({}, 0), 'processed');
  assert.equal(stageAt({}, 365 * 24 * 60 * MINUTE), 'processed');
  assert.equal(
    stageAt({ processAfterMs: null, payAfterMs: 0 }, 365 * 24 * 60 * MINUTE),
    'received',
  );
  assert.equal(
    stageAt({ processAfterMs: 0, payAfterMs: null }, 365 * 24 * 60 * MINUTE),
    'processed',
  );
  assert.equal(stageAt({ processAfterMs: 0, payAfterMs: 0 }, 0), 'paid');
  assert.equal(DocumentLifecycleSchema.safeParse({ processAfterMs: -1 }).success, false);
  assert.equal(DocumentLifecycleSchema.safeParse({ paidAfterMs: 1 }).success, false);
});
