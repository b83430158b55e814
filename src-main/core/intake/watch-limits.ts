// The operating system's limits on change notifications. Hitting one is not a reason to stop
// watching: the folder is polled instead, and the user is told what to change to get live
// watching back.

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The sentence shown for a folder that falls back to polling because of a watch limit, with the
 * fix; null when the error is not a watch limit.
 */
export function describeWatchLimit(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const code = errorCode(error);
  if (code === 'ENOSPC') {
    return (
      "Polled because Linux's limit on watched folders (inotify max_user_watches) is reached. " +
      'To watch it live again, raise the limit: ' +
      'echo fs.inotify.max_user_watches=524288 | sudo tee -a /etc/sysctl.conf && sudo sysctl -p'
    );
  }
  if (code === 'EMFILE') {
    const fix =
      platform === 'darwin'
        ? 'raise it (ulimit -n 65536, or sudo launchctl limit maxfiles 65536 200000) or watch fewer folders'
        : platform === 'linux'
          ? 'raise it (ulimit -n 65536, and fs.inotify.max_user_instances via sysctl) or watch fewer folders'
          : 'close other programs or watch fewer folders';
    return `Polled because the system's limit on open files is reached. To watch it live again, ${fix}.`;
  }
  return null;
}
