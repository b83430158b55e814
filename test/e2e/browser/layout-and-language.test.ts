// Every screen at the drop window's size (380×340), its smallest (300×260), a small desktop
// window (800×600) and a large one (1280×800), in Dutch, French and English, in Chromium against
// the real core and the emulator: nothing wider than the window, no control cut off, no name a
// letter per line, no select whose choice is cut, in the desktop windows no field's placeholder
// cut (History's filters in French at 800×600 were), not one sentence from another language's
// catalogue, and in every window a screen's main content (History's list) in view. In the small
// windows History's filters wait behind a toggle; opened, they fit too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seedData } from '../../emulator/index.ts';
import { en } from '../../../src-renderer/i18n/en.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import {
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
  UI_TIMEOUT_MS,
  addSomeActivity,
  goTo,
} from './browser-stack.ts';
import {
  foreignWordsOnScreen,
  LANGUAGES,
  layoutProblems,
  type Language,
  type LayoutProblem,
} from './layout-checks.ts';
import { pdfBytes } from './sample-files.ts';

const SIZES = [
  { width: 380, height: 340, small: true },
  { width: 300, height: 260, small: true },
  { width: 800, height: 600, small: false },
  { width: 1280, height: 800, small: false },
] as const;

const WORDS = { en, nl, fr } as const;

/** A long name such as scanners write, which must wrap or shorten, never squeeze the table. */
const LONG_NAME = 'Aankoopfactuur 2026-118 Brouwerij De Ranke BV leveringen november.pdf';

/** Files dropped on a drop screen: one accepted, one refused, both with long names. */
async function dropFiles(page: Page): Promise<void> {
  await page.getByTestId('drop-files-input').setInputFiles([
    { name: LONG_NAME, mimeType: 'application/pdf', buffer: await pdfBytes(1) },
    {
      name: 'webpagina-met-een-heel-lange-naam-zonder-spaties.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><p>not a pdf</p>'),
    },
  ]);
  await page.locator('.file-table tbody tr').nth(1).locator('.row-failure').waitFor();
}

function screens(language: Language, company: string) {
  const words = WORDS[language];
  return [
    { hash: '#/folders', title: words.folders.title },
    { hash: '#/drop', title: words.drop.title, drop: true },
    { hash: '#/history', title: words.history.title, filtersToggle: true },
    { hash: `#/administrations/${company}`, title: words.administrations.title },
    { hash: '#/settings', title: words.settings.title },
    { hash: '#/drop-window', title: words.drop.title, drop: true },
  ];
}

function said(problems: LayoutProblem[]): string {
  return problems
    .map((problem) => `${problem.kind}: ${problem.where} (${problem.detail})`)
    .join('\n');
}

test('every screen fits every window size and speaks only the chosen language', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  await addSomeActivity(stack, LONG_NAME);
  const company = seedData.administrations[0]?.companyNumber;
  assert.ok(company);
  const found: string[] = [];

  // The checks can fail: a page in English is full of words foreign to French, and a line that
  // cannot wrap makes the page wider than a small window.
  const probe = await openApp(browser, stack);
  await probe.page.setViewportSize({ width: 300, height: 260 });
  await goTo(probe.page, '#/settings');
  await probe.page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
  assert.ok((await foreignWordsOnScreen(probe.page, 'fr')).length > 5);
  await probe.page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        querySelector(selector: string): { insertAdjacentHTML(where: string, html: string): void };
      };
    };
    document
      .querySelector('h1')
      .insertAdjacentHTML('afterend', '<p style="white-space: nowrap">' + 'x'.repeat(80) + '</p>');
  });
  assert.ok((await layoutProblems(probe.page)).some((problem) => problem.kind === 'overflow'));
  await probe.context.close();

  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    for (const screen of screens(language, company)) {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await goTo(page, screen.hash);
        await page.getByRole('heading', { level: 1, name: screen.title, exact: true }).waitFor();
        await page.waitForFunction(
          () =>
            (
              globalThis as unknown as { document: { querySelector(s: string): unknown } }
            ).document.querySelector('.state-loading') === null,
          undefined,
          { timeout: UI_TIMEOUT_MS },
        );
        if (screen.drop === true && (await page.locator('.file-table').count()) === 0)
          await dropFiles(page);
        const where = `${language} ${screen.hash} at ${size.width}×${size.height}`;
        const problems = await layoutProblems(page, {
          mainInView: true,
          placeholders: !size.small,
        });
        if (problems.length > 0) found.push(`${where}:\n${said(problems)}`);
        if (screen.filtersToggle === true && size.small) {
          // The toggle that holds the filters back; opened, they fit the window too.
          const toggle = page.locator('button[aria-controls="history-filters"]');
          if ((await toggle.count()) === 0) found.push(`${where}: no toggle for the filters`);
          else {
            await toggle.click();
            await page.getByRole('search').waitFor();
            const opened = await layoutProblems(page);
            if (opened.length > 0) found.push(`${where}, filters open:\n${said(opened)}`);
            await toggle.click();
            await page.getByRole('search').waitFor({ state: 'hidden' });
          }
        }
        const foreign = await foreignWordsOnScreen(page, language);
        if (foreign.length > 0)
          found.push(`${where}: another language's words: ${foreign.join(' | ')}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});
