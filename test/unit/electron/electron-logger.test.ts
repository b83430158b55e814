import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerSecret } from '../../../src-main/core/logging/secret-redactor.ts';
import { createElectronLogger, LOG_FILE_NAME } from '../../../src-main/electron/electron-logger.ts';

async function logDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-electron-log-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('lines reach main.log with their level and fields, never the token', async (t) => {
  const directory = await logDir(t);
  const secret = 'electron-logger-test-secret-0123456789';
  registerSecret(secret);
  const logger = createElectronLogger({ directory, level: 'info', console: false });
  logger.debug('not at this level');
  logger.info(`signed in with ${secret}`, { folder: '/scans', header: `Bearer ${secret}` });
  logger.error('upload failed', { error: new Error(`401 for token ${secret}`) });
  const text = await readFile(path.join(directory, LOG_FILE_NAME), 'utf8');
  assert.doesNotMatch(text, /not at this level/);
  assert.match(text, /\[info\]\s+signed in with \[REDACTED\] \{"folder":"\/scans"/);
  assert.match(text, /\[error\] upload failed .*401 for token \[REDACTED\]/);
  assert.equal(text.includes(secret), false);
});

test('the log rotates by size into a bounded set of files', async (t) => {
  const directory = await logDir(t);
  const logger = createElectronLogger({
    directory,
    level: 'info',
    console: false,
    maxFileBytes: 2_000,
    keepFiles: 2,
  });
  for (let line = 0; line < 200; line += 1) logger.info(`line ${line} ${'x'.repeat(60)}`);
  const files = (await readdir(directory)).sort();
  assert.deepEqual(files, ['main.1.log', 'main.2.log', 'main.log']);
  const newest = await readFile(path.join(directory, 'main.log'), 'utf8');
  assert.match(newest, /line 199 /);
  assert.ok(newest.length < 2_200);
});
