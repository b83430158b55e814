// The two windows: the main window (the whole renderer) and the small drop window (the same
// renderer at #/drop-window). Both are created hidden and shown once painted, remember where they were,
// and closing either only hides it: the app lives in the tray until the user quits.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { appUrl } from './app-protocol.ts';
import type { EventTarget } from './ipc-bridge.ts';
import { secureWebPreferences } from './web-security.ts';
import {
  restorableBounds,
  type SavedWindow,
  type WindowName,
  type WindowStateStore,
} from './window-state.ts';

/** The parts of a BrowserWindow the manager uses. */
export interface ShellWindow {
  readonly webContents: EventTarget & { readonly id: number };
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
}

export interface WindowManagerOptions {
  createWindow(options: BrowserWindowConstructorOptions): ShellWindow;
  /** The work areas of the connected displays, read each time a window opens. */
  workAreas(): Rectangle[];
  stateStore: WindowStateStore;
  preloadPath: string;
  /** The window icon (Linux and Windows; macOS uses the bundle's). */
  iconPath?: string;
  /** True once the user chose Quit: closing then really closes. */
  isQuitting(): boolean;
  onLoadFailed(name: WindowName, error: unknown): void;
}

const DEFAULTS: Record<WindowName, BrowserWindowConstructorOptions> = {
  main: {
    width: 1100,
    height: 760,
    minWidth: 760,
    minHeight: 520,
    title: 'Clearfacts Uploader',
  },
  drop: {
    width: 380,
    height: 340,
    minWidth: 300,
    minHeight: 260,
    title: 'Drop documents — Clearfacts Uploader',
    // A target to drag files onto from the file manager, which would otherwise cover it.
    alwaysOnTop: true,
    maximizable: false,
    minimizable: false,
    fullscreenable: false,
    skipTaskbar: true,
  },
};

const ROUTES: Record<WindowName, string> = { main: '', drop: 'drop-window' };

export function windowOptions(
  name: WindowName,
  saved: SavedWindow | undefined,
  options: Pick<WindowManagerOptions, 'preloadPath' | 'iconPath'>,
): BrowserWindowConstructorOptions {
  return {
    ...DEFAULTS[name],
    ...(saved === undefined
      ? { center: true }
      : { x: saved.x, y: saved.y, width: saved.width, height: saved.height }),
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

export class WindowManager {
  readonly #options: WindowManagerOptions;
  readonly #windows = new Map<WindowName, ShellWindow>();

  constructor(options: WindowManagerOptions) {
    this.#options = options;
  }

  /** Shows (creating if needed) and focuses a window, optionally at a renderer route. */
  show(name: WindowName, route?: string): ShellWindow {
    const existing = this.#windows.get(name);
    if (existing !== undefined && !existing.isDestroyed()) {
      if (route !== undefined) this.#load(name, existing, route);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    return this.#create(name, route ?? ROUTES[name]);
  }

  /** Every live window's contents, for pushing core's events. */
  contents(): Array<ShellWindow['webContents']> {
    return [...this.#windows.values()]
      .filter((window) => !window.isDestroyed())
      .map((window) => window.webContents);
  }

  /** The window whose page has this WebContents id (the parent of a dialog it asked for). */
  byContentsId(id: number): ShellWindow | undefined {
    return [...this.#windows.values()].find(
      (window) => !window.isDestroyed() && window.webContents.id === id,
    );
  }

  #create(name: WindowName, route: string): ShellWindow {
    const saved = restorableBounds(this.#options.stateStore.get(name), this.#options.workAreas());
    const window = this.#options.createWindow(windowOptions(name, saved, this.#options));
    this.#windows.set(name, window);
    if (saved?.maximized === true) window.maximize();

    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('close', (event) => {
      this.#remember(name, window);
      if (!this.#options.isQuitting()) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (this.#windows.get(name) === window) this.#windows.delete(name);
    });
    this.#load(name, window, route);
    return window;
  }

  #load(name: WindowName, window: ShellWindow, route: string): void {
    window
      .loadURL(appUrl(route))
      .catch((error: unknown) => this.#options.onLoadFailed(name, error));
  }

  #remember(name: WindowName, window: ShellWindow): void {
    const bounds = window.getNormalBounds();
    this.#options.stateStore.set(name, { ...bounds, maximized: window.isMaximized() });
  }
}
