// The drop window and the history's retry, in Chromium against the real core and the emulator:
// dropped files are checked (type, pages, refusals) before anything is sent, three are delivered,
// and a file refused for a reason the user can fix is delivered by Retry once it is fixed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { withDeadline } from '../../support/waiting.ts';
import {
  addWatchedFolder,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
} from './browser-stack.ts';
import { assertAccessible, screenshotBothThemes } from './page-checks.ts';
import { pdfBytes, writePdf } from './sample-files.ts';

// Each test has its own Chromium, emulator and engine, and mostly waits for the engine (13 s of
// CPU in 35 s): side by side.
describe('drop and retry', { concurrency: true }, () => {
  test('files dropped in the drop window are checked, then three are delivered', async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    await signInThroughCore(stack);
    const administration = seedData.administrations[2];
    assert.ok(administration);
    const { page } = await openApp(browser, stack);
    await page.getByRole('link', { name: 'Drop files' }).click();
    await page.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
    await assertAccessible(page, 'drop (empty)');

    const files = [
      {
        name: 'Verkoopfactuur V-2026-001.pdf',
        mimeType: 'application/pdf',
        buffer: await pdfBytes(1),
      },
      {
        name: 'Verkoopfactuur V-2026-002.pdf',
        mimeType: 'application/pdf',
        buffer: await pdfBytes(2),
      },
      { name: 'Creditnota C-2026-007.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(4) },
      {
        name: 'webpagina.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<!doctype html><p>not a pdf</p>'),
      },
    ];
    await page.getByTestId('drop-files-input').setInputFiles(files);

    const rows = page.locator('.file-table tbody tr');
    const refused = rows.filter({ hasText: 'webpagina.pdf' });
    await refused.getByText(/This is an HTML page, not a PDF/).waitFor();
    for (const [name, pages] of [
      ['Verkoopfactuur V-2026-001.pdf', '1'],
      ['Verkoopfactuur V-2026-002.pdf', '2'],
      ['Creditnota C-2026-007.pdf', '4'],
    ] as const) {
      const cells = await rows.filter({ hasText: name }).locator('td').allInnerTexts();
      assert.equal(cells[0], 'PDF', name);
      assert.equal(cells[1], pages, name);
      assert.equal(cells[3], 'Ready to send', name);
    }

    const picker = page.getByRole('combobox', { name: 'Administration' });
    await picker.fill(administration.companyNumber.slice(1, 7));
    await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
    await picker.press('Enter');
    await page.getByText('Sales invoices', { exact: true }).click();
    await assertAccessible(page, 'drop (checked)');
    await screenshotBothThemes(page, 'drop');

    const sendButton = page.getByRole('button', { name: 'Send 3 files' });
    await sendButton.click();
    await page.getByText('3 of 3 delivered').waitFor();
    const received = stack.emulator.uploads();
    assert.deepEqual(received.map((upload) => upload.filename).sort(), [
      'Creditnota C-2026-007.pdf',
      'Verkoopfactuur V-2026-001.pdf',
      'Verkoopfactuur V-2026-002.pdf',
    ]);
    assert.ok(
      received.every(
        (upload) =>
          upload.invoiceType === 'SALE' && upload.companyNumber === administration.companyNumber,
      ),
    );
    assert.deepEqual(received.map((upload) => upload.pages).sort(), [1, 2, 4]);
    assert.equal(
      await refused.getByText(/This is an HTML page, not a PDF/).count(),
      1,
      'the refused file stays, with its reason',
    );
    await assertAccessible(page, 'drop (sent)');
    await screenshotBothThemes(page, 'drop-sent');

    // The next drop starts with the administration and destination of the last one.
    await page.reload();
    await page.getByRole('heading', { name: 'Drop files' }).waitFor();
    const [again] = files;
    assert.ok(again);
    await page.getByTestId('drop-files-input').setInputFiles([again]);
    await page.getByRole('button', { name: 'Send 1 file' }).waitFor();
    assert.match(
      await page.getByRole('combobox', { name: 'Administration' }).inputValue(),
      new RegExp(administration.name),
    );
    assert.equal(await page.getByRole('radio', { name: 'Sales invoices' }).isChecked(), true);

    // The small drop window of the desktop app (380×340, windows.ts) shows the same screen without
    // the sidebar, with the file's name, status and remove button in view.
    await page.setViewportSize({ width: 380, height: 340 });
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/drop-window';
    });
    await page.getByRole('heading', { name: 'Drop files' }).waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0);
    await page.getByTestId('drop-files-input').setInputFiles(files);
    const fileRow = page.locator('.file-table tbody tr').first();
    await fileRow.getByRole('button', { name: /Remove/ }).waitFor();
    await fileRow.getByText('Ready to send').waitFor();
    await assertAccessible(page, 'drop window');
    await screenshotBothThemes(page, 'drop-window');
  });

  test('a refused file shows its reason, and Retry delivers it once the cause is fixed', async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    await signInThroughCore(stack);
    const administration = seedData.administrations[0];
    assert.ok(administration);
    const inbox = await addWatchedFolder(stack, 'scans', administration.companyNumber);
    const { page } = await openApp(browser, stack);

    async function setLimit(megabytes: string): Promise<void> {
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Largest file to send (MB)').fill(megabytes);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved', { exact: true }).waitFor();
    }

    // Someone lowered the limit; a 120 kB scan arrives and is refused before it is sent.
    await setLimit('0.05');
    await writePdf(path.join(inbox, 'Grote scan.pdf'), 2, 120_000);
    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Grote scan.pdf' });
    await row.getByText(/at most .* can be uploaded/).waitFor();
    assert.match(await row.innerText(), /Failed/);
    assert.equal(stack.emulator.uploads().length, 0);
    const failedLink = page.getByRole('link', { name: '1 failed', exact: true });
    await failedLink.waitFor();
    await assertAccessible(page, 'history with a failure');
    await screenshotBothThemes(page, 'history-failed');

    // The limit is put back; Retry sends the same file.
    await setLimit('20');
    await page.getByRole('link', { name: 'History' }).click();
    const delivered = new Promise<void>((resolve) => stack.emulator.onUpload(() => resolve()));
    await row.getByRole('button', { name: 'Retry' }).click();
    await withDeadline('the retried file to be uploaded', delivered);
    await row.getByText(/^Uploaded/).waitFor();
    assert.match(await row.innerText(), /2 pages/);
    assert.equal(stack.emulator.uploads()[0]?.filename, 'Grote scan.pdf');
  });

  test('an upload Clearfacts never answered stays unconfirmed until the user marks it done or sends it again', async (t) => {
    const [browser, stack] = await Promise.all([
      launchChromium(t),
      startStack(t, { apiTimeoutMs: 1_500 }),
    ]);
    await signInThroughCore(stack);
    const administration = seedData.administrations[0];
    assert.ok(administration);
    const { context, page } = await openApp(browser, stack);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.bridge.origin,
    });

    // Clearfacts stores both files, then never answers: nobody can know they arrived.
    stack.emulator.setFaults({ hangRate: 1, hangStage: 'after-processing', appliesTo: 'uploads' });
    await page.getByRole('link', { name: 'Drop files' }).click();
    await page.getByTestId('drop-files-input').setInputFiles([
      { name: 'Aankoop A-17.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(1) },
      { name: 'Aankoop A-18.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(3) },
    ]);
    const picker = page.getByRole('combobox', { name: 'Administration' });
    await picker.fill(administration.name);
    await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
    await picker.press('Enter');
    await page.getByRole('button', { name: 'Send 2 files' }).click();
    await page.locator('.file-table').getByText('Unconfirmed', { exact: true }).nth(1).waitFor();
    assert.equal(stack.emulator.uploads().length, 2);
    stack.emulator.setFaults({});

    await page.getByRole('link', { name: 'History' }).click();
    // The rows of the list, not the same names in the outage's banner above it.
    const rows = page.getByTestId('history-list').getByRole('listitem');
    const first = rows.filter({ hasText: 'Aankoop A-17.pdf' });
    const second = rows.filter({ hasText: 'Aankoop A-18.pdf' });
    await first.getByText(/open this administration in Clearfacts and look in its inbox/).waitFor();
    assert.match(await first.innerText(), /1 page/, 'what we know of it: its pages');
    await assertAccessible(page, 'history with unconfirmed uploads');
    await screenshotBothThemes(page, 'history-unconfirmed');

    // The user saw the first one in Clearfacts, and wants the second one sent again.
    await first.getByRole('button', { name: 'Mark as done' }).click();
    await first.getByText('Uploaded', { exact: true }).waitFor();
    const resent = new Promise<void>((resolve) => stack.emulator.onUpload(() => resolve()));
    await second.getByRole('button', { name: 'Send again' }).click();
    await withDeadline('the file sent again to be uploaded', resent);
    await second.getByText(/^Uploaded/).waitFor();
    assert.equal(stack.emulator.uploads().length, 3);

    // The eye previews the file (issue #14 finding 13) and says where it is.
    await second.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog');
    await preview.getByText(/Aankoop A-18\.pdf$/).waitFor();
    await preview.getByRole('img', { name: 'Page 1' }).waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    await second.getByRole('button', { name: 'Copy uuid' }).click();
    await page.getByText('uuid copied', { exact: true }).waitFor();
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    assert.equal(copied, stack.emulator.uploads()[2]?.uuid);
  });
});
