// CLEARFACTS_TOKEN_FILE: the token read from a file a service manager or container provides,
// never written, never quoted in an error, and ranked after CLEARFACTS_TOKEN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHeadlessTokenStore } from '../../../../src-main/core/account/token/create-headless-token-store.ts';
import { createTokenFileEnvStore } from '../../../../src-main/core/account/token/token-file-env-store.ts';
import { TokenStoreError } from '../../../../src-main/core/account/token/token-store.ts';
import { redact } from '../../../../src-main/core/logging/secret-redactor.ts';
import { withDeadline } from '../../../support/waiting.ts';

const token = (): string => randomBytes(60).toString('base64url');

function isStoreError(failure: TokenStoreError['failure'], pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof TokenStoreError);
    assert.equal(error.failure, failure);
    assert.match(error.message, pattern);
    return true;
  };
}

test('the token file store reads the file CLEARFACTS_TOKEN_FILE names and never writes it', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-token-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'clearfacts-token');
  const value = token();
  await writeFile(file, `${value}\n`, { mode: 0o400 });

  const store = createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: file });
  assert.equal(await store.load(), value, 'the trailing newline of `echo … >` is dropped');
  assert.equal(redact(`Bearer ${value}`), 'Bearer [REDACTED]');
  assert.equal(store.info().backend, 'token file');
  await assert.rejects(store.save(token()), isStoreError('read_only', /CLEARFACTS_TOKEN_FILE/));
  await assert.rejects(store.clear(), isStoreError('read_only', /CLEARFACTS_TOKEN_FILE/));
  assert.equal(await createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: ' ' }).load(), null);

  const missing = path.join(dir, 'absent');
  await assert.rejects(
    createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: missing }).load(),
    isStoreError('given_token_unusable', /absent, which cannot be read \(ENOENT\)/),
  );

  const malformed = path.join(dir, 'malformed');
  const secretish = 'not-a-token-but-still-a-secret';
  await writeFile(malformed, secretish);
  await assert.rejects(
    createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: malformed }).load(),
    (error: unknown) => {
      assert.ok(error instanceof TokenStoreError && error.failure === 'given_token_unusable');
      assert.match(
        error.message,
        /malformed that CLEARFACTS_TOKEN_FILE names does not hold a Clearfacts token/,
      );
      assert.deepEqual(error.userMessage, {
        code: 'token_file_env_malformed',
        params: { filePath: malformed },
      });
      assert.ok(!error.message.includes(secretish));
      return true;
    },
  );

  const headless = (env: NodeJS.ProcessEnv) =>
    createHeadlessTokenStore({
      configDir: dir,
      consentToPlainFile: false,
      env,
      probeKeyring: () => Promise.resolve({ usable: true as const }),
    });
  const fromFile = await headless({ CLEARFACTS_TOKEN_FILE: file });
  assert.equal(fromFile.info().backend, 'token file', 'the file wins over a usable keyring');
  assert.equal(await fromFile.load(), value);
  const other = token();
  const fromVariable = await headless({ CLEARFACTS_TOKEN_FILE: file, CLEARFACTS_TOKEN: other });
  assert.equal(await fromVariable.load(), other, 'CLEARFACTS_TOKEN wins over the file');
});

test('a token file that is far too large, or no regular file, is refused as holding no token without being read', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-token-file-size-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const holdsNoToken = (filePath: string) => (error: unknown) => {
    assert.ok(error instanceof TokenStoreError, String(error));
    assert.equal(error.failure, 'given_token_unusable');
    assert.deepEqual(error.userMessage, {
      code: 'token_file_env_malformed',
      params: { filePath },
    });
    return true;
  };

  // CLEARFACTS_TOKEN_FILE pointed at a document by mistake: 3 GiB, sparse (no disk used). Read
  // whole, it would cost its size in memory (a 300 MB file took 4.3 GB and over a minute).
  const large = path.join(dir, 'scan.pdf');
  await writeFile(large, '');
  await truncate(large, 3 * 1024 ** 3);
  await assert.rejects(
    createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: large }).load(),
    holdsNoToken(large),
  );

  // A named pipe nobody writes to: reading it would wait forever.
  const pipe = path.join(dir, 'pipe');
  execFileSync('mkfifo', [pipe]);
  await withDeadline(
    'the load of a token file that is a named pipe to settle',
    assert.rejects(
      createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: pipe }).load(),
      holdsNoToken(pipe),
    ),
    { timeoutMs: 10_000 },
  );
});
