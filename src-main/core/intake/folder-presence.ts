// Whether a watched folder is really there. A folder that is missing, unreadable, or whose drive
// or share is no longer mounted is unavailable: it must never be read as empty.
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './watch-limits.ts';

/** Where the folder was found last time, to notice a share unmounted from under its mount point. */
export interface FolderIdentity {
  device: number;
  isMountPoint: boolean;
}

export type FolderPresence =
  | { present: true; realPath: string; identity: FolderIdentity }
  | { present: false; reason: string };

/** A hung network mount can block a stat for minutes; past this it counts as unreachable. */
const PRESENCE_TIMEOUT_MS = 15_000;

async function exists(folderPath: string): Promise<boolean> {
  return stat(folderPath).then(
    () => true,
    () => false,
  );
}

async function describeMissing(folderPath: string): Promise<string> {
  const parent = path.dirname(folderPath);
  if (parent !== folderPath && (await exists(parent))) {
    return `The folder ${folderPath} is missing: it was moved, renamed or deleted. It is watched again as soon as it is back.`;
  }
  return `The folder ${folderPath} is missing: the drive or network share that holds it is not connected, or it was moved. It is watched again as soon as it is back.`;
}

async function describeFailure(folderPath: string, error: unknown): Promise<string> {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return describeMissing(folderPath);
    case 'ENOTDIR':
      return `${folderPath} is not a folder.`;
    case 'EACCES':
    case 'EPERM':
      return `The app has no permission to read the folder ${folderPath}.`;
    default:
      return `The folder ${folderPath} cannot be reached (${code ?? String(error)}): the drive or network share may be offline.`;
  }
}

async function inspect(
  folderPath: string,
  previous: FolderIdentity | null,
): Promise<FolderPresence> {
  try {
    const stats = await stat(folderPath);
    if (!stats.isDirectory()) return { present: false, reason: `${folderPath} is not a folder.` };
    const realPath = await realpath(folderPath);
    const parentStats = await stat(path.dirname(realPath));
    const identity = {
      device: stats.dev,
      isMountPoint: stats.dev !== parentStats.dev || realPath === path.dirname(realPath),
    };
    if (previous?.isMountPoint === true && !identity.isMountPoint) {
      return {
        present: false,
        reason: `The drive or network share mounted at ${folderPath} is no longer mounted. It is watched again as soon as it is back.`,
      };
    }
    // Listing proves the folder is readable, which stat alone does not.
    await (await opendir(folderPath)).close();
    return { present: true, realPath, identity };
  } catch (error) {
    return { present: false, reason: await describeFailure(folderPath, error) };
  }
}

/**
 * Inspections still running, by folder, shared by every caller. A stat stuck on a dead mount
 * holds one of libuv's four pool threads; starting another every few seconds would soon stall
 * every file operation of the process, so a folder gets no new inspection until it returns.
 */
const inspecting = new Map<string, Promise<FolderPresence>>();

export async function checkFolderPresence(
  folderPath: string,
  previous: FolderIdentity | null,
): Promise<FolderPresence> {
  const notResponding: FolderPresence = {
    present: false,
    reason: `The folder ${folderPath} does not respond: the network share may be offline. It is watched again as soon as it answers.`,
  };
  let inspection = inspecting.get(folderPath);
  if (inspection === undefined) {
    const started = inspect(folderPath, previous).finally(() => inspecting.delete(folderPath));
    inspecting.set(folderPath, started);
    inspection = started;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<FolderPresence>((resolve) => {
    timer = setTimeout(() => resolve(notResponding), PRESENCE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([inspection, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
