// The history at scale: 100,000 rows written in one transaction, and every filter still answers
// over them. Beside the other heavy tests for its run time, not with the history's unit tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newFile, openTempHistory } from '../support/temp-history.ts';

test('100,000 rows insert in one transaction and every filter still answers', (t) => {
  const { db, repository } = openTempHistory(t);
  const started = performance.now();
  db.transaction(() => {
    for (let index = 0; index < 100_000; index += 1) {
      repository.insert(
        newFile({
          path: `/scans/${index % 50}/document-${index}.pdf`,
          fileName: `document-${index}.pdf`,
          companyNumber: index % 10 === 0 ? '0987654321' : '0123456789',
          state: index % 100 === 0 ? 'ready' : 'waiting_stability',
        }),
      );
    }
  })();
  t.diagnostic(`100,000 inserts: ${Math.round(performance.now() - started)} ms`);
  const queried = performance.now();
  assert.equal(repository.query({ companyNumber: '0987654321' }, 0, 200).total, 10_000);
  assert.equal(repository.query({ states: ['ready'] }, 0, 200).total, 1_000);
  assert.equal(repository.query({ search: 'document-99999' }, 0, 200).total, 1);
  assert.equal(repository.query({}, 99_900, 200).rows.length, 100);
  assert.equal(repository.countByState().waiting_stability, 99_000);
  t.diagnostic(`filtered queries: ${Math.round(performance.now() - queried)} ms`);
});
