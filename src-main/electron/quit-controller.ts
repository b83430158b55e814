// Quitting cleanly: the first quit request (menu, tray, OS shutdown, an update install) is held
// until core has stopped — watchers closed, running uploads finished or recorded as unconfirmed,
// the history closed — and then let through. A second request while that runs changes nothing.
import type { Logger } from '../core/logging/logger.ts';

export interface QuitControllerOptions {
  app: {
    on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
    quit(): void;
  };
  /** Stops core; resolves once everything is written. */
  stop(): Promise<void>;
  logger: Logger;
}

export interface QuitController {
  /** True from the first quit request on: windows then close instead of hiding. */
  readonly quitting: boolean;
}

export function installQuitController(options: QuitControllerOptions): QuitController {
  let quitting = false;
  let stopped = false;
  let stopping: Promise<void> | null = null;
  options.app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    if (stopping !== null) return;
    options.logger.info('Quitting: stopping the watchers and letting running uploads finish');
    stopping = options
      .stop()
      .catch((error: unknown) => {
        options.logger.error('Core did not stop cleanly', { error });
      })
      .finally(() => {
        stopped = true;
        options.app.quit();
      });
  });
  return {
    get quitting() {
      return quitting;
    },
  };
}
