// Every text the app shows exists in Dutch, French and English, with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../../src-renderer/i18n/en.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1] ?? '').sort();
}

const english = flatten(en);
const languages = { nl: flatten(nl), fr: flatten(fr) };

for (const [language, messages] of Object.entries(languages)) {
  test(`${language} has every English key, and no key English lacks`, () => {
    const missing = [...english.keys()].filter((key) => !messages.has(key));
    assert.deepEqual(missing, [], `missing in ${language}`);
    const extra = [...messages.keys()].filter((key) => {
      if (english.has(key)) return false;
      // French's "many" plural stands next to an English "other".
      const other = key.replace(/_many$/, '_other');
      return !(language === 'fr' && key.endsWith('_many') && english.has(other));
    });
    assert.deepEqual(extra, [], `keys only in ${language}`);
  });

  test(`${language} keeps every placeholder and leaves no text empty`, () => {
    for (const [key, text] of messages) {
      assert.notEqual(text.trim(), '', `${language} ${key} is empty`);
      const reference = english.get(key) ?? english.get(key.replace(/_many$/, '_other')) ?? '';
      assert.deepEqual(placeholders(text), placeholders(reference), `${language} ${key}`);
    }
  });
}

test('French has a "many" form for every plural', () => {
  const french = languages.fr;
  for (const key of english.keys()) {
    if (key.endsWith('_other')) assert.ok(french.has(key.replace(/_other$/, '_many')), key);
  }
});

test('the translations are translated, not copied', () => {
  // Proper names, formats and codes may stay the same; most sentences must not.
  for (const [language, messages] of Object.entries(languages)) {
    const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '').match(/\p{L}{2,}/gu) ?? [];
    const same = [...english].filter(
      ([key, text]) => messages.get(key) === text && words(text).length >= 3,
    );
    assert.ok(
      same.length < 3,
      `${language} repeats English: ${same.map(([key]) => key).join(', ')}`,
    );
  }
});
