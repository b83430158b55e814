// What happens to a watched file once Clearfacts holds it (its uuid is stored before this runs):
// moved to `<folder>/_uploaded/YYYY-MM/` under a name that never overwrites, deleted, or left.
import { constants, type Stats } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { AfterUpload } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import { hashFile } from '../documents/hash-file.ts';
import type { FileRecord } from '../store/file-record.ts';
import { compareVersion } from '../store/file-version.ts';

export const UPLOADED_FOLDER = '_uploaded';

/**
 * The file is not the version sent. `path` is where it is now: the path it was sent from, or, when
 * the change showed only once it was set aside and another file has taken its name since, the
 * free name (`name (2).pdf`) it was brought back under.
 */
export class FileChangedSinceSentError extends Error {
  readonly path: string;
  constructor(filePath: string) {
    super('The file changed after it was sent, so it was left in place.');
    this.name = 'FileChangedSinceSentError';
    this.path = filePath;
  }
}

/**
 * The step could not finish for a reason the user can act on; `reason` says which.
 * `retryLater`: a condition that passes by itself (a full disk, a drive busy or read-only for a
 * while), so the queue tries the step again on its own (AFTER_UPLOAD_RETRY_MS).
 */
export class AfterUploadError extends Error {
  readonly reason: Message;
  readonly retryLater: boolean;
  constructor(reason: Message, detail: string, retryLater = false) {
    super(detail);
    this.name = 'AfterUploadError';
    this.reason = reason;
    this.retryLater = retryLater;
  }
}

/** How long the queue waits before it tries a `retryLater` step again; the messages say so. */
export const AFTER_UPLOAD_RETRY_MS = 60_000;

/** The message codes of steps the queue tries again by itself. */
export const RETRIED_AFTER_UPLOAD_REASONS: ReadonlySet<string> = new Set([
  'after_upload_no_space',
  'after_upload_no_permission',
]);

/**
 * The file operations the step makes (node:fs/promises by default). Tests hand the engine one
 * that fails like a full disk, since filling a real disk is neither safe nor quick.
 */
export type AfterUploadFs = Pick<
  typeof fsPromises,
  'copyFile' | 'mkdir' | 'open' | 'rename' | 'rm' | 'stat' | 'unlink'
>;

/** A failure of the move or delete itself, sorted by what the user (or time) can do about it. */
function sortLocalFailure(error: unknown, folder: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AfterUploadError(msg('after_upload_no_space', { folder }), detail, true);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'EBUSY':
      return new AfterUploadError(msg('after_upload_no_permission', { folder }), detail, true);
    default:
      return error;
  }
}

/** NAME_MAX of ext4, APFS, NTFS (in UTF-16 units there) and most others: bytes per name. */
const MAX_NAME_BYTES = 255;

/**
 * `name + suffix + ext`, with `name` cut (at a character boundary) so the whole fits in
 * MAX_NAME_BYTES of UTF-8: a scanner's 255-byte name plus " (2)" would fail with ENAMETOOLONG.
 */
export function fitName(name: string, suffix: string, ext: string): string {
  const budget = MAX_NAME_BYTES - Buffer.byteLength(suffix + ext);
  let kept = name;
  while (Buffer.byteLength(kept) > budget) kept = [...kept].slice(0, -1).join('');
  return `${kept}${suffix}${ext}`;
}

function monthFolder(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Reserves `name`, `name (2)`, `name (3)`, … (of `fileName`) in `directory` by creating it
 * exclusively, then has `place` put the file over the reservation. Plain rename would silently
 * replace a file of the same name on POSIX. A failed `place` frees the reservation.
 */
async function placeWithoutOverwriting(
  fs: AfterUploadFs,
  directory: string,
  fileName: string,
  place: (target: string) => Promise<void>,
): Promise<string> {
  await fs.mkdir(directory, { recursive: true });
  const { name, ext } = path.parse(fileName);
  for (let counter = 1; ; counter += 1) {
    const candidate = path.join(
      directory,
      fitName(name, counter === 1 ? '' : ` (${counter})`, ext),
    );
    let reservation;
    try {
      reservation = await fs.open(
        candidate,
        constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await reservation.close();
    try {
      await place(candidate);
    } catch (error) {
      await fs.rm(candidate, { force: true });
      throw error;
    }
    return candidate;
  }
}

/** Renames `source` into `directory` under a free name (its own by default); EXDEV is thrown. */
export function moveWithoutOverwriting(
  fs: AfterUploadFs,
  source: string,
  directory: string,
  fileName: string = path.basename(source),
): Promise<string> {
  return placeWithoutOverwriting(fs, directory, fileName, (target) => fs.rename(source, target));
}

/** Copies `source` over `target` and flushes the copy to disk before the source may go. */
async function copyAndSync(fs: AfterUploadFs, source: string, target: string): Promise<void> {
  await fs.copyFile(source, target);
  const copy = await fs.open(target, 'r+');
  try {
    await copy.sync();
  } finally {
    await copy.close();
  }
}

export interface DeliveredFile {
  /** The history row's id: it names the file while it is set aside (setAsideName). */
  id: number;
  path: string;
  /** The folder the file was found in. */
  watchRoot: string;
  /**
   * The version checked and sent (store/file-version.ts): another file at the path now is new
   * content to check, never moved as this one. Null fields: not recorded (ctime and inode before
   * migration 11, or where the platform gives none).
   */
  sizeBytes: number | null;
  mtimeMs: number | null;
  ctimeMs: number | null;
  ino: number | null;
  /** SHA-256 of the file as checked: when only its times or inode differ, the bytes decide. */
  sha256: string | null;
}

/** The after-upload step's view of a watched file's row; null for one not from a watched folder. */
export function deliveredFileOf(record: FileRecord): DeliveredFile | null {
  if (record.watchRoot === null) return null;
  return {
    id: record.id,
    path: record.path,
    watchRoot: record.watchRoot,
    sizeBytes: record.sizeBytes,
    mtimeMs: record.mtimeMs,
    ctimeMs: record.ctimeMs,
    ino: record.ino,
    sha256: record.sha256,
  };
}

/**
 * Whether the file whose stats are `current` (read at `filePath`) is still the one sent. A
 * different length is other content; the same length with another mtime, ctime or inode (a file
 * renamed over it, a `touch`, a sync tool's rewrite) is hashed again, and the same bytes are the
 * same document (issue #10: "re-hash only when one differs"). `alwaysHash`: on a network share,
 * where a client's cached attributes can say "unchanged" of a file another machine rewrote.
 * `ignoreCtime`: the file was renamed since it was recorded, which sets its ctime (Linux, APFS).
 */
async function stillTheFileSent(
  file: DeliveredFile,
  filePath: string,
  current: Stats,
  hash: (filePath: string) => Promise<string>,
  options: { alwaysHash: boolean; ignoreCtime: boolean },
): Promise<boolean> {
  if (file.sizeBytes === null || file.mtimeMs === null) return true;
  const difference = compareVersion(
    {
      sizeBytes: file.sizeBytes,
      mtimeMs: file.mtimeMs,
      ctimeMs: options.ignoreCtime ? null : file.ctimeMs,
      ino: file.ino,
    },
    current,
  );
  if (difference === 'same' && !options.alwaysHash) return true;
  if (difference === 'size' || file.sha256 === null) return difference === 'same';
  return (await hash(filePath)) === file.sha256;
}

/** What every set-aside name starts with (a leading dot: the intake ignores it). */
export const SET_ASIDE_PREFIX = '.cf-deleting-';

/**
 * The hidden name a file is set aside under in its own folder before it is removed or copied
 * across devices: `.cf-deleting-<row id>-<name>`, cut to fit NAME_MAX. The row id lets the next
 * start finish it (the row has its uuid) or bring it back; the name is the fallback when the row
 * is gone.
 */
export function setAsideName(file: Pick<DeliveredFile, 'id' | 'path'>): string {
  const { name, ext } = path.parse(file.path);
  return fitName(`${SET_ASIDE_PREFIX}${file.id}-${name}`, '', ext);
}

/** The row id and the file name a set-aside name holds, or null for any other name. */
export function parseSetAsideName(fileName: string): { id: number; fileName: string } | null {
  const match = /^\.cf-deleting-(\d+)-(.+)$/s.exec(fileName);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { id: Number(match[1]), fileName: match[2] };
}

/**
 * Takes the file out of the way of writers (a rename: whoever writes by path from now on makes
 * a new file), then checks that what was taken is still the version sent: a scanner's or a sync
 * tool's rewrite between the check before and the rename would otherwise be moved or deleted as
 * if it were the document Clearfacts holds. A rewrite in place shows in size or mtime (the rename
 * itself sets ctime); a file renamed over it, in its inode. When it is not the version sent it
 * is put back under its own name, or the next free one when a new file took that name meanwhile.
 * Left: a writer that keeps the file open and writes after the check (it writes into `_uploaded/`).
 */
async function moveAndVerify(
  fs: AfterUploadFs,
  file: DeliveredFile,
  directory: string,
  hash: (filePath: string) => Promise<string>,
  alwaysHash: boolean,
): Promise<string> {
  const moved = await moveWithoutOverwriting(fs, file.path, directory);
  const current = await fs.stat(moved);
  if (await stillTheFileSent(file, moved, current, hash, { alwaysHash, ignoreCtime: true })) {
    return moved;
  }
  throw await bringBack(fs, file, moved);
}

/** Puts `from` back in the file's folder under its name, or the next free one. */
async function bringBack(
  fs: AfterUploadFs,
  file: DeliveredFile,
  from: string,
): Promise<FileChangedSinceSentError> {
  const back = await moveWithoutOverwriting(
    fs,
    from,
    path.dirname(file.path),
    path.basename(file.path),
  );
  return new FileChangedSinceSentError(back);
}

/**
 * Finishes a file set aside under its hidden name (`aside`): checked again (the rename sets
 * ctime, so size, mtime and inode, hashed when one differs or on a network share), then removed
 * (delete) or moved into `target` under its own name. Where `_uploaded/` is on another device
 * (EXDEV) the set-aside file is copied, flushed, checked once more and only then removed: a
 * writer by path meanwhile makes a new file, and one that kept it open shows in the check, so
 * the copy is dropped and the file brought back. Any failure brings it back under its name too,
 * so a file never stays hidden; 'leave' (the setting changed since) just brings it back.
 */
async function finishSetAside(
  fs: AfterUploadFs,
  file: DeliveredFile,
  aside: string,
  action: AfterUpload,
  target: string,
  hash: (filePath: string) => Promise<string>,
  alwaysHash: boolean,
): Promise<string | null> {
  const unchanged = async (at: string) =>
    stillTheFileSent(file, at, await fs.stat(at), hash, { alwaysHash, ignoreCtime: true });
  try {
    if (action === 'leave') {
      await moveWithoutOverwriting(fs, aside, path.dirname(file.path), path.basename(file.path));
      return null;
    }
    if (!(await unchanged(aside))) throw await bringBack(fs, file, aside);
    if (action === 'delete') {
      await fs.unlink(aside);
      return null;
    }
    let moved: string;
    try {
      moved = await moveWithoutOverwriting(fs, aside, target, path.basename(file.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const copy = await placeWithoutOverwriting(fs, target, path.basename(file.path), (to) =>
        copyAndSync(fs, aside, to),
      );
      if (!(await unchanged(aside))) {
        await fs.rm(copy, { force: true });
        throw await bringBack(fs, file, aside);
      }
      await fs.unlink(aside);
      return copy;
    }
    if (!(await unchanged(moved))) throw await bringBack(fs, file, moved);
    return moved;
  } catch (error) {
    if (!(error instanceof FileChangedSinceSentError)) {
      await moveWithoutOverwriting(
        fs,
        aside,
        path.dirname(file.path),
        path.basename(file.path),
      ).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Returns where the file went (move) or null (delete, leave). Throws AfterUploadError (with
 * `retryLater` for a full disk or a refused move), FileChangedSinceSentError, or the system's
 * error for anything else. `hash` is the SHA-256 (hex) of a file, as the check computed it.
 * `onNetworkShare`: the watched folder is on one, so the bytes are compared whatever the stats say.
 * A file still set aside under `setAsideName(file)` (a stop came before its removal) is the one
 * sent: it is finished from there, whatever now stands at its path.
 */
export async function archiveDeliveredFile(
  file: DeliveredFile,
  action: AfterUpload,
  at: Date,
  fs: AfterUploadFs = fsPromises,
  hash: (filePath: string) => Promise<string> = hashFile,
  onNetworkShare = false,
): Promise<string | null> {
  const folder = path.dirname(file.path);
  const target = path.join(file.watchRoot, UPLOADED_FOLDER, monthFolder(at));
  const aside = path.join(folder, setAsideName(file));
  const wasSetAside = await fs.stat(aside).then(
    () => true,
    () => false,
  );
  if (wasSetAside) {
    // A stop came between the set-aside rename and its removal: that file is the one sent.
    try {
      return await finishSetAside(fs, file, aside, action, target, hash, onNetworkShare);
    } catch (error) {
      if (error instanceof FileChangedSinceSentError) throw error;
      throw sortLocalFailure(error, action === 'delete' ? folder : target);
    }
  }
  if (action === 'leave') return null;
  let current;
  try {
    current = await fs.stat(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    // The file gone from a folder that is still there: the user tidied up, nothing left to do.
    // Its folder gone (renamed, unmounted) says nothing about the file, which may still sit in
    // the renamed folder: that is a step not done, never `archived`.
    const folderThere = await fs.stat(folder).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (folderThere) return null;
    throw new AfterUploadError(
      msg('after_upload_folder_gone', { folder }),
      `${folder}: ${code} at move time`,
    );
  }
  const before = { alwaysHash: onNetworkShare, ignoreCtime: false };
  if (!(await stillTheFileSent(file, file.path, current, hash, before))) {
    throw new FileChangedSinceSentError(file.path);
  }
  try {
    if (action === 'move') {
      try {
        return await moveAndVerify(fs, file, target, hash, onNetworkShare);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    // Delete, or a move across devices: set aside in its own folder (same device, so a rename),
    // then checked, copied when moving, checked again and removed.
    const setAside = await moveWithoutOverwriting(fs, file.path, folder, setAsideName(file));
    return await finishSetAside(fs, file, setAside, action, target, hash, onNetworkShare);
  } catch (error) {
    if (error instanceof FileChangedSinceSentError) throw error;
    throw sortLocalFailure(error, action === 'delete' ? folder : target);
  }
}
