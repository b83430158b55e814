// Whether a watched folder is really there. A folder that is missing, unreadable, or whose drive
// or share is no longer mounted is unavailable: it must never be read as empty.
import { msg, type Message } from '../../contract/messages/message.ts';
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkFolderMarker } from '../folders/folder-marker.ts';
import type { FolderOwnership } from '../folders/folder-owner.ts';
import { errorCode } from './watch-limits.ts';

/** Where the folder was found last time, to notice a share unmounted from under its mount point. */
export interface FolderIdentity {
  device: number;
  isMountPoint: boolean;
}

export type FolderPresence =
  | {
      present: true;
      realPath: string;
      identity: FolderIdentity;
      /** What the user should know about a folder that is watched all the same (read-only). */
      notice: Message | null;
    }
  | { present: false; reason: Message };

/** A hung network mount can block a stat for minutes; past this it counts as unreachable. */
const PRESENCE_TIMEOUT_MS = 15_000;

async function exists(folderPath: string): Promise<boolean> {
  return stat(folderPath).then(
    () => true,
    () => false,
  );
}

async function describeMissing(folderPath: string): Promise<Message> {
  const parent = path.dirname(folderPath);
  if (parent !== folderPath && (await exists(parent))) {
    return msg('folder_moved', { path: folderPath });
  }
  return msg('folder_missing', { path: folderPath });
}

async function describeFailure(folderPath: string, error: unknown): Promise<Message> {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return describeMissing(folderPath);
    case 'ENOTDIR':
      return msg('not_a_folder', { path: folderPath });
    case 'EACCES':
    case 'EPERM':
      return msg('folder_no_permission', { path: folderPath });
    default:
      return msg('folder_unreachable', { path: folderPath });
  }
}

async function inspect(
  folderPath: string,
  previous: FolderIdentity | null,
  ownership: FolderOwnership | null,
): Promise<FolderPresence> {
  try {
    const stats = await stat(folderPath);
    if (!stats.isDirectory()) {
      return { present: false, reason: msg('not_a_folder', { path: folderPath }) };
    }
    const realPath = await realpath(folderPath);
    const parentStats = await stat(path.dirname(realPath));
    const identity = {
      device: stats.dev,
      isMountPoint: stats.dev !== parentStats.dev || realPath === path.dirname(realPath),
    };
    if (previous?.isMountPoint === true && !identity.isMountPoint) {
      return {
        present: false,
        reason: msg('share_unmounted', { path: folderPath }),
      };
    }
    // Listing proves the folder is readable, which stat alone does not.
    await (await opendir(folderPath)).close();
    if ((await checkFolderMarker(folderPath)) === 'unmarked_empty') {
      return { present: false, reason: msg('folder_marker_missing', { path: folderPath }) };
    }
    // Another installation delivering the folder makes it unavailable here, like a missing one:
    // nothing in it is gated, sent or taken as deleted (folder-owner.ts).
    const owner = ownership === null ? null : await ownership.claim(folderPath);
    if (owner !== null && !owner.owned) return { present: false, reason: owner.reason };
    return {
      present: true,
      realPath,
      identity,
      notice: owner?.owned ? (owner.notice ?? null) : null,
    };
  } catch (error) {
    return { present: false, reason: await describeFailure(folderPath, error) };
  }
}

/**
 * Inspections still running, by installation and folder, shared by every caller. A stat stuck on a dead mount
 * holds one of libuv's four pool threads; starting another every few seconds would soon stall
 * every file operation of the process, so a folder gets no new inspection until it returns.
 */
const inspecting = new Map<string, Promise<FolderPresence>>();

/**
 * Whether `folderPath` is there, readable, marked and (given `ownership`) delivered by this
 * installation, which claims it or renews its heartbeat. Never throws: a failure is a reason.
 */
export async function checkFolderPresence(
  folderPath: string,
  previous: FolderIdentity | null,
  ownership: FolderOwnership | null = null,
): Promise<FolderPresence> {
  const notResponding: FolderPresence = {
    present: false,
    reason: msg('folder_not_responding', { path: folderPath }),
  };
  // Two engines in one process (tests) each claim for their own installation.
  const key = `${ownership?.installationId ?? ''}\0${folderPath}`;
  let inspection = inspecting.get(key);
  if (inspection === undefined) {
    const started = inspect(folderPath, previous, ownership).finally(() => inspecting.delete(key));
    inspecting.set(key, started);
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
