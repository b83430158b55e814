// A refused token on the sign-in screen, in Dutch and French: the refusal and its folded-away
// "Technical details" are in the page's language. Before, the details showed the error's English
// message ("Clearfacts does not accept this token: …") inside the Dutch and French screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openApp, startStack } from './browser-stack.ts';
import { foreignWordsOnScreen, SCREEN_WORDS } from './layout-checks.ts';

for (const language of ['nl', 'fr'] as const) {
  test(`a refused token's details are in ${language}`, async (t) => {
    const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
    const { page } = await openApp(browser, stack, { locale: language });
    const words = SCREEN_WORDS[language];

    await page.getByRole('heading', { name: words.signIn.title }).waitFor();
    await page.getByLabel(words.signIn.tokenLabel).fill('Z'.repeat(80));
    await page.getByRole('button', { name: words.signIn.submit }).click();
    const refusal = page.getByTestId('sign-in-error');
    await refusal.waitFor();
    await refusal.getByText(words.app.details).click();
    await refusal.locator('details[open] .mono').waitFor();

    assert.deepEqual(await foreignWordsOnScreen(page, language), []);
  });
}
