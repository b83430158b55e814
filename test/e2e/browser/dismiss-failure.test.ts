// Dismissing a failure, in Chromium against the real core and the emulator: a refusal only
// another file can end offers no Retry, and once dismissed it is no longer red, no longer counted
// as failed and no longer asks for attention, while the row stays as a record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';

test('a failure that cannot change is dismissed, not retried', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const page = path.join(stack.workDir, 'webpagina.pdf');
  await writeFile(page, '<!doctype html><p>not a pdf</p>');
  await stack.engine.handlers['drop.send']({
    paths: [page],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await stack.engine.whenIdle();

  const { page: tab } = await openApp(browser, stack);
  await tab.getByRole('link', { name: 'History' }).click();
  await tab.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  const row = tab.locator('.history-row').filter({ hasText: 'webpagina.pdf' });
  await row.getByText('Failed', { exact: true }).waitFor();
  await tab
    .getByLabel('1 document needs you (failed or waiting for your choice)', { exact: true })
    .waitFor();
  assert.equal(await row.getByRole('button', { name: 'Retry' }).count(), 0);

  await row.getByRole('button', { name: 'Dismiss' }).click();
  await row.getByText('Dismissed', { exact: true }).waitFor();
  assert.equal(await row.getByText('Failed', { exact: true }).count(), 0);
  await tab.locator('.nav-badge').waitFor({ state: 'detached' });
  assert.equal((await stack.engine.handlers['status.get']({})).counts.failed, 0);
  assert.equal(await row.getByRole('button', { name: 'Dismiss' }).count(), 0);
});
