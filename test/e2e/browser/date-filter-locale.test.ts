// History's date filters follow the page's language, not the browser's (issue #14 finding 13):
// in an English (en-US) Chromium, a nl or fr page asks for and shows dd/mm/yyyy, and the day typed
// that way is the one the history is filtered by. Chromium's own <input type="date"> showed
// mm/dd/yyyy there whatever the document's lang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'playwright-core';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import type { Language } from './layout-checks.ts';

/** What each language asks for and how it writes 5 March 2026, by hand (nl-BE, fr-BE, en-US). */
const EXPECTED: Record<Language, { placeholder: string; typed: string; shown: string }> = {
  nl: { placeholder: 'dd/mm/jjjj', typed: '5-3-2026', shown: '05/03/2026' },
  fr: { placeholder: 'jj/mm/aaaa', typed: '5.3.2026', shown: '05/03/2026' },
  en: { placeholder: 'mm/dd/yyyy', typed: '3/5/2026', shown: '03/05/2026' },
};

/** The `from` and `to` of the history queries the page sent. */
function filtersSent(requests: Request[]): { from?: string; to?: string }[] {
  return requests
    .filter((request) => request.url().includes('/api/invoke/history.query'))
    .map((request) => {
      const body = JSON.parse(request.postData() ?? '{}') as {
        filter?: { from?: string; to?: string };
      };
      return body.filter ?? {};
    });
}

test('the date filters ask for and show dates as the page language writes them, in an en-US browser', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  for (const language of ['nl', 'fr', 'en'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    // The browser speaks American English: the page's language must win.
    const { context, page } = await openApp(browser, stack, { locale: 'en-US' });
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await goTo(page, '#/history');
    const from = page.locator('#history-from');
    const to = page.locator('#history-to');
    await from.waitFor();
    const expected = EXPECTED[language];
    assert.equal(await from.getAttribute('placeholder'), expected.placeholder, language);
    assert.equal(await to.getAttribute('placeholder'), expected.placeholder, language);

    const queried = page
      .waitForRequest((request) =>
        filtersSent([request]).some((filter) => filter.from === '2026-03-05'),
      )
      .catch((error: unknown) => {
        const sent = JSON.stringify(filtersSent(requests));
        throw new Error(`${language}: a history query from 2026-03-05; sent ${sent}`, {
          cause: error,
        });
      });
    await from.fill(expected.typed);
    await from.blur();
    await queried;
    assert.equal(await from.inputValue(), expected.shown, `${language}: the day as written`);

    // Not a day of the calendar: marked, and the filter keeps the last whole date.
    await to.fill('31/02/2026');
    assert.equal(await to.getAttribute('aria-invalid'), 'true', `${language}: 31/02 is no date`);
    assert.ok(
      filtersSent(requests).every((filter) => filter.to === undefined),
      `${language}: an invalid date filtered nothing`,
    );
    await context.close();
  }
});
