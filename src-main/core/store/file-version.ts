// One version of a file on disk, as the history records it when the file is checked, and whether
// the file now at that path still is that version. Size and mtime alone are not enough: a file
// renamed over another (an editor's or a sync tool's safe save, a scanner's retry) can carry the
// same size and the same mtime (`cp -p`, `touch -r`), yet it is another file, with another inode
// and a change time (ctime) of its own. POSIX stat(2): st_ino, st_ctim.
import type { Stats } from 'node:fs';

/**
 * What identifies the version of a file that was checked (and is sent). Times are epoch ms as
 * Node's Stats give them. `ctimeMs` and `ino` are null where the platform gave none: rows written
 * before they were recorded, and `ino` 0 (FAT and some network file systems on Windows).
 */
export interface RecordedVersion {
  sizeBytes: number;
  mtimeMs: number;
  ctimeMs: number | null;
  ino: number | null;
}

/** The version `stats` describes; an inode number of 0 means the platform gave none. */
export function versionOf(stats: Stats): RecordedVersion {
  return {
    sizeBytes: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino === 0 ? null : stats.ino,
  };
}

/** Times within 1 ms are the same: the history keeps them as REAL, file systems as ns or 100 ns. */
function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) < 1;
}

/**
 * How the file `stats` describes differs from `recorded`: `same` (every field known on both sides
 * is equal), `size` (another length: certainly other content), or `other` (same length, but the
 * mtime, ctime or inode differ: maybe the same bytes, which only a hash can tell).
 */
export function compareVersion(recorded: RecordedVersion, stats: Stats): 'same' | 'size' | 'other' {
  if (stats.size !== recorded.sizeBytes) return 'size';
  if (!sameTime(stats.mtimeMs, recorded.mtimeMs)) return 'other';
  if (recorded.ctimeMs !== null && !sameTime(stats.ctimeMs, recorded.ctimeMs)) return 'other';
  if (recorded.ino !== null && stats.ino !== 0 && stats.ino !== recorded.ino) return 'other';
  return 'same';
}
