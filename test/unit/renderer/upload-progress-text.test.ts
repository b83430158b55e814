// An uploading row's bytes sent in nl, with Belgian number formats (issue #14 finding 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uploadProgressText } from '../../../src-renderer/lib/upload-progress-text.ts';
import { createFormatters } from '../../../src-renderer/i18n/format.ts';
import i18next from 'i18next';
import { en } from '../../../src-renderer/i18n/en.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import type { UiLanguage } from '../../../src-renderer/i18n/locale.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';

/** The app's catalogues in i18next as setup.ts loads them, without React's binding. */
function createI18n(language: UiLanguage) {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } },
    lng: language,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

test('an uploading row says "4,1 MB van 15 MB" in nl', () => {
  const i18n = createI18n('nl');
  // 4.3 million bytes are 4.1 MiB (4,300,000 / 1,048,576 = 4.10), shown with a decimal comma.
  const text = uploadProgressText(i18n.t, createFormatters('nl'), {
    sentBytes: 4_300_000,
    totalBytes: 15 * 1024 * 1024,
  });
  assert.match(text, /^4,1\s?MB van 15\s?MB$/u);
});

test('fr and en say it in their own words', () => {
  const progress = { sentBytes: 4_300_000, totalBytes: 15 * 1024 * 1024 };
  assert.match(
    uploadProgressText(createI18n('fr').t, createFormatters('fr'), progress),
    /^4,1\s?Mo sur 15\s?Mo$/u,
  );
  assert.match(
    uploadProgressText(createI18n('en').t, createFormatters('en'), progress),
    /^4\.1\s?MB of 15\s?MB$/u,
  );
});
