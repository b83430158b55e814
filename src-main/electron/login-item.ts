// "Start at login" from the startAtLogin setting. Windows and macOS have Electron's login items;
// Linux has none, so there it is an XDG autostart entry (~/.config/autostart), which GNOME, KDE,
// XFCE and the others honour. Started at login, the app opens in the tray only.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from 'electron';
import { ENGINE_ENVIRONMENT_ASSIGNMENTS } from '../contract/engine-environment.ts';
import { ENGINE_JS_FLAGS_SWITCH } from '../contract/engine-v8-flags.ts';

export const HIDDEN_ARGUMENT = '--hidden';
const DESKTOP_FILE = 'clearfacts-uploader.desktop';

export interface LoginItemOptions {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings'>;
  /** The program to start: the AppImage when run as one, else the Electron executable. */
  executable: string;
  /** `$XDG_CONFIG_HOME/autostart` (Linux). */
  autostartDir: string;
}

/** A desktop-entry Exec argument: quoted, with the characters the spec reserves escaped. */
export function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/[\\"`$]/g, (character) => `\\${character}`)}"`;
}

/**
 * What the login item passes: the engine's V8 flags, which only count on the command line (the
 * main process's V8 is set up before main.ts runs; issue #13, engine-v8-flags.ts), and --hidden.
 */
export const LOGIN_ARGUMENTS: readonly string[] = [ENGINE_JS_FLAGS_SWITCH, HIDDEN_ARGUMENT];

/**
 * The autostart entry's text. Its command starts with `env` and the engine's environment
 * (engine-environment.ts: glibc reads it only at start-up, issue #17).
 */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Clearfacts Uploader',
    'Comment=Delivers scanned invoices and documents to Clearfacts',
    `Exec=env ${ENGINE_ENVIRONMENT_ASSIGNMENTS.join(' ')} ${quoteExecArgument(executable)} ${LOGIN_ARGUMENTS.join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function applyStartAtLogin(
  enabled: boolean,
  options: LoginItemOptions,
): Promise<void> {
  if (options.platform === 'linux') {
    const file = path.join(options.autostartDir, DESKTOP_FILE);
    if (enabled) {
      await mkdir(options.autostartDir, { recursive: true });
      await writeFile(file, autostartEntry(options.executable));
    } else {
      await rm(file, { force: true });
    }
    return;
  }
  options.app.setLoginItemSettings({
    openAtLogin: enabled,
    args: [...LOGIN_ARGUMENTS],
  });
}

/** Started by the login item (or autostart entry): stay in the tray. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return argv.includes(HIDDEN_ARGUMENT) || wasOpenedAtLogin;
}
