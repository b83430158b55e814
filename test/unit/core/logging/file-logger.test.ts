import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileLogger } from '../../../../src-main/core/logging/file-logger.ts';
import { registerSecret } from '../../../../src-main/core/logging/secret-redactor.ts';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-log-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function readAll(directory: string): Promise<string> {
  const names = await readdir(directory);
  const contents = await Promise.all(
    names.map((name) => readFile(path.join(directory, name), 'utf8')),
  );
  return contents.join('');
}

test('the token never reaches the log file: not in messages, fields, errors or causes', async (t) => {
  const directory = await tempDir(t);
  const token = randomBytes(60).toString('base64url');
  registerSecret(token);
  const unregistered = randomBytes(60).toString('base64url');
  const logger = createFileLogger({ directory, level: 'debug' });

  logger.info(`token is ${token}`);
  logger.debug('request', { headers: { authorization: `Bearer ${unregistered}` }, token });
  logger.warn('nested', { deep: [{ list: [token] }], map: new Map([['t', token]]) });
  const error = new Error(`upload failed for ${token}`, {
    cause: new TypeError(`socket closed while sending Bearer ${token}`),
  });
  logger.error('upload failed', { error, err: error });
  await logger.close();

  const content = await readAll(directory);
  assert.ok(!content.includes(token), 'the registered token is in the log');
  assert.ok(!content.includes(unregistered), 'an unregistered Bearer token is in the log');
  const lines = content
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(lines.length, 4);
  assert.equal(lines[0]?.msg, 'token is [REDACTED]');
  assert.equal(lines[0]?.level, 30);
  assert.match(JSON.stringify(lines[3]), /upload failed for \[REDACTED\]/);
  assert.match(JSON.stringify(lines[3]), /socket closed while sending Bearer \[REDACTED\]/);
  assert.match(JSON.stringify(lines[3]), /"stack":"Error: upload failed for \[REDACTED\]/);
  if (process.platform !== 'win32') {
    assert.equal((await stat(path.join(directory, 'clearfacts-uploader.log'))).mode & 0o777, 0o600);
  }
});

test('lines below the level are dropped and the file set rotates by size, keeping a bounded number', async (t) => {
  const directory = await tempDir(t);
  const logger = createFileLogger({ directory, level: 'info', maxFileBytes: 2_000, keepFiles: 2 });
  logger.debug('never written');
  for (let index = 0; index < 200; index += 1) {
    logger.info(`line ${index}`, { padding: 'x'.repeat(100) });
  }
  await logger.close();
  const names = (await readdir(directory)).sort();
  assert.deepEqual(names, [
    'clearfacts-uploader.log',
    'clearfacts-uploader.log.1',
    'clearfacts-uploader.log.2',
  ]);
  const content = await readAll(directory);
  assert.ok(!content.includes('never written'));
  assert.match(content, /"msg":"line 199"/);
  assert.doesNotMatch(content, /"msg":"line 0"/, 'old lines beyond the kept files are gone');
});

test('a closed logger ignores further calls instead of throwing', async (t) => {
  const directory = await tempDir(t);
  const logger = createFileLogger({ directory, level: 'info' });
  await logger.close();
  logger.error('after close');
  await logger.close();
  assert.ok(!(await readAll(directory)).includes('after close'));
});

test('a name with bidi or invisible characters is logged with them marked, not raw', async (t) => {
  const directory = await tempDir(t);
  const logger = createFileLogger({ directory, level: 'debug' });
  logger.info('detected rtl\u202Efdp.exe', { fileName: 'Fac\u200Btuur.pdf' });
  await logger.close();
  const content = await readAll(directory);
  assert.ok(!/[\u200B\u202E]/u.test(content), 'a raw invisible character is in the log');
  const line = JSON.parse(content.trim()) as { msg: string; fileName: string };
  assert.equal(line.msg, 'detected rtl⟦U+202E⟧fdp.exe');
  assert.equal(line.fileName, 'Fac⟦U+200B⟧tuur.pdf');
});
