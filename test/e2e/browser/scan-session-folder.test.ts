// Issue #19 in Chromium against the real core: a folder's card offers "Bundle scan sessions"
// beside the split modes, with the seconds of quiet that end the session (30 by default, 5 to
// 600); each valid choice reaches core as `folders.setSplit` with `bundle:N`, a number out of
// range is marked invalid and not sent, and the option speaks Dutch and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { seedData } from '../../emulator/index.ts';
import {
  addWatchedFolder,
  goTo,
  launchChromium,
  openApp,
  signInThroughCore,
  splitInCore,
  startStack,
} from './browser-stack.ts';
import { assertAccessible, englishLeftOnScreen, waitForValue } from './page-checks.ts';

test('a folder bundles scan sessions with the quiet window the user types', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const folder = await addWatchedFolder(stack, 'phone', administration.companyNumber);

  const { page: tab } = await openApp(browser, stack);
  await tab.getByRole('link', { name: 'Folders' }).click();
  await tab.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
  const card = tab.getByRole('listitem', { name: folder });
  const selector = card.getByLabel('Split scanned batches');
  await selector.selectOption('bundle');
  await splitInCore(stack, folder, 'bundle:30');
  const seconds = card.getByLabel('Seconds of quiet that end the session');
  assert.equal(await seconds.inputValue(), '30');
  await card.getByText('combined into one PDF in name order').waitFor();

  await seconds.fill('45');
  await splitInCore(stack, folder, 'bundle:45');
  await seconds.fill('3');
  await waitForValue(seconds, '3', 'the seconds field');
  assert.equal(await seconds.getAttribute('aria-invalid'), 'true');
  await seconds.fill('600');
  await splitInCore(stack, folder, 'bundle:600');
  await assertAccessible(tab, 'a folder that bundles scan sessions');

  for (const [language, words] of [
    ['nl', nl],
    ['fr', fr],
  ] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    await goTo(page, '#/folders');
    const localCard = page.getByRole('listitem', { name: folder });
    await localCard.getByLabel(words.folders.split.bundleSeconds).waitFor();
    assert.equal(
      await localCard.getByLabel(words.folders.split.label).inputValue(),
      'bundle',
      `${language}: the folder's choice is shown`,
    );
    assert.deepEqual(await englishLeftOnScreen(page, language), [], `${language}: English`);
    await context.close();
  }

  await stack.engine.handlers['settings.update']({ language: 'en' });
  await selector.selectOption('off');
  await splitInCore(stack, folder, 'off');
});
