// How commands end when they cannot start their work: a command that cannot reach Clearfacts
// ends with a sentence naming the address it tried and what to check, in the user's language
// (it does not promise to try again, since it has ended); `watch` without a usable token ends
// with the authentication exit code, and with Clearfacts unreachable it runs and says so at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALL_SCOPES, startEmulator } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli, spawnCli } from '../../support/cli-process.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';

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

test("fetch's own refusals (a blocked port, endless redirects) are said in nl, fr and en, not in fetch's English", async (t) => {
  // Port 9 (discard) is on the Fetch standard's list of bad ports (fetch.spec.whatwg.org, "port
  // blocking"): Node's fetch refuses it before connecting, with the words "bad port".
  const blocked = 'http://127.0.0.1:9/graphql';
  // An address that redirects to itself: fetch gives up after 20 redirects ("redirect count exceeded").
  /** Requests the looping address got, per CLI run. */
  let loopingRequests = 0;
  const looping = createServer((request, response) => {
    loopingRequests += 1;
    response.writeHead(307, { location: request.url ?? '/' }).end();
  });
  await new Promise<void>((resolve) => looping.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => looping.close(resolve)));
  const loopingUrl = `http://127.0.0.1:${(looping.address() as AddressInfo).port}/graphql`;
  const root = tempDir(t, 'fetch-refusals');
  const expected = {
    en: {
      [blocked]: `Could not reach Clearfacts at ${blocked} (the address uses a port that browsers and Node.js never connect to).`,
      [loopingUrl]: `Could not reach Clearfacts at ${loopingUrl} (the address redirected too many times).`,
    },
    nl: {
      [blocked]: `Clearfacts is niet bereikbaar op ${blocked} (het adres gebruikt een poort waarmee browsers en Node.js nooit verbinden).`,
      [loopingUrl]: `Clearfacts is niet bereikbaar op ${loopingUrl} (het adres stuurde te vaak door).`,
    },
    fr: {
      [blocked]: `Clearfacts est injoignable à l’adresse ${blocked} (l’adresse utilise un port auquel les navigateurs et Node.js ne se connectent jamais).`,
      [loopingUrl]: `Clearfacts est injoignable à l’adresse ${loopingUrl} (l’adresse a redirigé trop de fois).`,
    },
  };
  const locales = { en: 'en_GB.UTF-8', nl: 'nl_BE.UTF-8', fr: 'fr_BE.UTF-8' };
  for (const language of ['en', 'nl', 'fr'] as const) {
    for (const apiUrl of [blocked, loopingUrl]) {
      loopingRequests = 0;
      const check = await runCli(
        {
          configDir: folder(root, `config-${language}`),
          apiUrl,
          token: 'a'.repeat(80),
          env: { LANG: locales[language], LC_ALL: '' },
        },
        ['token', 'check'],
      );
      assert.equal(check.code, 1, check.stderr);
      assert.ok(check.stderr.includes(expected[language][apiUrl] ?? ''), check.stderr);
      assert.doesNotMatch(check.stderr, /bad port|redirect count/);
      if (apiUrl === loopingUrl) {
        // One query followed 20 redirects (fetch's limit), then gave up: asking again gives the
        // same answer, so it is not retried.
        assert.equal(loopingRequests, 21, `the looping address was asked ${loopingRequests} times`);
      }
    }
  }
});

test('`watch` with a token Clearfacts refuses, or none, exits 3 (a service is not restarted on it)', async (t) => {
  const emulator = await startTestEmulator(t);
  const revoked = emulator.addToken([...ALL_SCOPES]);
  emulator.revokeToken(revoked);
  const root = tempDir(t, 'watch-refused');
  const context = { configDir: folder(root, 'config'), apiUrl: emulator.graphqlUrl };

  const refused = await runCli({ ...context, token: revoked }, ['watch']);
  assert.equal(refused.code, 3, refused.stderr);
  assert.match(refused.stderr, /^Error: .*token/m);

  const none = await runCli(context, ['watch']);
  assert.equal(none.code, 3, none.stderr);
  assert.match(none.stderr, /^Error: .*token/im);
});

test('`watch` with Clearfacts unreachable keeps running and says so at once, in nl', async (t) => {
  // Before, it said nothing about it until a file arrived (issue #14, finding 10).
  const emulator = await startEmulator();
  const { graphqlUrl, demoToken } = emulator;
  await emulator.close();
  const root = tempDir(t, 'watch-unreachable');
  const watch = spawnCli(
    {
      configDir: folder(root, 'config'),
      apiUrl: graphqlUrl,
      token: demoToken,
      env: { LANG: 'nl_BE.UTF-8', LC_ALL: '' },
    },
    ['watch'],
  );
  const exited = new Promise((resolve) => watch.on('exit', resolve));
  t.after(async () => {
    watch.kill('SIGTERM');
    await withDeadline('watch to stop on SIGTERM', exited);
  });
  let output = '';
  const waits = createWaitList();
  for (const stream of [watch.stdout, watch.stderr])
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      waits.wake();
    });
  watch.on('exit', () => waits.abandon('watch ended'));
  await waits.until(
    'watch to say Clearfacts is unreachable and that it keeps running',
    () =>
      output.includes(`Clearfacts is niet bereikbaar op ${graphqlUrl}`) &&
      output.includes('`watch` blijft lopen')
        ? true
        : undefined,
    { detail: () => output },
  );
  assert.equal(watch.exitCode, null);
});
