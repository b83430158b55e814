// Network shares (SMB, NFS, …) do not deliver change notifications for files other machines
// write, and a folder's own self-test cannot tell (its probe is written locally), so a folder on
// one is polled. This finds out where the platform lets Node see it.
import { execFile } from 'node:child_process';
import { realpath, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { FileSystemKind } from '../../contract/messages/message.ts';
import { SYSTEM_TOOL_ENVIRONMENT } from '../system-tool-environment.ts';

/** Linux `statfs` f_type magic numbers (linux/magic.h) of file systems that need polling. */
const LINUX_POLLED_FILE_SYSTEMS = new Map<number, FileSystemKind>([
  [0x6969, 'nfs'],
  [0x517b, 'smb'],
  [0xff534d42, 'smb_cifs'],
  [0xfe534d42, 'smb2'],
  [0x564c, 'netware'],
  [0x73757245, 'coda'],
  [0x5346414f, 'afs'],
  [0x6b414653, 'afs'],
  [0x00c36400, 'ceph'],
  [0x0bd00bd0, 'lustre'],
  [0x01161970, 'gfs2'],
  [0x7461636f, 'ocfs2'],
  [0x01021997, 'nine_p'],
  [0x786f4256, 'virtualbox'],
  [0x65735546, 'fuse'],
]);

/** macOS `mount` type names of network or user-space file systems. */
const MACOS_POLLED_FILE_SYSTEMS = new Map<string, FileSystemKind>([
  ['smbfs', 'smb'],
  ['nfs', 'nfs'],
  ['afpfs', 'afp'],
  ['webdav', 'webdav'],
  ['cifs', 'smb_cifs'],
  ['ftp', 'ftp'],
  ['macfuse', 'fuse'],
  ['osxfuse', 'fuse'],
]);

/** The kind of a Linux file system by its statfs f_type, or null for one that reports changes. */
export function describeLinuxFileSystemType(type: number): FileSystemKind | null {
  return LINUX_POLLED_FILE_SYSTEMS.get(type >>> 0) ?? null;
}

/** `\\server\share\…` or `//server/share/…`, but not the `\\?\C:\` long-path form. */
export function isUncPath(folderPath: string): boolean {
  return (
    /^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/]/.test(folderPath) || /^\\\\\?\\UNC\\/i.test(folderPath)
  );
}

export interface MountEntry {
  mountPoint: string;
  fileSystem: string;
}

/** Parses macOS `mount` lines: `//user@server/share on /Volumes/share (smbfs, nodev, …)`. */
export function parseMacMountTable(output: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of output.split('\n')) {
    const match = / on (.+) \(([^,)]+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      entries.push({ mountPoint: match[1], fileSystem: match[2].trim() });
    }
  }
  return entries;
}

/** The file system holding `folderPath`: the mount entry with the longest matching prefix. */
export function mountEntryFor(
  entries: readonly MountEntry[],
  folderPath: string,
): MountEntry | null {
  let best: MountEntry | null = null;
  for (const entry of entries) {
    const prefix = entry.mountPoint.endsWith('/') ? entry.mountPoint : `${entry.mountPoint}/`;
    const inside = folderPath === entry.mountPoint || folderPath.startsWith(prefix);
    if (inside && (best === null || entry.mountPoint.length > best.mountPoint.length)) best = entry;
  }
  return best;
}

/** macOS's `mount`, which prints the mount table when run without arguments. */
export const MAC_MOUNT_COMMAND = '/sbin/mount';

function macMountTable(command: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, { timeout: 3_000, env: SYSTEM_TOOL_ENVIRONMENT }, (error, stdout) => {
      resolve(error === null ? stdout : null);
    });
  });
}

/**
 * How the platform is asked; tests hand in recorded answers (a CIFS mount's statfs, a mapped
 * drive's real path) that this machine cannot produce.
 */
export interface FileSystemProbes {
  /** The program that prints macOS's mount table. */
  mountCommand: string;
  /** Linux: statfs(2); only `type` (f_type) is read. */
  statfs: (folderPath: string) => Promise<{ type: number }>;
  /**
   * Windows: the native real path. libuv resolves it with GetFinalPathNameByHandleW, which
   * names a mapped network drive (`Z:\…`) by its UNC path (`\\server\share\…`).
   */
  realpath: (folderPath: string) => Promise<string>;
}

const PLATFORM_PROBES: FileSystemProbes = {
  mountCommand: MAC_MOUNT_COMMAND,
  statfs: (folderPath) => statfs(folderPath),
  realpath: (folderPath) => realpath(folderPath),
};

/**
 * Says what kind of network or user-space file system holds the folder (`smb`: a term each
 * catalogue words in its language), or null when it is local or the platform gives no way to
 * tell (then the self-test decides).
 * Windows: a UNC path, or a drive whose real path is one (a mapped network drive).
 */
export async function detectNetworkFileSystem(
  realPath: string,
  platform: NodeJS.Platform = process.platform,
  probes: Partial<FileSystemProbes> = {},
): Promise<FileSystemKind | null> {
  const probe = { ...PLATFORM_PROBES, ...probes };
  if (platform === 'win32') {
    if (isUncPath(realPath)) return 'windows_share';
    const resolved = await probe.realpath(realPath).catch(() => null);
    return resolved !== null && isUncPath(resolved) ? 'mapped_drive' : null;
  }
  if (platform === 'darwin') {
    const table = await macMountTable(probe.mountCommand);
    if (table === null) {
      // Without the mount table, /Volumes/<name> is an external or network volume.
      return realPath.startsWith('/Volumes/') ? 'external_volume' : null;
    }
    const entry = mountEntryFor(parseMacMountTable(table), realPath);
    return entry === null ? null : (MACOS_POLLED_FILE_SYSTEMS.get(entry.fileSystem) ?? null);
  }
  if (platform !== 'linux') return null;
  try {
    return describeLinuxFileSystemType((await probe.statfs(path.resolve(realPath))).type);
  } catch {
    return null;
  }
}

/** How long a folder's verdict is kept: a share is rarely mounted in place of a local folder. */
export const NETWORK_VERDICT_TTL_MS = 60_000;

/**
 * Whether a folder is on a network file system, asked at most once per NETWORK_VERDICT_TTL_MS
 * per folder: the after-upload step asks for every file, and macOS answers by running `mount`.
 */
export function networkShareCheck(
  detect: (folderPath: string) => Promise<FileSystemKind | null> = (folderPath) =>
    detectNetworkFileSystem(folderPath),
  now: () => number = Date.now,
): (folderPath: string) => Promise<boolean> {
  const verdicts = new Map<string, { at: number; network: Promise<boolean> }>();
  return (folderPath) => {
    const known = verdicts.get(folderPath);
    if (known !== undefined && now() - known.at < NETWORK_VERDICT_TTL_MS) return known.network;
    const network = detect(folderPath).then((found) => found !== null);
    verdicts.set(folderPath, { at: now(), network });
    return network;
  };
}
