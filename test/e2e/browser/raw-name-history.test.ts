// Issue #10, failure 6, on the History screen: a file whose name was not UTF-8 is sent under its
// Windows-1252 reading, and its row also shows the name's bytes as they were on disk (\xNN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { latin1Name, writeRawNamed } from '../../support/raw-names.ts';
import {
  addWatchedFolder,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
} from './browser-stack.ts';

test('History shows the original bytes of a name that was not UTF-8', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const folder = await addWatchedFolder(stack, 'scans', administration.companyNumber);
  writeRawNamed(folder, latin1Name('Facture F\xe9vrier.pdf'), await pdfBytes(1));

  const { page: tab } = await openApp(browser, stack);
  await tab.getByRole('link', { name: 'History' }).click();
  const row = tab.locator('.history-row').filter({ hasText: 'Facture Février.pdf' });
  await row.getByText('Uploaded').waitFor();
  // Python prints these bytes as b'Facture F\xe9vrier.pdf'.
  await row
    .getByText('Renamed: its name on disk was not UTF-8, and was Facture F\\xe9vrier.pdf')
    .waitFor();
});
