import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWindowStateStore, restorableBounds } from '../../../src-main/electron/window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };

test('a window saved on a display that is still there is restored', () => {
  const saved = { x: 1600, y: 100, width: 1000, height: 700, maximized: false };
  assert.deepEqual(restorableBounds(saved, [laptop, external]), saved);
});

test('a window saved on a monitor that was unplugged is not restored', () => {
  const saved = { x: 1600, y: 100, width: 1000, height: 700, maximized: true };
  assert.equal(restorableBounds(saved, [laptop]), undefined);
});

test('a window whose title bar is off every display is not restored', () => {
  const aboveTheScreen = { x: 100, y: -650, width: 900, height: 700, maximized: false };
  assert.equal(restorableBounds(aboveTheScreen, [laptop]), undefined);
  const justAShiver = { x: 1400, y: 100, width: 900, height: 700, maximized: false };
  assert.equal(restorableBounds(justAShiver, [laptop]), undefined);
});

test('nothing saved means nothing to restore', () => {
  assert.equal(restorableBounds(undefined, [laptop]), undefined);
});

test('the state file round-trips, and a damaged one is ignored', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-window-state-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'window-state.json');
  const store = openWindowStateStore(file);
  assert.equal(store.get('main'), undefined);
  store.set('main', { x: 10, y: 20, width: 800, height: 600, maximized: true });
  assert.deepEqual(openWindowStateStore(file).get('main'), {
    x: 10,
    y: 20,
    width: 800,
    height: 600,
    maximized: true,
  });
  assert.match(await readFile(file, 'utf8'), /"maximized": true/);

  await writeFile(file, '{"main": {"x": "left"}}');
  assert.equal(openWindowStateStore(file).get('main'), undefined);
  await writeFile(file, 'not json');
  assert.equal(openWindowStateStore(file).get('drop'), undefined);
});
