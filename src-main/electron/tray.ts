// The tray icon: applies trayIconState / trayTooltip / buildTrayMenuTemplate to Electron's Tray
// whenever core reports a change. The folder list and the recent failures are read from core's
// handlers when they change, a few at a time, never on every status tick.
import type { MenuItemConstructorOptions } from 'electron';
import type { EventChannel, EventOf } from '../contract/api-contract.ts';
import type { FolderView, HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import type { ShellText } from './shell-text.ts';
import {
  buildTrayMenuTemplate,
  statusLine,
  trayIconState,
  trayTooltip,
  type TrayActions,
  type TrayIconState,
  type TrayModel,
} from './tray-menu.ts';

/** The parts of Electron's Tray used here, generic over its menu and image types. */
export interface TrayPort<TMenu, TImage> {
  setImage(image: TImage): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: TMenu): void;
}

export interface TrayControllerOptions<TMenu, TImage> {
  tray: TrayPort<TMenu, TImage>;
  buildMenu(template: MenuItemConstructorOptions[]): TMenu;
  iconFor(state: TrayIconState): TImage;
  actions: TrayActions;
  text(): ShellText;
  updatesEnabled: boolean;
  loadFolders(): Promise<FolderView[]>;
  /** The few most recent failed documents, newest first. */
  loadRecentFailures(): Promise<HistoryEntry[]>;
  onError(error: unknown): void;
}

export class TrayController<TMenu, TImage> {
  readonly #options: TrayControllerOptions<TMenu, TImage>;
  #model: TrayModel;
  #shownIcon: TrayIconState | null = null;
  #shownTooltip = '';
  #shownMenuKey = '';
  #failuresReload: Promise<void> | null = null;
  #failuresStale = false;

  constructor(options: TrayControllerOptions<TMenu, TImage>) {
    this.#options = options;
    this.#model = {
      status: null,
      folders: [],
      recentFailures: [],
      updatesEnabled: options.updatesEnabled,
    };
  }

  /** Reads folders and failures once; events keep them current afterwards. */
  async start(status: StatusSnapshot | null): Promise<void> {
    this.#model = { ...this.#model, status };
    this.render();
    const [folders, recentFailures] = await Promise.all([
      this.#options.loadFolders(),
      this.#options.loadRecentFailures(),
    ]);
    this.#model = { ...this.#model, folders, recentFailures };
    this.render();
  }

  handleEvent<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    if (channel === 'status') {
      this.#model = { ...this.#model, status: payload as EventOf<'status'> };
      this.render();
    } else if (channel === 'folders.changed') {
      this.#model = { ...this.#model, folders: (payload as EventOf<'folders.changed'>).folders };
      this.render();
    } else if (channel === 'history.changed') {
      const { entries } = payload as EventOf<'history.changed'>;
      const shownIds = new Set(this.#model.recentFailures.map((entry) => entry.id));
      if (entries.some((entry) => entry.state === 'failed' || shownIds.has(entry.id))) {
        this.#reloadFailures();
      }
    } else if (channel === 'settings.changed') {
      // The language may have changed: every label is rebuilt.
      this.#shownMenuKey = '';
      this.#shownTooltip = '';
      this.render();
    }
  }

  /** Applies the model; the menu is rebuilt only when something it shows changed. */
  render(): void {
    const { tray, text, iconFor, buildMenu, actions } = this.#options;
    const shellText = text();
    const icon = trayIconState(this.#model.status);
    if (icon !== this.#shownIcon) {
      tray.setImage(iconFor(icon));
      this.#shownIcon = icon;
    }
    const tooltip = trayTooltip(this.#model.status, shellText);
    if (tooltip !== this.#shownTooltip) {
      tray.setToolTip(tooltip);
      this.#shownTooltip = tooltip;
    }
    const menuKey = JSON.stringify([
      statusLine(this.#model.status, shellText),
      this.#model.status?.pausedByUser,
      this.#model.status?.state,
      this.#model.folders.map((folder) => [folder.binding.path, folder.availability]),
      this.#model.recentFailures.map((entry) => [entry.id, entry.failure?.message]),
    ]);
    if (menuKey !== this.#shownMenuKey) {
      tray.setContextMenu(buildMenu(buildTrayMenuTemplate(this.#model, actions, shellText)));
      this.#shownMenuKey = menuKey;
    }
  }

  /** One reload at a time; changes arriving meanwhile cause exactly one more. */
  #reloadFailures(): void {
    if (this.#failuresReload !== null) {
      this.#failuresStale = true;
      return;
    }
    this.#failuresReload = this.#options
      .loadRecentFailures()
      .then((recentFailures) => {
        this.#model = { ...this.#model, recentFailures };
        this.render();
      })
      .catch((error: unknown) => this.#options.onError(error))
      .finally(() => {
        this.#failuresReload = null;
        if (this.#failuresStale) {
          this.#failuresStale = false;
          this.#reloadFailures();
        }
      });
  }

  /** Resolves when no failure reload is running (tests wait on it instead of sleeping). */
  async settled(): Promise<void> {
    while (this.#failuresReload !== null) await this.#failuresReload;
  }
}
