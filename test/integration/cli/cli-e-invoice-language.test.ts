// Issue #18 F10: the CLI's lines about e-invoices (what each one is in `history`, a held
// invoice's reason and choices, `dismiss`) speak the terminal's language: no sentence or word of
// the English catalogue reaches a nl or fr terminal. The English phrases are the English
// catalogue's own words for these lines, so a label written in code or left untranslated shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import {
  addPurchaseFolder,
  runCli,
  startWatch,
  useStabilityWindow,
  type CliContext,
} from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/**
 * The English catalogue's words for an e-invoice's kind, its supplier, a hold addressed
 * elsewhere, its choices and a dismissal; none is also a Dutch or French word the catalogues use.
 */
const ENGLISH = [
  'invoice',
  'credit note',
  'from',
  'This invoice',
  'addressed to',
  'not to',
  'Send to',
  'anyway',
  'purchases',
  'Dismiss',
  'dismissed',
  'record',
  'unsent',
  'held',
  'uploaded',
];

function english(output: string, userData: readonly string[]): string[] {
  let text = output.replace(/`[^`]*`/g, ' ');
  // `_uploaded` is the folder's name on disk (the state "moved to _uploaded"), not English prose.
  for (const data of [...userData, '_uploaded']) text = text.split(data).join(' ');
  return ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));
}

const WORDS = {
  'nl_BE.UTF-8': { sent: 'factuur T-1 van', held: 'factuur T-2 van', dismissed: 'is weggezet' },
  'fr_BE.UTF-8': { sent: 'facture T-1 de', held: 'facture T-2 de', dismissed: 'est écarté' },
} as const;

for (const locale of ['nl_BE.UTF-8', 'fr_BE.UTF-8'] as const) {
  test(`history and dismiss of e-invoices speak ${locale}`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [here, elsewhere] = emulator.seed.administrations;
    assert.ok(here && elsewhere);
    const root = tempDir(t, 'e-factuur');
    const scans = folder(root, 'scans');
    const context: CliContext = {
      configDir: folder(root, 'instellingen'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.addToken([...ALL_SCOPES]),
      env: { LC_ALL: locale, LANG: locale },
    };
    useStabilityWindow(context.configDir);
    await addPurchaseFolder(context, scans, here.companyNumber);
    const invoice = sampleInvoice({ number: 'T-1', customer: partyOf(here) });
    const addressedElsewhere = sampleInvoice({ number: 'T-2', customer: partyOf(elsewhere) });
    await writeFile(path.join(scans, 'ours.xml'), ublXml(invoice));
    await writeFile(path.join(scans, 'theirs.xml'), ublXml(addressedElsewhere));

    const watch = startWatch(t, context);
    const state = (name: string) =>
      [...watch.entries.values()].find((entry) => entry.fileName === name)?.state;
    await watch.until(
      'ours.xml archived and theirs.xml held',
      () => state('ours.xml') === 'archived' && state('theirs.xml') === 'held',
    );
    const heldId = [...watch.entries.values()].find((entry) => entry.fileName === 'theirs.xml')?.id;
    assert.ok(heldId !== undefined);
    watch.child.kill('SIGTERM');
    await watch.exited;

    const userData = [
      root,
      here.companyNumber,
      here.name,
      elsewhere.companyNumber,
      elsewhere.name,
      invoice.supplier.name,
      'ours.xml',
      'theirs.xml',
    ];
    const history = await runCli(context, ['history']);
    assert.equal(history.code, 0, history.stderr);
    const uuids = [...history.stdout.matchAll(/uuid (\S+)/g)].map((match) => match[0]);
    const words = WORDS[locale];
    assert.ok(history.stdout.includes(`${words.sent} ${invoice.supplier.name}`), history.stdout);
    assert.ok(history.stdout.includes(`${words.held} ${invoice.supplier.name}`), history.stdout);
    assert.ok(history.stdout.includes(elsewhere.name), 'the held reason names the customer');
    assert.deepEqual(
      english(history.stdout + history.stderr, [...userData, ...uuids]),
      [],
      history.stdout,
    );

    const dismissed = await runCli(context, ['dismiss', String(heldId)]);
    assert.equal(dismissed.code, 0, dismissed.stderr);
    assert.ok(dismissed.stdout.includes(words.dismissed), dismissed.stdout);
    assert.deepEqual(english(dismissed.stdout + dismissed.stderr, userData), [], dismissed.stdout);
    assert.equal(emulator.uploads().length, 1, 'the held invoice was never sent');
  });
}
