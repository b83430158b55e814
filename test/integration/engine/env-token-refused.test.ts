// A token given in CLEARFACTS_TOKEN overrides any stored one, so when Clearfacts stops accepting
// it, the hold and the waiting file say to change the variable, never to `token set` (issue #12).
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { createEnvTokenStore } from '../../../src-main/core/account/token/env-token-store.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('a revoked CLEARFACTS_TOKEN: the hold and the file say to change the variable', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'env-token'), 'scans');
  const token = emulator.addToken([...ALL_SCOPES]);
  const harness = await startEngine(t, {
    emulator,
    tokenStore: createEnvTokenStore({ CLEARFACTS_TOKEN: token }),
  });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'sale' },
  });
  emulator.revokeToken(token);
  await writeFile(path.join(dir, 'na-intrekking.pdf'), await pdfBytes(1, { label: 'after' }));
  await harness.until(
    'the queue waits for a token',
    () => harness.status()?.state === 'auth_required',
  );
  const hold = englishOf(harness.status()?.reason);
  assert.match(hold, /CLEARFACTS_TOKEN/);
  assert.doesNotMatch(hold, /token set/);
  const waiting = await harness.waitForEntry(
    'the file waits with the reason',
    (entry) => entry.fileName === 'na-intrekking.pdf' && entry.failure?.code === 'auth',
  );
  assert.equal(waiting.failure?.message.code, 'token_refused_hold_env');
});
