// Issue #18 F6 in Chromium against the real core and the emulator: a failure's detail is labelled
// by whose words it is. Clearfacts' answer to a refused upload reads "Clearfacts said"; a detail
// the app made itself (the namespace a fake invoice uses) is a technical detail, never put in
// Clearfacts' mouth, in nl, fr and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { en } from '../../../src-renderer/i18n/en.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';

/** The words before the quoted detail, as each catalogue writes them. */
function lead(template: string): string {
  return template.slice(0, template.indexOf('{{')).replace(/[“«\s]+$/u, '');
}

test('only what Clearfacts answered is labelled as Clearfacts’ words, in every language', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [administration] = seedData.administrations;
  assert.ok(administration);
  // The app's own detail: the namespace of an Invoice that is not UBL.
  const fake = path.join(stack.workDir, 'nep-factuur.xml');
  await writeFile(fake, '<Invoice xmlns="urn:example:invoice"/>');
  await stack.engine.handlers['drop.send']({
    paths: [fake],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  // Clearfacts' own words: an upload to an administration this user cannot reach.
  const refused = path.join(stack.workDir, 'geweigerd.pdf');
  await writeFile(
    refused,
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  await stack.engine.handlers['drop.send']({
    paths: [refused],
    companyNumber: seedData.inaccessibleAdministration.companyNumber,
    destination: { type: 'purchase' },
  });
  await stack.engine.whenIdle();
  const rows = await stack.engine.handlers['history.query']({
    filter: {},
    offset: 0,
    limit: 10,
  });
  const byName = (name: string) => rows.rows.find((row) => row.fileName === name);
  const said = byName('geweigerd.pdf')?.failure;
  assert.ok(said?.detail, 'Clearfacts gave a reason');

  for (const [language, catalogue] of [
    ['en', en],
    ['nl', nl],
    ['fr', fr],
  ] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    await goTo(page, '#/history');
    await page.getByRole('heading', { level: 1, name: catalogue.history.title }).waitFor();
    const own = page.locator('.history-row').filter({ hasText: 'nep-factuur.xml' });
    const theirs = page.locator('.history-row').filter({ hasText: 'geweigerd.pdf' });
    await own.getByText('urn:example:invoice', { exact: false }).waitFor();
    await theirs.getByText(said.detail, { exact: false }).waitFor();
    const ownText = await own.innerText();
    const theirText = await theirs.innerText();
    const serverSaid = lead(catalogue.failures.serverSaid);
    assert.ok(
      !ownText.includes(serverSaid),
      `${language}: the app's detail is not Clearfacts': ${ownText}`,
    );
    assert.ok(ownText.includes(lead(catalogue.failures.appDetail)), `${language}: ${ownText}`);
    assert.ok(theirText.includes(serverSaid), `${language}: Clearfacts' words: ${theirText}`);
    await context.close();
  }
  // Where the words came from travels with the failure, through the history on disk.
  assert.equal(said.detailFrom, 'clearfacts');
  assert.equal(byName('nep-factuur.xml')?.failure?.detailFrom, undefined);
});
