// The server-side folder browser (issue #14 finding 6): lists the subfolders of one folder, so
// the Add-folder form can offer a folder picker where the shell has no OS dialog (browser
// mode). Only folders under the user's home and the mounted drives are listed, judged on real
// paths, so neither `..` nor a symbolic link reaches a folder outside them. It only reads.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../contract/api-contract.ts';
import {
  MAX_LISTED_FOLDERS,
  type BrowseRoot,
  type FolderListing,
  type ListedFolder,
} from '../../contract/folder-listing.ts';
import { msg } from '../../contract/messages/message.ts';

/** Where browsing may go; the defaults are this machine's, tests pass temporary folders. */
export interface BrowseRootsSource {
  /** The user's home folder (os.homedir()). */
  home: string;
  /**
   * Folders whose subfolders are mounted drives: /media/<user>, /run/media/<user> and /mnt on
   * Linux (udisks2 mounts removable drives under the first two), /Volumes on macOS. On Windows
   * the drive letters are the drives.
   */
  mountParents: readonly string[];
  platform: NodeJS.Platform;
}

/** This machine's home folder and mount points. */
export function defaultBrowseRoots(): BrowseRootsSource {
  const user = path.basename(homedir());
  const mountParents =
    process.platform === 'darwin'
      ? ['/Volumes']
      : process.platform === 'win32'
        ? []
        : [`/media/${user}`, `/run/media/${user}`, '/mnt'];
  return { home: homedir(), mountParents, platform: process.platform };
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

/** The drives: each folder in a mount parent, or each drive letter that answers on Windows. */
async function drives(source: BrowseRootsSource): Promise<string[]> {
  if (source.platform === 'win32') {
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => `${letter}:\\`);
    const present = await Promise.all(letters.map((letter) => isFolder(letter)));
    return letters.filter((_, index) => present[index]);
  }
  const found: string[] = [];
  for (const parent of source.mountParents) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const candidate = path.join(parent, entry.name);
      if (!entry.name.startsWith('.') && (await isFolder(candidate))) found.push(candidate);
    }
  }
  return found.sort((a, b) => a.localeCompare(b));
}

/** The roots, each with its real path (links resolved) for the containment test. */
async function rootsOf(source: BrowseRootsSource): Promise<{ root: BrowseRoot; real: string }[]> {
  const listed: BrowseRoot[] = [
    { path: source.home, kind: 'home' },
    ...(await drives(source)).map((drive) => ({ path: drive, kind: 'drive' as const })),
  ];
  const resolved = await Promise.all(
    listed.map(async (root) => ({ root, real: await realpath(root.path).catch(() => null) })),
  );
  return resolved.flatMap(({ root, real }) => (real === null ? [] : [{ root, real }]));
}

function within(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The subfolders of `folder`, hidden ones left out, sorted by name; at most MAX_LISTED_FOLDERS. */
async function subfolders(
  folder: string,
): Promise<{ folders: ListedFolder[]; truncated: boolean }> {
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  const folders: ListedFolder[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    // A link is listed when it leads to a folder; opening it is judged on its real path.
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(full)))) {
      folders.push({ name: entry.name, path: full });
    }
  }
  folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return {
    folders: folders.slice(0, MAX_LISTED_FOLDERS),
    truncated: folders.length > MAX_LISTED_FOLDERS,
  };
}

/**
 * Lists `requested` (absent: the roots only). Throws ApiError `invalid_request` for a relative
 * path or one outside every root, `not_found` for a missing folder or a file, `unavailable`
 * when the user may not read it.
 */
export async function browseFolders(
  requested: string | undefined,
  source: BrowseRootsSource = defaultBrowseRoots(),
): Promise<FolderListing> {
  const roots = await rootsOf(source);
  const listedRoots = roots.map(({ root }) => root);
  if (requested === undefined) {
    return { path: null, parent: null, folders: [], truncated: false, roots: listedRoots };
  }
  if (!path.isAbsolute(requested)) {
    throw new ApiError('invalid_request', msg('folder_browse_not_absolute', { path: requested }));
  }
  const folder = path.resolve(requested);
  let real: string;
  try {
    real = await realpath(folder);
  } catch {
    throw new ApiError('not_found', msg('folder_not_found', { path: folder }));
  }
  const root = roots.find((candidate) => within(real, candidate.real));
  if (root === undefined) {
    throw new ApiError('invalid_request', msg('folder_browse_outside', { path: folder }));
  }
  if (!(await isFolder(real))) {
    throw new ApiError('not_found', msg('not_a_folder', { path: folder }));
  }
  let listing: { folders: ListedFolder[]; truncated: boolean };
  try {
    listing = await subfolders(folder);
  } catch {
    throw new ApiError('unavailable', msg('folder_browse_unreadable', { path: folder }));
  }
  const parent = path.dirname(folder);
  const atRoot = parent === folder || real === root.real;
  return {
    path: folder,
    parent: atRoot ? null : parent,
    ...listing,
    roots: listedRoots,
  };
}
