import { test } from 'node:test';
import { msg } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import type { Destination, HistoryFilter } from '../../../../src-main/contract/domain.ts';
import { IllegalTransitionError } from '../../../../src-main/core/store/file-lifecycle.ts';
import { openHistoryDatabase } from '../../../../src-main/core/store/history-database.ts';
import { InvalidHistoryFilterError } from '../../../../src-main/core/store/history-filter-sql.ts';
import { newFile, openTempHistory } from '../../../support/temp-history.ts';

test('a transition is checked against the lifecycle and written with its patch', (t) => {
  const { repository } = openTempHistory(t);
  const inserted = repository.insert(newFile());
  assert.equal(inserted.state, 'waiting_stability');

  const ready = repository.transition(inserted.id, 'ready');
  assert.equal(ready.previous, 'waiting_stability');
  repository.transition(inserted.id, 'uploading', { sha256: 'abc', pages: 3, kind: 'pdf' });
  const uploaded = repository.transition(inserted.id, 'uploaded', {
    uuid: 'u-1',
    uploadedAt: 5,
    failure: null,
  });
  assert.equal(uploaded.record.uuid, 'u-1');
  assert.equal(uploaded.record.pages, 3);

  assert.throws(
    () => repository.transition(inserted.id, 'uploading'),
    (error: unknown) =>
      error instanceof IllegalTransitionError && /uploaded to uploading/.test(error.message),
  );
  assert.equal(repository.get(inserted.id)?.state, 'uploaded');
});

test('unconfirmed files go back to the queue only by resend or mark done', (t) => {
  const { repository } = openTempHistory(t);
  const { id } = repository.insert(newFile({ state: 'ready' }));
  repository.transition(id, 'uploading');
  repository.transition(id, 'unconfirmed', {
    failure: { code: 'transient', message: msg('legacy_text', { text: 'No answer came.' }) },
  });
  for (const refused of ['uploading', 'archived', 'failed', 'duplicate'] as const) {
    assert.throws(() => repository.transition(id, refused), IllegalTransitionError);
  }
  assert.equal(repository.transition(id, 'ready').record.state, 'ready');
});

test('failures round-trip with their code, sentence and server detail', (t) => {
  const { repository } = openTempHistory(t);
  const { id } = repository.insert(newFile({ state: 'ready' }));
  const failure = {
    code: 'server_refused',
    message: msg('legacy_text', { text: 'Refused.' }),
    detail: 'bad file',
  } as const;
  assert.deepEqual(repository.transition(id, 'failed', { failure }).record.failure, failure);
  assert.equal(repository.transition(id, 'ready', { failure: null }).record.failure, null);
});

test('F6: whose words a detail is survives the history: Clearfacts’ stay Clearfacts’, the app’s never become them', (t) => {
  const { db, repository } = openTempHistory(t);
  const said = repository.insert(newFile({ state: 'ready', path: '/scans/a.pdf' })).id;
  const theirs = {
    code: 'server_refused',
    message: msg('legacy_text', { text: 'Refused.' }),
    detail: 'Access denied to administration 0438721003.',
    detailFrom: 'clearfacts',
  } as const;
  assert.deepEqual(
    repository.transition(said, 'failed', { failure: theirs }).record.failure,
    theirs,
  );
  // The app's own detail, even one that looks like the stored form of Clearfacts' words.
  const made = repository.insert(newFile({ state: 'ready', path: '/scans/b.pdf' })).id;
  const ours = {
    code: 'transient',
    message: msg('legacy_text', { text: 'Retrying.' }),
    detail: '{"clearfacts":"not said by Clearfacts"',
  } as const;
  assert.deepEqual(repository.transition(made, 'ready', { failure: ours }).record.failure, ours);
  // A row from before origins were kept: its detail is the app's as far as anyone can tell.
  db.prepare('UPDATE files SET failure_detail = ? WHERE id = ?').run('bad file', said);
  assert.deepEqual(repository.get(said)?.failure, {
    code: 'server_refused',
    message: theirs.message,
    detail: 'bad file',
  });
});

test('isKnown answers for checked files with the same path, size and mtime only', (t) => {
  const { repository } = openTempHistory(t);
  const file = newFile();
  const { id } = repository.insert(file);
  assert.equal(repository.isKnown(file.path, 1000, file.mtimeMs ?? 0), false, 'not yet checked');
  repository.transition(id, 'ready');
  assert.equal(repository.isKnown(file.path, 1000, file.mtimeMs ?? 0), true);
  assert.equal(repository.isKnown(file.path, 1001, file.mtimeMs ?? 0), false);
  assert.equal(repository.isKnown(file.path, 1000, (file.mtimeMs ?? 0) + 5), false);
  assert.equal(repository.isKnown('/other.pdf', 1000, file.mtimeMs ?? 0), false);
});

test('duplicates are found by content and administration among delivered files', (t) => {
  const { repository } = openTempHistory(t);
  const first = repository.insert(newFile({ state: 'ready' }));
  repository.transition(first.id, 'uploading', { sha256: 'same' });
  const second = repository.insert(newFile({ path: '/scans/copy.pdf', state: 'ready' }));
  assert.equal(
    repository.findDelivered('same', '0123456789', second.id),
    null,
    'not delivered yet',
  );
  repository.transition(first.id, 'uploaded', { uuid: 'u' });
  assert.equal(repository.findDelivered('same', '0123456789', second.id)?.id, first.id);
  assert.equal(repository.findDelivered('same', '0999999999', second.id), null);
  assert.equal(repository.findDelivered('same', '0123456789', first.id), null);

  const third = repository.insert(newFile({ path: '/scans/maybe.pdf', state: 'ready' }));
  repository.transition(third.id, 'uploading', { sha256: 'maybe' });
  repository.transition(third.id, 'unconfirmed');
  assert.equal(
    repository.findDelivered('maybe', '0123456789', 999)?.id,
    third.id,
    'it may have arrived',
  );
});

test('a delivery matches a later file by either hash: of the file on disk or of the bytes sent', (t) => {
  const { repository } = openTempHistory(t);
  const sent = repository.insert(newFile({ state: 'ready' }));
  repository.transition(sent.id, 'uploading', { sha256: 'with-bom', sentSha256: 'without-bom' });
  repository.transition(sent.id, 'uploaded', { uuid: 'u' });
  const plain = repository.insert(newFile({ path: '/scans/plain.pdf', state: 'ready' }));
  assert.equal(repository.findDelivered('without-bom', '0123456789', plain.id)?.id, sent.id);
  assert.equal(
    repository.findDelivered('other-prefix', '0123456789', plain.id, 'without-bom')?.id,
    sent.id,
    'another prefix on the same PDF sends the same bytes',
  );
  assert.equal(repository.findDelivered('with-bom', '0123456789', plain.id)?.id, sent.id);
  assert.equal(repository.findDelivered('unrelated', '0123456789', plain.id, 'other'), null);
  assert.equal(repository.get(sent.id)?.sentSha256, 'without-bom');
});

test('due files come oldest first, after their backoff, leaving out destinations on hold', (t) => {
  let clock = 1_000;
  const { repository } = openTempHistory(t, () => clock);
  const a = repository.insert(newFile({ path: '/a.pdf', state: 'ready' }));
  const b = repository.insert(
    newFile({ path: '/b.pdf', state: 'ready', destination: { type: 'various', categoryId: 'c1' } }),
  );
  const c = repository.insert(newFile({ path: '/c.pdf', state: 'ready' }));
  repository.transition(a.id, 'ready', { nextAttemptAt: 5_000, attempts: 1 });

  assert.deepEqual(
    repository.due(clock, 10).map((record) => record.id),
    [b.id, c.id],
  );
  assert.deepEqual(
    repository.due(clock, 10, ['various']).map((record) => record.id),
    [c.id],
  );
  assert.equal(repository.nextWakeAt(clock), 5_000);
  clock = 5_000;
  assert.deepEqual(
    repository.due(clock, 10).map((record) => record.id),
    [b.id, c.id, a.id],
  );
});

test('the history filters by state, administration, destination, dates and name, with paging', (t) => {
  let clock = new Date('2026-03-10T12:00:00').getTime();
  const { repository } = openTempHistory(t, () => clock);
  const destinations: Destination[] = [
    { type: 'purchase' },
    { type: 'sale' },
    { type: 'various', categoryId: 'c1' },
  ];
  for (let index = 0; index < 30; index += 1) {
    clock += 3_600_000;
    const name = index === 7 ? 'Facture_Élève_2026.pdf' : `scan-${index}.pdf`;
    const { id } = repository.insert(
      newFile({
        path: `/scans/${name}`,
        fileName: name,
        companyNumber: index % 2 === 0 ? '0123456789' : '0987654321',
        destination: destinations[index % 3] ?? { type: 'purchase' },
        state: 'ready',
      }),
    );
    if (index % 5 === 0)
      repository.transition(id, 'failed', {
        failure: { code: 'empty_file', message: msg('legacy_text', { text: 'Empty.' }) },
      });
  }
  const total = (filter: HistoryFilter) => repository.query(filter, 0, 1000).total;

  assert.equal(total({}), 30);
  assert.equal(total({ states: ['failed'] }), 6);
  assert.equal(total({ states: ['failed', 'ready'] }), 30);
  assert.equal(total({ companyNumber: '0987654321' }), 15);
  assert.equal(total({ destinationType: 'various' }), 10);
  assert.equal(total({ companyNumber: '0123456789', destinationType: 'purchase' }), 5);
  assert.equal(total({ search: 'eleve' }), 1, 'accents and case are ignored');
  assert.equal(total({ search: 'FACTURE' }), 1);
  assert.equal(total({ search: '-1' }), 11);
  assert.equal(total({ search: '%' }), 0, 'LIKE wildcards are literal');
  assert.equal(total({ search: 'scan-2"' }), 0, 'quotes cannot break the query');
  // Rows start at 13:00 on the 10th, one per hour: 11 on the 10th, 19 on the 11th (to 18:00).
  assert.equal(total({ from: '2026-03-11', to: '2026-03-11' }), 19);
  assert.equal(total({ to: '2026-03-10' }), 11);
  assert.equal(total({ from: new Date('2026-03-11T10:00:00').toISOString() }), 9);
  assert.throws(() => total({ from: 'yesterday' }), InvalidHistoryFilterError);

  const firstPage = repository.query({}, 0, 10);
  const secondPage = repository.query({}, 10, 10);
  assert.equal(firstPage.rows.length, 10);
  assert.equal(firstPage.total, 30);
  assert.ok((firstPage.rows[0]?.id ?? 0) > (firstPage.rows[9]?.id ?? 0), 'newest first');
  assert.equal(secondPage.rows[0]?.id, (firstPage.rows[9]?.id ?? 0) - 1);
});

test('the schema version is kept, and a newer database is refused with a clear sentence', (t) => {
  const { db, file } = openTempHistory(t);
  const version = Number(db.pragma('user_version', { simple: true }));
  assert.ok(version >= 1);
  db.pragma(`user_version = ${version + 1}`);
  db.close();
  assert.throws(() => openHistoryDatabase(file), /newer version of the app/);
});

test('a dismissed failure counts nowhere until the row moves again', (t) => {
  const { repository } = openTempHistory(t);
  const { id } = repository.insert(newFile({ state: 'ready' }));
  const failure = { code: 'file_missing', message: msg('file_gone') } as const;
  repository.transition(id, 'failed', { failure });
  assert.equal(repository.countByState().failed, 1);
  assert.equal(repository.lastFailed()?.id, id);

  const dismissed = repository.transition(id, 'failed', { dismissedAt: 1_000 }).record;
  assert.equal(dismissed.dismissedAt, 1_000);
  assert.equal(dismissed.failure?.code, 'file_missing', 'the record of what went wrong stays');
  assert.equal(repository.countByState().failed, 0);
  assert.equal(repository.lastFailed(), null);

  // Taken up again (the file came back, or a retry): the dismissal is over.
  assert.equal(repository.transition(id, 'ready', { failure: null }).record.dismissedAt, null);
  repository.transition(id, 'failed', { failure });
  assert.equal(repository.countByState().failed, 1);
});
