// After the upload (issue #16), in Chromium against the real core and the emulator: an invoice's
// "In Clearfacts" cell goes from received to processed (with its document date, unpaid) to paid
// as Clearfacts moves it, each time the user activates the cell to ask again; the Administrations
// screen counts the unpaid purchase invoice while it is one. The History's line about a paused
// follow-up appears and clears while the page stays open (`followUp.changed`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  dropPurchase,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
  type Stack,
} from './browser-stack.ts';
import { assertAccessible, screenshotBothThemes } from './page-checks.ts';

/**
 * Signs in, drops one purchase invoice (`name`, `pages` pages) for the first seeded
 * administration and waits for its uuid. Returns the administration, the emulator's upload and
 * the history row.
 */
async function deliverInvoice(stack: Stack, name: string, pages: number) {
  await signInThroughCore(stack);
  const file = path.join(stack.workDir, `${name}.pdf`);
  await writeFile(file, await pdfBytes(pages, { label: name.replace('factuur-', 'factuur ') }));
  const { administration, upload } = await dropPurchase(stack, file);
  const [entry] = (
    await stack.engine.handlers['history.query']({ filter: {}, offset: 0, limit: 1 })
  ).rows;
  assert.ok(entry);
  return { administration, upload, entry };
}

test('an invoice goes received → processed → paid in History', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    // Documents stay received until the test moves them. Each click asks at once after a short
    // spacing: the engine's 5 s between two lookups made the test wait 10 s for its 3 clicks.
    startStack(t, {
      emulator: { documentLifecycle: { processAfterMs: null } },
      followUpSpacingMs: 200,
    }),
  ]);
  const { administration, upload } = await deliverInvoice(stack, 'factuur-2026-031', 2);

  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  const row = page.locator('.history-row').filter({ hasText: 'factuur-2026-031.pdf' });
  const cell = row.locator('.cf-status');
  await cell.filter({ hasText: 'Not checked yet' }).waitFor();

  // Opening the row's cell asks Clearfacts at once (before the schedule's first check at 2 min).
  await cell.click();
  await cell.filter({ hasText: 'Received' }).waitFor();

  stack.emulator.setDocumentStage({ uuid: upload.uuid, stage: 'processed', date: '2026-02-27' });
  await cell.click();
  await cell.filter({ hasText: 'Processed · Feb 27, 2026 · unpaid' }).waitFor();
  await page.getByRole('link', { name: 'Administrations' }).click();
  await page
    .locator('.list-item')
    .filter({ hasText: administration.name })
    .getByText('1 unpaid purchase invoice')
    .waitFor();
  await page.getByRole('link', { name: 'History' }).click();

  stack.emulator.setDocumentStage({ uuid: upload.uuid, stage: 'paid', date: '2026-02-27' });
  await cell.click();
  await cell.filter({ hasText: 'Paid · Feb 27, 2026' }).waitFor();
  await page.getByLabel('In Clearfacts', { exact: true }).selectOption('paid');
  await row.waitFor();
  await assertAccessible(page, 'history, in Clearfacts');
  await page.getByLabel('In Clearfacts', { exact: true }).selectOption('');
  await screenshotBothThemes(page, 'history-in-clearfacts');
  const requests = stack.emulator.documentRequests();
  assert.equal(requests.length, 3, 'one lookup per time the user asked, none other');
});

test('the line about a paused follow-up appears and clears without a reload', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    // A short spacing, so the retry after the rate limit lifts comes within a second or so.
    startStack(t, {
      emulator: { documentLifecycle: { processAfterMs: null } },
      followUpSpacingMs: 200,
    }),
  ]);
  await deliverInvoice(stack, 'factuur-2026-032', 1);

  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  const line = page.locator('[data-follow-up]');
  const cell = page
    .locator('.history-row')
    .filter({ hasText: 'factuur-2026-032.pdf' })
    .locator('.cf-status');
  await cell.filter({ hasText: 'Not checked yet' }).waitFor();
  assert.equal(await line.count(), 0, 'no line while the follow-up is active');
  let loads = 0;
  page.on('load', () => (loads += 1));

  // Clearfacts answers every request 429: the lookup the click asks for pauses the follow-up.
  stack.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, appliesTo: 'all' });
  await cell.click();
  await page
    .locator('[data-follow-up="paused_rate_limit"]')
    .filter({ hasText: 'Clearfacts asked to slow down; following up resumes later.' })
    .waitFor();

  // The limit lifts: the follow-up's own retry succeeds and the line goes.
  stack.emulator.setFaults({});
  await cell.filter({ hasText: 'Received' }).waitFor();
  await line.waitFor({ state: 'detached' });
  assert.equal(loads, 0, 'the page was never reloaded');
});

test('the Administrations screen follows the follow-up live: its unpaid counts and why they stop', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    // A short spacing between the lookups the test asks for (the engine's is 5 s).
    startStack(t, {
      emulator: { documentLifecycle: { processAfterMs: null } },
      followUpSpacingMs: 200,
    }),
  ]);
  const { administration, upload, entry } = await deliverInvoice(stack, 'factuur-2026-033', 1);

  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'Administrations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Administrations' }).waitFor();
  const item = page.locator('.list-item').filter({ hasText: administration.name });
  await item.waitFor();
  assert.equal(await item.locator('.cf-unpaid').count(), 0, 'nothing unpaid before any answer');
  let loads = 0;
  page.on('load', () => (loads += 1));

  // Clearfacts calls it processed and unpaid: the count appears while the screen stays open.
  stack.emulator.setDocumentStage({ uuid: upload.uuid, stage: 'processed', date: '2026-02-27' });
  await stack.engine.handlers['followUp.checkNow']({ id: entry.id });
  await item.getByText('1 unpaid purchase invoice').waitFor();

  // Turned off in the settings: the screen says its counts are no longer kept up to date …
  const line = page.locator('[data-follow-up]');
  await stack.engine.handlers['settings.update']({ followUp: false });
  await page
    .locator('[data-follow-up="off"]')
    .filter({ hasText: 'Following up in Clearfacts is turned off (Settings).' })
    .waitFor();
  // … and stops saying it when it is turned on again.
  await stack.engine.handlers['settings.update']({ followUp: true });
  await line.waitFor({ state: 'detached' });

  // Paid: the count goes.
  stack.emulator.setDocumentStage({ uuid: upload.uuid, stage: 'paid', date: '2026-02-27' });
  await stack.engine.handlers['followUp.checkNow']({ id: entry.id });
  await item.locator('.cf-unpaid').waitFor({ state: 'detached' });
  assert.equal(loads, 0, 'the page was never reloaded');
});
