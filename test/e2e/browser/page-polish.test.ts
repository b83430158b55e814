// Polish of issue #14 finding 13, in Chromium against the real core and bridge: the page has a
// favicon the bridge serves, the tab is named after the screen shown in the app's language
// ("Geschiedenis – Clearfacts Uploader"), loading the app logs no error (no CSP violation, no
// missing /favicon.ico), and the sign-in hint counts no characters before any are typed. History
// shows the bytes sent (finding 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import {
  dropPurchase,
  launchChromium,
  openApp,
  signInThroughCore,
  settingsShowsInEachLanguage,
  startStack,
} from './browser-stack.ts';
import { sizeText } from '../../support/size-text.ts';
import type { Language } from './layout-checks.ts';

const SCREENS: Record<Language, string[]> = {
  en: ['Administrations', 'Folders', 'Drop files', 'History', 'Settings'],
  nl: ['Administraties', 'Mappen', 'Bestanden slepen', 'Geschiedenis', 'Instellingen'],
  fr: ['Administrations', 'Dossiers', 'Déposer des fichiers', 'Historique', 'Paramètres'],
};

test('the tab has a favicon and names the screen in the app language; loading logs no error', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  for (const language of ['en', 'nl', 'fr'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error')
        problems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    // Loaded again with the listeners in place, through a fresh single-use link.
    await page.goto(stack.bridge.newLink());
    await page
      .getByRole('link', { name: SCREENS[language][0], exact: true })
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}\n${await page.locator('body').innerText()}\n${problems.join('\n')}`,
        );
      });
    for (const screen of SCREENS[language]) {
      await page.getByRole('link', { name: screen, exact: true }).first().click();
      const expected = `${screen} – Clearfacts Uploader`;
      await page
        .waitForFunction(
          (title) =>
            (globalThis as unknown as { document: { title: string } }).document.title === title,
          expected,
        )
        .catch(async (error: unknown) => {
          throw new Error(`the tab named "${expected}": it is "${await page.title()}"`, {
            cause: error,
          });
        });
    }
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.ok(href !== null, 'a favicon link');
    const icon = await page.request.get(new URL(href, page.url()).href);
    assert.equal(icon.status(), 200);
    assert.equal(icon.headers()['content-type'], 'image/svg+xml');
    assert.match(await icon.text(), /<svg/);
    assert.deepEqual(problems, [], `${language}: errors while loading`);
    await context.close();
  }
});

test('the sign-in hint counts no characters before any are typed', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  const hints: Record<Language, { empty: string; three: string }> = {
    en: {
      empty: 'A token is exactly 80 characters long.',
      three: 'A token is exactly 80 characters long. This one has 3.',
    },
    nl: {
      empty: 'Een token telt precies 80 tekens.',
      three: 'Een token telt precies 80 tekens. Deze telt er 3.',
    },
    fr: {
      empty: 'Un jeton compte exactement 80 caractères.',
      three: 'Un jeton compte exactement 80 caractères. Celui-ci en compte 3.',
    },
  };
  for (const language of ['en', 'nl', 'fr'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    const token = page.locator('input[type="password"]');
    const hint = page.locator(`[id="${await token.getAttribute('aria-describedby')}"]`);
    await hint.filter({ hasText: hints[language].empty }).waitFor();
    assert.equal(await hint.innerText(), hints[language].empty);
    await token.fill('abc');
    await hint.filter({ hasText: hints[language].three }).waitFor();
    await context.close();
  }
});

test('History shows the bytes sent beside the file size when they differ (#14 finding 12)', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  // 26 bytes before %PDF-: sent without them.
  const prefix = Buffer.from('X-Scanner-Header: 0042\r\n\r\n');
  const file = path.join(stack.workDir, 'met-kop.pdf');
  await writeFile(file, Buffer.concat([prefix, await pdfBytes(2)]));
  const { upload } = await dropPurchase(stack, file);
  const onDisk = (await stat(file)).size;
  assert.equal(upload.bytes, onDisk - prefix.length);
  const kilobytes = (bytes: number) => sizeText(bytes, 'nl');

  await stack.engine.handlers['settings.update']({ language: 'nl' });
  const { page } = await openApp(browser, stack, { locale: 'nl-BE' });
  await page.getByRole('link', { name: 'Geschiedenis', exact: true }).first().click();
  const meta = page
    .locator('.history-row')
    .filter({ hasText: 'met-kop.pdf' })
    .locator('.history-meta')
    .first();
  await meta
    .filter({ hasText: `${kilobytes(onDisk)} · ${kilobytes(upload.bytes)} verzonden` })
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`the sizes in the row: it reads "${await meta.innerText()}"`, {
        cause: error,
      });
    });
});

test('Settings names where the token is kept in the app language, not by its English id', async (t) => {
  // The stack keeps the token in memory (id "memory"), as the demo does ("memory (demo)").
  await settingsShowsInEachLanguage(t, {
    en: 'Token storage: memory only, until the uploader stops',
    nl: 'Opslag van de token: alleen in het geheugen, tot de uploader stopt',
    fr: 'Stockage du jeton : en mémoire seulement, jusqu’à l’arrêt de l’uploader',
  });
});
