import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  guardWebContents,
  hardenSession,
  secureWebPreferences,
  type GuardedContents,
  type GuardedSession,
} from '../../../src-main/electron/web-security.ts';

test('every window is sandboxed, isolated, without Node and with web security', () => {
  const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');
  assert.equal(preferences.preload, '/app/dist/electron/preload.cjs');
  assert.equal(preferences.sandbox, true);
  assert.equal(preferences.contextIsolation, true);
  assert.equal(preferences.nodeIntegration, false);
  assert.equal(preferences.nodeIntegrationInWorker, false);
  assert.equal(preferences.nodeIntegrationInSubFrames, false);
  assert.equal(preferences.webSecurity, true);
  assert.equal(preferences.allowRunningInsecureContent, false);
  assert.equal(preferences.webviewTag, false);
  assert.equal(preferences.experimentalFeatures, false);
  assert.equal(preferences.navigateOnDragDrop, false);
});

type NavigationListener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, NavigationListener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on(event: string, listener: NavigationListener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    assert.ok(listener, `no ${event} listener`);
    listener({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
  test(`${event}: leaving our origin is cancelled, staying is allowed`, () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, () => assert.fail('nothing opens externally'));
    assert.equal(fire(event, 'https://evil.example/phish'), true);
    assert.equal(fire(event, 'file:///etc/passwd'), true);
    assert.equal(fire(event, 'app://clearfacts.evil/'), true);
    assert.equal(fire(event, 'app://clearfacts/index.html#/history'), false);
  });
}

test('window.open is always denied; https links go to the OS browser, others nowhere', () => {
  const { contents, open } = fakeContents();
  const opened: string[] = [];
  guardWebContents(contents, (url) => opened.push(url));
  assert.deepEqual(open('https://www.clearfacts.be/help'), { action: 'deny' });
  assert.deepEqual(open('http://insecure.example/'), { action: 'deny' });
  assert.deepEqual(open('file:///C:/Windows/system32/calc.exe'), { action: 'deny' });
  assert.deepEqual(open('app://clearfacts/index.html'), { action: 'deny' });
  assert.deepEqual(opened, ['https://www.clearfacts.be/help']);
});

test('a <webview> is never attached', () => {
  const { contents, fire } = fakeContents();
  guardWebContents(contents, () => undefined);
  assert.equal(fire('will-attach-webview', 'app://clearfacts/'), true);
});

test('the session grants no permission except clipboard writes from our page, and no downloads', () => {
  const installed: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    device?: () => boolean;
    download?: (event: { preventDefault(): void }) => void;
  } = {};
  hardenSession({
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
    setDevicePermissionHandler: (handler) => (installed.device = handler),
    on: (_event, listener) => (installed.download = listener),
  });
  const { request: requestHandler, check: checkHandler, device: deviceHandler } = installed;
  const downloadListener = installed.download;
  assert.ok(requestHandler && checkHandler && deviceHandler && downloadListener);
  const request = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | null = null;
    requestHandler(null, permission, (answer) => (granted = answer), { requestingUrl });
    assert.notEqual(granted, null, 'the callback must always be answered');
    return granted === true;
  };
  for (const permission of [
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'fullscreen',
  ]) {
    assert.equal(request(permission, 'app://clearfacts/index.html'), false, permission);
  }
  assert.equal(request('clipboard-sanitized-write', 'app://clearfacts/index.html'), true);
  assert.equal(request('clipboard-sanitized-write', 'https://evil.example/'), false);
  assert.equal(checkHandler(null, 'media', 'app://clearfacts'), false);
  assert.equal(checkHandler(null, 'clipboard-sanitized-write', 'app://clearfacts'), true);
  assert.equal(deviceHandler(), false);
  let prevented = false;
  downloadListener({ preventDefault: () => (prevented = true) });
  assert.equal(prevented, true);
});
