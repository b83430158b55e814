import { test } from 'node:test';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvTokenStore } from '../../../../src-main/core/account/token/env-token-store.ts';
import {
  createKeyringTokenStore,
  probeKeyring,
} from '../../../../src-main/core/account/token/keyring-token-store.ts';
import { createPlainFileTokenStore } from '../../../../src-main/core/account/token/plain-file-token-store.ts';
import { createHeadlessTokenStore } from '../../../../src-main/core/account/token/create-headless-token-store.ts';
import { redact } from '../../../../src-main/core/logging/secret-redactor.ts';
import { TokenStoreError } from '../../../../src-main/core/account/token/token-store.ts';

const token = (): string => randomBytes(60).toString('base64url');

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-token-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function isStoreError(failure: TokenStoreError['failure'], pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof TokenStoreError);
    assert.equal(error.failure, failure);
    assert.match(error.message, pattern);
    return true;
  };
}

test('the environment store reads CLEARFACTS_TOKEN, registers it, and refuses to change it', async () => {
  const value = token();
  const store = createEnvTokenStore({ CLEARFACTS_TOKEN: `${value}\n` });
  assert.equal(await store.load(), value);
  assert.equal(redact(value), '[REDACTED]');
  assert.deepEqual(store.info(), { backend: 'environment', secure: true, warning: null });
  await assert.rejects(store.save(token()), isStoreError('read_only', /CLEARFACTS_TOKEN/));
  await assert.rejects(store.clear(), isStoreError('read_only', /unset CLEARFACTS_TOKEN/));
  assert.equal(await createEnvTokenStore({ CLEARFACTS_TOKEN: ' ' }).load(), null);
  const malformed = 'not-a-token-but-a-secret-anyway';
  await assert.rejects(
    createEnvTokenStore({ CLEARFACTS_TOKEN: malformed }).load(),
    (error: unknown) => {
      assert.ok(error instanceof TokenStoreError && error.failure === 'given_token_unusable');
      assert.equal(error.userMessage?.code, 'env_token_malformed');
      assert.match(
        error.message,
        /CLEARFACTS_TOKEN environment variable is not a Clearfacts token/,
      );
      assert.ok(!error.message.includes(malformed));
      assert.equal(redact(malformed), '[REDACTED]');
      return true;
    },
  );
});

test('the plain file store writes a 0600 file only with consent and warns that it is not secure', async (t) => {
  const dir = await tempDir(t);
  const filePath = path.join(dir, 'nested', 'token');
  const value = token();

  const refusing = createPlainFileTokenStore({
    filePath,
    consentToPlainFile: false,
    keyringUnavailableReason: 'no D-Bus',
  });
  await assert.rejects(
    refusing.save(value),
    isStoreError('consent_required', /no D-Bus\)\. Storing the token in a plain file/),
  );
  await assert.rejects(stat(filePath), { code: 'ENOENT' });
  assert.equal(await refusing.load(), null);

  const store = createPlainFileTokenStore({ filePath, consentToPlainFile: true });
  await store.save(value);
  assert.equal(await store.load(), value);
  assert.equal(await refusing.load(), value, 'a token saved with consent earlier is still read');
  if (process.platform !== 'win32') {
    assert.equal((await stat(filePath)).mode & 0o777, 0o600);
  }
  const info = store.info();
  assert.equal(info.backend, 'file');
  assert.equal(info.secure, false);
  assert.match(englishOf(info.warning), /stored unencrypted in .*token/);

  await assert.rejects(store.save('too short'), isStoreError('invalid_token', /exactly 80/));
  assert.equal(await store.load(), value, 'a refused token leaves the stored one alone');

  await writeFile(filePath, 'garbage that is not a token');
  await assert.rejects(
    store.load(),
    isStoreError('invalid_token', /The file .* does not hold a Clearfacts token/),
  );

  await store.clear();
  await store.clear();
  assert.equal(await store.load(), null);
});

test('the keyring store fails with a clear, token-free sentence where no keyring runs', async (t) => {
  const probe = await probeKeyring({ service: 'clearfacts-uploader-test' });
  if (probe.usable) {
    t.skip('this machine has a working keyring; the failure path cannot be shown here');
    return;
  }
  assert.ok(probe.reason.length > 0, 'the keyring says why');
  const store = createKeyringTokenStore({ service: 'clearfacts-uploader-test' });
  const value = token();
  await assert.rejects(store.save(value), (error: unknown) => {
    assert.ok(error instanceof TokenStoreError && error.failure === 'unavailable');
    assert.match(
      error.message,
      /^The system keyring did not answer \(.+\): the token could not be read or stored\. .*CLEARFACTS_TOKEN/,
    );
    assert.ok(!error.message.includes(value));
    return true;
  });
  await assert.rejects(store.load(), isStoreError('unavailable', /did not answer/));
  assert.deepEqual(store.info(), { backend: 'keyring', secure: true, warning: null });
});

test('the headless store prefers the environment, then a usable keyring, then the plain file', async (t) => {
  const configDir = await tempDir(t);
  const usable = () => Promise.resolve({ usable: true as const });
  const unusable = () => Promise.resolve({ usable: false as const, reason: 'no keyring here' });

  const fromEnv = await createHeadlessTokenStore({
    configDir,
    consentToPlainFile: true,
    env: { CLEARFACTS_TOKEN: token() },
    probeKeyring: usable,
  });
  assert.equal(fromEnv.info().backend, 'environment');

  const keyring = await createHeadlessTokenStore({
    configDir,
    consentToPlainFile: true,
    env: {},
    probeKeyring: usable,
  });
  assert.equal(keyring.info().backend, 'keyring');

  const file = await createHeadlessTokenStore({
    configDir,
    consentToPlainFile: false,
    env: {},
    probeKeyring: unusable,
  });
  assert.equal(file.info().backend, 'file');
  await assert.rejects(
    file.save(token()),
    isStoreError('consent_required', /^No system keyring can be used here \(no keyring here\)\./),
  );

  const consented = await createHeadlessTokenStore({
    configDir,
    consentToPlainFile: true,
    env: {},
    probeKeyring: unusable,
  });
  const value = token();
  await consented.save(value);
  assert.equal((await readFile(path.join(configDir, 'token'), 'utf8')).trim(), value);
});
