// `status --json` and its exit code while the queue is held, one hold after the other, each
// produced for real: a token without the upload scope, a token Clearfacts revoked, a history the
// engine cannot write (chattr +i), an e-invoice addressed to another company, Clearfacts
// unreachable. A monitoring script must see each one, and exit 1 for those only a person ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_SCOPES, startEmulator } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import {
  immutableUnsupportedReason,
  setImmutable,
} from '../../reliability/support/storage-faults.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import {
  addPurchaseFolder,
  health,
  runCli,
  startWatch,
  tokenSet,
  useStabilityWindow,
  type CliContext,
  type WatchProcess,
} from '../../support/cli-process.ts';

function entryState(watch: WatchProcess, fileName: string): string | undefined {
  return [...watch.entries.values()].find((entry) => entry.fileName === fileName)?.state;
}

const probeDir = path.join(tmpdir(), `cf-status-immutable-${process.pid}`);
await mkdir(probeDir, { recursive: true });
const noImmutable = await immutableUnsupportedReason(probeDir);
await rm(probeDir, { recursive: true, force: true });

test('`status --json` names every hold of a running engine, with exit 1 for those only a person ends', async (t) => {
  const emulator = await startEmulator();
  let current = emulator;
  t.after(() => current.close());
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'status-holds');
  const configDir = folder(root, 'config');
  const inbox = folder(root, 'inbox');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  useStabilityWindow(configDir);
  const withoutUpload = ALL_SCOPES.filter((scope) => scope !== 'upload_document');
  await tokenSet(context, emulator.addToken([...withoutUpload]));
  await addPurchaseFolder(context, inbox, administration.companyNumber);
  const watch = startWatch(t, context);
  await watch.until('the engine reports its status', () => watch.status() !== null);

  // A token without the upload scope: the queue waits for a person to grant it.
  await writeFile(path.join(inbox, 'scope.pdf'), await pdfBytes(1, { label: 'scope' }));
  await watch.until('the scope hold', () => watch.status()?.state === 'scope_missing');
  const scope = await health(context);
  assert.equal(scope.code, 1, 'a missing scope needs a person');
  assert.deepEqual(
    scope.json.holds.map((hold) => [hold.kind, hold.message.code]),
    [['scope', scope.json.holds[0]?.message.code]],
  );
  assert.equal(scope.json.attention, true);

  // A token Clearfacts no longer accepts.
  const revoked = emulator.addToken([...ALL_SCOPES]);
  await tokenSet(context, revoked);
  await watch.until('scope.pdf delivered with the full token', () =>
    ['uploaded', 'archived'].includes(entryState(watch, 'scope.pdf') ?? ''),
  );
  emulator.revokeToken(revoked);
  await writeFile(path.join(inbox, 'auth.pdf'), await pdfBytes(1, { label: 'auth' }));
  await watch.until('the authentication hold', () => watch.status()?.state === 'auth_required');
  const auth = await health(context);
  assert.equal(auth.code, 1, 'a refused token needs a person');
  assert.deepEqual(
    auth.json.holds.map((hold) => hold.kind),
    ['auth'],
  );
  await tokenSet(context, emulator.demoToken);
  await watch.until('auth.pdf delivered with a new token', () =>
    ['uploaded', 'archived'].includes(entryState(watch, 'auth.pdf') ?? ''),
  );
  const cleared = await health(context);
  assert.equal(cleared.code, 0, 'the new token ended the hold');
  assert.deepEqual(cleared.json.holds, []);

  // The history cannot be written.
  if (noImmutable === null) {
    const database = path.join(configDir, 'history.sqlite');
    const locked = [database, `${database}-wal`].filter((file) => existsSync(file));
    let unlocked = false;
    const unlock = async () => {
      if (unlocked) return;
      unlocked = true;
      await setImmutable(locked, false);
    };
    // Whatever fails below, the folder must stay removable.
    t.after(unlock);
    await setImmutable(locked, true);
    await writeFile(path.join(inbox, 'storage.pdf'), await pdfBytes(1, { label: 'storage' }));
    await watch.until('the storage hold', () => watch.status()?.state === 'storage_error');
    const storage = await health(context);
    assert.equal(storage.code, 1, 'a history that cannot be written needs a person');
    assert.equal(storage.json.holds[0]?.kind, 'storage');
    await unlock();
    await watch.until('storage.pdf delivered once the history is writable', () =>
      ['uploaded', 'archived'].includes(entryState(watch, 'storage.pdf') ?? ''),
    );
  } else {
    t.diagnostic(`storage hold not produced: ${noImmutable}`);
  }

  // Clearfacts unreachable: the queue waits and retries by itself; nobody needs to act.
  const port = Number(new URL(emulator.origin).port);
  await emulator.close();
  await writeFile(path.join(inbox, 'offline.pdf'), await pdfBytes(1, { label: 'offline' }));
  await watch.until('the offline hold', () => watch.status()?.state === 'offline');
  const offline = await health(context);
  assert.deepEqual(
    offline.json.holds.map((hold) => hold.kind),
    ['offline'],
  );
  assert.equal(offline.code, 0, 'the engine retries by itself when Clearfacts is back');
  current = await startEmulator({ port });
  await watch.until('offline.pdf delivered once Clearfacts is back', () =>
    ['uploaded', 'archived'].includes(entryState(watch, 'offline.pdf') ?? ''),
  );

  // An e-invoice addressed to another company is held for the user's choice.
  await writeFile(path.join(inbox, 'elsewhere.xml'), ublXml(sampleInvoice({ number: 'EW-1' })));
  await watch.until('elsewhere.xml held', () => entryState(watch, 'elsewhere.xml') === 'held');
  const held = await health(context);
  assert.equal(held.code, 1, 'a held file waits for a person');
  assert.deepEqual(held.json.holds, [], 'a held file holds only itself, not the queue');
  assert.deepEqual(
    [held.json.status.counts.failed, held.json.status.counts.held],
    [0, 1],
    'waiting for a choice, which is not a failure',
  );
  assert.equal(held.json.attention, true);
  // The same count in words, in each language the CLI speaks (its locale).
  for (const [locale, words] of [
    ['nl_BE.UTF-8', /0 mislukt, 1 wachtend op uw keuze,.*\n.*history --status held/s],
    ['fr_BE.UTF-8', /0 en échec, 1 en attente de votre choix,.*\n.*history --status held/s],
    ['en_GB.UTF-8', /0 failed, 1 waiting for your choice,.*\n.*history --status held/s],
  ] as const) {
    const text = await runCli({ ...context, env: { LC_ALL: locale } }, ['status']);
    assert.match(text.stdout, words, locale);
  }
});
