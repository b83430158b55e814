// What happens to a watched file once Clearfacts holds it (its uuid is stored before this runs):
// moved to `<folder>/_uploaded/YYYY-MM/` under a name that never overwrites, deleted, or left.
import { constants, type Stats } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { AfterUpload } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import { hashFile } from '../documents/hash-file.ts';
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
 * Reserves `name`, `name (2)`, `name (3)`, … (of `fileName`, the source's own by default) by
 * creating it exclusively, then renames the file over the reservation. Plain rename would
 * silently replace a file of the same name on POSIX.
 */
async function moveWithoutOverwriting(
  fs: AfterUploadFs,
  source: string,
  directory: string,
  fileName: string = path.basename(source),
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
      await moveOver(fs, source, candidate);
    } catch (error) {
      await fs.rm(candidate, { force: true });
      throw error;
    }
    return candidate;
  }
}

/**
 * rename, or where `_uploaded/` is on another device (a mount or a link there: EXDEV) a copy over
 * the reservation, then the original removed: the file exists in one place or both, never none.
 */
async function moveOver(fs: AfterUploadFs, source: string, target: string): Promise<void> {
  try {
    await fs.rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.copyFile(source, target);
    const copy = await fs.open(target, 'r+');
    try {
      await copy.sync();
    } finally {
      await copy.close();
    }
    await fs.unlink(source);
  }
}

export interface DeliveredFile {
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

/** A name in the file's own folder that the intake ignores (a leading dot), for a delete. */
function asideName(file: DeliveredFile, at: Date): string {
  return `.cf-deleting-${at.getTime()}${path.extname(file.path)}`;
}

/**
 * Takes the file out of the way of writers (a rename: whoever writes by path from now on makes
 * a new file), then checks that what was taken is still the version sent: a scanner's or a sync
 * tool's rewrite between the check before and the rename would otherwise be moved or deleted as
 * if it were the document Clearfacts holds. A rewrite in place shows in size or mtime (the rename
 * itself sets ctime); a file renamed over it, in its inode. When it is not the version sent it
 * is put back under its own name, or the next free one when a new file took that name meanwhile.
 * Left: a writer that keeps the file open and writes after the check (it writes into `_uploaded/`),
 * and on the EXDEV copy (moveOver) a rewrite between the copy and the removal of the original.
 */
async function moveAndVerify(
  fs: AfterUploadFs,
  file: DeliveredFile,
  directory: string,
  hash: (filePath: string) => Promise<string>,
  alwaysHash: boolean,
  asideAs?: string,
): Promise<string> {
  const moved = await moveWithoutOverwriting(fs, file.path, directory, asideAs);
  const current = await fs.stat(moved);
  if (await stillTheFileSent(file, moved, current, hash, { alwaysHash, ignoreCtime: true })) {
    return moved;
  }
  const back = await moveWithoutOverwriting(
    fs,
    moved,
    path.dirname(file.path),
    path.basename(file.path),
  );
  throw new FileChangedSinceSentError(back);
}

/**
 * Returns where the file went (move) or null (delete, leave). Throws AfterUploadError (with
 * `retryLater` for a full disk or a refused move), FileChangedSinceSentError, or the system's
 * error for anything else. `hash` is the SHA-256 (hex) of a file, as the check computed it.
 * `onNetworkShare`: the watched folder is on one, so the bytes are compared whatever the stats say.
 */
export async function archiveDeliveredFile(
  file: DeliveredFile,
  action: AfterUpload,
  at: Date,
  fs: AfterUploadFs = fsPromises,
  hash: (filePath: string) => Promise<string> = hashFile,
  onNetworkShare = false,
): Promise<string | null> {
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
    const folder = path.dirname(file.path);
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
  const target = path.join(file.watchRoot, UPLOADED_FOLDER, monthFolder(at));
  try {
    if (action === 'delete') {
      // Set aside in its own folder (same device, so a rename), checked, then removed.
      const aside = await moveAndVerify(
        fs,
        file,
        path.dirname(file.path),
        hash,
        onNetworkShare,
        asideName(file, at),
      );
      await fs.unlink(aside);
      return null;
    }
    return await moveAndVerify(fs, file, target, hash, onNetworkShare);
  } catch (error) {
    if (error instanceof FileChangedSinceSentError) throw error;
    throw sortLocalFailure(error, action === 'delete' ? path.dirname(file.path) : target);
  }
}
