// `clearfacts-uploader ui --link` asks the `ui` already running with the config folder, over its
// control channel, for a fresh single-use link to the page it serves, prints it and ends: no
// second bridge. With only `watch` running, or nothing, it says so and what to run instead.
// Real processes, the real control socket and real HTTP to the bridge the links point at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { assertTokenNowhere } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli, spawnCli, startWatch, type CliContext } from '../../support/cli-process.ts';
import { withDeadline } from '../../support/waiting.ts';

/** A link as the bridge prints it: loopback origin, 256-bit base64url code in the fragment. */
const LINK = /http:\/\/127\.0\.0\.1:\d+\/#link=[\w-]{43}/;
/** `ui --link` answers at once; a process still running after this is serving a bridge. */
const ANSWER_MS = 30_000;

interface Redeemed {
  status: number;
  session: string | null;
}

/** Trades a link's code for a session at its bridge, as the page does (POST /api/session). */
async function redeem(link: string): Promise<Redeemed> {
  const url = new URL(link);
  const answer = await fetch(`${url.origin}/api/session`, {
    method: 'POST',
    headers: { 'x-clearfacts-link': url.hash.slice('#link='.length) },
  });
  const body = (await answer.json()) as { session?: string };
  return { status: answer.status, session: body.session ?? null };
}

test('`ui --link` gets a fresh single-use link from the running `ui` and ends', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'ui-link'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };

  const ui = spawnCli(context, ['ui']);
  let uiStderr = '';
  ui.stderr.on('data', (chunk: Buffer) => (uiStderr += chunk.toString()));
  const uiExited = new Promise<number | null>((resolve) => ui.on('exit', (code) => resolve(code)));
  t.after(() => {
    if (ui.exitCode === null && ui.signalCode === null) ui.kill('SIGKILL');
  });
  const firstLine = await withDeadline(
    '`ui` to print its link',
    new Promise<string>((resolve, reject) => {
      createInterface({ input: ui.stdout }).once('line', resolve);
      ui.once('exit', () => reject(new Error(`ui exited early: ${uiStderr}`)));
    }),
  );
  const uiLink = LINK.exec(firstLine)?.[0];
  assert.ok(uiLink, `the ui prints a link: ${firstLine}`);
  const origin = new URL(uiLink).origin;

  const links: string[] = [];
  for (const attempt of [1, 2]) {
    const asked = await runCli(context, ['ui', '--link'], '', ANSWER_MS);
    assert.equal(asked.code, 0, `ui --link #${attempt} ends with 0: ${asked.stderr}`);
    assert.equal(asked.stderr, '');
    const printed = asked.stdout.trimEnd();
    assert.match(printed, new RegExp(`^${LINK.source}$`), 'the link alone, on one line');
    assert.equal(new URL(printed).origin, origin, "the running ui's bridge, not a second one");
    links.push(printed);
  }
  assert.equal(new Set([uiLink, ...links]).size, 3, 'every link is a new one');

  for (const link of links) {
    const first = await redeem(link);
    assert.equal(first.status, 200, 'a fresh link opens a session');
    assert.ok(first.session);
    const answer = await fetch(`${origin}/api/invoke/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearfacts-session': first.session },
      body: '{}',
    });
    assert.equal(answer.status, 200, 'the session it opened works');
    const again = await redeem(link);
    assert.equal(again.status, 403, 'a used link is refused');
    assert.equal(again.session, null);
  }

  ui.kill('SIGTERM');
  assert.equal(await withDeadline('the ui to stop', uiExited), 0, uiStderr);
  // The links are secrets: neither the logs, the settings nor the history keep them.
  for (const link of links) assertTokenNowhere(configDir, new URL(link).hash.slice(6));
});

test('`ui --link` with only `watch` running says that no page is served and what to run', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'ui-link-watch'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...context, token: emulator.demoToken });
  await watch.until('the engine reports its status', () => watch.status() !== null);

  const asked = await runCli(context, ['ui', '--link'], '', ANSWER_MS);
  assert.equal(asked.code, 1, asked.stderr);
  assert.equal(asked.stdout, '', 'no link');
  assert.match(asked.stderr, new RegExp(`process ${watch.child.pid}`));
  assert.match(asked.stderr, /serves no page/);
  assert.match(asked.stderr, /clearfacts-uploader ui/);

  const dutch = await runCli(
    { ...context, env: { LANG: 'nl_BE.UTF-8' } },
    ['ui', '--link'],
    '',
    ANSWER_MS,
  );
  assert.equal(dutch.code, 1);
  assert.match(dutch.stderr, /toont geen pagina/, `in Dutch: ${dutch.stderr}`);
});

test('`ui --link` with `watch` running (as a service does) gets a link to the forwarding `ui`’s page', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'ui-link-forward'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...context, token: emulator.demoToken });
  await watch.until('the engine reports its status', () => watch.status() !== null);

  const ui = spawnCli(context, ['ui']);
  let uiStderr = '';
  ui.stderr.on('data', (chunk: Buffer) => (uiStderr += chunk.toString()));
  t.after(() => {
    if (ui.exitCode === null && ui.signalCode === null) ui.kill('SIGKILL');
  });
  const firstLine = await withDeadline(
    'the forwarding `ui` to print its link',
    new Promise<string>((resolve, reject) => {
      createInterface({ input: ui.stdout }).once('line', resolve);
      ui.once('exit', () => reject(new Error(`ui exited early: ${uiStderr}`)));
    }),
  );
  const uiLink = LINK.exec(firstLine)?.[0];
  assert.ok(uiLink, `the ui prints a link: ${firstLine}`);
  assert.match(firstLine, new RegExp(`${watch.child.pid}`), 'it forwards to the running watch');

  const asked = await runCli(
    { ...context, env: { LANG: 'nl_BE.UTF-8' } },
    ['ui', '--link'],
    '',
    ANSWER_MS,
  );
  assert.equal(asked.code, 0, `ui --link ends with 0: ${asked.stderr}`);
  const printed = asked.stdout.trimEnd();
  assert.match(printed, new RegExp(`^${LINK.source}$`), 'the link alone, on one line');
  assert.equal(new URL(printed).origin, new URL(uiLink).origin, 'the forwarding ui’s page');
  assert.notEqual(printed, uiLink);
  const first = await redeem(printed);
  assert.equal(first.status, 200, 'the link opens a session');
  assert.equal((await redeem(printed)).status, 403, 'once');

  ui.kill('SIGTERM');
  await withDeadline(
    'the forwarding ui to stop',
    new Promise((resolve) => (ui.exitCode === null ? ui.once('exit', resolve) : resolve(null))),
  );
  const afterUi = await runCli(context, ['ui', '--link'], '', ANSWER_MS);
  assert.equal(afterUi.code, 1, 'with the page gone, no link');
  assert.match(afterUi.stderr, /serves no page/);
});

test('`ui --link` with nothing running says so and starts nothing', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'ui-link-none'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };

  const asked = await runCli(context, ['ui', '--link'], '', ANSWER_MS);
  assert.equal(asked.code, 1, asked.stderr);
  assert.equal(asked.stdout, '', 'no link');
  assert.match(asked.stderr, /No Clearfacts Uploader runs/);
  assert.match(asked.stderr, /clearfacts-uploader ui/);
  assert.equal(existsSync(path.join(configDir, 'history.sqlite')), false, 'no engine was opened');

  const french = await runCli(
    { ...context, env: { LANG: 'fr_BE.UTF-8' } },
    ['ui', '--link'],
    '',
    ANSWER_MS,
  );
  assert.equal(french.code, 1);
  assert.match(french.stderr, /Aucun Clearfacts Uploader/, `in French: ${french.stderr}`);
});
