// Small things on the Drop screen that read wrong (issue #14): with nothing sendable the button
// does not offer to "Send 0 files", and an empty file's size is 0 bytes, not 0.1 kB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';

test('with nothing to send the button says Send, and an empty file is 0 bytes', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'Drop files' }).click();
  await page
    .getByTestId('drop-files-input')
    .setInputFiles([{ name: 'leeg.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
  const row = page.locator('.file-table tbody tr').filter({ hasText: 'leeg.pdf' });
  await row.locator('.row-failure').waitFor();
  await page.getByText('None of these files can be sent.').waitFor();
  const button = page.locator('.send-panel .button-primary');
  assert.equal((await button.innerText()).trim(), 'Send');
  assert.equal(await button.isDisabled(), true);
  const size = (await row.locator('.file-size').innerText()).trim();
  assert.ok(size === '—' || /^0\s?bytes$/.test(size), `size shown: ${size}`);
});
