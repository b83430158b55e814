// Attack-18 finding C1: `history` lists a held e-invoice's choices under it, one command a line
// (docs: "`history` lists each held file's choices with their commands"). The lines were joined
// with line breaks and then printed as one line, whose invisible characters are marked, so the
// terminal showed `⟦U+000A⟧` between the choices and all of them on one line. Real CLI processes,
// a real watch and the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES, type Emulator } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import {
  runCli,
  useStabilityWindow,
  watchUntilHeld,
  type CliContext,
} from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/** The CLI with its settings (a short stability window) under `root`, every scope, in `locale`. */
function cliIn(root: string, emulator: Emulator, locale: string): CliContext {
  const configDir = folder(root, 'settings');
  useStabilityWindow(configDir);
  return {
    configDir,
    apiUrl: emulator.graphqlUrl,
    token: emulator.addToken([...ALL_SCOPES]),
    env: { LC_ALL: locale, LANG: locale },
  };
}

test('history prints a held e-invoice’s choices one a line, with no marked line breaks', async (t) => {
  const emulator = await startTestEmulator(t);
  const [here, elsewhere] = emulator.seed.administrations;
  assert.ok(here && elsewhere);
  const root = tempDir(t, 'held-lines');
  const scans = folder(root, 'scans');
  const context = cliIn(root, emulator, 'nl_BE.UTF-8');
  const added = await runCli(context, [
    'folders',
    'add',
    scans,
    '--company',
    here.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(added.code, 0, added.stderr);
  await writeFile(
    path.join(scans, 'elders.xml'),
    ublXml(sampleInvoice({ number: 'H-1', customer: partyOf(elsewhere) })),
  );

  const id = await watchUntilHeld(t, context, 'elders.xml');

  const history = await runCli(context, ['history']);
  assert.equal(history.code, 0, history.stderr);
  assert.ok(!history.stdout.includes('⟦U+'), history.stdout);
  const commands = history.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('`choose ') || line.startsWith('`dismiss '))
    .map((line) => line.slice(0, line.indexOf('`:') + 1));
  assert.deepEqual(commands, [
    `\`choose ${id} --send-to ${elsewhere.companyNumber} --type purchase\``,
    `\`choose ${id} --here\``,
    `\`dismiss ${id}\``,
  ]);
});

test('history names an e-invoice inbox’s unrouted file by the inbox, not by the number 0000000000', async (t) => {
  const emulator = await startTestEmulator(t);
  const root = tempDir(t, 'inbox-target');
  const inbox = folder(root, 'inbox');
  const context = cliIn(root, emulator, 'fr_BE.UTF-8');
  const added = await runCli(context, ['folders', 'inbox', inbox]);
  assert.equal(added.code, 0, added.stderr);
  // No party is an administration the token reaches: held, still unrouted.
  await writeFile(path.join(inbox, 'personne.xml'), ublXml(sampleInvoice({ number: 'N-1' })));

  await watchUntilHeld(t, context, 'personne.xml');

  const history = await runCli(context, ['history']);
  assert.equal(history.code, 0, history.stderr);
  const row = history.stdout.split('\n').find((line) => line.includes('personne.xml'));
  assert.ok(row !== undefined, history.stdout);
  assert.ok(!row.includes('0000000000'), row);
  // The French catalogue's name for the inbox (contract/messages/fr.ts, cli_folder_inbox).
  assert.ok(row.includes('boîte de réception e-factures'), row);
});
