// A wrong API address (issue #14): the emulator's address without `/graphql`, or a web page. It
// used to pass `token check` (userinfo sits beside the API, and a 404 on the reads counted as a
// granted scope), say nothing in `watch`, and read "Clearfacts refused the request (HTTP 404)"
// elsewhere. Every command now names the address, what it answered and that Clearfacts' address
// ends in /graphql (its developer docs: https://api.clearfacts.be/graphql), in the CLI's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli, spawnCli } from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';
import { EXIT } from '../../../src-main/cli/exit-codes.ts';

const DUTCH = { LC_ALL: 'nl_BE.UTF-8', LANG: 'nl_BE.UTF-8' };

test('the emulator without /graphql: token check, administrations, watch and status name the address and its 404', async (t) => {
  const emulator = await startTestEmulator(t);
  const token = emulator.addToken([...ALL_SCOPES]);
  const configDir = folder(tempDir(t, 'wrong-address'), 'config');
  // The emulator's origin: its userinfo endpoint answers there, its GraphQL endpoint does not.
  const address = new URL(emulator.graphqlUrl).origin;
  const context = { configDir, apiUrl: address, token, env: DUTCH };
  const wrongAddress = (text: string) => {
    assert.ok(text.includes(address), `names the address ${address}: ${text}`);
    assert.match(text, /HTTP 404/);
    assert.match(text, /antwoordde met "niet gevonden"/, 'says what it answered, in Dutch');
    assert.match(text, /eindigt op \/graphql \(https:\/\/api\.clearfacts\.be\/graphql\)/);
    assert.doesNotMatch(text, /weigerde de aanvraag/, 'not a refusal by Clearfacts');
  };

  const check = await runCli(context, ['token', 'check']);
  assert.equal(check.code, EXIT.failure, `token check fails: ${check.stdout}${check.stderr}`);
  wrongAddress(check.stderr);

  const administrations = await runCli(context, ['administrations']);
  assert.equal(administrations.code, EXIT.failure, administrations.stderr);
  wrongAddress(administrations.stderr);

  // watch says it at once, before any file, and keeps running: the queue waits for the address.
  const watch = spawnCli(context, ['watch']);
  t.after(() => {
    if (watch.exitCode === null && watch.signalCode === null) watch.kill('SIGKILL');
  });
  const exited = new Promise<number | null>((resolve) => watch.once('exit', resolve));
  const lines: string[] = [];
  const waits = createWaitList();
  for (const stream of [watch.stdout, watch.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      waits.wake();
    });
  }
  await waits.until(
    'watch to name the wrong address',
    () => lines.find((line) => line.includes(address)),
    { detail: () => lines.join('\n') },
  );
  wrongAddress(lines.find((line) => line.includes(address)) ?? '');
  await waits.until('watch to start watching', () =>
    lines.find((line) => /Er worden nog geen mappen gevolgd/.test(line)),
  );
  assert.equal(
    lines.filter((line) => line.includes(address)).length,
    1,
    `said once, not again as the queue's line:\n${lines.join('\n')}`,
  );

  // status asks the running engine: its hold says it, and someone must act (exit 1).
  const status = await runCli(context, ['status']);
  assert.equal(status.code, EXIT.failure, `status: ${status.stdout}${status.stderr}`);
  wrongAddress(status.stdout);

  watch.kill('SIGTERM');
  assert.equal(await withDeadline('watch to stop after SIGTERM', exited), 0);
});

test('a web page at the API address is named as one, with its address and status', async (t) => {
  const page = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><body><h1>Welcome</h1></body></html>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  t.after(() => page.close());
  const address = `http://127.0.0.1:${(page.address() as AddressInfo).port}/graphql`;
  const configDir = folder(tempDir(t, 'web-page-address'), 'config');
  const token = 'cf'.padEnd(80, 'x');

  const check = await runCli({ configDir, apiUrl: address, token }, ['token', 'check']);
  assert.equal(check.code, EXIT.failure, `token check fails: ${check.stdout}${check.stderr}`);
  assert.ok(check.stderr.includes(address), check.stderr);
  assert.match(check.stderr, /answered with a web page \(HTTP 200\)/);
  assert.match(check.stderr, /not a GraphQL endpoint/);
  assert.match(check.stderr, /ends in \/graphql/);

  const french = await runCli(
    { configDir, apiUrl: address, token, env: { LC_ALL: 'fr_BE.UTF-8', LANG: 'fr_BE.UTF-8' } },
    ['administrations'],
  );
  assert.equal(french.code, EXIT.failure, french.stderr);
  assert.ok(french.stderr.includes(address), french.stderr);
  assert.match(french.stderr, /a répondu par une page web \(HTTP 200\)/);
});
