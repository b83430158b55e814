// A token store's failures are message codes naming the file (and the system's error code), so a
// nl or fr screen or terminal says them in its language (issue #14): a real file system, where a
// token's folder cannot be made because a file stands in its way, and the real keyring library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderMessage } from '../../../../src-main/contract/messages/index.ts';
import { toApiError } from '../../../../src-main/core/handlers/api-errors.ts';
import { createEnvTokenStore } from '../../../../src-main/core/account/token/env-token-store.ts';
import {
  createKeyringTokenStore,
  probeKeyring,
} from '../../../../src-main/core/account/token/keyring-token-store.ts';
import { createPlainFileTokenStore } from '../../../../src-main/core/account/token/plain-file-token-store.ts';
import { TokenStoreError } from '../../../../src-main/core/account/token/token-store.ts';

const token = (): string => randomBytes(60).toString('base64url');

async function failureOf(work: Promise<unknown>): Promise<TokenStoreError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof TokenStoreError, String(error));
    return error;
  }
  assert.fail('the store refused');
}

test('a token file that cannot be written or read is named in nl and fr with the system code', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cf-token-language-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // A file where the token's folder should be: no folder can be made there, even as root.
  const blocker = path.join(dir, 'config');
  await writeFile(blocker, 'not a folder');
  const filePath = path.join(blocker, 'token');
  const store = createPlainFileTokenStore({ filePath, consentToPlainFile: true });

  const write = await failureOf(store.save(token()));
  assert.equal(write.failure, 'unavailable');
  const code =
    write.userMessage.code === 'token_file_write_failed' ? write.userMessage.params : null;
  assert.ok(code, `a write failure: ${write.userMessage.code}`);
  assert.match(code.errorCode, /^E[A-Z]+$/, 'the system names the problem');
  assert.equal(
    renderMessage(write.userMessage, 'nl'),
    `De token kon niet geschreven worden naar ${filePath} (${code.errorCode}). Controleer of de map bestaat, of uw gebruikersaccount erin kan schrijven en of de schijf niet alleen-lezen of vol is.`,
  );
  assert.equal(
    renderMessage(write.userMessage, 'fr'),
    `Le jeton n’a pas pu être écrit dans ${filePath} (${code.errorCode}). Vérifiez que son répertoire existe, que votre compte utilisateur peut y écrire et que le disque n’est ni en lecture seule ni plein.`,
  );
  // Every surface gets the same message through the contract's error.
  assert.deepEqual(toApiError(write).userMessage, write.userMessage);

  // Reading through the same file (ENOTDIR) is no "no token yet": it is said as a failure.
  const read = await failureOf(store.load());
  assert.equal(read.userMessage.code, 'token_file_read_failed');
  assert.match(renderMessage(read.userMessage, 'nl'), /^De token kon niet gelezen worden uit /);
  assert.match(renderMessage(read.userMessage, 'fr'), /^Le jeton n’a pas pu être lu dans /);
});

test('a token set by the environment cannot be changed here, said in nl and fr', async () => {
  const store = createEnvTokenStore({ CLEARFACTS_TOKEN: token() });
  const refused = await failureOf(store.save(token()));
  assert.equal(refused.failure, 'read_only');
  assert.equal(
    renderMessage(refused.userMessage, 'nl'),
    'De token komt uit de omgevingsvariabele CLEARFACTS_TOKEN, die voorrang heeft op elke opgeslagen token: wijzig CLEARFACTS_TOKEN of maak ze leeg waar ze ingesteld is (shellprofiel, servicedefinitie, geplande taak).',
  );
  assert.match(
    renderMessage(refused.userMessage, 'fr'),
    /^Le jeton vient de la variable d’environnement CLEARFACTS_TOKEN, qui a priorité/,
  );
});

test('a keyring that does not answer is said in nl and fr, with its own words only as detail', async (t) => {
  const probe = await probeKeyring({ service: 'clearfacts-uploader-test' });
  if (probe.usable) {
    t.skip('this machine has a working keyring; the failure path cannot be shown here');
    return;
  }
  const store = createKeyringTokenStore({ service: 'clearfacts-uploader-test' });
  const failed = await failureOf(store.load());
  assert.equal(failed.userMessage.code, 'keyring_failed_said');
  assert.match(
    renderMessage(failed.userMessage, 'nl'),
    /^De sleutelbos van het systeem antwoordde niet \(.+\): de token kon niet gelezen of bewaard worden\. Ontgrendel de sleutelbos, of noem een bestand met de token in CLEARFACTS_TOKEN_FILE\.$/,
  );
  assert.match(
    renderMessage(failed.userMessage, 'fr'),
    /^Le trousseau du système n’a pas répondu \(.+\) : le jeton n’a pas pu être lu ni conservé\./,
  );
});
