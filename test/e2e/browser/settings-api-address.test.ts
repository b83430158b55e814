// Settings shows the API address the app is using (issue #14 finding 5): when the process was
// started with its address (--api-url, CLEARFACTS_API_URL; here the stack's emulator address),
// a different address kept in the settings is not shown as if it were used, the field cannot be
// edited, and the page says why, in nl and fr. Chromium against the real core and the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { englishLeftOnScreen } from './page-checks.ts';

const UNUSED = 'https://api.clearfacts.example/graphql';

const EXPECTED = {
  nl: {
    title: 'Instellingen',
    label: 'Adres van de Clearfacts-API',
    why: 'Dit is het adres dat gebruikt wordt: het werd opgegeven bij het starten van de uploader (--api-url of de omgevingsvariabele CLEARFACTS_API_URL), dus het kan hier niet gewijzigd worden.',
  },
  fr: {
    title: 'Paramètres',
    label: 'Adresse de l’API Clearfacts',
    why: 'C’est l’adresse utilisée : elle a été donnée au démarrage de l’uploader (--api-url ou la variable d’environnement CLEARFACTS_API_URL), elle ne peut donc pas être modifiée ici.',
  },
} as const;

test('Settings shows the API address in use, read-only, and says why in nl and fr', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  // An address kept in the settings that this run does not use.
  await stack.engine.handlers['settings.update']({ apiUrl: UNUSED });

  for (const language of ['nl', 'fr'] as const) {
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await goTo(page, '#/settings');
    await page.getByRole('heading', { level: 1, name: EXPECTED[language].title }).waitFor();
    const field = page.getByLabel(EXPECTED[language].label, { exact: true });
    assert.equal(await field.inputValue(), stack.emulator.graphqlUrl, 'the address in use');
    assert.equal(await field.isEditable(), false, 'it cannot be edited here');
    await page.getByText(EXPECTED[language].why).waitFor();
    assert.deepEqual(await englishLeftOnScreen(page, language), [], language);
    await context.close();
  }
});
