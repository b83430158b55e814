// Issue #10, incidents in History (Chromium against the real core and the emulator): a gateway
// that stores uploads and answers 504 leaves some files unconfirmed; History shows them under one
// banner with when the outage began, how many, how to check them in Clearfacts and the two
// decisions; in Dutch too. "Mark all done" records them all and the banner goes away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { causeOutage } from '../../support/outage.ts';
import {
  addWatchedFolder,
  goTo,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
} from './browser-stack.ts';
import { assertAccessible, englishLeftOnScreen, screenshotBothThemes } from './page-checks.ts';

test('the unconfirmed files of one outage sit under one banner; Mark all done settles them', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, { apiTimeoutMs: 2_000 }),
  ]);
  await signInThroughCore(stack);
  const companyNumber = stack.emulator.seed.administrations[0]?.companyNumber;
  assert.ok(companyNumber !== undefined);
  const dir = await addWatchedFolder(stack, 'scans', companyNumber);
  const names = ['factuur-storing-1.pdf', 'factuur-storing-2.pdf', 'factuur-storing-3.pdf'];
  const incident = await causeOutage(stack.engine, stack.emulator, dir, names);
  const count = incident.files.length;
  assert.ok(count >= 1);

  const { page } = await openApp(browser, stack);
  await goTo(page, '#/history');
  const banner = page.getByRole('region', { name: 'Unconfirmed uploads of one outage' });
  await banner
    .getByText(
      new RegExp(`Clearfacts did not confirm ${count} uploads? during the outage that began`),
    )
    .waitFor();
  await banner.getByText('open each administration in Clearfacts', { exact: false }).waitFor();
  for (const file of incident.files) await banner.getByText(file.fileName).waitFor();
  await banner.getByRole('button', { name: `Send all ${count} again` }).waitFor();
  await assertAccessible(page, 'history, an outage banner');
  await screenshotBothThemes(page, 'history-incident');

  const dutch = await openApp(browser, stack, { locale: 'nl-BE' });
  await goTo(dutch.page, '#/history');
  const dutchBanner = dutch.page.getByRole('region', {
    name: 'Onbevestigde verzendingen van één storing',
  });
  await dutchBanner
    .getByText(new RegExp(`Clearfacts bevestigde ${count} verzendingen? niet tijdens de storing`))
    .waitFor();
  await dutchBanner
    .getByRole('button', { name: `Alle ${count} als afgehandeld markeren` })
    .waitFor();
  assert.deepEqual(await englishLeftOnScreen(dutch.page, 'nl'), []);
  await dutch.context.close();

  const uploads = stack.emulator.uploads().length;
  await banner.getByRole('button', { name: `Mark all ${count} as done` }).click();
  await page.getByText(new RegExp(`${count} files? of this outage (is|are) recorded`)).waitFor();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await stack.engine.handlers['history.incidents']({}), []);
  assert.equal(stack.emulator.uploads().length, uploads, 'marking done sends nothing');
});
