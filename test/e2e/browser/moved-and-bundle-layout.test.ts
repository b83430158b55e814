// Seen attacking #14/#19 at the drop window's sizes: a watched file moved after its upload reads
// "Opgeladen, verplaatst naar _uploaded", a badge that never wrapped and pushed History's row
// wider than a 300 px window (256 px in a 204 px box); and a folder card whose split select
// showed "Regrouper une session de numérisation en un document" (418 px) in a 238 px select.
// In nl, fr and en at 300×260, 380×340 and 1280×800: nothing wider than its box, no select
// whose choice is cut, no long file name cut to a letter by its ellipsis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import {
  addWatchedFolder,
  goTo,
  launchChromium,
  openApp,
  setSplitInCore,
  signInThroughCore,
  startStack,
  untilHistory,
} from './browser-stack.ts';
import { LANGUAGES, LAYOUT_SIZES, layoutProblems, SCREEN_WORDS } from './layout-checks.ts';

test("a moved file's row and a bundling folder's card fit every size in every language", async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const scans = await addWatchedFolder(stack, 'scans', administration.companyNumber);
  const phone = await addWatchedFolder(stack, 'phone', administration.companyNumber);
  await setSplitInCore(stack, phone, 'bundle:30');
  // A scanner's long name: beside the French state it was cut to "O…" at 380 px.
  const moved = 'Onderhoud bestelwagen Garage Peeters.pdf';
  await writeFile(path.join(scans, moved), await pdfBytes(1, { label: 'moved' }));
  await untilHistory(stack, `${moved} to be uploaded and moved to _uploaded`, (rows) =>
    rows.some((row) => row.state === 'archived'),
  );

  const found: string[] = [];
  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const words = SCREEN_WORDS[language];
    const { page, context } = await openApp(browser, stack);
    for (const screen of [
      { hash: '#/history', title: words.history.title, ready: '.history-row.state-archived' },
      { hash: '#/folders', title: words.folders.title, ready: '.folder-split select' },
    ]) {
      for (const size of LAYOUT_SIZES) {
        await page.setViewportSize(size);
        await goTo(page, screen.hash);
        await page.getByRole('heading', { level: 1, name: screen.title, exact: true }).waitFor();
        await page.locator(screen.ready).first().waitFor();
        for (const problem of await layoutProblems(page))
          found.push(
            `${language} ${screen.hash} at ${size.width}×${size.height}: ${problem.kind}: ${problem.where} (${problem.detail})`,
          );
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('every split mode, when chosen, fits its select at the smallest size in every language', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const modes = ['separator', 'blank', 'blank-backs', 'page', 'pages:3'] as const;
  const ids: string[] = [];
  for (const mode of modes) {
    const dir = await addWatchedFolder(
      stack,
      `split-${mode.replace(':', '-')}`,
      administration.companyNumber,
    );
    const { folders } = await stack.engine.handlers['folders.list']({});
    const binding = folders.find((view) => view.binding.path === dir)?.binding;
    assert.ok(binding);
    await stack.engine.handlers['folders.setSplit']({ id: binding.id, split: mode });
    ids.push(binding.id);
  }
  const found: string[] = [];
  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    await page.setViewportSize(LAYOUT_SIZES[0]);
    await goTo(page, '#/folders');
    await page
      .getByRole('heading', { level: 1, name: SCREEN_WORDS[language].folders.title, exact: true })
      .waitFor();
    await page
      .locator('.folder-split select')
      .nth(modes.length - 1)
      .waitFor();
    for (const problem of await layoutProblems(page))
      found.push(`${language}: ${problem.kind}: ${problem.where} (${problem.detail})`);
    await context.close();
  }
  assert.deepEqual(found, []);
  assert.equal(ids.length, modes.length);
});
