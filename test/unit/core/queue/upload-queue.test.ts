import { test } from 'node:test';
import { englishOf, msg } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ClearfactsApiError } from '../../../../src-main/core/api/clearfacts-client.ts';
import { createHarness } from './queue-harness.ts';

const fail = (error: Error) => () => Promise.reject(error);

function monthFolder(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

test('a ready file is sent once, its uuid stored, then moved to _uploaded/YYYY-MM', async (t) => {
  const h = createHarness(t);
  const file = h.addFile('invoice.pdf');
  h.queue.start();
  const archived = await h.reach(file.id, 'archived');

  assert.equal(h.sent.length, 1);
  assert.deepEqual(
    { fileName: h.sent[0]?.fileName, kind: h.sent[0]?.kind, company: h.sent[0]?.companyNumber },
    { fileName: 'invoice.pdf', kind: 'PURCHASE', company: '0123456789' },
  );
  assert.equal(archived.uuid, 'uuid-1');
  assert.equal(
    archived.archivedPath,
    path.join(h.watchRoot, '_uploaded', monthFolder(), 'invoice.pdf'),
  );
  assert.ok(existsSync(archived.archivedPath ?? ''));
  assert.equal(existsSync(file.path), false);
  assert.deepEqual(
    h.transitions.filter((step) => step.id === file.id).map((step) => step.to),
    ['uploading', 'uploaded', 'archived'],
    'uploading is written before the send, the uuid before the move',
  );
});

test('a name already taken in _uploaded gets a (2) instead of overwriting', async (t) => {
  const h = createHarness(t);
  const target = path.join(h.watchRoot, '_uploaded', monthFolder());
  const first = h.addFile('scan.pdf', 'first');
  h.queue.start();
  await h.reach(first.id, 'archived');
  const second = h.addFile('scan.pdf', 'second');
  h.queue.lookForWork();
  const archived = await h.reach(second.id, 'archived');
  assert.equal(archived.archivedPath, path.join(target, 'scan (2).pdf'));
  assert.deepEqual(readdirSync(target).sort(), ['scan (2).pdf', 'scan.pdf']);
});

test('leave keeps the file where it is; delete removes it only after the uuid is stored', async (t) => {
  const leave = createHarness(t, { afterUpload: 'leave' });
  const kept = leave.addFile('kept.pdf');
  leave.queue.start();
  const keptRecord = await leave.reach(kept.id, 'archived');
  assert.ok(existsSync(kept.path));
  assert.equal(keptRecord.archivedPath, null);
  assert.equal(
    leave.repository.isKnown(kept.path, keptRecord.sizeBytes ?? -1, keptRecord.mtimeMs ?? -1),
    true,
  );

  const remove = createHarness(t, { afterUpload: 'delete' });
  const deleted = remove.addFile('deleted.pdf');
  remove.queue.start();
  const deletedRecord = await remove.reach(deleted.id, 'archived');
  assert.equal(existsSync(deleted.path), false);
  assert.equal(deletedRecord.uuid, 'uuid-1');
});

test('files from the drop window are sent and never moved or deleted', async (t) => {
  const h = createHarness(t, { afterUpload: 'delete' });
  const dropped = h.addFile('dropped.pdf', 'x', { source: 'drop' });
  h.queue.start();
  await h.reach(dropped.id, 'uploaded');
  await h.queue.whenIdle();
  assert.equal(h.repository.get(dropped.id)?.state, 'uploaded');
  assert.ok(existsSync(dropped.path));
});

test('concurrency caps the sends running at once', async (t) => {
  const h = createHarness(t, { concurrency: 3 });
  const files = Array.from({ length: 12 }, (_, index) => h.addFile(`f${index}.pdf`));
  h.queue.start();
  await h.queue.whenIdle();
  assert.equal(h.sent.length, 12);
  assert.equal(h.maxInFlight(), 3);
  for (const file of files) assert.equal(h.repository.get(file.id)?.state, 'archived');
});

test('a transient failure is retried after a stored backoff, honouring Retry-After', async (t) => {
  const h = createHarness(t);
  h.script(
    'busy.pdf',
    fail(
      new ClearfactsApiError('transient', msg('legacy_text', { text: 'HTTP 503' }), {
        status: 503,
      }),
    ),
    fail(
      new ClearfactsApiError('transient', msg('legacy_text', { text: 'HTTP 429' }), {
        status: 429,
        retryAfterMs: 150,
      }),
    ),
  );
  const file = h.addFile('busy.pdf');
  h.queue.start();
  const waiting = await h.nextWrite(file.id, 'ready');
  assert.equal(waiting?.attempts, 1);
  assert.equal(waiting?.failure?.code, 'transient');
  assert.ok((waiting?.nextAttemptAt ?? 0) > 0);

  const archived = await h.reach(file.id, 'archived');
  assert.equal(archived.attempts, 3);
  assert.equal(h.sent.length, 1);
  const sends = h.transitions.filter((step) => step.id === file.id && step.to === 'uploading');
  assert.equal(sends.length, 3);
  assert.ok(h.queue.holds.rateLimitedUntil > 0, 'a 429 slows the whole queue down');
});

test('a rejected token holds everything until a token works, without counting an attempt', async (t) => {
  const h = createHarness(t, { concurrency: 1 });
  h.script(
    'a.pdf',
    fail(new ClearfactsApiError('auth', msg('legacy_text', { text: 'HTTP 401' }), { status: 401 })),
  );
  const a = h.addFile('a.pdf');
  const b = h.addFile('b.pdf');
  h.queue.start();
  const held = await h.nextWrite(a.id, 'ready');
  assert.equal(held.failure?.code, 'auth');
  await new Promise((resolve) => setImmediate(resolve));
  assert.match(englishOf(h.queue.holds.auth), /Set a new token/);
  assert.equal(h.repository.get(a.id)?.attempts, 0);
  assert.equal(
    h.repository.get(b.id)?.state,
    'ready',
    'nothing else is sent while the token is refused',
  );

  h.queue.setAuthHold(null);
  await h.queue.whenIdle();
  assert.equal(h.repository.get(a.id)?.state, 'archived');
  assert.equal(h.repository.get(b.id)?.state, 'archived');
});

test('a missing scope holds only the files that need it', async (t) => {
  const h = createHarness(t, { concurrency: 1 });
  h.script(
    'archive.pdf',
    fail(
      new ClearfactsApiError(
        'missing_scope',
        msg('legacy_text', { text: 'needs archive_actions' }),
        {
          scope: 'archive_actions',
        },
      ),
    ),
  );
  const archive = h.addFile('archive.pdf', 'a', {
    destination: { type: 'various', categoryId: 'c1' },
  });
  const invoice = h.addFile('invoice.pdf', 'i');
  h.queue.start();
  await h.reach(invoice.id, 'archived');
  assert.equal(h.repository.get(archive.id)?.state, 'ready');
  assert.equal(h.repository.get(archive.id)?.failure?.code, 'missing_scope');
  assert.deepEqual([...h.queue.holds.missingScopes.keys()], ['archive_actions']);

  h.queue.resume();
  const sent = await h.reach(archive.id, 'archived');
  assert.equal(sent.attempts, 1);
  assert.equal(h.sent.find((file) => file.fileName === 'archive.pdf')?.categoryId, 'c1');
});

test('a refusal fails the file for good with the server reason, and it stays where it is', async (t) => {
  const h = createHarness(t);
  h.script(
    'refused.pdf',
    fail(
      new ClearfactsApiError(
        'refused',
        msg('legacy_text', { text: 'Unknown company 0123456789' }),
        { status: 200 },
      ),
    ),
  );
  const file = h.addFile('refused.pdf');
  h.queue.start();
  const failed = await h.reach(file.id, 'failed');
  await h.queue.whenIdle();
  assert.equal(failed.failure?.code, 'server_refused');
  assert.equal(failed.failure?.detail, 'Unknown company 0123456789');
  assert.ok(existsSync(file.path));
  assert.equal(h.sent.length, 0);
});

test('no answer after the whole file was sent makes it unconfirmed, never re-sent by itself', async (t) => {
  const h = createHarness(t);
  h.script(
    'hung.pdf',
    fail(
      new ClearfactsApiError('ambiguous', msg('legacy_text', { text: 'timed out after sending' })),
    ),
  );
  const file = h.addFile('hung.pdf');
  h.queue.start();
  const unconfirmed = await h.reach(file.id, 'unconfirmed');
  await h.queue.whenIdle();
  assert.match(englishOf(unconfirmed.failure?.message), /may have arrived/);
  assert.ok(existsSync(file.path));
  assert.equal(
    h.transitions.filter((step) => step.id === file.id && step.to === 'uploading').length,
    1,
  );

  // Only the user's resend sends it again.
  h.repository.transition(file.id, 'ready', { forceSend: true, failure: null });
  h.queue.lookForWork();
  assert.equal((await h.reach(file.id, 'archived')).uuid, 'uuid-1');
});

test('the same content already sent to the same administration is a duplicate unless forced', async (t) => {
  const h = createHarness(t);
  const first = h.addFile('one.pdf', 'same bytes');
  h.queue.start();
  await h.reach(first.id, 'archived');
  const copy = h.addFile('copy.pdf', 'same bytes');
  const otherCompany = h.addFile('other.pdf', 'same bytes', { companyNumber: '0987654321' });
  h.queue.lookForWork();
  await h.reach(copy.id, 'duplicate');
  await h.reach(otherCompany.id, 'archived');
  assert.ok(existsSync(copy.path), 'a duplicate is left where it is');

  h.repository.transition(copy.id, 'ready', { forceSend: true });
  h.queue.lookForWork();
  await h.reach(copy.id, 'archived');
  assert.equal(h.sent.filter((file) => file.bytes === 'same bytes').length, 3);
});

test('a refused check fails the file with its reason and nothing is sent', async (t) => {
  const h = createHarness(t);
  h.overrideCheck('empty.pdf', {
    failure: {
      code: 'empty_file',
      message: msg('legacy_text', { text: 'The file is empty (0 bytes).' }),
    },
  });
  const file = h.addFile('empty.pdf', '');
  h.queue.start();
  const failed = await h.reach(file.id, 'failed');
  assert.equal(failed.failure?.code, 'empty_file');
  assert.equal(h.sent.length, 0);
  assert.ok(existsSync(file.path));
});

test('a PNG is sent as the converted <name>.pdf and the original is what gets moved', async (t) => {
  const h = createHarness(t);
  h.overrideCheck('photo.png', { kind: 'png', willConvert: true });
  const file = h.addFile('photo.png', 'png bytes');
  h.queue.start();
  const archived = await h.reach(file.id, 'archived');
  await h.queue.whenIdle();
  assert.equal(h.sent[0]?.fileName, 'photo.pdf');
  assert.equal(h.sent[0]?.bytes, 'converted:png bytes');
  assert.equal(path.basename(archived.archivedPath ?? ''), 'photo.png');
  assert.deepEqual(readdirSync(h.stagingDir), [], 'the staged PDF is removed');
});

test('a PDF with bytes before %PDF- is sent without them; the file and both hashes are kept', async (t) => {
  const h = createHarness(t);
  const prefix = '\uFEFF';
  const body = '%PDF-1.7 body';
  const sentSha256 = createHash('sha256').update(body).digest('hex');
  h.overrideCheck('bom.pdf', { prefixBytes: Buffer.byteLength(prefix), sentSha256 });
  const file = h.addFile('bom.pdf', `${prefix}${body}`);
  h.queue.start();
  const archived = await h.reach(file.id, 'archived');
  await h.queue.whenIdle();
  assert.equal(h.sent[0]?.bytes, body);
  assert.equal(h.sent[0]?.fileName, 'bom.pdf');
  assert.equal(archived.sentSha256, sentSha256);
  assert.equal(
    archived.sha256,
    createHash('sha256').update(`${prefix}${body}`).digest('hex'),
    'the file on disk is what sha256 describes',
  );
  assert.deepEqual(readdirSync(h.stagingDir), [], 'the staged copy is removed');
});

test('a file that changes while it is sent goes back to waiting, with its backoff reset', async (t) => {
  const h = createHarness(t);
  let release: () => void = () => {};
  h.script(
    'changing.pdf',
    (request) =>
      new Promise((_resolve, reject) => {
        request.signal?.addEventListener('abort', () =>
          reject(new ClearfactsApiError('transient', msg('legacy_text', { text: 'aborted' }))),
        );
        release();
      }),
  );
  const started = new Promise<void>((resolve) => (release = resolve));
  const file = h.addFile('changing.pdf');
  h.repository.transition(file.id, 'ready', { attempts: 4 });
  h.queue.start();
  await started;
  await h.queue.abort(file.id, 'changed');
  const waiting = h.repository.get(file.id);
  assert.equal(waiting?.state, 'waiting_stability');
  assert.equal(waiting?.attempts, 0);
  assert.equal(h.sent.length, 0);
});

test('a move that fails leaves the file uploaded with the reason and does not block others', async (t) => {
  const h = createHarness(t, { concurrency: 1 });
  // A file where the _uploaded folder must go makes the move fail.
  writeFileSync(path.join(h.watchRoot, '_uploaded'), 'in the way');
  const a = h.addFile('a.pdf');
  const b = h.addFile('b.pdf');
  h.queue.start();
  await h.queue.whenIdle();
  for (const file of [a, b]) {
    const record = h.repository.get(file.id);
    assert.equal(record?.state, 'uploaded');
    assert.equal(record?.failure?.code, 'after_upload_failed');
    assert.ok(record?.uuid);
    assert.ok(existsSync(file.path));
  }
});

test('a history that cannot be written pauses the queue, and the uuid is kept until it can', async (t) => {
  const h = createHarness(t);
  const file = h.addFile('a.pdf');
  const original = h.repository.transition.bind(h.repository);
  let failuresLeft = 3;
  h.repository.transition = (id, to, patch) => {
    if (to === 'uploaded' && failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    }
    return original(id, to, patch);
  };
  const faults: (string | null)[] = [];
  const setStorageFault = h.queue.setStorageFault.bind(h.queue);
  h.queue.setStorageFault = (reason) => {
    faults.push(reason === null ? null : englishOf(reason));
    setStorageFault(reason);
  };
  h.queue.start();
  const archived = await h.reach(file.id, 'archived');
  assert.equal(archived.uuid, 'uuid-1');
  assert.equal(h.sent.length, 1, 'never re-sent because a write failed');
  assert.match(faults[0] ?? '', /disk is full/);
  assert.equal(faults.at(-1), null);
});

test('pause stops new sends until resume', async (t) => {
  const h = createHarness(t);
  h.queue.pause();
  h.queue.start();
  const file = h.addFile('a.pdf');
  h.queue.lookForWork();
  // Sends start synchronously when the queue looks for work: none did.
  assert.equal(h.queue.runningCount(), 0);
  assert.equal(h.repository.get(file.id)?.state, 'ready');
  h.queue.resume();
  await h.reach(file.id, 'archived');
});

test(
  'an unreadable file fails with file_unreadable and stays',
  {
    skip:
      process.getuid?.() === 0
        ? 'running as root: file permissions cannot make a file unreadable'
        : false,
  },
  async (t) => {
    const h = createHarness(t);
    const file = h.addFile('locked.pdf');
    chmodSync(file.path, 0o000);
    t.after(() => chmodSync(file.path, 0o600));
    h.queue.start();
    const failed = await h.reach(file.id, 'failed');
    assert.equal(failed.failure?.code, 'file_unreadable');
  },
);
