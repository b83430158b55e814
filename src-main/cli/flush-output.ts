// The CLI ends with process.exit() (watchers, sockets or a keyring client may still hold the
// event loop). On POSIX, writes to a pipe are asynchronous: a large `--json` answer still queued
// when exit() runs is cut off (nodejs/node#6456) — `history --json` of 300 rows reached a test
// cut after 292 kB on a loaded machine.

/**
 * Resolves once everything already written to `stream` has been handed to the OS, or the stream
 * failed (a reader that went away: EPIPE). An empty write's callback runs after the writes queued
 * before it.
 */
export function flushed(
  stream: NodeJS.WritableStream & { writableLength?: number },
): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}

/** Waits for stdout and stderr to be flushed (see flushed). */
export async function flushStandardOutput(): Promise<void> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
}
