// Attacks on the API address (issue #12): an address with a user name or password in it was
// accepted, after which every request failed with undici's "Request cannot be constructed from a
// URL that includes credentials" and the password stood in the error and the log; and a refused
// --api-url was explained in English on nl and fr terminals. Both are said in the user's language
// now, without the credentials.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ApiUrl } from '../../src-main/contract/domain.ts';
import { runCli } from '../support/cli-process.ts';

test('an API address with a user name or password is refused', () => {
  for (const apiUrl of [
    'https://user:secret@api.clearfacts.be/graphql',
    'https://user@api.clearfacts.be/graphql',
    'http://u:p@127.0.0.1:4000/graphql',
    'https://:secret@api.clearfacts.be/graphql',
  ]) {
    assert.equal(ApiUrl.safeParse(apiUrl).success, false, apiUrl);
  }
  assert.equal(ApiUrl.safeParse('https://api.clearfacts.be/graphql').success, true);
});

test('a refused --api-url is said in the terminal language, naming the address but no password', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-api-url-refusals-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  // The English reasons zod's ApiUrl used to hand to the CLI as they were.
  const english = /must use https|must be an https URL|must be a URL such as/;
  const cases = [
    { apiUrl: 'http://10.0.0.5/graphql', names: '10.0.0.5' },
    { apiUrl: 'javascript:alert(1)', names: 'javascript:' },
    { apiUrl: 'https://user:hunter2@api.clearfacts.be/graphql', names: 'api.clearfacts.be' },
  ];
  for (const locale of ['nl_BE.UTF-8', 'fr_BE.UTF-8']) {
    for (const { apiUrl, names } of cases) {
      const context = {
        configDir: path.join(root, 'config'),
        apiUrl,
        env: { LC_ALL: locale },
      };
      const result = await runCli(context, ['status']);
      const what = `${locale} ${apiUrl}`;
      assert.equal(result.code, 2, `${what}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, english, what);
      assert.ok(result.stderr.includes(names), `${what}: ${result.stderr}`);
      assert.ok(!result.stderr.includes('hunter2'), `${what}: the password was shown`);
    }
  }
});
