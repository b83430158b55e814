// Rows delivered through another row's uuid (issue #19): a scan session's files through their
// combined document, a split batch's original through its parts. On a real SQLite history: a stop
// between such a row's delivery and its move leaves its after-upload step due at the next start,
// as for a row with its own uuid, and `status`'s last upload is the document Clearfacts holds,
// never a row without a uuid that was delivered after it; files combined into a document that
// Clearfacts refused are not "pending" for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStatusTracker } from '../../../../src-main/core/events/status-tracker.ts';
import { createQueueHolds } from '../../../../src-main/core/queue/queue-holds.ts';
import type { HistoryRepository } from '../../../../src-main/core/store/history-repository.ts';
import { newFile, openTempHistory } from '../../../support/temp-history.ts';

/** A row sent and confirmed with `uuid` at `at` (ms). */
function uploaded(
  repository: HistoryRepository,
  file: Parameters<HistoryRepository['insert']>[0],
  uuid: string,
  at: number,
) {
  const row = repository.insert({ ...file, state: 'ready' });
  repository.transition(row.id, 'uploading');
  return repository.transition(row.id, 'uploaded', { uuid, uploadedAt: at }).record;
}

/** Files of `/phone` waiting in a scan session (`bundling`), by name. */
function inSession(repository: HistoryRepository, names: readonly string[]) {
  return names.map((fileName) =>
    repository.insert(
      newFile({ path: `/phone/${fileName}`, fileName, watchRoot: '/phone', state: 'bundling' }),
    ),
  );
}

/** A scan session of two files, combined and uploaded; its files delivered at `at` (ms). */
function deliveredSession(repository: HistoryRepository, at: number) {
  const members = inSession(repository, ['scan 1.jpg', 'scan 2.jpg']);
  const combined = uploaded(
    repository,
    newFile({ path: '/config/bundles/a.pdf', fileName: 'scan 1 (+1).pdf', watchRoot: null }),
    'uuid-combined',
    at - 1_000,
  );
  for (const member of members) {
    repository.transition(member.id, 'bundling', { bundleId: combined.id });
    repository.transition(member.id, 'uploaded', { uploadedAt: at });
  }
  return { combined, members };
}

test("a stop before a scan session's files were moved leaves their after-upload step due", (t) => {
  const { repository } = openTempHistory(t);
  const { members } = deliveredSession(repository, 1_800_000_000_000);
  // A batch's original, delivered once its one part was.
  const original = repository.insert(
    newFile({ path: '/scans/batch.pdf', fileName: 'batch.pdf', state: 'ready' }),
  );
  repository.transition(original.id, 'split');
  uploaded(
    repository,
    newFile({
      path: '/config/parts/1/p1.pdf',
      fileName: 'batch (p. 1).pdf',
      watchRoot: null,
      parentId: original.id,
    }),
    'uuid-part',
    1_800_000_000_000,
  );
  repository.transition(original.id, 'uploaded', { uploadedAt: 1_800_000_000_500 });
  // A session file whose combined document is not uploaded yet, and one marked done: not due.
  const waiting = repository.insert(
    newFile({
      path: '/phone/later.jpg',
      fileName: 'later.jpg',
      watchRoot: '/phone',
      state: 'bundling',
    }),
  );
  const pending = repository.insert(
    newFile({
      path: '/config/bundles/b.pdf',
      fileName: 'later (+1).pdf',
      watchRoot: null,
      state: 'ready',
    }),
  );
  repository.transition(waiting.id, 'bundling', { bundleId: pending.id });

  assert.deepEqual(
    repository.awaitingLocalStep().map((record) => record.id),
    [...members.map((member) => member.id), original.id],
  );
});

test("status's last upload is the combined document with its uuid, not its files delivered after it", (t) => {
  const { repository } = openTempHistory(t);
  const { combined } = deliveredSession(repository, 1_800_000_000_000);

  const last = repository.lastUploaded();
  assert.equal(last?.id, combined.id);
  assert.equal(last?.uuid, 'uuid-combined');
});

test('files combined into a document Clearfacts refused are not pending: the status is idle, with one failure', (t) => {
  const { repository } = openTempHistory(t);
  const members = inSession(repository, ['scan 1.jpg', 'scan 2.jpg', 'scan 3.jpg']);
  // One more file still waits in an open session: that one is pending.
  const [next] = inSession(repository, ['next.jpg']);
  assert.ok(next);
  const combined = repository.insert(
    newFile({
      path: '/config/bundles/a.pdf',
      fileName: 'scan 1 (+2).pdf',
      watchRoot: null,
      state: 'ready',
    }),
  );
  for (const member of members)
    repository.transition(member.id, 'bundling', { bundleId: combined.id });
  repository.transition(combined.id, 'uploading');
  repository.transition(combined.id, 'failed', {
    failure: { code: 'server_refused', message: { code: 'after_upload_failed', params: {} } },
  });
  const status = () =>
    createStatusTracker({
      counts: () => repository.countByState(),
      holds: () => createQueueHolds(),
      runningCount: () => 0,
      emit: () => undefined,
    }).snapshot();

  assert.deepEqual([status().counts.pending, status().counts.failed], [1, 1]);
  repository.forget(next.id);
  assert.equal(status().state, 'idle');
});
