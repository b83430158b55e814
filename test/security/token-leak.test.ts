// After a whole engine run — sign-in, a refused token, uploads, refusals, retries, a revoked
// token and a new sign-in, with debug logging rotated several times — no token appears in any
// byte of any file under the config dir, nor in a status reason or an error message.
import { englishOf } from '../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findHistoryDatabase } from '../../bench/lib/find-history-database.ts';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import { ALL_SCOPES, seedData } from '../emulator/index.ts';
import { createFileLogger } from '../../src-main/core/logging/file-logger.ts';
import { createMemoryTokenStore } from '../../src-main/core/account/token/memory-token-store.ts';
import { isSettled, startEngineHarness } from '../support/engine-harness.ts';
import { writeEncryptedPdf, writeValidPdf } from '../support/hostile-files.ts';
import { findSecretIn, scanFolder } from './support/secret-scan.ts';

const administration = seedData.administrations[0];
if (administration === undefined) throw new Error('the emulator seed has no administration');

test('no token in any file under the config dir, any log line or any reason shown', async (t) => {
  const configRoot = await mkdtemp(path.join(tmpdir(), 'cf-token-leak-'));
  const configDir = path.join(configRoot, 'config');
  const logger = createFileLogger({
    directory: path.join(configDir, 'logs'),
    level: 'debug',
    // Small files, so the run rotates them and rotated copies are scanned too.
    maxFileBytes: 2 * 1024,
    keepFiles: 4,
  });
  const tokenStore = createMemoryTokenStore();
  const harness = await startEngineHarness({ configDir, logger, tokenStore, signIn: true });
  t.after(async () => {
    await harness.close();
    await rm(configRoot, { recursive: true, force: true });
  });
  const { emulator, engine } = harness;
  const secrets = [emulator.demoToken];
  const shown: string[] = [];
  const folder = await harness.addFolder('inbox', administration.companyNumber, {
    type: 'purchase',
  });

  const unknownToken = `${'Zq8'.repeat(26)}xy`;
  secrets.push(unknownToken);
  await assert.rejects(engine.handlers['session.signIn']({ token: unknownToken }), (error) => {
    assert.ok(error instanceof ApiError);
    shown.push(error.message);
    return true;
  });

  emulator.setFaults({ errorRate: 0.5, errorStatuses: [503], appliesTo: 'uploads', seed: 11 });
  for (let index = 0; index < 12; index += 1)
    await writeValidPdf(path.join(folder, `invoice-${index}.pdf`));
  await writeEncryptedPdf(path.join(folder, 'locked.pdf'));
  for (let index = 0; index < 12; index += 1) {
    await harness.waitForEntry(
      `invoice-${index}`,
      (entry) => entry.fileName === `invoice-${index}.pdf` && isSettled(entry),
    );
  }
  const locked = await harness.waitForEntry(
    'locked',
    (entry) => entry.fileName === 'locked.pdf' && isSettled(entry),
  );
  shown.push(englishOf(locked.failure?.message), locked.failure?.detail ?? '');
  emulator.setFaults({});

  const secondToken = emulator.addToken([...ALL_SCOPES]);
  secrets.push(secondToken);
  await engine.handlers['session.signIn']({ token: secondToken });
  emulator.revokeToken(secondToken);
  await writeValidPdf(path.join(folder, 'after-revocation.pdf'));
  const blocked = await harness.waitForStatus(
    'auth_required',
    (status) => status.state === 'auth_required',
  );
  shown.push(englishOf(blocked.reason));
  await engine.handlers['session.signIn']({ token: emulator.demoToken });
  await harness.waitForEntry(
    'after-revocation',
    (entry) => entry.fileName === 'after-revocation.pdf' && entry.state === 'archived',
  );
  shown.push(JSON.stringify(await engine.handlers['session.get']({})));
  shown.push(JSON.stringify(await engine.handlers['settings.get']({})));
  shown.push(JSON.stringify(await harness.allHistory()));

  // Once while running, so SQLite's WAL and shared memory are there, and once after the stop.
  const whileRunning = await scanFolder(configDir, secrets);
  assert.ok(
    whileRunning.files.some((file) => file.endsWith('-wal')),
    'the WAL was scanned while the engine ran',
  );
  assert.deepEqual(whileRunning.findings, []);
  await harness.stop();
  await logger.close();
  const { files, findings } = await scanFolder(configDir, secrets);
  t.diagnostic(
    `scanned ${files.length} files: ${files.map((file) => path.relative(configDir, file)).join(', ')}`,
  );
  assert.ok(
    files.some((file) => /\.log\.\d+$/.test(file)),
    'the log was rotated, so rotated files were scanned too',
  );
  assert.ok(
    files.includes(await findHistoryDatabase(configDir)),
    'the history database was scanned',
  );
  assert.deepEqual(findings, []);
  assert.deepEqual(
    findSecretIn(Buffer.from(shown.join('\n')), 'what the user was shown', secrets),
    [],
  );
});
