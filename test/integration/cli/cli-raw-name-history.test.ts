// Issue #10, failure 6: a file whose name was not UTF-8 is sent under its Windows-1252 reading;
// `history` shows the name it had on disk too, byte for byte (\xNN), so the user can find it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { latin1Name, writeRawNamed } from '../../support/raw-names.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('history shows the original bytes of a renamed name, in the CLI language', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-raw-name');
  const dir = folder(parent, 'scans');
  writeRawNamed(dir, latin1Name('Facture F\xe9vrier.pdf'), await pdfBytes(1, { label: 'Latin-1' }));
  const harness = await startEngine(t, { emulator, configDir: folder(parent, 'config') });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await harness.waitForEntry('the renamed file is archived', (entry) => entry.state === 'archived');
  await harness.stop();

  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl };
  // Python prints these bytes as b'Facture F\xe9vrier.pdf'.
  const english = await runCli({ ...context, env: { LC_ALL: 'en_US.UTF-8' } }, ['history']);
  assert.equal(english.code, 0, english.stderr);
  assert.match(
    english.stdout,
    /Facture Février\.pdf \(renamed from Facture F\\xe9vrier\.pdf: that name was not UTF-8\)/,
  );
  const dutch = await runCli({ ...context, env: { LC_ALL: 'nl_BE.UTF-8' } }, ['history']);
  assert.match(dutch.stdout, /\(hernoemd van Facture F\\xe9vrier\.pdf: die naam was geen UTF-8\)/);
});
