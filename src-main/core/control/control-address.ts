// Where the control channel of a config folder's engine listens. POSIX: a Unix socket inside the
// config folder itself, so the folder's 0700 mode guards it. Windows: a named pipe, whose name is
// global to the machine, so it is derived from the folder (two folders, two engines, two pipes).
import { createHash } from 'node:crypto';
import path from 'node:path';

export const CONTROL_SOCKET_NAME = 'engine.sock';

/**
 * sun_path holds 108 bytes on Linux and 104 on macOS (unix(7), unix(4)); one is kept for the
 * terminating NUL that portable code expects. Binding a longer path fails with EINVAL, so it is
 * checked first to say why in a sentence.
 */
const MAX_SOCKET_PATH_BYTES: Partial<Record<NodeJS.Platform, number>> = { darwin: 103 };
const DEFAULT_MAX_SOCKET_PATH_BYTES = 107;

export type ControlAddress =
  | { kind: 'socket' | 'pipe'; path: string }
  /** No channel can be opened for this folder (its socket path would be too long). */
  | { kind: 'none'; reason: string };

/**
 * The socket path (POSIX: `<configDir>/engine.sock`) or pipe name (Windows:
 * `\\.\pipe\clearfacts-uploader-<first 24 hex digits of sha256 of the folder>`) of a config
 * folder. On Windows the folder is compared without regard to case, as the file system does.
 */
export function controlAddress(
  configDir: string,
  platform: NodeJS.Platform = process.platform,
): ControlAddress {
  if (platform === 'win32') {
    const folder = path.win32.resolve(configDir).toLowerCase();
    const digest = createHash('sha256').update(folder).digest('hex').slice(0, 24);
    return { kind: 'pipe', path: `\\\\.\\pipe\\clearfacts-uploader-${digest}` };
  }
  const socketPath = path.posix.join(path.posix.resolve(configDir), CONTROL_SOCKET_NAME);
  const limit = MAX_SOCKET_PATH_BYTES[platform] ?? DEFAULT_MAX_SOCKET_PATH_BYTES;
  if (Buffer.byteLength(socketPath) > limit) {
    return {
      kind: 'none',
      reason: `the control socket path ${socketPath} is longer than the ${limit} bytes a socket path may have`,
    };
  }
  return { kind: 'socket', path: socketPath };
}
