// The operating system's limits on change notifications. Hitting one is not a reason to stop
// watching: the folder is polled instead, and the user is told what to change to get live
// watching back.
import { msg, type Message } from '../../contract/messages/message.ts';

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The message shown for a folder that falls back to polling because of a watch limit, with the
 * fix; null when the error is not a watch limit.
 */
export function describeWatchLimit(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): Message | null {
  const code = errorCode(error);
  if (code === 'ENOSPC') return msg('watch_limit_inotify');
  if (code === 'EMFILE') {
    const platformFix = platform === 'darwin' || platform === 'linux' ? platform : 'other';
    return msg('watch_limit_open_files', { platformFix });
  }
  return null;
}
