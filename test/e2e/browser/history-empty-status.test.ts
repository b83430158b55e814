// The status bar and History's empty state agree (issue #14 finding 13): while the status bar
// counts a file on its way ("Uploading 0 of 1"), History never says "No documents yet". The
// status and the file's first row came together, but the empty list waited for its reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  startStack,
} from './browser-stack.ts';

/** Every DOM change the page makes is recorded: is the status busy while the list is empty? */
const RECORD = `(() => {
  const state = { busyBesideEmpty: [], changes: 0 };
  globalThis.__agreement = state;
  const look = () => {
    state.changes += 1;
    const busy = document.querySelector('.status-bar.status-busy');
    const empty = document.querySelector('main .state-empty');
    if (busy !== null && empty !== null) {
      state.busyBesideEmpty.push(busy.innerText.replace(/\\s+/g, ' ') + ' | ' + empty.innerText.replace(/\\s+/g, ' '));
    }
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

for (const language of ['nl', 'fr', 'en'] as const) {
  test(`History is not empty while the status bar counts a file on its way (${language})`, async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    await signInThroughCore(stack);
    await stack.engine.handlers['settings.update']({ language });
    const [administration] = seedData.administrations;
    assert.ok(administration);
    const folder = await addWatchedFolder(stack, 'scans', administration.companyNumber);
    const { page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await goTo(page, '#/history');
    await page.locator('main .state-empty').waitFor();
    await page.evaluate(RECORD);

    await writeFile(path.join(folder, 'eerste.pdf'), await pdfBytes(1));
    // Watched: delivered, then moved to _uploaded; the status is idle again.
    await page.locator('.history-row').filter({ hasText: 'eerste.pdf' }).waitFor();
    await page.locator('.status-bar.status-success').waitFor();
    const seen = (await page.evaluate('globalThis.__agreement')) as {
      busyBesideEmpty: string[];
      changes: number;
    };
    assert.ok(seen.changes > 0, 'the page was watched while the file arrived');
    assert.deepEqual(
      seen.busyBesideEmpty,
      [],
      'the status bar counted a file beside an empty list',
    );
  });
}
