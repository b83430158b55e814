import { test } from 'node:test';
import { englishOf, msg } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { ClearfactsApiError } from '../../../../src-main/core/api/clearfacts-client.ts';
import { canTransition } from '../../../../src-main/core/store/file-lifecycle.ts';
import {
  decideAfterFailure,
  MAX_SERVER_ERROR_ATTEMPTS,
} from '../../../../src-main/core/queue/failure-policy.ts';
import { retryDelayMs } from '../../../../src-main/core/queue/retry-policy.ts';

const tuning = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

test('the delay doubles per attempt with ×1–2 jitter and is capped', () => {
  assert.equal(
    retryDelayMs(1, tuning, null, () => 0),
    1_000,
  );
  assert.equal(
    retryDelayMs(1, tuning, null, () => 0.999_999),
    2_000,
  );
  assert.equal(
    retryDelayMs(3, tuning, null, () => 0),
    4_000,
  );
  assert.equal(
    retryDelayMs(3, tuning, null, () => 0.5),
    6_000,
  );
  assert.equal(
    retryDelayMs(30, tuning, null, () => 0.5),
    60_000,
  );
  for (let attempt = 1; attempt < 12; attempt += 1) {
    const delay = retryDelayMs(attempt, tuning);
    assert.ok(delay >= Math.min(60_000, 1_000 * 2 ** (attempt - 1)) && delay <= 60_000);
  }
});

test("the server's Retry-After is a floor, bounded to an hour", () => {
  assert.equal(
    retryDelayMs(1, tuning, 30_000, () => 0),
    30_000,
  );
  assert.equal(
    retryDelayMs(1, tuning, 10, () => 0),
    1_000,
  );
  assert.equal(
    retryDelayMs(1, tuning, 86_400_000, () => 0),
    3_600_000,
  );
});

const context = {
  attempts: 1,
  destination: 'purchase' as const,
  tuning,
  random: () => 0,
  failureOf: (error: unknown) => (error instanceof ClearfactsApiError ? error : null),
};

test('each kind of API failure leads to its own decision', () => {
  assert.equal(
    decideAfterFailure(
      new ClearfactsApiError('auth', msg('legacy_text', { text: 'x' }), { status: 401 }),
      context,
    ).action,
    'hold_auth',
  );
  const scoped = decideAfterFailure(
    new ClearfactsApiError('missing_scope', msg('legacy_text', { text: 'x' })),
    {
      ...context,
      destination: 'various',
    },
  );
  assert.deepEqual(
    scoped.action === 'hold_scope' ? { ...scoped, reason: englishOf(scoped.reason) } : scoped,
    {
      action: 'hold_scope',
      scope: 'archive_actions',
      reason:
        'The token lacks the archive_actions scope, so files that need it are waiting. Create a token with archive_actions in Clearfacts and set it to resume.',
    },
  );
  const refused = decideAfterFailure(
    new ClearfactsApiError(
      'refused',
      msg('legacy_text', { text: 'Clearfacts refused the file: Bad category.' }),
      {
        serverMessage: 'Bad category',
      },
    ),
    context,
  );
  assert.equal(refused.action, 'fail');
  assert.deepEqual(
    refused.action === 'fail' && {
      ...refused.failure,
      message: englishOf(refused.failure.message),
    },
    {
      code: 'server_refused',
      message: 'Clearfacts refused the file: Bad category.',
      detail: 'Bad category',
      detailFrom: 'clearfacts',
    },
  );
  // A refusal without Clearfacts' words keeps the app's own detail, never labelled as theirs.
  const wordless = decideAfterFailure(
    new ClearfactsApiError('refused', msg('legacy_text', { text: 'HTTP 400' })),
    context,
  );
  assert.equal(wordless.action === 'fail' && wordless.failure.detailFrom, undefined);
  assert.equal(
    decideAfterFailure(
      new ClearfactsApiError('ambiguous', msg('legacy_text', { text: 'timeout' })),
      context,
    ).action,
    'unconfirmed',
  );

  const offline = decideAfterFailure(
    new ClearfactsApiError('transient', msg('legacy_text', { text: 'ECONNREFUSED' })),
    context,
  );
  assert.equal(offline.action === 'retry' && offline.offline, true);
  const limited = decideAfterFailure(
    new ClearfactsApiError('transient', msg('legacy_text', { text: '429' }), {
      status: 429,
      retryAfterMs: 7_000,
    }),
    context,
  );
  assert.deepEqual(
    limited.action === 'retry' && [limited.offline, limited.rateLimitMs, limited.delayMs],
    [false, 7_000, 7_000],
  );
});

test('server errors give up after a bound; an unreachable server never does', () => {
  const late = { ...context, attempts: MAX_SERVER_ERROR_ATTEMPTS };
  const server = decideAfterFailure(
    new ClearfactsApiError('transient', msg('legacy_text', { text: '500' }), { status: 500 }),
    late,
  );
  assert.equal(server.action, 'fail');
  assert.match(
    server.action === 'fail' ? englishOf(server.failure.message) : '',
    /Gave up after 20 attempts/,
  );
  const network = decideAfterFailure(
    new ClearfactsApiError('transient', msg('legacy_text', { text: 'ENETDOWN' })),
    late,
  );
  assert.equal(network.action, 'retry');
});

test('local errors: missing and unreadable files fail, a busy one is retried', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  const missing = decideAfterFailure(errno('ENOENT'), context);
  assert.equal(missing.action === 'fail' && missing.failure.code, 'file_missing');
  const denied = decideAfterFailure(errno('EACCES'), context);
  assert.equal(denied.action === 'fail' && denied.failure.code, 'file_unreadable');
  assert.equal(decideAfterFailure(errno('EBUSY'), context).action, 'retry');
});

test('a folder where a file was is said to be a folder, not unreadable', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  const folder = decideAfterFailure(errno('EISDIR'), context);
  assert.equal(folder.action, 'fail');
  assert.deepEqual(folder.action === 'fail' && folder.failure.message, msg('not_a_file'));
});

test('the lifecycle never lets an unconfirmed or archived file be sent again by itself', () => {
  assert.equal(canTransition('unconfirmed', 'uploading'), false);
  assert.equal(canTransition('archived', 'ready'), false);
  assert.equal(canTransition('uploaded', 'ready'), false);
  assert.equal(canTransition('unconfirmed', 'ready'), true);
  assert.equal(canTransition('uploading', 'unconfirmed'), true);
  assert.equal(canTransition('ready', 'uploading'), true);
  assert.equal(
    canTransition('waiting_stability', 'uploading'),
    false,
    'the gate cannot be skipped',
  );
});
