// Issue #12, item 1, end to end: cookies are not separated by port, so a service on another
// loopback port that the user's browser visits must learn nothing that opens the bridge, and the
// token must never leave for it. The attacker here is a real second loopback server, visited by
// the same real Chromium that opened the app's link; it then replays everything it saw.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

test('a service on another loopback port gets no secret and never receives the token', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const { origin } = stack.bridge;
  const link = stack.bridge.url;
  const linkParameters = new URL(link.replace('#', '?')).searchParams;
  const linkSecret = linkParameters.get('link') ?? linkParameters.get('secret') ?? '';
  assert.ok(linkSecret.length >= 32, 'the link carries a secret');

  const seen: Seen[] = [];
  const attacker = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>another local service</title>');
    });
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => attacker.close(() => resolve())));
  const evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

  // The user opens the app through its link, and it works.
  const { context, page } = await openApp(browser, stack, { link });
  await page.getByRole('heading', { name: 'No watched folders yet' }).waitFor();
  assert.equal(page.url().includes(linkSecret), false, 'the link is replaced in the address bar');

  // Then the same browser visits the other service, which reads all it can.
  const attackerPage = await context.newPage();
  await attackerPage.goto(`${evil}/`);
  // A string: the test's tsconfig has no DOM types, and this runs in the attacker's page.
  const readable = String(
    await attackerPage.evaluate(
      'JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } })',
    ),
  );
  const collected = [
    readable,
    ...seen.map((request) => String(request.headers.cookie ?? '')),
    ...(await context.cookies(evil)).map((cookie) => `${cookie.name}=${cookie.value}`),
  ].join('\n');
  assert.equal(collected.includes(linkSecret), false, 'the link secret reached the other port');

  // The attacker replays every cookie it could see, and the used link, to redirect the token.
  const cookieHeader = String(seen[0]?.headers.cookie ?? '');
  const redirect = await fetch(`${origin}/api/invoke/settings.update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader },
    body: JSON.stringify({ apiUrl: `${evil}/graphql` }),
  });
  assert.equal(redirect.status, 403, 'the other port’s cookies open nothing');
  const reused = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'x-clearfacts-link': linkSecret },
  });
  assert.equal(reused.status, 403, 'the link stops working after its first use');
  const secondTab = await context.newPage();
  await secondTab.goto(link);
  await secondTab
    .getByText(/link was already used/i)
    .waitFor({ timeout: 10_000 })
    .catch(() => {
      throw new Error('waited for the reused link to be refused on the page');
    });

  await stack.engine.handlers['administrations.list']({ refresh: true });
  const settings = await stack.engine.handlers['settings.get']({});
  assert.equal(settings.apiUrl.startsWith(evil), false, 'the API address was not changed');
  const bearer = seen.filter((request) => request.headers.authorization !== undefined);
  assert.deepEqual(bearer, [], 'the token left for the other port');
  assert.equal(
    seen.some((request) => request.body.includes(stack.emulator.demoToken)),
    false,
  );
});
