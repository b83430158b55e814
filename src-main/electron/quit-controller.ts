// Quitting cleanly: the first quit request (menu, tray, OS shutdown, an update install) is held
// until core has stopped — watchers closed, running uploads finished or recorded as unconfirmed,
// the history closed — and then let through. A second request while that runs changes nothing.
import type { Logger } from '../core/index.ts';

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
  /**
   * For quits that do not start with before-quit (an update install closes the windows first):
   * windows close instead of hiding, and core is stopped before the caller goes on.
   */
  prepareForQuit(): Promise<void>;
}

export function installQuitController(options: QuitControllerOptions): QuitController {
  let quitting = false;
  let stopped = false;
  let stopping: Promise<void> | null = null;

  function stopCore(): Promise<void> {
    quitting = true;
    stopping ??= (async () => {
      options.logger.info('Quitting: stopping the watchers and letting running uploads finish');
      try {
        await options.stop();
      } catch (error) {
        options.logger.error('Core did not stop cleanly', { error });
      }
      stopped = true;
    })();
    return stopping;
  }

  options.app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    if (stopping !== null) return;
    void stopCore().then(() => options.app.quit());
  });
  return {
    get quitting() {
      return quitting;
    },
    prepareForQuit: stopCore,
  };
}
