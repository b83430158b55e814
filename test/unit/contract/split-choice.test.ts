// The split preview's rules (issue #19) on hand-made choices: moving a page between parts, across
// a separator sheet, emptying a part, and whether a choice covers every page of a batch. Every
// expected value is worked out by hand from the batch's layout in the comment above it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SplitChoice, SplitPart } from '../../../src-main/contract/domain.ts';
import { choiceProblem, contentPages, movePage } from '../../../src-main/contract/split-choice.ts';

const part = (firstPage: number, lastPage: number): SplitPart => ({
  firstPage,
  lastPage,
  sheet: null,
});
const choice = (separatorPages: number[], parts: SplitPart[]): SplitChoice => ({
  sha256: '0'.repeat(64),
  separatorPages,
  parts,
});
const ranges = (parts: readonly SplitPart[]) => parts.map((p) => [p.firstPage, p.lastPage]);

test('pages:2 on 6 pages: moving a page to the previous and the next part', () => {
  const parts = [part(1, 2), part(3, 4), part(5, 6)];
  assert.deepEqual(ranges(movePage(parts, [], 1, 'previous')), [
    [1, 3],
    [4, 4],
    [5, 6],
  ]);
  assert.deepEqual(ranges(movePage(parts, [], 1, 'next')), [
    [1, 2],
    [3, 3],
    [4, 6],
  ]);
  // No neighbour: nothing moves.
  assert.deepEqual(ranges(movePage(parts, [], 0, 'previous')), [
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  assert.deepEqual(ranges(movePage(parts, [], 2, 'next')), [
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
});

test('a part whose last page moves away is removed, sheet and all', () => {
  const sale: SplitPart = { firstPage: 2, lastPage: 2, sheet: { type: 'sale' } };
  const moved = movePage([part(1, 1), sale, part(3, 3)], [], 1, 'previous');
  assert.deepEqual(moved, [part(1, 2), part(3, 3)]);
});

test('a page moves across a separator sheet, which stays out of every part', () => {
  // Pages: 1-2 A, 3 sheet, 4-5 B. Moving page 4 back makes A pages 1-4 without page 3.
  const parts = [part(1, 2), part(4, 5)];
  const moved = movePage(parts, [3], 1, 'previous');
  assert.deepEqual(ranges(moved), [
    [1, 4],
    [5, 5],
  ]);
  assert.deepEqual(contentPages(moved[0] ?? part(1, 1), [3]), [1, 2, 4]);
  assert.equal(choiceProblem(5, choice([3], moved)), null);
  // And page 2 forward: B becomes pages 2-5 without 3.
  const forward = movePage(parts, [3], 0, 'next');
  assert.deepEqual(ranges(forward), [
    [1, 1],
    [2, 5],
  ]);
  assert.deepEqual(contentPages(forward[1] ?? part(1, 1), [3]), [2, 4, 5]);
});

test('a choice must cover every page that is not a separator, in order, without overlap', () => {
  assert.equal(choiceProblem(5, choice([3], [part(1, 2), part(4, 5)])), null);
  assert.equal(choiceProblem(5, choice([], [part(1, 2), part(4, 5)])), 'page 3 is in no part');
  assert.equal(choiceProblem(6, choice([3], [part(1, 2), part(4, 5)])), 'page 6 is in no part');
  assert.equal(
    choiceProblem(5, choice([], [part(1, 3), part(3, 5)])),
    'part 2 overlaps the part before it',
  );
  assert.equal(
    choiceProblem(5, choice([3], [part(1, 2), part(3, 3), part(4, 5)])),
    'part 2 has only separator pages',
  );
  assert.equal(choiceProblem(4, choice([], [part(1, 2), part(3, 5)])), 'part 2 has pages 3-5 of 4');
  assert.equal(choiceProblem(4, choice([7], [part(1, 4)])), 'a separator page is past page 4');
});
