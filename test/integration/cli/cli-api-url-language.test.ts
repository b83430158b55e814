// A refused --api-url is a usage error said in the terminal's language, with the reason (a
// plain-http host off this machine, another scheme, no URL) in that language too (issue #14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runCli } from '../../support/cli-process.ts';
import { tempDir } from '../../support/temp-folders.ts';

const EXPECTED = {
  nl: {
    'http://clearfacts.example/graphql':
      '--api-url moet een URL zijn zoals https://api.clearfacts.be/graphql: het API-adres moet https gebruiken, tenzij het op deze computer staat (127.0.0.1, localhost); clearfacts.example staat daar niet.',
    'ftp://clearfacts.example/graphql':
      '--api-url moet een URL zijn zoals https://api.clearfacts.be/graphql: het API-adres moet een https-URL zijn, geen ftp:.',
  },
  fr: {
    'http://clearfacts.example/graphql':
      '--api-url doit être une URL comme https://api.clearfacts.be/graphql : l’adresse de l’API doit utiliser https sauf si elle se trouve sur cet ordinateur (127.0.0.1, localhost) ; clearfacts.example n’y est pas.',
    'ftp://clearfacts.example/graphql':
      '--api-url doit être une URL comme https://api.clearfacts.be/graphql : l’adresse de l’API doit être une URL https, pas ftp:.',
  },
} as const;

for (const language of ['nl', 'fr'] as const) {
  test(`a refused --api-url is said in ${language}`, async (t) => {
    const root = tempDir(t, `api-url-${language}`);
    for (const [apiUrl, sentence] of Object.entries(EXPECTED[language])) {
      const result = await runCli(
        {
          configDir: path.join(root, 'config'),
          apiUrl,
          env: {
            LANG: language === 'nl' ? 'nl_BE.UTF-8' : 'fr_BE.UTF-8',
            LC_ALL: '',
            LC_MESSAGES: '',
          },
        },
        ['status'],
      );
      assert.equal(result.code, 2, result.stderr);
      assert.ok(result.stderr.includes(sentence), result.stderr);
    }
  });
}
