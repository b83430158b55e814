// Ctrl-C and service managers' SIGTERM ask for a clean stop: running sends get their grace, the
// history is closed. A second signal while stopping ends the process at once.
let requested: Promise<NodeJS.Signals> | null = null;

export function stopRequested(): Promise<NodeJS.Signals> {
  requested ??= new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return requested;
}
