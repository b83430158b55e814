// Updates through electron-updater from a generic feed (any static HTTPS folder holding the
// latest*.yml files electron-builder writes). Nothing happens behind the user's back: a found
// update is downloaded only when they say so, and installed only when they say so (now, or when
// they next quit). Quitting for an install goes through the normal quit, so uploads drain first.
import type { Logger } from '../core/index.ts';

/** The parts of electron-updater's AppUpdater used here. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type UpdateQuestion =
  { kind: 'download'; version: string } | { kind: 'install'; version: string };

export interface AutoUpdateOptions {
  updater: UpdaterPort;
  /** A generic feed URL (CLEARFACTS_UPDATE_URL); null keeps the feed baked in at build time. */
  feedUrl: string | null;
  logger: Logger;
  ask(question: UpdateQuestion): Promise<boolean>;
  /** Tells the outcome of a check the user asked for ("latest version", "check failed"). */
  tell(outcome: 'up_to_date' | 'failed'): void;
  /** Stops core and lets the windows close before the installer takes over. */
  beforeInstall(): Promise<void>;
}

export interface AutoUpdate {
  /** `manual`: the user asked, so "no update" and failures are told, not only logged. */
  check(manual: boolean): Promise<void>;
}

/** Only an https feed (or a loopback one, for testing a release) is accepted. */
export function parseFeedUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`The update feed "${raw}" is not a URL.`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`The update feed must be an https:// URL, not "${raw}".`);
  }
  return url.href;
}

export function createAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { updater, logger } = options;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  if (options.feedUrl !== null) updater.setFeedURL({ provider: 'generic', url: options.feedUrl });

  /** A dialog is open or a download runs: a periodic check then finds nothing new to ask. */
  let busy = false;
  let manualCheck = false;

  updater.on('update-available', (info) => {
    if (busy) return;
    busy = true;
    void options
      .ask({ kind: 'download', version: info.version })
      .then(async (download) => {
        if (!download) {
          busy = false;
          return;
        }
        logger.info('Downloading the update the user accepted', { version: info.version });
        await updater.downloadUpdate();
      })
      .catch((error: unknown) => {
        busy = false;
        logger.error('The update could not be downloaded', { error });
      });
  });

  updater.on('update-not-available', () => {
    if (manualCheck) options.tell('up_to_date');
  });

  updater.on('update-downloaded', (info) => {
    void options
      .ask({ kind: 'install', version: info.version })
      .then(async (install) => {
        if (install) {
          logger.info('Restarting to install the update', { version: info.version });
          await options.beforeInstall();
          updater.quitAndInstall();
        } else {
          // The dialog said so: it is installed the next time the user quits.
          updater.autoInstallOnAppQuit = true;
        }
      })
      .catch((error: unknown) => logger.error('The update could not be installed', { error }));
  });

  updater.on('error', (error) => {
    busy = false;
    logger.warn('The update check failed', { error });
  });

  return {
    async check(manual) {
      manualCheck = manual;
      try {
        await updater.checkForUpdates();
      } catch (error) {
        logger.warn('The update check failed', { error });
        if (manual) options.tell('failed');
      }
    },
  };
}
