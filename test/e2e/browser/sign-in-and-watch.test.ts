// The first run as a user lives it, in Chromium against the real core and the emulator: a wrong
// token is refused with the reason, the right one signs in and shows what it may do, a folder is
// bound, and a PDF written into it shows up in the history as uploaded with its page count.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES, seedData } from '../../emulator/index.ts';
import { withDeadline } from '../../support/waiting.ts';
import { launchChromium, openApp, startStack } from './browser-stack.ts';
import { assertAccessible, screenshotBothThemes, waitForCount } from './page-checks.ts';
import { writePdf } from './sample-files.ts';

// Each test has its own Chromium, emulator and engine: side by side.
describe('signing in', { concurrency: true }, () => {
  test('sign in with a token, bind a folder, and a PDF dropped in it is uploaded', async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    const { page } = await openApp(browser, stack);
    const administration = seedData.administrations[1];
    assert.ok(administration);

    await page.getByRole('heading', { name: 'Sign in to Clearfacts' }).waitFor();
    await assertAccessible(page, 'sign-in');
    await screenshotBothThemes(page, 'sign-in');

    // A token Clearfacts does not know: refused, with the reason in words.
    const tokenField = page.getByLabel('Personal access token');
    await tokenField.fill('Z'.repeat(80));
    await page.getByRole('button', { name: 'Check and sign in' }).click();
    const refusal = page.getByTestId('sign-in-error');
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /This token was refused\s+Clearfacts does not know this token/,
    );
    await assertAccessible(page, 'sign-in refused');

    // A real token with two of the four scopes: accepted, and the missing ones explained.
    const token = stack.emulator.addToken(['read_administrations', 'upload_document']);
    await tokenField.fill(token);
    await tokenField.press('Enter');
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    const summary = await page.locator('.account-summary').innerText();
    assert.match(summary, new RegExp(seedData.user.email.replace('.', '\\.')));
    assert.match(summary, /Upload invoices/);
    // Scopes are learned without side effects: the read scopes are checked now, the upload scopes
    // only by the first real upload, so archive_read is missing and both upload scopes are pending.
    const scopeRow = (scope: string) => page.locator('.scope-list li').filter({ hasText: scope });
    assert.match(await scopeRow('read_administrations').innerText(), /Granted/);
    assert.match(
      await scopeRow('archive_read').innerText(),
      /Missing\s+Without it: archive categories cannot be shown/,
    );
    for (const scope of ['upload_document', 'archive_actions']) {
      const text = await scopeRow(scope).innerText();
      assert.match(text, /Checked at the first upload/, scope);
      assert.doesNotMatch(text, /Missing|Without it/, scope);
    }
    assert.deepEqual(stack.emulator.phantoms(), [], 'signing in uploaded nothing to learn scopes');
    assert.ok(ALL_SCOPES.length >= 4);
    await assertAccessible(page, 'signed in');
    await screenshotBothThemes(page, 'sign-in-scopes');
    await page.getByRole('button', { name: 'Continue' }).press('Enter');

    // No folder yet: the Folders screen with its empty state. The keyboard starts at the skip link.
    await page.getByRole('heading', { name: 'No watched folders yet' }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    assert.ok(
      await skipLink.evaluate(
        (element) =>
          element ===
          (globalThis as unknown as { document: { activeElement: unknown } }).document
            .activeElement,
      ),
    );
    const skipBox = await skipLink.boundingBox();
    assert.ok(skipBox !== null && skipBox.y >= 0, 'the focused skip link is on screen');
    await page.getByRole('button', { name: 'Add a folder' }).first().click();
    const inbox = path.join(stack.workDir, 'Scans aankopen');
    await mkdir(inbox);
    await page.getByLabel('Folder', { exact: true }).fill(inbox);
    const picker = page.getByRole('combobox', { name: 'Administration' });
    await picker.fill(administration.name.slice(0, 8));
    await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
    await picker.press('Enter');
    assert.match(await picker.inputValue(), new RegExp(administration.name));
    await assertAccessible(page, 'add folder');
    await screenshotBothThemes(page, 'folders-add');
    await page.getByRole('button', { name: 'Start watching' }).click();

    const card = page.getByRole('listitem', { name: inbox });
    await card.getByText('Watching', { exact: true }).waitFor();
    assert.match(await card.innerText(), new RegExp(`${administration.name}.*Purchase invoices`));

    // A scanner writes a three-page PDF into the folder.
    const uploaded = new Promise<void>((resolve) => stack.emulator.onUpload(() => resolve()));
    await writePdf(path.join(inbox, 'Factuur 2026-031.pdf'), 3);
    await withDeadline('the PDF to be uploaded', uploaded);
    await card.getByText('1', { exact: true }).waitFor();
    await assertAccessible(page, 'folders');
    await screenshotBothThemes(page, 'folders');

    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Factuur 2026-031.pdf' });
    await row.getByText(/^Uploaded/).waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, /3 pages/);
    assert.match(rowText, new RegExp(administration.name));
    assert.match(rowText, /uuid [0-9a-f-]{36}/i);
    const [received] = stack.emulator.uploads();
    assert.equal(received?.pages, 3);
    assert.equal(received?.companyNumber, administration.companyNumber);
    await assertAccessible(page, 'history');
    await screenshotBothThemes(page, 'history');
  });

  test('"Try the demo" signs in to the emulated Clearfacts with every scope', async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    const { page } = await openApp(browser, stack);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    // Every scope the sign-in can check without side effects is granted; the upload scopes are
    // confirmed only by the first upload, so "every permission" is not claimed yet.
    const scopes = page.locator('.scope-list');
    await scopes.waitFor();
    await waitForCount(scopes.locator('.scope.granted'), 2, 'granted scopes');
    await waitForCount(
      scopes.getByText('Checked at the first upload'),
      2,
      'scopes left to the upload',
    );
    await waitForCount(scopes.locator('.scope.missing'), 0, 'missing scopes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Administrations' }).click();
    await page.getByText(`${seedData.administrations.length} administrations`).waitFor();

    // An accountant sets up one root: a folder per administration appears in it.
    const root = path.join(stack.workDir, 'Kantoor');
    await mkdir(root);
    await page.getByRole('link', { name: 'Folders' }).click();
    await page.getByRole('button', { name: 'Add a folder' }).first().click();
    await page.getByLabel('Folder', { exact: true }).fill(root);
    await page.getByText('An accountant tree', { exact: true }).click();
    await page.getByRole('button', { name: 'Start watching' }).click();
    const card = page.getByRole('listitem', { name: root });
    await card.getByText('Accountant tree: a folder per administration').waitFor();
    await card.getByText(/^(Watching|Checking regularly)$/).waitFor();
    const created = await readdir(root);
    const first = seedData.administrations[0];
    assert.ok(first);
    assert.ok(
      created.some((name) => name.includes(first.companyNumber)),
      `a folder for ${first.name} in ${created.join(', ')}`,
    );
  });
});
