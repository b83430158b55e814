// Browser mode's guard seen from a real browser: without the link's session the API answers
// nothing, and neither a foreign Origin nor a page on another local port can make core act.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';

test('requests without the secret or from another origin are refused', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const { origin } = stack.bridge;

  // A browser that only knows the address, not the secret.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`${origin}/`);
  await strangerPage.getByText(/opened without its private link/).waitFor();
  const strangerCall = await stranger.request.post(`${origin}/api/invoke/session.signOut`, {
    data: {},
  });
  assert.equal(strangerCall.status(), 403);
  await stranger.close();

  // The user's own browser, holding the session in the page.
  const { context, page } = await openApp(browser, stack);
  await page.getByRole('heading', { name: 'No watched folders yet' }).waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the link was dropped from the address bar');
  assert.deepEqual(await context.cookies(origin), [], 'no cookie, which every port would get');

  const foreign = await context.request.post(`${origin}/api/invoke/session.signOut`, {
    data: {},
    headers: { origin: 'http://evil.example' },
  });
  assert.equal(foreign.status(), 403);
  assert.match(await foreign.text(), /"bridge_origin_refused".*"http:\/\/evil\.example"/);

  // A page served from another port of 127.0.0.1 tries to sign the user out.
  const attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => attacker.close(() => resolve())));
  const attackerPage = await context.newPage();
  await attackerPage.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
  const outcome = await attackerPage.evaluate(async (target) => {
    const attempts = [
      fetch(`${target}/api/invoke/session.signOut`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      fetch(`${target}/api/invoke/session.signOut`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        body: '{}',
      }),
    ];
    const settled = await Promise.allSettled(attempts);
    return settled.map((result) => result.status);
  }, origin);
  assert.equal(outcome[0], 'rejected', 'the CORS preflight is refused');
  const session = await stack.engine.handlers['session.get']({});
  assert.equal(session.signedIn, true, 'core never acted on the other page’s requests');
});
