// What the tray shows, as pure functions of core's state: the icon (idle, uploading, paused,
// attention needed), the tooltip (the queue summary) and the menu template. The tray itself only
// applies them, so every item's wiring is unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { FolderView, HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import type { ShellText } from './shell-text.ts';

export type TrayIconState = 'idle' | 'uploading' | 'paused' | 'attention';

export function trayIconState(status: StatusSnapshot | null): TrayIconState {
  if (status === null) return 'idle';
  switch (status.state) {
    case 'auth_required':
    case 'scope_missing':
    case 'storage_error':
      return 'attention';
    case 'paused':
    case 'offline':
      return 'paused';
    case 'uploading':
      return 'uploading';
    case 'idle':
      return status.counts.failed > 0 ||
        (status.counts.held ?? 0) > 0 ||
        status.counts.unconfirmed > 0
        ? 'attention'
        : 'idle';
  }
}

/** The first line of the tooltip and of the menu: what the queue is doing. */
export function statusLine(status: StatusSnapshot | null, text: ShellText): string {
  if (status === null) return text.idle;
  switch (status.state) {
    case 'idle':
      return text.idle;
    case 'uploading':
      return text.uploading(status.batch.done, status.batch.total);
    case 'paused':
      return text.paused;
    case 'offline':
      return text.offline;
    case 'auth_required':
      return text.authRequired;
    case 'scope_missing':
      return text.scopeMissing;
    case 'storage_error':
      return text.storageError;
  }
}

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

export function trayTooltip(status: StatusSnapshot | null, text: ShellText): string {
  const lines = [text.appName, statusLine(status, text)];
  if (status !== null && status.counts.failed > 0)
    lines.push(text.failedCount(status.counts.failed));
  const held = status?.counts.held ?? 0;
  if (held > 0) lines.push(text.heldCount(held));
  if (status !== null && status.counts.unconfirmed > 0) {
    lines.push(text.unconfirmedCount(status.counts.unconfirmed));
  }
  const tooltip = lines.join('\n');
  return tooltip.length <= TOOLTIP_MAX ? tooltip : `${tooltip.slice(0, TOOLTIP_MAX - 1)}…`;
}

/** What each tray item does; main.ts binds these to core and the windows. */
export interface TrayActions {
  openMain(): void;
  openDrop(): void;
  pause(): void;
  resume(): void;
  openFolder(path: string): void;
  showFailure(entry: HistoryEntry): void;
  retryAllFailed(): void;
  exportDiagnostics(): void;
  checkForUpdates(): void;
  quit(): void;
}

export interface TrayModel {
  status: StatusSnapshot | null;
  folders: readonly FolderView[];
  recentFailures: readonly HistoryEntry[];
  /** False in unpackaged runs, where there is nothing to update. */
  updatesEnabled: boolean;
}

/** Menu labels treat `&` as a mnemonic on Windows; file names are shown as written. */
function literal(label: string): string {
  return label.replaceAll('&', '&&');
}

const MAX_LABEL = 60;
function shorten(label: string): string {
  return label.length <= MAX_LABEL ? label : `…${label.slice(label.length - MAX_LABEL + 1)}`;
}

function folderItems(
  folders: readonly FolderView[],
  actions: TrayActions,
  text: ShellText,
): MenuItemConstructorOptions[] {
  if (folders.length === 0) return [{ label: text.noFolders, enabled: false }];
  return folders.map((folder) => {
    const path = folder.binding.path;
    const unavailable = folder.availability === 'unavailable';
    return {
      label: literal(shorten(path)) + (unavailable ? ` (${text.unavailable})` : ''),
      enabled: !unavailable,
      click: () => actions.openFolder(path),
    };
  });
}

function failureItems(
  failures: readonly HistoryEntry[],
  actions: TrayActions,
  text: ShellText,
): MenuItemConstructorOptions[] {
  if (failures.length === 0) return [{ label: text.noFailures, enabled: false }];
  return [
    ...failures.map((entry): MenuItemConstructorOptions => ({
      label: literal(shorten(entry.fileName)),
      sublabel: entry.failure === null ? undefined : literal(text.render(entry.failure.message)),
      toolTip: entry.failure === null ? undefined : text.render(entry.failure.message),
      click: () => actions.showFailure(entry),
    })),
    { type: 'separator' },
    { label: text.retryAllFailed, click: () => actions.retryAllFailed() },
  ];
}

export function buildTrayMenuTemplate(
  model: TrayModel,
  actions: TrayActions,
  text: ShellText,
): MenuItemConstructorOptions[] {
  const paused = model.status?.pausedByUser === true || model.status?.state === 'paused';
  return [
    { label: statusLine(model.status, text), enabled: false },
    { type: 'separator' },
    { label: text.open, click: () => actions.openMain() },
    { label: text.dropWindow, click: () => actions.openDrop() },
    paused
      ? { label: text.resume, click: () => actions.resume() }
      : { label: text.pause, click: () => actions.pause() },
    { type: 'separator' },
    {
      label: text.watchedFolders,
      submenu: folderItems(model.folders, actions, text),
    },
    {
      label: text.recentFailures,
      submenu: failureItems(model.recentFailures, actions, text),
    },
    { type: 'separator' },
    { label: text.exportDiagnostics, click: () => actions.exportDiagnostics() },
    ...(model.updatesEnabled
      ? [{ label: text.checkForUpdates, click: () => actions.checkForUpdates() }]
      : []),
    { type: 'separator' },
    { label: text.quit, click: () => actions.quit() },
  ];
}
