// The application menu. macOS needs one for the standard shortcuts (copy, paste, hide, quit) to
// work in text fields; on Windows and Linux it is hidden behind Alt and carries the same few
// commands as the tray.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellText } from './shell-text.ts';

export interface AppMenuActions {
  openDrop(): void;
  exportDiagnostics(): void;
  checkForUpdates(): void;
  quit(): void;
}

export function buildAppMenuTemplate(
  platform: NodeJS.Platform,
  actions: AppMenuActions,
  text: ShellText,
  updatesEnabled: boolean,
): MenuItemConstructorOptions[] {
  const commands: MenuItemConstructorOptions[] = [
    { label: text.dropWindow, accelerator: 'CmdOrCtrl+D', click: () => actions.openDrop() },
    { label: text.exportDiagnostics, click: () => actions.exportDiagnostics() },
    ...(updatesEnabled
      ? [{ label: text.checkForUpdates, click: () => actions.checkForUpdates() }]
      : []),
  ];
  const quit: MenuItemConstructorOptions = {
    label: text.quit,
    accelerator: 'CmdOrCtrl+Q',
    click: () => actions.quit(),
  };
  if (platform === 'darwin') {
    return [
      {
        label: text.appName,
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          ...commands,
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          quit,
        ],
      },
      { role: 'editMenu' },
      { role: 'windowMenu' },
    ];
  }
  return [
    { role: 'fileMenu', submenu: [...commands, { type: 'separator' }, { role: 'close' }, quit] },
    { role: 'editMenu' },
  ];
}
