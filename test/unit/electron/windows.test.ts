import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindowConstructorOptions } from 'electron';
import { WindowManager, type ShellWindow } from '../../../src-main/electron/windows.ts';
import type { SavedWindow, WindowName } from '../../../src-main/electron/window-state.ts';

class FakeWindow implements ShellWindow {
  static nextId = 1;
  readonly options: BrowserWindowConstructorOptions;
  readonly loaded: string[] = [];
  readonly calls: string[] = [];
  readonly webContents;
  readonly #listeners = new Map<string, Array<(event: { preventDefault(): void }) => void>>();
  minimized = false;
  destroyed = false;

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    const id = FakeWindow.nextId++;
    this.webContents = {
      id,
      mainFrame: { url: 'app://clearfacts/index.html' },
      isDestroyed: () => this.destroyed,
      send: () => undefined,
    };
  }
  on(event: string, listener: (event: { preventDefault(): void }) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: () => void): this {
    return this.on(event, listener);
  }
  emit(event: string): boolean {
    let prevented = false;
    for (const listener of this.#listeners.get(event) ?? []) {
      listener({ preventDefault: () => (prevented = true) });
    }
    return prevented;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.calls.push('show');
  }
  hide(): void {
    this.calls.push('hide');
  }
  focus(): void {
    this.calls.push('focus');
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  maximize(): void {
    this.calls.push('maximize');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 40, y: 50, width: 900, height: 650 };
  }
}

function setup(
  options: { saved?: Partial<Record<WindowName, SavedWindow>>; quitting?: boolean } = {},
) {
  const created: FakeWindow[] = [];
  const saved = new Map(Object.entries(options.saved ?? {})) as Map<WindowName, SavedWindow>;
  let quitting = options.quitting ?? false;
  const manager = new WindowManager({
    createWindow: (windowOptions) => {
      const window = new FakeWindow(windowOptions);
      created.push(window);
      return window;
    },
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1040 }],
    stateStore: { get: (name) => saved.get(name), set: (name, state) => saved.set(name, state) },
    preloadPath: '/app/dist/electron/preload.cjs',
    iconPath: '/app/assets/icon.png',
    isQuitting: () => quitting,
    onLoadFailed: (name, error) => assert.fail(`${name}: ${String(error)}`),
  });
  return { manager, created, saved, quit: () => (quitting = true) };
}

for (const name of ['main', 'drop'] as const) {
  test(`the ${name} window is created hidden with the secure webPreferences`, () => {
    const { manager, created } = setup();
    manager.show(name);
    const [window] = created;
    assert.ok(window);
    const preferences = window.options.webPreferences;
    assert.equal(window.options.show, false);
    assert.equal(preferences?.preload, '/app/dist/electron/preload.cjs');
    assert.equal(preferences?.sandbox, true);
    assert.equal(preferences?.contextIsolation, true);
    assert.equal(preferences?.nodeIntegration, false);
    assert.equal(preferences?.webSecurity, true);
    assert.deepEqual(window.loaded, [
      name === 'main'
        ? 'app://clearfacts/index.html#/'
        : 'app://clearfacts/index.html#/drop-window',
    ]);
    window.emit('ready-to-show');
    assert.deepEqual(window.calls, ['show', 'focus']);
  });
}

test('closing a window hides it to the tray and remembers where it was', () => {
  const { manager, created, saved } = setup();
  manager.show('main');
  const window = created[0];
  assert.ok(window);
  assert.equal(window.emit('close'), true, 'the close is prevented');
  assert.ok(window.calls.includes('hide'));
  assert.deepEqual(saved.get('main'), { x: 40, y: 50, width: 900, height: 650, maximized: false });
});

test('once the user quits, closing really closes (and still remembers the place)', () => {
  const { manager, created, saved, quit } = setup();
  manager.show('drop');
  quit();
  const window = created[0];
  assert.ok(window);
  assert.equal(window.emit('close'), false);
  assert.ok(saved.get('drop'));
});

test('showing an open window focuses it instead of opening another, at the asked route', () => {
  const { manager, created } = setup();
  manager.show('main');
  const window = created[0];
  assert.ok(window);
  window.minimized = true;
  manager.show('main', 'history?status=failed');
  assert.equal(created.length, 1);
  assert.deepEqual(window.calls, ['restore', 'show', 'focus']);
  assert.equal(window.loaded.at(-1), 'app://clearfacts/index.html#/history?status=failed');
});

test('a saved place on a visible display is restored, maximised if it was', () => {
  const { manager, created } = setup({
    saved: { main: { x: 200, y: 100, width: 1200, height: 800, maximized: true } },
  });
  manager.show('main');
  const window = created[0];
  assert.ok(window);
  assert.equal(window.options.x, 200);
  assert.equal(window.options.width, 1200);
  assert.equal(window.options.center, undefined);
  assert.ok(window.calls.includes('maximize'));
});

test('a saved place on a display that is gone opens centred at the default size', () => {
  const { manager, created } = setup({
    saved: { main: { x: 2400, y: 100, width: 1200, height: 800, maximized: false } },
  });
  manager.show('main');
  const window = created[0];
  assert.ok(window);
  assert.equal(window.options.center, true);
  assert.equal(window.options.x, undefined);
  assert.equal(window.options.width, 1100);
});

test('the window list feeds the event forwarder and finds a window by its page', () => {
  const { manager, created } = setup();
  manager.show('main');
  manager.show('drop');
  assert.equal(manager.contents().length, 2);
  const drop = created[1];
  assert.ok(drop);
  assert.equal(manager.byContentsId(drop.webContents.id), drop);
  drop.destroyed = true;
  assert.equal(manager.contents().length, 1);
});
