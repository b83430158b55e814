import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { buildAppMenuTemplate } from '../../../src-main/electron/app-menu.ts';
import {
  applyStartAtLogin,
  autostartEntry,
  HIDDEN_ARGUMENT,
  quoteExecArgument,
  startedHidden,
} from '../../../src-main/electron/login-item.ts';
import { installQuitController } from '../../../src-main/electron/quit-controller.ts';
import { shellLanguage, shellText } from '../../../src-main/electron/shell-text.ts';
import { recordingLogger } from './fakes.ts';

function fakeApp() {
  let beforeQuit: ((event: { preventDefault(): void }) => void) | null = null;
  const app = {
    quits: 0,
    on(_event: 'before-quit', listener: (event: { preventDefault(): void }) => void) {
      beforeQuit = listener;
      return app;
    },
    quit() {
      app.quits += 1;
    },
    /** Fires before-quit; answers whether the quit was held back. */
    requestQuit(): boolean {
      let prevented = false;
      assert.ok(beforeQuit);
      beforeQuit({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
  return app;
}

test('quit is held until core has stopped, then let through once', async () => {
  const app = fakeApp();
  let stops = 0;
  let finishStop!: () => void;
  const controller = installQuitController({
    app,
    stop: () => {
      stops += 1;
      return new Promise<void>((resolve) => (finishStop = resolve));
    },
    logger: recordingLogger(),
  });
  assert.equal(controller.quitting, false);
  assert.equal(app.requestQuit(), true);
  assert.equal(controller.quitting, true);
  assert.equal(app.requestQuit(), true, 'a second Quit while draining waits too');
  assert.equal(stops, 1);
  assert.equal(app.quits, 0);
  finishStop();
  await new Promise<void>((resolve) => setImmediate(resolve));
  assert.equal(app.quits, 1);
  assert.equal(app.requestQuit(), false, 'the final quit goes through');
});

test('an update install stops core first and lets the windows close', async () => {
  const app = fakeApp();
  let stops = 0;
  const controller = installQuitController({
    app,
    stop: async () => {
      stops += 1;
    },
    logger: recordingLogger(),
  });
  await controller.prepareForQuit();
  assert.equal(controller.quitting, true);
  assert.equal(stops, 1);
  assert.equal(app.requestQuit(), false, 'the installer’s quit goes straight through');
  assert.equal(stops, 1);
});

test('a core that fails to stop is logged and the app still quits', async () => {
  const app = fakeApp();
  const logger = recordingLogger();
  installQuitController({ app, stop: async () => Promise.reject(new Error('disk gone')), logger });
  app.requestQuit();
  await new Promise<void>((resolve) => setImmediate(resolve));
  assert.equal(app.quits, 1);
  assert.equal(logger.lines.at(-1)?.level, 'error');
});

test('start at login: Electron login items on Windows and macOS', async () => {
  const settings: unknown[] = [];
  for (const platform of ['win32', 'darwin'] as const) {
    await applyStartAtLogin(true, {
      platform,
      app: { setLoginItemSettings: (value) => settings.push(value) },
      executable: 'C:\\Program Files\\Clearfacts Uploader\\Clearfacts Uploader.exe',
      autostartDir: '/nonexistent',
    });
  }
  assert.deepEqual(settings, [
    { openAtLogin: true, args: ['--js-flags=--max-semi-space-size=4', HIDDEN_ARGUMENT] },
    { openAtLogin: true, args: ['--js-flags=--max-semi-space-size=4', HIDDEN_ARGUMENT] },
  ]);
});

test('start at login on Linux: an XDG autostart entry, written and removed', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-autostart-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const options = {
    platform: 'linux' as const,
    app: { setLoginItemSettings: () => assert.fail('not on Linux') },
    executable: '/home/ann/Apps/Clearfacts Uploader.AppImage',
    autostartDir: path.join(dir, 'autostart'),
  };
  await applyStartAtLogin(true, options);
  const file = path.join(dir, 'autostart', 'clearfacts-uploader.desktop');
  const entry = await readFile(file, 'utf8');
  assert.match(
    entry,
    /^Exec=env MALLOC_ARENA_MAX=2 "\/home\/ann\/Apps\/Clearfacts Uploader\.AppImage" --js-flags=--max-semi-space-size=4 --hidden$/m,
  );
  await applyStartAtLogin(false, options);
  await assert.rejects(stat(file), { code: 'ENOENT' });
});

test('desktop-entry quoting escapes what the spec reserves', () => {
  assert.equal(quoteExecArgument('/opt/a "b" $c `d` \\e'), '"/opt/a \\"b\\" \\$c \\`d\\` \\\\e"');
  assert.match(autostartEntry('/usr/bin/cf'), /Type=Application/);
});

test('started at login means staying in the tray', () => {
  assert.equal(startedHidden(['/app/exe', HIDDEN_ARGUMENT], false), true);
  assert.equal(startedHidden(['/app/exe'], true), true);
  assert.equal(startedHidden(['/app/exe'], false), false);
});

function labels(template: MenuItemConstructorOptions[]): unknown[] {
  return template.map((item) =>
    Array.isArray(item.submenu)
      ? [item.label ?? item.role, labels(item.submenu)]
      : (item.label ?? item.role ?? item.type),
  );
}

test('the app menu: macOS gets the standard app and edit menus; all get the shell commands', () => {
  const calls: string[] = [];
  const actions = {
    openDrop: () => calls.push('drop'),
    exportDiagnostics: () => calls.push('diagnostics'),
    checkForUpdates: () => calls.push('updates'),
    quit: () => calls.push('quit'),
  };
  const en = shellText('en');
  const mac = buildAppMenuTemplate('darwin', actions, en, true);
  assert.deepEqual(
    mac.map((item) => item.role ?? item.label),
    [en.appName, 'editMenu', 'windowMenu'],
  );
  const windows = buildAppMenuTemplate('win32', actions, en, false);
  const file = windows[0]?.submenu;
  assert.ok(Array.isArray(file));
  for (const item of file) if (typeof item.click === 'function') (item.click as () => void)();
  assert.deepEqual(calls, ['drop', 'diagnostics', 'quit']);
  assert.ok(JSON.stringify(labels(windows)).includes('editMenu'));
});

test('the shell speaks the chosen language, or the first system language it knows', () => {
  assert.equal(shellLanguage('fr', ['nl-BE']), 'fr');
  assert.equal(shellLanguage('system', ['de-DE', 'nl-BE', 'en-US']), 'nl');
  assert.equal(shellLanguage('system', ['fr_BE']), 'fr');
  assert.equal(shellLanguage('system', ['de-DE']), 'en');
  assert.equal(shellText('nl').pause, 'Uploads pauzeren');
  assert.equal(shellText('fr').uploading(1, 2), 'Envoi en cours : 1 sur 2 terminés');
});
