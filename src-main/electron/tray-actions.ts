// What the tray's items do, bound to core's handlers and the shell's windows. Kept apart from
// main.ts so a test can click every item and see which core function it reached.
import type { ApiHandlers } from '../contract/api-contract.ts';
import type { Logger } from '../core/index.ts';
import type { TrayActions } from './tray-menu.ts';
import type { WindowName } from './window-state.ts';

export interface TrayActionDependencies {
  handlers: Pick<ApiHandlers, 'queue.pause' | 'queue.resume' | 'history.retryAllFailed'>;
  showWindow(name: WindowName, route?: string): void;
  /** Electron's shell.openPath: resolves to an error text, empty on success. */
  openPath(path: string): Promise<string>;
  exportDiagnostics(): Promise<void>;
  checkForUpdates(): Promise<void>;
  quit(): void;
  logger: Logger;
}

/** The history, filtered on failed documents (the renderer's route). */
export const FAILED_HISTORY_ROUTE = 'history?status=failed';

export function createTrayActions(dependencies: TrayActionDependencies): TrayActions {
  const { handlers, logger } = dependencies;
  const logFailure =
    (action: string) =>
    (error: unknown): void =>
      logger.error(`${action} failed`, { error });

  return {
    openMain: () => dependencies.showWindow('main'),
    openDrop: () => dependencies.showWindow('drop'),
    pause: () => void handlers['queue.pause']({}).catch(logFailure('Pausing the queue')),
    resume: () => void handlers['queue.resume']({}).catch(logFailure('Resuming the queue')),
    openFolder: (folderPath) =>
      void dependencies.openPath(folderPath).then((problem) => {
        if (problem !== '') logger.warn('A watched folder could not be opened', { problem });
      }, logFailure('Opening a watched folder')),
    showFailure: () => dependencies.showWindow('main', FAILED_HISTORY_ROUTE),
    retryAllFailed: () =>
      void handlers['history.retryAllFailed']({}).catch(logFailure('Retrying failed documents')),
    exportDiagnostics: () =>
      void dependencies.exportDiagnostics().catch(logFailure('Exporting diagnostics')),
    checkForUpdates: () =>
      void dependencies.checkForUpdates().catch(logFailure('Checking for updates')),
    quit: () => dependencies.quit(),
  };
}
