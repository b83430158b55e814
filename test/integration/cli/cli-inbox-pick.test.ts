// Issue #18: an e-invoice inbox invoice that names no Belgian number holds with more than
// "dismiss": `history` offers `choose --send-to <company> --type purchase|sale` in the terminal's
// language, refuses an administration the token does not reach (in that language), and sends
// the invoice where the user named. Words are the catalogues' own for these lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import {
  DUTCH_SUPPLIER,
  GERMAN_CUSTOMER,
  sampleInvoice,
  ublXml,
} from '../../fixtures/e-invoice-builder.ts';
import {
  runCli,
  useStabilityWindow,
  watchUntilHeld,
  type CliContext,
} from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

const WORDS = {
  'nl_BE.UTF-8': { pick: 'Administratie kiezen…', unreachable: 'hoort niet bij de administraties' },
  'fr_BE.UTF-8': {
    pick: 'Choisir l’administration…',
    unreachable: 'ne fait pas partie des dossiers',
  },
  'en_GB.UTF-8': {
    pick: 'Choose the administration…',
    unreachable: 'is not among the administrations',
  },
} as const;

for (const locale of ['nl_BE.UTF-8', 'fr_BE.UTF-8', 'en_GB.UTF-8'] as const) {
  test(`an inbox invoice with no Belgian number is sent where the user names (${locale})`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [, seller] = emulator.seed.administrations;
    assert.ok(seller);
    const unreachable = emulator.seed.inaccessibleAdministration;
    const root = tempDir(t, 'inbox-pick');
    const inbox = folder(root, 'inbox');
    const context: CliContext = {
      configDir: folder(root, 'settings'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.addToken([...ALL_SCOPES]),
      env: { LC_ALL: locale, LANG: locale },
    };
    useStabilityWindow(context.configDir);
    const added = await runCli(context, ['folders', 'inbox', inbox]);
    assert.equal(added.code, 0, added.stderr);
    // A Dutch supplier and a German customer: no company number or VAT number is Belgian.
    const invoice = sampleInvoice({
      number: 'F-1',
      supplier: DUTCH_SUPPLIER,
      customer: GERMAN_CUSTOMER,
    });
    await writeFile(path.join(inbox, 'foreign.xml'), ublXml(invoice));

    const id = String(await watchUntilHeld(t, context, 'foreign.xml'));

    // `history` lists a held file's choices with the command that makes each.
    const words = WORDS[locale];
    const history = await runCli(context, ['history']);
    assert.equal(history.code, 0, history.stderr);
    assert.ok(
      history.stdout.includes(
        `\`choose ${id} --send-to <company> --type purchase|sale\`: ${words.pick}`,
      ),
      history.stdout,
    );

    const refused = await runCli(context, [
      'choose',
      id,
      '--send-to',
      unreachable.companyNumber,
      '--type',
      'purchase',
    ]);
    assert.notEqual(refused.code, 0, 'an administration out of reach is refused');
    assert.ok(refused.stderr.includes(words.unreachable), refused.stderr);
    assert.equal(emulator.uploads().length, 0, 'nothing sent on a refused choice');

    const chosen = await runCli(context, [
      'choose',
      id,
      '--send-to',
      seller.companyNumber,
      '--type',
      'sale',
    ]);
    assert.equal(chosen.code, 0, chosen.stderr + chosen.stdout);
    assert.deepEqual(
      emulator.uploads().map((upload) => ({
        fileName: upload.filename,
        companyNumber: upload.companyNumber,
        type: upload.invoiceType,
      })),
      [{ fileName: 'foreign.xml', companyNumber: seller.companyNumber, type: 'SALE' }],
    );
  });
}
