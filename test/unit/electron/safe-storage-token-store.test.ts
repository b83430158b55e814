import { test } from 'node:test';
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TokenStoreError } from '../../../src-main/core/account/token/token-store.ts';
import {
  createSafeStorageTokenStore,
  type SafeStorageApi,
} from '../../../src-main/electron/safe-storage-token-store.ts';

/** An 80-character personal access token, as Clearfacts issues them. */
const TOKEN = `cf_${'A1b2C3d4'.repeat(9)}xyz0123`.slice(0, 80);

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/** Reversible but not the identity: reversed, XOR-ed and prefixed, like a real ciphertext. */
function fakeSafeStorage(
  options: { backend?: Backend; available?: boolean; reEncrypt?: boolean } = {},
) {
  const calls: string[] = [];
  const scramble = (bytes: Buffer): Buffer =>
    Buffer.from(bytes.map((byte) => byte ^ 0x5a)).reverse();
  const safeStorage: SafeStorageApi = {
    async isAsyncEncryptionAvailable() {
      return options.available ?? true;
    },
    getSelectedStorageBackend() {
      return options.backend ?? 'gnome_libsecret';
    },
    async encryptStringAsync(plainText) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v11'), scramble(Buffer.from(plainText, 'utf8'))]);
    },
    async decryptStringAsync(encrypted) {
      calls.push('decrypt');
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('bad ciphertext');
      return {
        // XOR and reversal commute, so scrambling twice gives the plain text back.
        result: scramble(encrypted.subarray(3)).toString('utf8'),
        shouldReEncrypt: options.reEncrypt ?? false,
      };
    },
  };
  return { safeStorage, calls };
}

async function tempFile(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-token-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'userData', 'token.enc');
}

function assertNoToken(content: string): void {
  assert.equal(content.includes(TOKEN), false, 'the token is in the file');
  assert.equal(content.includes(TOKEN.split('').reverse().join('')), false);
  assert.equal(content.includes(Buffer.from(TOKEN).toString('base64')), false);
}

test('save writes only ciphertext, and load decrypts it back', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage, calls } = fakeSafeStorage();
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'linux',
    confirmInsecureStorage: async () => assert.fail('a keyring is there: nothing to ask'),
  });
  await store.save(TOKEN);
  const content = await readFile(filePath, 'utf8');
  assertNoToken(content);
  assert.match(content, /"ciphertext":/);
  if (process.platform !== 'win32') assert.equal((await stat(filePath)).mode & 0o777, 0o600);
  assert.deepEqual(calls, ['encrypt']);

  const reopened = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'linux',
    confirmInsecureStorage: async () => false,
  });
  assert.equal(await reopened.load(), TOKEN);
  assert.deepEqual(store.info(), { backend: 'safeStorage', secure: true, warning: null });
});

test('nothing saved loads as null; clear removes the file', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage } = fakeSafeStorage();
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'darwin',
    confirmInsecureStorage: async () => false,
  });
  assert.equal(await store.load(), null);
  await store.save(TOKEN);
  await store.clear();
  assert.equal(await store.load(), null);
  await assert.rejects(stat(filePath), { code: 'ENOENT' });
});

test('a malformed token is refused before anything is written', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage, calls } = fakeSafeStorage();
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'win32',
    confirmInsecureStorage: async () => false,
  });
  await assert.rejects(store.save('too short'), TokenStoreError);
  assert.deepEqual(calls, []);
  await assert.rejects(stat(filePath), { code: 'ENOENT' });
});

test('a re-keyed keychain makes load store the token again under the new key', async (t) => {
  const filePath = await tempFile(t);
  const first = fakeSafeStorage();
  const store = await createSafeStorageTokenStore({
    safeStorage: first.safeStorage,
    filePath,
    platform: 'darwin',
    confirmInsecureStorage: async () => false,
  });
  await store.save(TOKEN);
  const rekeyed = fakeSafeStorage({ reEncrypt: true });
  const reopened = await createSafeStorageTokenStore({
    safeStorage: rekeyed.safeStorage,
    filePath,
    platform: 'darwin',
    confirmInsecureStorage: async () => false,
  });
  assert.equal(await reopened.load(), TOKEN);
  assert.deepEqual(rekeyed.calls, ['decrypt', 'encrypt']);
  assertNoToken(await readFile(filePath, 'utf8'));
});

test('basic_text (Linux without a keyring): told plainly, and the user is asked before saving', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage } = fakeSafeStorage({ backend: 'basic_text' });
  let asked = 0;
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'linux',
    confirmInsecureStorage: async () => {
      asked += 1;
      return true;
    },
  });
  const info = store.info();
  assert.equal(info.secure, false);
  assert.match(englishOf(info.warning), /No system keyring.*anyone who can read your files/);
  await store.save(TOKEN);
  await store.save(TOKEN);
  assert.equal(asked, 1, 'asked once per run');
  assertNoToken(await readFile(filePath, 'utf8'));
});

test('basic_text declined: the token lives in memory for this session only', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage, calls } = fakeSafeStorage({ backend: 'basic_text' });
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'linux',
    confirmInsecureStorage: async () => false,
  });
  await store.save(TOKEN);
  assert.equal(await store.load(), TOKEN);
  await assert.rejects(stat(filePath), { code: 'ENOENT' });
  assert.deepEqual(calls, []);
  assert.match(englishOf(store.info().warning), /this session only/);
});

test('no encryption at all: never written, kept for the session, and said so', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage, calls } = fakeSafeStorage({ available: false });
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'win32',
    confirmInsecureStorage: async () => assert.fail('nothing to consent to'),
  });
  await store.save(TOKEN);
  assert.equal(await store.load(), TOKEN);
  assert.deepEqual(calls, []);
  await assert.rejects(stat(filePath), { code: 'ENOENT' });
  assert.equal(store.info().secure, false);
});

test('a damaged or undecryptable file is a clear error that never shows its content', async (t) => {
  const filePath = await tempFile(t);
  const { safeStorage } = fakeSafeStorage();
  const store = await createSafeStorageTokenStore({
    safeStorage,
    filePath,
    platform: 'darwin',
    confirmInsecureStorage: async () => false,
  });
  await store.save(TOKEN);
  await writeFile(
    filePath,
    `{"format":1,"ciphertext":"${Buffer.from('garbage').toString('base64')}"}`,
  );
  await assert.rejects(store.load(), (error: Error) => {
    assert.ok(error instanceof TokenStoreError);
    assert.match(error.message, /could not be decrypted/);
    return true;
  });
  await writeFile(filePath, 'plain text, not JSON');
  await assert.rejects(store.load(), /damaged: sign in again/);
});
