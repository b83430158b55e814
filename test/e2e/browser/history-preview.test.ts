// Issue #14 finding 13 in Chromium against the real core and the emulator, in Dutch: History's
// eye opens the document, not its path. A dropped 2-page PDF shows its 2 pages (qpdf's count, an
// oracle that shares no code with pdf.js), an 8-page one its first 6 and "and 2 more"; the
// dialog keeps the focus, Escape closes it, it speaks only Dutch, and it fits 380×340 and
// 1280×800 without overflowing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { seedData } from '../../emulator/index.ts';
import { batchPdf } from '../../fixtures/scanned-batch.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { layoutProblems } from './layout-checks.ts';
import {
  assertAccessible,
  englishLeftOnScreen,
  screenshotBothThemes,
  waitForCount,
} from './page-checks.ts';

/** The dialog's box, and whether anything in it is wider than the dialog. */
async function dialogFit(page: Page) {
  return page.getByRole('dialog').evaluate((dialog) => {
    const element = dialog as unknown as {
      getBoundingClientRect(): { left: number; top: number; right: number; bottom: number };
      scrollWidth: number;
      clientWidth: number;
    };
    const { innerWidth, innerHeight } = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
    };
    const box = element.getBoundingClientRect();
    return {
      inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      widerInside: element.scrollWidth > element.clientWidth,
    };
  });
}

test('History’s eye shows the document’s pages in Dutch, in a dialog that fits and closes on Escape', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  await stack.engine.handlers['settings.update']({ language: 'nl' });
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const twoPages = path.join(stack.workDir, 'Twee paginas.pdf');
  await writeFile(twoPages, await batchPdf([{ text: 'Een' }, { text: 'Twee' }]));
  const eightPages = path.join(stack.workDir, 'Acht paginas.pdf');
  await writeFile(
    eightPages,
    await batchPdf(Array.from({ length: 8 }, (_, index) => ({ text: `P${index + 1}` }))),
  );
  const [expectedTwo, expectedEight] = await Promise.all([
    qpdfPageCount(twoPages),
    qpdfPageCount(eightPages),
  ]);
  assert.equal(expectedTwo, 2);
  assert.equal(expectedEight, 8);
  await stack.engine.handlers['drop.send']({
    paths: [twoPages, eightPages],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await stack.engine.whenIdle();
  const { rows } = await stack.engine.handlers['history.query']({
    filter: {},
    offset: 0,
    limit: 10,
  });
  const shownPath = (name: string) => {
    const row = rows.find((entry) => entry.fileName === name);
    assert.ok(row, `${name} is in the history`);
    return row.archivedPath ?? row.path;
  };

  const { page } = await openApp(browser, stack);
  const words = nl.history;
  await goTo(page, '#/history');
  await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
  const row = page.locator('.history-row').filter({ hasText: 'Twee paginas.pdf' });
  const eye = row.getByRole('button', { name: words.actions.preview });
  await eye.click();

  const dialog = page.getByRole('dialog');
  const pictures = dialog.getByRole('img');
  await waitForCount(pictures, expectedTwo, 'page pictures of the 2-page PDF');
  await dialog.getByRole('img', { name: 'Pagina 2' }).waitFor();
  for (const picture of await pictures.all()) {
    assert.ok(
      await picture.evaluate(
        (image) => (image as unknown as { naturalWidth: number }).naturalWidth > 0,
      ),
      'each page picture is decoded',
    );
  }
  await dialog.getByText(shownPath('Twee paginas.pdf'), { exact: true }).waitFor();
  await dialog.getByRole('heading', { name: `${words.preview.title}: Twee paginas.pdf` }).waitFor();
  assert.deepEqual(await englishLeftOnScreen(page, 'nl'), [], 'no English in the dialog');
  await assertAccessible(page, 'History preview');

  // As the other dialogs (a modal <dialog>): the page behind is inert, so Tab visits only the
  // dialog's controls, and from the last one the browser's own bar (the page's body), never a
  // control of the page behind.
  const visited = new Set<string>();
  for (let press = 0; press < 8; press++) {
    await page.keyboard.press('Tab');
    const where = await dialog.evaluate((element) => {
      const active = (
        globalThis as unknown as { document: { activeElement: unknown; body: unknown } }
      ).document;
      const focused = active.activeElement as { textContent: string | null } | null;
      if (focused === null || focused === active.body) return 'outside the page';
      return element.contains(focused as never) ? `dialog: ${focused.textContent}` : 'behind';
    });
    assert.notEqual(where, 'behind', `Tab press ${press + 1} left the dialog for the page`);
    visited.add(where);
  }
  assert.ok(visited.has(`dialog: ${words.preview.close}`), [...visited].join(', '));
  for (const size of [
    { width: 380, height: 340 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    assert.deepEqual(
      await dialogFit(page),
      { inside: true, widerInside: false },
      `the dialog fits ${size.width}×${size.height}`,
    );
    assert.deepEqual(
      (await layoutProblems(page)).filter((problem) => problem.where.includes('history-preview')),
      [],
      `the dialog's layout at ${size.width}×${size.height}`,
    );
    await screenshotBothThemes(page, `history-preview-${size.width}x${size.height}`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  const longer = page.locator('.history-row').filter({ hasText: 'Acht paginas.pdf' });
  await longer.getByRole('button', { name: words.actions.preview }).click();
  await waitForCount(dialog.getByRole('img'), 6, 'page pictures shown of the 8-page PDF');
  await dialog.getByText('en nog 2 pagina’s', { exact: true }).waitFor();
  await dialog.getByRole('button', { name: words.preview.close }).click();
  await dialog.waitFor({ state: 'detached' });
});
