import { test } from 'node:test';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { describeWatchLimit } from '../../../../src-main/core/intake/watch-limits.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

test('ENOSPC names the inotify limit and the sysctl that raises it', () => {
  const reason = englishOf(describeWatchLimit(withCode('ENOSPC'), 'linux'));
  assert.match(reason, /max_user_watches/);
  assert.match(reason, /sysctl/);
});

test('EMFILE names the open-file limit and the fix for the platform', () => {
  assert.match(englishOf(describeWatchLimit(withCode('EMFILE'), 'darwin')), /ulimit -n/);
  assert.match(englishOf(describeWatchLimit(withCode('EMFILE'), 'darwin')), /fewer folders/);
  assert.match(englishOf(describeWatchLimit(withCode('EMFILE'), 'linux')), /ulimit -n/);
});

test('other errors are not watch limits', () => {
  assert.equal(describeWatchLimit(withCode('EACCES')), null);
  assert.equal(describeWatchLimit(new Error('boom')), null);
  assert.equal(describeWatchLimit('ENOSPC'), null);
});
