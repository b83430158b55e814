// Issue #17 in Chromium against the real core and the emulator: a folder's split mode is chosen
// on the Folders screen (off, separator sheets, every page, every N pages) and reaches core as
// `folders.setSplit`; "Print separator sheets" hands over the sheet as a PDF; History shows a split
// batch's parts indented under their original, with the note of how it was cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedData } from '../../emulator/index.ts';
import { batchPdf } from '../../fixtures/scanned-batch.ts';
import {
  addWatchedFolder,
  launchChromium,
  openApp,
  signInThroughCore,
  splitInCore,
  startStack,
  type Stack,
  UI_TIMEOUT_MS,
} from './browser-stack.ts';
import { assertAccessible, screenshotBothThemes, waitForValue } from './page-checks.ts';

const run = promisify(execFile);

/**
 * Resolves once core's row for `fileName` is cut (`split`, or `uploaded` once its parts are). The
 * stability window, the split worker's start and the cut are CPU work that a loaded 2-core
 * machine slows down: fails after 3 × UI_TIMEOUT_MS with the row's state, failure and notes.
 */
async function batchCutInCore(stack: Stack, fileName: string): Promise<void> {
  const deadline = Date.now() + 3 * UI_TIMEOUT_MS;
  for (;;) {
    const { rows } = await stack.engine.handlers['history.query']({
      filter: {},
      offset: 0,
      limit: 50,
    });
    const row = rows.find((entry) => entry.fileName === fileName);
    if (row?.splitNote?.code === 'split_into_parts') return;
    if (Date.now() > deadline) {
      const seen =
        row === undefined
          ? 'no row'
          : JSON.stringify({
              state: row.state,
              failure: row.failure,
              splitNote: row.splitNote,
              advice: row.advice,
            });
      throw new Error(
        `timed out after ${(3 * UI_TIMEOUT_MS) / 1000} s waiting for core to cut ${fileName} into parts; its row: ${seen}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('split mode per folder, separator sheets and parts under their original', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const folder = await addWatchedFolder(stack, 'scans', administration.companyNumber);

  const { page: tab } = await openApp(browser, stack);
  await tab.getByRole('link', { name: 'Folders' }).click();
  await tab.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
  const card = tab.getByRole('listitem', { name: folder });
  const selector = card.getByLabel('Split scanned batches');
  assert.equal(await selector.inputValue(), 'off');

  await selector.selectOption('pages');
  await card.getByLabel('Pages per document').fill('3');
  await splitInCore(stack, folder, 'pages:3');
  await selector.selectOption('separator');
  await splitInCore(stack, folder, 'separator');
  await selector.selectOption('page');
  await splitInCore(stack, folder, 'page');
  await waitForValue(selector, 'page', 'the split select');
  await assertAccessible(tab, 'folders with a split mode');

  // The sheet as a user gets it: a PDF whose words poppler reads (an independent reader).
  await tab.getByRole('button', { name: 'Print separator sheets' }).click();
  await tab.getByLabel('Kind of sheet').selectOption('sale');
  const [download] = await Promise.all([
    tab.waitForEvent('download'),
    tab.getByRole('button', { name: 'Open the sheet (PDF)' }).click(),
  ]);
  const sheetPath = path.join(stack.workDir, 'sheet.pdf');
  await download.saveAs(sheetPath);
  assert.equal((await readFile(sheetPath)).subarray(0, 5).toString('latin1'), '%PDF-');
  const { stdout: sheetText } = await run('pdftotext', [sheetPath, '-']);
  assert.match(sheetText, /The next document goes to Sales invoices\./);
  assert.match(sheetText, /Het volgende document gaat naar/);

  await writeFile(
    path.join(folder, 'Scan 0007.pdf'),
    await batchPdf([{ text: 'first' }, { text: 'second' }]),
  );
  // Core first, so that a failure says which side was late: the engine cutting the batch, or
  // the History screen showing what core already knows.
  await batchCutInCore(stack, 'Scan 0007.pdf');
  await tab.getByRole('link', { name: 'History' }).click();
  await tab.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  const original = tab
    .locator('.history-row:not(.history-part)')
    .filter({ hasText: 'Scan 0007.pdf' });
  await original
    .getByText(
      'Cut into 2 documents; 0 separator pages not sent. Moved once every part is uploaded.',
    )
    .waitFor({ timeout: UI_TIMEOUT_MS });
  const parts = tab.locator('.history-row.history-part');
  await parts.filter({ hasText: 'Scan 0007 (p. 2).pdf' }).getByText('Uploaded').waitFor();
  await parts.filter({ hasText: 'Scan 0007 (p. 1).pdf' }).getByText('Uploaded').waitFor();
  await parts
    .filter({ hasText: 'Scan 0007 (p. 2).pdf' })
    .getByText('Part of the batch above: pages 2–2')
    .waitFor();

  // Under their original, in page order, and indented.
  const names = await tab.locator('.history-row .history-file').allTextContents();
  const at = names.indexOf('Scan 0007.pdf');
  assert.deepEqual(names.slice(at, at + 3), [
    'Scan 0007.pdf',
    'Scan 0007 (p. 1).pdf',
    'Scan 0007 (p. 2).pdf',
  ]);
  const originalBox = await original.locator('.history-file').boundingBox();
  const partBox = await parts.first().locator('.history-file').boundingBox();
  assert.ok(originalBox && partBox);
  assert.ok(
    partBox.x >= originalBox.x + 20,
    `a part's name starts right of its original's (${partBox.x} vs ${originalBox.x})`,
  );

  await assertAccessible(tab, 'history with a split batch');
  await screenshotBothThemes(tab, 'history-split');

  // The same screens in Dutch: the selector and the part note, no English.
  const { page: dutch } = await openApp(browser, stack, { locale: 'nl-BE' });
  await dutch.getByRole('link', { name: 'Mappen' }).click();
  assert.equal(
    await dutch
      .getByRole('listitem', { name: folder })
      .getByLabel('Gescande stapels splitsen')
      .inputValue(),
    'page',
  );
  await dutch.getByRole('link', { name: 'Geschiedenis' }).click();
  await dutch.getByText('Deel van de stapel hierboven: pagina’s 1–1').waitFor();
});
