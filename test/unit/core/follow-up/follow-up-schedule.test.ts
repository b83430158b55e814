// The follow-up's schedule and its reading of `document(id)`, against hand-computed figures:
// 2 min, 15 min, 1 h, then daily to day 30 after delivery (issue #16), final states never asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FOLLOW_UP_OFFSETS_MS,
  nextCheckAt,
  statusFromLookup,
} from '../../../../src-main/core/follow-up/follow-up-schedule.ts';

const DELIVERED = Date.UTC(2026, 2, 2, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

test('the checks come 2 min, 15 min and 1 h after delivery, then once a day for 30 days', () => {
  assert.equal(FOLLOW_UP_OFFSETS_MS.length, 33);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED, null), DELIVERED + 2 * MINUTE);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 2 * MINUTE, 'received'), DELIVERED + 15 * MINUTE);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 15 * MINUTE, 'unpaid'), DELIVERED + 60 * MINUTE);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 60 * MINUTE, 'unpaid'), DELIVERED + DAY);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 29 * DAY, 'unpaid'), DELIVERED + 30 * DAY);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 30 * DAY, 'unpaid'), null);
});

test('checks missed while the app was closed are not made up one by one', () => {
  // Closed from day 0 to day 4 and a half: the next check is day 5, not the 15 min one.
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + 4.5 * DAY, 'processed'), DELIVERED + 5 * DAY);
});

test('paid and no longer known are final: never asked again', () => {
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + MINUTE, 'paid'), null);
  assert.equal(nextCheckAt(DELIVERED, DELIVERED + MINUTE, 'not_known'), null);
});

test('the answer as the docs show it reads as processed and unpaid; null fields as received', () => {
  // The docs' example answer: date 2025-01-01, type PURCHASE, paymentState UNPAID.
  assert.deepEqual(
    statusFromLookup({
      found: true,
      kind: 'invoice',
      date: '2025-01-01',
      type: 'PURCHASE',
      paymentState: 'UNPAID',
    }),
    { status: 'unpaid', documentDate: '2025-01-01', paymentState: 'UNPAID' },
  );
  assert.equal(
    statusFromLookup({ found: true, kind: 'invoice', date: null, type: null, paymentState: null })
      .status,
    'received',
  );
  assert.equal(
    statusFromLookup({
      found: true,
      kind: 'invoice',
      date: '2025-01-01',
      type: 'SALE',
      paymentState: 'PAID',
    }).status,
    'paid',
  );
  assert.equal(
    statusFromLookup({
      found: true,
      kind: 'invoice',
      date: '2025-01-01',
      type: 'SALE',
      paymentState: 'PARTIALLY_PAID',
    }).status,
    'processed',
  );
  assert.equal(statusFromLookup({ found: false }).status, 'not_known');
});
