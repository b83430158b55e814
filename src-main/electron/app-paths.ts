// Where the shell finds its files, the same in a checkout (dist/electron/main.js beside
// dist/renderer and assets/) and in a packaged app (the same layout inside app.asar).
import path from 'node:path';

/** dist/electron at run time. */
const electronDir = import.meta.dirname;
const appRoot = path.resolve(electronDir, '..', '..');

export const APP_PATHS = {
  appRoot,
  rendererDir: path.join(appRoot, 'dist', 'renderer'),
  preload: path.join(electronDir, 'preload.cjs'),
  assetsDir: path.join(appRoot, 'assets'),
};

export type TrayIconFile = 'idle' | 'uploading' | 'paused' | 'attention';

/** macOS wants black "Template" images it recolours for light and dark menu bars. */
export function trayIconPath(state: TrayIconFile, platform: NodeJS.Platform): string {
  const suffix = platform === 'darwin' ? 'Template' : '';
  return path.join(APP_PATHS.assetsDir, 'tray', `tray-${state}${suffix}.png`);
}

export function windowIconPath(): string {
  return path.join(APP_PATHS.assetsDir, 'icon.png');
}
