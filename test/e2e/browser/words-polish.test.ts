// Issue #14 finding 13's leftovers in Chromium, in nl, fr and en, against the real core and
// bridge: a file moved to `_uploaded` is never called "archived" (it read as Clearfacts' Archive
// destination), and Settings names the operating system from the catalogue, not by Node's id
// ("Version 0.1.0 on linux").
import { test } from 'node:test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from './sample-files.ts';
import {
  addWatchedFolder,
  goTo,
  launchChromium,
  openApp,
  signInThroughCore,
  settingsShowsInEachLanguage,
  startStack,
} from './browser-stack.ts';
import type { Language } from './layout-checks.ts';

test('a file moved to _uploaded is named so in the history, not archived', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [administration] = seedData.administrations;
  if (administration === undefined) throw new Error('the emulator seeds administrations');
  // Watched folders move what they delivered to `_uploaded/` (the default after-upload step).
  const folder = await addWatchedFolder(stack, 'scans', administration.companyNumber);
  await writeFile(path.join(folder, 'verplaatst.pdf'), await pdfBytes(1));
  const expected: Record<Language, string> = {
    en: 'Uploaded, moved to _uploaded',
    nl: 'Opgeladen, verplaatst naar _uploaded',
    fr: 'Envoyé, déplacé vers _uploaded',
  };
  for (const language of ['en', 'nl', 'fr'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await goTo(page, '#/history');
    const row = page.locator('.history-row').filter({ hasText: 'verplaatst.pdf' }).first();
    await row
      .filter({ hasText: expected[language] })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${language}: the row says "${expected[language]}"`, {
          cause: new Error(`${await row.innerText().catch(() => '(no row)')}`, { cause: error }),
        });
      });
    const text = await row.innerText();
    if (/archiv|gearchiveerd/i.test(text)) {
      throw new Error(`${language}: the row calls the moved file archived: ${text}`);
    }
    await context.close();
  }
});

test('Settings names the operating system in the page language', async (t) => {
  // The stack's version is 0.0.0-e2e; this machine runs Linux (process.platform "linux").
  await settingsShowsInEachLanguage(t, {
    en: 'Version 0.0.0-e2e on Linux',
    nl: 'Versie 0.0.0-e2e op Linux',
    fr: 'Version 0.0.0-e2e sur Linux',
  });
});
