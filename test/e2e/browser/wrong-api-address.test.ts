// A wrong API address in the app (issue #14): the emulator's address without `/graphql` typed in
// Settings. The Settings screen says under the address which address answered what (HTTP 404,
// "not found") and that Clearfacts' address ends in /graphql; the sign-in screen says the same
// instead of "This token was refused" with an English detail. In Dutch, as the page is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { assertAccessible, englishLeftOnScreen } from './page-checks.ts';

test('Settings and the sign-in screen name a wrong API address and what it answered, in Dutch', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, { launchApiUrl: false }),
  ]);
  await signInThroughCore(stack);
  const { page } = await openApp(browser, stack, { locale: 'nl-BE' });
  const address = new URL(stack.emulator.graphqlUrl).origin;
  const saysWrongAddress = (text: string) => {
    assert.ok(text.includes(address), `names ${address}: ${text}`);
    assert.match(text, /antwoordde met "niet gevonden" \(HTTP 404\)/);
    assert.match(text, /eindigt op \/graphql/);
  };

  await goTo(page, '#/settings');
  const field = page.getByLabel('Adres van de Clearfacts-API');
  await field.fill(address);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const answer = page.getByTestId('api-url-answer');
  await answer.waitFor();
  saysWrongAddress(await answer.innerText());
  assert.deepEqual(await englishLeftOnScreen(page, 'nl'), [], 'no English on the Dutch screen');
  await assertAccessible(page, 'settings with a wrong API address');

  await page.getByRole('button', { name: 'Een andere token gebruiken' }).click();
  await page.getByLabel('Persoonlijke toegangstoken').fill(stack.emulator.demoToken);
  await page.getByRole('button', { name: 'Controleren en aanmelden' }).click();
  const refusal = page.getByTestId('sign-in-error');
  await refusal.waitFor();
  const said = await refusal.innerText();
  assert.match(said, /Het API-adres is niet de API van Clearfacts/);
  assert.doesNotMatch(said, /token was refused|Deze token werd geweigerd/);
  saysWrongAddress(said);
  await assertAccessible(page, 'sign-in with a wrong API address');
});
