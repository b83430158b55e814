import { test } from 'node:test';
import { msg } from '../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import type { FolderView, HistoryEntry } from '../../../src-main/contract/domain.ts';
import { shellText } from '../../../src-main/electron/shell-text.ts';
import {
  createTrayActions,
  FAILED_HISTORY_ROUTE,
} from '../../../src-main/electron/tray-actions.ts';
import {
  buildTrayMenuTemplate,
  trayIconState,
  trayTooltip,
  type TrayActions,
  type TrayModel,
} from '../../../src-main/electron/tray-menu.ts';
import { TrayController } from '../../../src-main/electron/tray.ts';
import { fakeHandlers, recordingLogger, status } from './fakes.ts';

const en = shellText('en');

function folder(path: string, availability: FolderView['availability'] = 'watching'): FolderView {
  return {
    binding: {
      id: path,
      mode: 'single',
      path,
      companyNumber: '0123456789',
      destination: { type: 'purchase' },
    },
    availability,
    reason: null,
    counts: { pending: 0, uploaded: 0, failed: 0 },
  };
}

function failedEntry(id: number, fileName: string): HistoryEntry {
  return {
    id,
    path: `/scans/${fileName}`,
    fileName,
    folderId: null,
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: 'failed',
    kind: 'pdf',
    sizeBytes: 10,
    sha256: null,
    pages: 1,
    uuid: null,
    failure: {
      code: 'pdf_encrypted',
      message: msg('legacy_text', { text: 'The PDF is password-protected.' }),
    },
    attempts: 1,
    nextAttemptAt: null,
    archivedPath: null,
    detectedAt: '2026-11-22T08:00:00.000Z',
    updatedAt: '2026-11-22T08:00:01.000Z',
    uploadedAt: null,
  };
}

function recordingActions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      const described = args.map((arg) =>
        typeof arg === 'object' && arg !== null && 'id' in arg ? String(arg.id) : String(arg),
      );
      calls.push(args.length === 0 ? name : `${name}:${described.join(',')}`);
    };
  return {
    calls,
    openMain: record('openMain'),
    openDrop: record('openDrop'),
    pause: record('pause'),
    resume: record('resume'),
    openFolder: record('openFolder'),
    showFailure: record('showFailure'),
    retryAllFailed: record('retryAllFailed'),
    exportDiagnostics: record('exportDiagnostics'),
    checkForUpdates: record('checkForUpdates'),
    quit: record('quit'),
  };
}

function item(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.find((entry) => entry.label === label);
  assert.ok(found, `no "${label}" item in ${JSON.stringify(template.map((entry) => entry.label))}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  assert.ok(entry.click, `"${entry.label}" has no click`);
  (entry.click as () => void)();
}

function submenu(entry: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  assert.ok(Array.isArray(entry.submenu), `"${entry.label}" has no submenu`);
  return entry.submenu;
}

const model = (overrides: Partial<TrayModel> = {}): TrayModel => ({
  status: status(),
  folders: [],
  recentFailures: [],
  updatesEnabled: true,
  ...overrides,
});

test('the menu: open, drop window, pause, folders, failures, diagnostics, updates, quit', () => {
  const actions = recordingActions();
  const template = buildTrayMenuTemplate(model(), actions, en);
  for (const [label, call] of [
    [en.open, 'openMain'],
    [en.dropWindow, 'openDrop'],
    [en.pause, 'pause'],
    [en.exportDiagnostics, 'exportDiagnostics'],
    [en.checkForUpdates, 'checkForUpdates'],
    [en.quit, 'quit'],
  ] as const) {
    click(item(template, label));
    assert.equal(actions.calls.at(-1), call, label);
  }
  assert.equal(template[0]?.label, en.idle);
  assert.equal(template[0]?.enabled, false);
});

test('a paused queue offers Resume instead of Pause', () => {
  const actions = recordingActions();
  const template = buildTrayMenuTemplate(
    model({ status: status({ state: 'paused', pausedByUser: true }) }),
    actions,
    en,
  );
  assert.equal(
    template.some((entry) => entry.label === en.pause),
    false,
  );
  click(item(template, en.resume));
  assert.deepEqual(actions.calls, ['resume']);
});

test('watched folders open in the file manager; unavailable ones are disabled', () => {
  const actions = recordingActions();
  const folders = submenu(
    item(
      buildTrayMenuTemplate(
        model({ folders: [folder('/scans/A & B'), folder('/mnt/share', 'unavailable')] }),
        actions,
        en,
      ),
      en.watchedFolders,
    ),
  );
  assert.equal(folders[0]?.label, '/scans/A && B', 'an & is not a mnemonic');
  click(folders[0] ?? {});
  assert.deepEqual(actions.calls, ['openFolder:/scans/A & B']);
  assert.equal(folders[1]?.enabled, false);
  assert.match(folders[1]?.label ?? '', /unavailable/);
});

test('recent failures show the file and reason, open the history, and can all be retried', () => {
  const actions = recordingActions();
  const failures = submenu(
    item(
      buildTrayMenuTemplate(model({ recentFailures: [failedEntry(4, 'scan.pdf')] }), actions, en),
      en.recentFailures,
    ),
  );
  assert.equal(failures[0]?.label, 'scan.pdf');
  assert.equal(failures[0]?.sublabel, 'The PDF is password-protected.');
  click(failures[0] ?? {});
  click(item(failures, en.retryAllFailed));
  assert.deepEqual(actions.calls, ['showFailure:4', 'retryAllFailed']);
});

test('empty folder and failure lists say so, disabled', () => {
  const template = buildTrayMenuTemplate(model({ updatesEnabled: false }), recordingActions(), en);
  assert.deepEqual(submenu(item(template, en.watchedFolders)), [
    { label: en.noFolders, enabled: false },
  ]);
  assert.deepEqual(submenu(item(template, en.recentFailures)), [
    { label: en.noFailures, enabled: false },
  ]);
  assert.equal(
    template.some((entry) => entry.label === en.checkForUpdates),
    false,
  );
});

test('the icon follows the queue: idle, uploading, paused, attention needed', () => {
  assert.equal(trayIconState(null), 'idle');
  assert.equal(trayIconState(status()), 'idle');
  assert.equal(trayIconState(status({ state: 'uploading' })), 'uploading');
  assert.equal(trayIconState(status({ state: 'paused', pausedByUser: true })), 'paused');
  assert.equal(trayIconState(status({ state: 'offline' })), 'paused');
  for (const state of ['auth_required', 'scope_missing', 'storage_error'] as const) {
    assert.equal(trayIconState(status({ state })), 'attention', state);
  }
  const failed = status({ counts: { ...status().counts, failed: 2 } });
  assert.equal(trayIconState(failed), 'attention');
  const held = status({ counts: { ...status().counts, held: 1 } });
  assert.equal(trayIconState(held), 'attention', 'a held file waits for the user');
});

test('the tooltip counts held files apart from failed ones, in the shell’s language', () => {
  const held = status({ counts: { ...status().counts, failed: 1, held: 2 } });
  assert.equal(
    trayTooltip(held, en),
    'Clearfacts Uploader\nUp to date\n1 document failed\n2 waiting for your choice',
  );
  assert.match(trayTooltip(held, shellText('nl')), /\n1 document mislukt\n2 wachten op uw keuze$/);
  assert.match(
    trayTooltip(held, shellText('fr')),
    /\n1 document en échec\n2 en attente de votre choix$/,
  );
});

test('the tooltip summarises the queue within the 127 characters Windows shows', () => {
  const busy = status({
    state: 'uploading',
    batch: { done: 3, total: 10 },
    counts: { ...status().counts, failed: 1, unconfirmed: 2 },
  });
  assert.equal(
    trayTooltip(busy, en),
    'Clearfacts Uploader\nUploading: 3 of 10 done\n1 document failed\n2 to check in Clearfacts',
  );
  const long = trayTooltip(busy, { ...en, appName: 'x'.repeat(200) });
  assert.equal(long.length, 127);
});

test('tray actions reach the right core functions and windows', async () => {
  const { handlers, calls } = fakeHandlers({
    'queue.pause': async () => status({ state: 'paused', pausedByUser: true }),
    'queue.resume': async () => status(),
    'history.retryAllFailed': async () => ({ count: 3 }),
  });
  const shown: string[] = [];
  const opened: string[] = [];
  let exported = 0;
  let checked = 0;
  let quit = 0;
  const actions = createTrayActions({
    handlers,
    showWindow: (name, route) => shown.push(route === undefined ? name : `${name}#${route}`),
    openPath: async (folderPath) => {
      opened.push(folderPath);
      return '';
    },
    exportDiagnostics: async () => {
      exported += 1;
    },
    checkForUpdates: async () => {
      checked += 1;
    },
    quit: () => (quit += 1),
    logger: recordingLogger(),
  });
  const template = buildTrayMenuTemplate(
    model({ folders: [folder('/scans')], recentFailures: [failedEntry(1, 'a.pdf')] }),
    actions,
    en,
  );
  click(item(template, en.pause));
  click(item(template, en.open));
  click(item(template, en.dropWindow));
  click(submenu(item(template, en.watchedFolders))[0] ?? {});
  const failures = submenu(item(template, en.recentFailures));
  click(failures[0] ?? {});
  click(item(failures, en.retryAllFailed));
  click(item(template, en.exportDiagnostics));
  click(item(template, en.checkForUpdates));
  click(item(template, en.quit));
  click(
    item(
      buildTrayMenuTemplate(model({ status: status({ pausedByUser: true }) }), actions, en),
      en.resume,
    ),
  );
  await Promise.resolve();
  assert.deepEqual(
    calls.map((call) => call.channel),
    ['queue.pause', 'history.retryAllFailed', 'queue.resume'],
  );
  assert.deepEqual(shown, ['main', 'drop', `main#${FAILED_HISTORY_ROUTE}`]);
  assert.deepEqual(opened, ['/scans']);
  assert.deepEqual([exported, checked, quit], [1, 1, 1]);
});

test('a failing tray action is logged, never thrown into the menu', async () => {
  const { handlers } = fakeHandlers({
    'queue.pause': async () => {
      throw new Error('not signed in');
    },
  });
  const logger = recordingLogger();
  let logged!: () => void;
  const done = new Promise<void>((resolve) => (logged = resolve));
  const actions = createTrayActions({
    handlers,
    showWindow: () => undefined,
    openPath: async () => '',
    exportDiagnostics: async () => undefined,
    checkForUpdates: async () => undefined,
    quit: () => undefined,
    logger: {
      ...logger,
      error: (message, fields) => {
        logger.error(message, fields);
        logged();
      },
    },
  });
  actions.pause();
  await done;
  assert.match(logger.lines[0]?.message ?? '', /Pausing the queue failed/);
});

test('the tray controller applies icon, tooltip and menu, rebuilding the menu only on change', async () => {
  const applied: Array<[string, unknown]> = [];
  let failures = [failedEntry(1, 'a.pdf')];
  const controller = new TrayController<MenuItemConstructorOptions[], string>({
    tray: {
      setImage: (image) => applied.push(['image', image]),
      setToolTip: (tooltip) => applied.push(['tooltip', tooltip]),
      setContextMenu: (menu) => applied.push(['menu', menu]),
    },
    buildMenu: (template) => template,
    iconFor: (state) => `tray-${state}.png`,
    actions: recordingActions(),
    text: () => en,
    updatesEnabled: false,
    loadFolders: async () => [folder('/scans')],
    loadRecentFailures: async () => failures,
    onError: (error) => assert.fail(String(error)),
  });
  await controller.start(status());
  const kinds = () => applied.map(([kind]) => kind);
  assert.deepEqual(
    applied.filter(([kind]) => kind === 'image').map(([, image]) => image),
    ['tray-idle.png'],
  );
  applied.length = 0;
  controller.handleEvent('status', status());
  assert.deepEqual(kinds(), [], 'nothing changed, nothing applied');

  controller.handleEvent('status', status({ state: 'uploading', batch: { done: 0, total: 2 } }));
  assert.deepEqual(kinds(), ['image', 'tooltip', 'menu']);
  assert.deepEqual(applied[0], ['image', 'tray-uploading.png']);

  applied.length = 0;
  failures = [failedEntry(2, 'b.pdf'), ...failures];
  controller.handleEvent('history.changed', { entries: [failedEntry(2, 'b.pdf')] });
  await controller.settled();
  const menu = applied.find(([kind]) => kind === 'menu')?.[1] as MenuItemConstructorOptions[];
  assert.deepEqual(
    submenu(item(menu, en.recentFailures))
      .slice(0, 2)
      .map((entry) => entry.label),
    ['b.pdf', 'a.pdf'],
  );
});
