// Issue #19 on the History screen, in Chromium against the real core: a scan session's file has
// no uuid of its own once its combined document is uploaded. Its row said only "From a watched
// folder", as if nothing told where it went; it says it went to Clearfacts inside a combined
// document, whose row shows the uuid, in nl, fr and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
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
import { LANGUAGES, SCREEN_WORDS } from './layout-checks.ts';

test("a scan session's file says in History that it went inside the combined document", async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const phone = await addWatchedFolder(stack, 'phone', administration.companyNumber);
  // The shortest quiet window (5 s), on the engine's own timer: the browser stack has no other.
  await setSplitInCore(stack, phone, 'bundle:5');
  await writeFile(path.join(phone, 'scan 1.png'), await photoPage('scan 1', 'png'));
  await writeFile(path.join(phone, 'scan 2.jpg'), await photoPage('scan 2', 'jpeg'));
  await untilHistory(
    stack,
    'both files delivered inside their combined document and moved',
    (rows) => {
      const members = rows.filter((row) => row.bundleId !== null && row.bundleId !== undefined);
      return members.length === 2 && members.every((row) => row.state === 'archived');
    },
  );

  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const words = SCREEN_WORDS[language];
    const { page, context } = await openApp(browser, stack);
    await goTo(page, '#/history');
    for (const name of ['scan 1.png', 'scan 2.jpg']) {
      const row = page.locator('.history-row').filter({
        has: page.locator('.history-file', { hasText: name }),
      });
      await row.getByText(words.history.combinedInto).waitFor();
      assert.equal(
        await row.getByText(words.history.sources.watch).count(),
        0,
        `${language}: ${name} says where it went`,
      );
    }
    await context.close();
  }
});
