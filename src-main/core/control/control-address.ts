// Where the control channel of a config folder's engine listens. POSIX: a Unix socket inside the
// config folder itself, so the folder's 0700 mode guards it. Windows: a named pipe. Pipe names
// are global to the machine and the first process to create a name serves it, so a name anyone
// can work out could be created by another local user before the engine starts, and a CLI would
// then hand that user the token it signs in with ("pipe squatting"). The name therefore comes from
// a random key the engine writes into the config folder at each start: only the folder's owner
// can read it, so only they can find, or squat, the pipe.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writePrivateFileAtomically } from '../account/token/private-file.ts';

export const CONTROL_SOCKET_NAME = 'engine.sock';

/** The file in the config folder that holds the Windows pipe's key (64 hex digits). */
export const CONTROL_PIPE_KEY_NAME = 'control-pipe.key';

const PIPE_KEY = /^[0-9a-f]{64}$/;

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
 * `\\.\pipe\clearfacts-uploader-<first 24 hex digits of sha256 of the pipe key and the folder>`)
 * of a config folder. On Windows the folder is compared without regard to case, as the file system
 * does, and `pipeKey` (from {@link publishPipeKey} or {@link readPipeKey}) is required: without it
 * no engine has published a pipe, and the answer is `none`.
 */
export function controlAddress(
  configDir: string,
  platform: NodeJS.Platform = process.platform,
  pipeKey: string | null = null,
): ControlAddress {
  if (platform === 'win32') {
    if (pipeKey === null) {
      return { kind: 'none', reason: 'no engine has published its control pipe in this folder' };
    }
    const folder = path.win32.resolve(configDir).toLowerCase();
    const digest = createHash('sha256').update(`${pipeKey}\n${folder}`).digest('hex').slice(0, 24);
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

/**
 * Writes a fresh random pipe key (32 bytes as hex) into `<configDir>/control-pipe.key`, private to
 * the user (0600, written atomically), and returns it. The engine calls it at each start, before
 * it creates the pipe, so a name seen once is worth nothing after a restart. Rejects with the file
 * system's error when the folder cannot be written.
 */
export async function publishPipeKey(configDir: string): Promise<string> {
  const key = randomBytes(32).toString('hex');
  await writePrivateFileAtomically(path.join(configDir, CONTROL_PIPE_KEY_NAME), `${key}\n`);
  return key;
}

/** The pipe key the running engine published in `configDir`, or null when there is none. */
export async function readPipeKey(configDir: string): Promise<string | null> {
  try {
    const key = (await readFile(path.join(configDir, CONTROL_PIPE_KEY_NAME), 'utf8')).trim();
    return PIPE_KEY.test(key) ? key : null;
  } catch {
    return null;
  }
}
