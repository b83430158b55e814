// One voice per language (issue #14): every Dutch text addresses the reader as "u", every French
// text as "vous", and the system's secure storage has one name per language ("sleutelbos",
// "trousseau", "keyring"); a platform's own store is named only by that platform's own name.
// The texts are walked from the catalogues themselves (every string, every plural form, every
// text function of the shell), and a guard finds every module that declares a Dutch or French
// table, so a new catalogue cannot be left out of the walk.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatByteSize } from '../../../src-main/contract/byte-size.ts';
import { CATALOGUES } from '../../../src-main/contract/messages/render-message.ts';
import { TREE_FOLDER_NAMES } from '../../../src-main/core/folders/accountant-tree-names.ts';
import { shellText } from '../../../src-main/electron/shell-text.ts';
import { fr as rendererFr } from '../../../src-renderer/i18n/fr.ts';
import { nl as rendererNl } from '../../../src-renderer/i18n/nl.ts';
import { en as rendererEn } from '../../../src-renderer/i18n/en.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Language = 'nl' | 'fr' | 'en';

/** Sizes that show every unit word: 0 and 1 and 3 bytes, kB, MB, GB. */
const SIZES = [0, 1, 3, 2048, 3 * 1024 ** 2, 4 * 1024 ** 3];

/** Each module that holds texts, by its path from the repository root, with its texts per language. */
const SOURCES: Record<string, Partial<Record<Language, unknown>>> = {
  // Core's messages and terms, the CLI's help (`cliHelp`), the service's texts.
  'src-main/contract/messages/nl.ts': { nl: CATALOGUES.nl },
  'src-main/contract/messages/fr.ts': { fr: CATALOGUES.fr },
  'src-main/contract/messages/en.ts': { en: CATALOGUES.en },
  'src-renderer/i18n/nl.ts': { nl: rendererNl },
  'src-renderer/i18n/fr.ts': { fr: rendererFr },
  'src-renderer/i18n/en.ts': { en: rendererEn },
  // The tray, notifications and native dialogs of the desktop shell.
  'src-main/electron/shell-text.ts': {
    nl: shellText('nl'),
    fr: shellText('fr'),
    en: shellText('en'),
  },
  'src-main/core/folders/accountant-tree-names.ts': TREE_FOLDER_NAMES,
  // Its unit words, as sizes from bytes to gigabytes.
  'src-main/contract/byte-size.ts': {
    nl: SIZES.map((bytes) => formatByteSize(bytes, 'nl')),
    fr: SIZES.map((bytes) => formatByteSize(bytes, 'fr')),
    en: SIZES.map((bytes) => formatByteSize(bytes, 'en')),
  },
};

/** Every text in a catalogue: strings, plural forms, and what text functions return. */
function textsOf(value: unknown, where: string): Array<{ where: string; text: string }> {
  if (typeof value === 'string') return [{ where, text: value }];
  if (typeof value === 'function') {
    // The shell's counted texts (`failedCount(n)`, …) in their one and other forms. `render` is
    // the message catalogue's, walked above.
    if (where.endsWith('.render')) return [];
    const call = value as (...args: unknown[]) => unknown;
    return [...textsOf(call(1, 1), `${where}(1)`), ...textsOf(call(2, 3), `${where}(2)`)];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, `${where}.${key}`));
  }
  return [];
}

function textsIn(language: Language): Array<{ where: string; text: string }> {
  return Object.entries(SOURCES).flatMap(([file, tables]) =>
    tables[language] === undefined ? [] : textsOf(tables[language], `${file} ${language}`),
  );
}

/** The words of the register a language does not use, matched whole and in any case. */
const OTHER_REGISTER: Partial<Record<Language, RegExp>> = {
  // "je/jij/jou/jouw" is the familiar register; the app says "u/uw" (see the README).
  nl: /(?<!\p{L})(je|jij|jou|jouw|jouwe|jezelf|jullie)(?!\p{L})/iu,
  // "tu/toi/ton/ta/tes/te/t’" is the familiar register; the app says "vous/votre/vos".
  fr: /(?<!\p{L})(tu|toi|ton|ta|tes|te|tien|tienne|tiens|tiennes|t['’])(?!\p{L})/iu,
};

/**
 * Another name for the system's secure storage than the language's one (sleutelbos, trousseau,
 * keyring). Platforms' own names (`PLATFORM_STORES`) are taken out before the check.
 */
const OTHER_STORE_NAME: Record<Language, RegExp> = {
  nl: /sleutelhanger|sleutelring|kluis|keychain|keyring|beveiligde opslag/iu,
  fr: /porte-cl[ée]s?|porte-clefs|coffre|keychain|keyring|stockage s[ée]curis[ée]/iu,
  en: /keychain|secure storage/iu,
};

/** The stores a text may name by their own (product) names: Linux's, where no keyring is found. */
const PLATFORM_STORES = /GNOME Keyring|KWallet/gu;

/** A text without its placeholders (`{{name}}`): a parameter's name is no word of the text. */
function wordsOf(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ');
}

for (const language of ['nl', 'fr'] as const) {
  test(`every ${language} text addresses the reader in one register`, () => {
    const texts = textsIn(language);
    assert.ok(texts.length > 1000, `found ${texts.length} ${language} texts`);
    const pattern = OTHER_REGISTER[language];
    assert.ok(pattern !== undefined);
    const offenders = texts
      .filter(({ text }) => pattern.test(wordsOf(text)))
      .map(({ where, text }) => `${where}: ${text}`);
    assert.deepEqual(offenders, []);
  });
}

/**
 * A neuter article, demonstrative or relative pronoun with "token" (or "Clearfacts-token"): the
 * Dutch texts treat the word as "de token" (round 11 changed 13 places), so "het token" or
 * "een token dat" beside "de token" reads as two products.
 */
const NEUTER_TOKEN =
  /(?<!\p{L})(het|dit|dat|elk|ieder)\s+(?:[\p{L}-]+-)?token(?!\p{L})|(?<!\p{L})token\s+dat(?!\p{L})/iu;

test('every nl text says "de token", never "het token"', () => {
  const offenders = textsIn('nl')
    .filter(({ text }) => NEUTER_TOKEN.test(wordsOf(text)))
    .map(({ where, text }) => `${where}: ${text}`);
  assert.deepEqual(offenders, []);
});

for (const language of ['nl', 'fr', 'en'] as const) {
  test(`every ${language} text gives the system's secure storage one name`, () => {
    const offenders = textsIn(language)
      .filter(({ text }) =>
        OTHER_STORE_NAME[language].test(wordsOf(text).replace(PLATFORM_STORES, ' ')),
      )
      .map(({ where, text }) => `${where}: ${text}`);
    assert.deepEqual(offenders, []);
  });
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|cts)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

test('the walk covers every module that declares a Dutch or French table', async () => {
  // `const nl …`, `export const fr …`, or a table keyed `nl: {` / `fr: {`.
  const declaresTable = /^\s*(?:export\s+)?const\s+(?:nl|fr)\b|^\s+(?:nl|fr):\s*\{/m;
  const declaring: string[] = [];
  for (const folder of ['src-main', 'src-renderer', 'scripts']) {
    for (const file of await sourceFiles(folder)) {
      if (declaresTable.test(await readFile(path.join(ROOT, file), 'utf8'))) declaring.push(file);
    }
  }
  const walked = Object.keys(SOURCES);
  assert.deepEqual(
    declaring.filter((file) => !walked.includes(file)).sort(),
    [],
    'modules with nl/fr texts that this test does not walk',
  );
});
