// The desktop shell's entry point and composition root: builds core with Electron's pieces
// (safeStorage token store, electron-store settings, electron-log logger, net.fetch), then wires
// the windows, the tray, IPC, notifications, updates and the quit sequence around it. Everything
// here is wiring; each behaviour lives in a module that takes the Electron parts it needs, so it
// is unit-tested with fakes.
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import ElectronStore from 'electron-store';
import {
  DEFAULT_CONFIG_DIR,
  createEngine,
  createSettingsStore,
  quarantineUnreadableSettingsFile,
  settingsFileOptions,
  type Engine,
  type Logger,
  type SettingsFile,
  type TokenStore,
} from '../core/index.ts';
import type { EventListener } from '../contract/api-contract.ts';
import type { Settings } from '../contract/domain.ts';
import { buildAppMenuTemplate, type AppMenuActions } from './app-menu.ts';
import { APP_PATHS, trayIconPath, windowIconPath } from './app-paths.ts';
import { APP_SCHEME, APP_SCHEME_REGISTRATION, createAppProtocolHandler } from './app-protocol.ts';
import { createAutoUpdate, parseFeedUrl, type AutoUpdate } from './auto-update.ts';
import { diagnosticsFileName, writeDiagnosticsZip } from './diagnostics-export.ts';
import { createElectronLogger } from './electron-logger.ts';
import { forwardEvent, registerIpcBridge } from './ipc-bridge.ts';
import { applyStartAtLogin, startedHidden } from './login-item.ts';
import { createNotificationRules, summarizeNotifications } from './notification-rules.ts';
import {
  createNotificationThrottle,
  DEFAULT_INTERVALS_MS,
  type ShellNotification,
} from './notification-throttle.ts';
import { installQuitController } from './quit-controller.ts';
import { createSafeStorageTokenStore } from './safe-storage-token-store.ts';
import { shellLanguage, shellText, type ShellText } from './shell-text.ts';
import { TrayController } from './tray.ts';
import { createTrayActions, FAILED_HISTORY_ROUTE } from './tray-actions.ts';
import { guardWebContents, hardenSession } from './web-security.ts';
import { openWindowStateStore } from './window-state.ts';
import { WindowManager } from './windows.ts';

/** Matches `appId` in electron-builder.yml: Windows groups notifications and taskbar by it. */
const APP_USER_MODEL_ID = 'be.clearfacts.uploader';

// A separate profile for tests and side-by-side runs: Chromium's profile and the app's data both
// go there. Set before anything reads userData.
const userDataOverride = process.env.CLEARFACTS_USER_DATA_DIR;
if (userDataOverride !== undefined && userDataOverride !== '') {
  app.setPath('userData', path.resolve(userDataOverride));
}

/**
 * The app's data (settings, history, logs, the encrypted token) lives where the CLI keeps it, so
 * `npx clearfacts-uploader status` and the desktop app see the same folders and history (the
 * engine lock keeps two engines off it). Chromium's own profile stays in userData.
 */
function appConfigDir(): string {
  return userDataOverride !== undefined && userDataOverride !== ''
    ? app.getPath('userData')
    : DEFAULT_CONFIG_DIR;
}

// Must happen before `ready`: our scheme gets the privileges of https.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);

function openExternal(url: string): void {
  void shell.openExternal(url);
}

// Every WebContents ever created (windows, and anything a page might try to open) is guarded.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));

/** Filled once core is up; a second launch before that just quits. */
let windows: WindowManager | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    windows?.show('main');
  });
  // The app lives in the tray: closing every window does not quit it.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(
        'Clearfacts Uploader could not start',
        `${message}\n\nThe log in ${path.join(appConfigDir(), 'logs')} has the details.`,
      );
      app.exit(1);
    });
}

function createLogger(configDir: string): Logger {
  const development = !app.isPackaged;
  return createElectronLogger({
    directory: path.join(configDir, 'logs'),
    level: development ? 'debug' : 'info',
    console: development,
  });
}

function openSettingsStore(configDir: string, logger: Logger) {
  quarantineUnreadableSettingsFile(configDir, logger);
  const backing = new ElectronStore<SettingsFile>(settingsFileOptions(configDir));
  // electron-store answers any page's synchronous IPC with the userData path; no page needs it.
  ipcMain.removeAllListeners('electron-store-get-data');
  // The CLI may change settings while the app runs: follow the file.
  return createSettingsStore({ backing, logger, follow: true });
}

async function askBeforeWeakTokenStorage(text: () => ShellText): Promise<boolean> {
  const words = text();
  const options: Electron.MessageBoxOptions = {
    type: 'warning',
    title: words.insecureStorageTitle,
    message: words.insecureStorageMessage,
    detail: words.insecureStorageDetail,
    buttons: [words.insecureStorageSessionOnly, words.insecureStorageStore],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  // Asked while the user signs in: attached to that window so it cannot hide behind it.
  const parent = BrowserWindow.getFocusedWindow();
  const { response } =
    parent === null
      ? await dialog.showMessageBox(options)
      : await dialog.showMessageBox(parent, options);
  return response === 1;
}

/** Chromium's network stack: the system proxy and the OS certificate store apply. */
const electronFetch: typeof globalThis.fetch = (input, init) =>
  net.fetch(input instanceof URL ? input.href : input, init);

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const configDir = appConfigDir();
  const logger = createLogger(configDir);
  logger.info('Starting', {
    version: app.getVersion(),
    electron: process.versions.electron,
    platform: process.platform,
  });

  protocol.handle(APP_SCHEME, createAppProtocolHandler(APP_PATHS.rendererDir));
  hardenSession(session.defaultSession);

  const settingsStore = openSettingsStore(configDir, logger);
  let settings: Settings = settingsStore.get();
  const text = (): ShellText =>
    shellText(shellLanguage(settings.language, app.getPreferredSystemLanguages()));

  const tokenStore: TokenStore = await createSafeStorageTokenStore({
    safeStorage,
    filePath: path.join(configDir, 'token.enc'),
    platform: process.platform,
    confirmInsecureStorage: () => askBeforeWeakTokenStorage(text),
  });
  const tokenInfo = tokenStore.info();
  if (!tokenInfo.secure) logger.warn('The token is not protected by a keyring', { tokenInfo });

  const engine: Engine = await createEngine({
    configDir,
    tokenStore,
    settingsStore,
    fetch: electronFetch,
    logger,
    shell: 'electron',
    version: app.getVersion(),
    apiUrl: process.env.CLEARFACTS_API_URL || undefined,
    // Set by `npm run demo`, which starts the embedded emulator: offers "Try the demo".
    demoToken: process.env.CLEARFACTS_DEMO_TOKEN || undefined,
    revealFile: async (filePath) => shell.showItemInFolder(filePath),
  });

  const quit = installQuitController({ app, stop: () => engine.stop(), logger });
  // Logout or `kill` quits through the same path as the menu, so core stops before the process
  // ends (otherwise conf's exit hook re-raises the signal and running uploads end unconfirmed).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  const manager = new WindowManager({
    createWindow: (options) => new BrowserWindow(options),
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    stateStore: openWindowStateStore(path.join(configDir, 'window-state.json')),
    preloadPath: APP_PATHS.preload,
    iconPath: process.platform === 'darwin' ? undefined : windowIconPath(),
    isQuitting: () => quit.quitting,
    onLoadFailed: (name, error) => logger.error('A window failed to load', { name, error }),
  });
  windows = manager;

  registerIpcBridge({
    ipcMain,
    handlers: engine.handlers,
    logger,
    pickFolder: async (senderId) => {
      const parent = BrowserWindow.getAllWindows().find(
        (window) => window.webContents.id === senderId,
      );
      const options = { title: text().chooseFolder, properties: ['openDirectory' as const] };
      const result =
        parent === undefined
          ? await dialog.showOpenDialog(options)
          : await dialog.showOpenDialog(parent, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });

  const updatesEnabled = app.isPackaged;
  let autoUpdate: AutoUpdate | null = null;

  async function exportDiagnostics(): Promise<void> {
    const words = text();
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: words.diagnosticsTitle,
      defaultPath: path.join(app.getPath('downloads'), diagnosticsFileName(new Date())),
      filters: [{ name: 'Zip', extensions: ['zip'] }],
    });
    if (canceled || filePath === undefined || filePath === '') return;
    try {
      await writeDiagnosticsZip(
        {
          logsDir: path.join(configDir, 'logs'),
          settings: settingsStore.get(),
          about: {
            version: app.getVersion(),
            packaged: app.isPackaged,
            electron: process.versions.electron,
            chrome: process.versions.chrome,
            node: process.versions.node,
            platform: process.platform,
            arch: process.arch,
            osRelease: os.release(),
            locale: app.getLocale(),
            tokenStorage: tokenStore.info(),
          },
        },
        filePath,
      );
      shell.showItemInFolder(filePath);
    } catch (error) {
      logger.error('Diagnostics could not be written', { error, filePath });
      dialog.showErrorBox(words.diagnosticsTitle, words.diagnosticsFailed);
    }
  }

  function reportActionError(action: string) {
    return (error: unknown) => logger.error(`${action} failed`, { error });
  }

  const trayActions = createTrayActions({
    handlers: engine.handlers,
    showWindow: (name, route) => manager.show(name, route),
    openPath: (folderPath) => shell.openPath(folderPath),
    exportDiagnostics,
    checkForUpdates: async () => autoUpdate?.check(true),
    quit: () => app.quit(),
    logger,
  });

  const trayIcons = new Map<string, Electron.NativeImage>();
  const tray = new Tray(nativeImage.createFromPath(trayIconPath('idle', process.platform)));
  const trayController = new TrayController({
    tray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconFor: (state) => {
      let image = trayIcons.get(state);
      if (image === undefined) {
        image = nativeImage.createFromPath(trayIconPath(state, process.platform));
        trayIcons.set(state, image);
      }
      return image;
    },
    actions: trayActions,
    text,
    updatesEnabled,
    loadFolders: () => engine.handlers['folders.list']({}),
    loadRecentFailures: async () =>
      (
        await engine.handlers['history.query']({
          filter: { states: ['failed'] },
          offset: 0,
          limit: 5,
        })
      ).rows,
    onError: reportActionError('Reading the tray menu'),
  });
  // Windows and Linux: a click on the icon opens the app; macOS shows the menu.
  if (process.platform !== 'darwin') tray.on('click', () => manager.show('main'));

  const shownNotifications = new Set<Notification>();
  const throttle = createNotificationThrottle({
    show: (notification: ShellNotification) => {
      if (!Notification.isSupported()) return;
      const native = new Notification({ title: notification.title, body: notification.body });
      shownNotifications.add(native);
      native.on('click', () =>
        manager.show(
          'main',
          notification.kind === 'file_refused' ? FAILED_HISTORY_ROUTE : undefined,
        ),
      );
      native.on('close', () => shownNotifications.delete(native));
      native.show();
    },
    summarize: (kind, held) => summarizeNotifications(kind, held, text()),
    intervalsMs: DEFAULT_INTERVALS_MS,
    clock: {
      now: () => Date.now(),
      setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  });
  const notificationRules = createNotificationRules({ throttle, text });

  const appMenuActions: AppMenuActions = {
    openDrop: trayActions.openDrop,
    exportDiagnostics: trayActions.exportDiagnostics,
    checkForUpdates: trayActions.checkForUpdates,
    quit: trayActions.quit,
  };
  const applyAppMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate(process.platform, appMenuActions, text(), updatesEnabled),
      ),
    );
  applyAppMenu();

  const loginItem = {
    platform: process.platform,
    app,
    executable: process.env.APPIMAGE ?? process.execPath,
    autostartDir: path.join(
      process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'),
      'autostart',
    ),
  };
  const applyLoginItem = (enabled: boolean): void => {
    // A development run must not register the bare Electron binary to start at login.
    if (!app.isPackaged) return;
    applyStartAtLogin(enabled, loginItem).catch(reportActionError('Start at login'));
  };

  const listener: EventListener = (channel, payload) => {
    forwardEvent(manager.contents(), channel, payload);
    trayController.handleEvent(channel, payload);
    notificationRules.handleEvent(channel, payload);
    if (channel === 'settings.changed') {
      const previous = settings;
      settings = settingsStore.get();
      if (previous.startAtLogin !== settings.startAtLogin) applyLoginItem(settings.startAtLogin);
      if (previous.language !== settings.language) applyAppMenu();
    }
  };
  engine.subscribe(listener);

  await engine.start();
  applyLoginItem(settings.startAtLogin);
  await trayController.start(await engine.handlers['status.get']({}));

  if (updatesEnabled) {
    const { default: electronUpdater } = await import('electron-updater');
    autoUpdate = createAutoUpdate({
      updater: electronUpdater.autoUpdater,
      feedUrl: parseFeedUrl(process.env.CLEARFACTS_UPDATE_URL),
      logger,
      ask: async (question) => {
        const words = text();
        const { response } = await dialog.showMessageBox({
          type: 'info',
          title: words.appName,
          message:
            question.kind === 'download'
              ? words.updateAvailableMessage(question.version)
              : words.updateReadyMessage(question.version),
          detail:
            question.kind === 'download' ? words.updateAvailableDetail : words.updateReadyDetail,
          buttons: [
            words.later,
            question.kind === 'download' ? words.download : words.restartAndInstall,
          ],
          defaultId: 1,
          cancelId: 0,
          noLink: true,
        });
        return response === 1;
      },
      tell: (outcome) => {
        const words = text();
        void dialog.showMessageBox({
          type: outcome === 'failed' ? 'warning' : 'info',
          title: words.appName,
          message: outcome === 'failed' ? words.updateFailed : words.upToDate,
          buttons: [words.ok],
        });
      },
      beforeInstall: () => quit.prepareForQuit(),
    });
    void autoUpdate.check(false);
    setInterval(() => void autoUpdate?.check(false), 6 * 60 * 60 * 1000).unref();
  }

  const loginSettings = process.platform === 'darwin' ? app.getLoginItemSettings() : null;
  if (!startedHidden(process.argv, loginSettings?.wasOpenedAtLogin ?? false)) {
    manager.show('main');
  }
  app.on('activate', () => manager.show('main'));
  logger.info('Started');
}
