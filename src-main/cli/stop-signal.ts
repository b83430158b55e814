// Ctrl-C and service managers' SIGTERM ask for a clean stop: running sends get their grace, the
// history is closed. Asking again while stopping ends the process at once.
let requested: Promise<NodeJS.Signals> | null = null;

/**
 * conf's atomic file writer (atomically, through when-exit) hears the same signal, tidies its
 * temporary files and raises the signal once more at once: that echo is not the user insisting.
 */
const ECHO_WINDOW_MS = 500;

export function stopRequested(): Promise<NodeJS.Signals> {
  requested ??= new Promise((resolve) => {
    let firstAt: number | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt !== null) {
        if (Date.now() - firstAt > ECHO_WINDOW_MS) process.exit(130);
        return;
      }
      firstAt = Date.now();
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return requested;
}
