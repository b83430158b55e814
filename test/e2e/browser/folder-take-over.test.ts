// Issue #10, one owner per folder, in Chromium against the real core: a folder that another
// installation delivers is unavailable here with that owner named, and "Take over" on the Folders
// screen makes this installation deliver it once the owner has gone silent (folders.takeOver).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FOLDER_OWNER_FILE,
  OWNER_SILENT_AFTER_MS,
} from '../../../src-main/core/folders/folder-owner.ts';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { assertAccessible } from './page-checks.ts';

test('a folder another installation delivered is taken over from the Folders screen', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const shared = path.join(stack.workDir, 'nas-scans');
  await mkdir(shared);
  const binding = {
    path: shared,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' as const },
  };

  // A colleague's installation delivered the folder, and stopped long ago.
  const colleague = await startEngine(t, {
    emulator: stack.emulator,
    configDir: path.join(stack.workDir, 'colleague-config'),
  });
  await colleague.engine.handlers['folders.add'](binding);
  await colleague.waitForFolders('the colleague watches the folder', (views) =>
    views.some((view) => view.availability === 'watching'),
  );
  await colleague.stop();
  // Its marker was last written long ago, by the share's clock (the one the take-over reads).
  const silentSince = new Date(Date.now() - 2 * OWNER_SILENT_AFTER_MS);
  await utimes(path.join(shared, FOLDER_OWNER_FILE), silentSince, silentSince);

  await stack.engine.handlers['folders.add'](binding);
  const { page: tab } = await openApp(browser, stack);
  await tab.getByRole('link', { name: 'Folders' }).click();
  await tab.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
  const card = tab.getByRole('listitem', { name: shared });
  await card.getByText('Unavailable', { exact: true }).waitFor();
  await card.getByText('Why?').click();
  await card.getByText(/Another installation delivers .*colleague-config/).waitFor();
  await assertAccessible(tab, 'a folder another installation delivers');

  const takeOver = card.getByRole('button', { name: 'Take over: deliver this folder from here' });
  await takeOver.click();
  await card.getByText('Watching', { exact: true }).waitFor();
  // The button goes with the reason.
  await takeOver.waitFor({ state: 'detached' });

  // Delivered from here now.
  await writeFile(path.join(shared, 'scan.pdf'), await pdfBytes(1, { label: 'Taken over' }));
  await tab.getByRole('link', { name: 'History' }).click();
  await tab.locator('.history-row').filter({ hasText: 'scan.pdf' }).getByText('Uploaded').waitFor();
});
