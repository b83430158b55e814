// Language and scale, in Chromium against the real core and the emulator: every screen switches
// completely to French and to Dutch (no English sentence left), and 1,000 administrations are
// searched at once by name or company number, each with its categories, folders and uploads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import {
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
  addSomeActivity,
  goTo,
} from './browser-stack.ts';
import { assertAccessible, englishLeftOnScreen, screenshotBothThemes } from './page-checks.ts';

const SCREENS = [
  { hash: '#/folders', title: { fr: 'Dossiers', nl: 'Mappen' } },
  { hash: '#/drop', title: { fr: 'Déposer des fichiers', nl: 'Bestanden slepen' } },
  { hash: '#/history', title: { fr: 'Historique', nl: 'Geschiedenis' } },
  { hash: '#/administrations', title: { fr: 'Administrations', nl: 'Administraties' } },
  { hash: '#/settings', title: { fr: 'Paramètres', nl: 'Instellingen' } },
] as const;

test('switching to French and then Dutch translates every visible string', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  await addSomeActivity(stack, 'Factuur 2026-118.pdf');
  // With the language set to "system", a French-speaking browser gets French at once.
  const french = await openApp(browser, stack, { locale: 'fr-BE' });
  await french.page.getByRole('heading', { level: 1, name: 'Historique' }).waitFor();
  await french.context.close();

  const { page } = await openApp(browser, stack);
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'leeg.pdf' })
    .getByText(/The file is empty \(0 bytes\)/)
    .waitFor();

  // The check can fail: on the English screen it finds plenty.
  assert.ok((await englishLeftOnScreen(page, 'fr')).length > 5);

  await goTo(page, '#/settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await assertAccessible(page, 'settings');
  await screenshotBothThemes(page, 'settings');
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.getByRole('heading', { name: 'Paramètres' }).waitFor();
  for (const language of ['fr', 'nl'] as const) {
    if (language === 'nl') {
      await page.getByLabel('Langue', { exact: true }).selectOption('nl');
      await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    }
    for (const screen of SCREENS) {
      await goTo(page, screen.hash);
      await page
        .getByRole('heading', { level: 1, name: screen.title[language], exact: true })
        .waitFor();
      await page.locator('.state-loading').waitFor({ state: 'detached' });
      assert.deepEqual(await englishLeftOnScreen(page, language), [], `${language} ${screen.hash}`);
    }
  }
  await goTo(page, '#/history');
  await page
    .getByRole('listitem')
    .filter({ hasText: 'leeg.pdf' })
    .getByText(/Het bestand is leeg \(0 bytes\)/)
    .waitFor();
  await screenshotBothThemes(page, 'history-nl');

  // Signed out, the sign-in screen speaks Dutch too, with the dates and numbers of nl-BE.
  await goTo(page, '#/settings');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByRole('heading', { name: 'Aanmelden bij Clearfacts' }).waitFor();
  assert.deepEqual(await englishLeftOnScreen(page, 'nl'), []);
  assert.equal(
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
          .documentElement.lang,
    ),
    'nl',
  );
  await assertAccessible(page, 'sign-in (nl)');
});

test('1,000 administrations are searched at once, each with its categories, folders and uploads', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, { emulator: { extraAdministrations: 1000 } }),
  ]);
  await signInThroughCore(stack);
  await addSomeActivity(stack, 'Factuur 2026-118.pdf');
  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'Administrations' }).click();
  const total = stack.emulator.seed.administrations.length;
  assert.ok(total > 1000);
  await page.getByText(`${new Intl.NumberFormat('en').format(total)} administrations`).waitFor();

  const search = page.getByLabel('Search administrations');
  const list = page.getByRole('list', { name: 'Administrations' });
  const last = stack.emulator.seed.administrations[total - 1];
  assert.ok(last);
  await search.fill(last.companyNumber.slice(1));
  await list.getByRole('link').first().waitFor();
  assert.deepEqual(await list.getByRole('link').allInnerTexts(), [
    `${last.name}\n${last.companyNumber.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1.$2.$3')}`,
  ]);

  const first = seedData.administrations[0];
  assert.ok(first);
  await search.fill(first.name);
  await list.getByRole('link', { name: new RegExp(first.name) }).click();
  const details = page.getByRole('article');
  await details.getByRole('heading', { name: first.name }).waitFor();
  await details.getByText('Factuur 2026-118.pdf').waitFor();
  await details.getByText(path.join(stack.workDir, 'scans')).waitFor();
  const categories = await stack.engine.handlers['administrations.categories']({
    companyNumber: first.companyNumber,
  });
  const category = categories.various[0] ?? categories.permanent[0];
  assert.ok(category, 'the seed gives the administration archive categories');
  await details.getByText(category.name, { exact: true }).waitFor();
  await assertAccessible(page, 'administrations');
  await screenshotBothThemes(page, 'administrations');
});
