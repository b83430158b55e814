// Issue #18: `history` shows a row's advice notes (the warnings the History screen shows on the
// row: a UBL schema error, a PDF sent without its XML) in the terminal's language. The engine is
// real (chokidar, SQLite, the schema validator process, HTTP to the emulator); the expected
// sentences are written out here from the nl/fr/en catalogues' wording, not rendered by the code
// under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/** The 1-based line of the first occurrence of `marker` in `text`. */
function lineOf(text: string, marker: string): number {
  return text.slice(0, text.indexOf(marker)).split('\n').length;
}

test('history prints each row’s advice notes in the CLI language, as History shows them', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-advice');
  const scans = folder(parent, 'scans');
  const harness = await startEngine(t, { emulator, configDir: folder(parent, 'config') });
  await harness.engine.handlers['folders.add']({
    path: scans,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  // Addressed to the folder's administration (else it is held), with one element the UBL 2.1
  // schema does not know.
  const xml = ublXml(sampleInvoice({ number: 'A-1', customer: partyOf(administration) })).replace(
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>',
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>\n  <cbc:Colour>blue</cbc:Colour>',
  );
  const line = lineOf(xml, '<cbc:Colour>');
  await writeFile(path.join(scans, 'advised.xml'), xml);
  await writeFile(path.join(scans, 'plain.pdf'), await pdfBytes(1, { label: 'no advice' }));
  const advised = await harness.waitForEntry(
    'advised.xml archived',
    (entry) => entry.fileName === 'advised.xml' && entry.state === 'archived',
  );
  await harness.waitForEntry(
    'plain.pdf archived',
    (entry) => entry.fileName === 'plain.pdf' && entry.state === 'archived',
  );
  assert.deepEqual(
    (advised.advice ?? []).filter((note) => note.code === 'ubl_xsd_invalid'),
    [
      {
        code: 'ubl_xsd_invalid',
        params: { line, element: 'cbc:Colour', xsdProblem: 'not_expected' },
      },
    ],
  );
  await harness.stop();

  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl };
  const expected = {
    'nl_BE.UTF-8': `advised.xml: Advies: UBL 2.1-schema, regel ${line}, cbc:Colour: dit element hoort hier niet (onbekend, of op de verkeerde plaats).`,
    'fr_BE.UTF-8': `advised.xml: Conseil : schéma UBL 2.1, ligne ${line}, cbc:Colour : cet élément n’est pas permis ici (inconnu, ou mal placé).`,
    'en_US.UTF-8': `advised.xml: Advice: UBL 2.1 schema, line ${line}, cbc:Colour: this element is not allowed here (unknown, or in the wrong place).`,
  } as const;
  for (const [locale, sentence] of Object.entries(expected)) {
    const history = await runCli({ ...context, env: { LC_ALL: locale } }, ['history']);
    assert.equal(history.code, 0, history.stderr);
    const notes = history.stdout.split('\n').filter((text) => /^\s*\d+ \S+: /.test(text));
    assert.deepEqual(
      notes.map((text) => text.trim()),
      [`${advised.id} ${sentence}`],
      `${locale}: one advice line, for advised.xml only\n${history.stdout}`,
    );
  }
});
