// The history with 50,000 rows in Chromium: the list stays a few dozen DOM rows however far it is
// scrolled, and only the pages that come into view are asked for. Core is the in-memory fake here:
// the subject is the renderer's virtualisation and paging, not SQLite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../../../src-main/bridge/browser-mode.ts';
import { createFakeEngine } from '../../unit/bridge/fake-engine.ts';
import { UI_TIMEOUT_MS, launchChromium } from './browser-stack.ts';

const ROWS = 50_000;

test('50,000 history rows scroll as a handful of DOM rows, paged on demand', async (t) => {
  const configDir = await mkdtemp(path.join(tmpdir(), 'e2e-history-scale-'));
  const engine = createFakeEngine({ signedIn: true, historyRows: ROWS });
  const bridge = await startBrowserMode({ engine, configDir });
  t.after(async () => {
    await bridge.close();
    await rm(configDir, { recursive: true, force: true });
  });
  const browser = await launchChromium(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  // The link's fragment is its single-use code; the history route comes after it is traded.
  await page.goto(bridge.url);
  await page.evaluate("location.hash = '#/history'");

  await page.getByText('50,000 documents').waitFor();
  const list = page.getByTestId('history-list');
  const rows = page.getByRole('listitem');
  await rows.filter({ hasText: 'scan-50000.pdf' }).waitFor();
  const queries = () => engine.calls.filter((call) => call.channel === 'history.query').length;
  const afterFirstPage = queries();

  for (const fraction of [0.5, 1]) {
    await list.evaluate((element, share) => {
      const scroller = element as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight * share;
    }, fraction);
  }
  await rows.filter({ hasText: 'scan-00001.pdf' }).waitFor();
  const rendered = await rows.count();
  assert.ok(rendered < 60, `only the visible rows are in the DOM (${rendered})`);
  assert.ok(
    queries() - afterFirstPage <= 4,
    `only the pages in view were asked for (${queries() - afterFirstPage})`,
  );
  const lastRow = await rows.filter({ hasText: 'scan-00001.pdf' }).innerText();
  assert.match(lastRow, /Uploaded, moved to _uploaded/);
  assert.match(lastRow, /2 pages/);
});
