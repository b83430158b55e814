// A command that cannot reach Clearfacts ends with a sentence naming the address it tried and
// what to check, in the user's language; it does not promise to try again, since it has ended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/index.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli } from './cli-harness.ts';

test('`token check` against a closed port names the address and what to check, in en and nl', async (t) => {
  // A port that was just listening and is closed now: the connection is refused.
  const emulator = await startEmulator();
  const { graphqlUrl, demoToken } = emulator;
  await emulator.close();
  const root = tempDir(t, 'unreachable');
  const context = { configDir: folder(root, 'config'), apiUrl: graphqlUrl, token: demoToken };

  const english = await runCli({ ...context, env: { LANG: 'en_GB.UTF-8', LC_ALL: '' } }, [
    'token',
    'check',
  ]);
  assert.equal(english.code, 1, english.stderr);
  assert.ok(english.stderr.includes(`Could not reach Clearfacts at ${graphqlUrl}`), english.stderr);
  assert.match(english.stderr, /the connection was refused/);
  assert.match(english.stderr, /--api-url/);
  assert.doesNotMatch(english.stderr, /tried again/);

  const dutch = await runCli({ ...context, env: { LANG: 'nl_BE.UTF-8', LC_ALL: '' } }, [
    'token',
    'check',
  ]);
  assert.equal(dutch.code, 1, dutch.stderr);
  assert.ok(dutch.stderr.includes(`Clearfacts is niet bereikbaar op ${graphqlUrl}`), dutch.stderr);
  assert.doesNotMatch(dutch.stderr, /opnieuw geprobeerd/);
});
