// What happens to a watched file once Clearfacts holds it (its uuid is stored before this runs):
// moved to `<folder>/_uploaded/YYYY-MM/` under a name that never overwrites, deleted, or left.
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AfterUpload } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';

export const UPLOADED_FOLDER = '_uploaded';

export class FileChangedSinceSentError extends Error {
  constructor() {
    super('The file changed after it was sent, so it was left in place.');
    this.name = 'FileChangedSinceSentError';
  }
}

/** The step could not finish for a reason the user can act on; `reason` says which. */
export class AfterUploadError extends Error {
  readonly reason: Message;
  constructor(reason: Message, detail: string) {
    super(detail);
    this.name = 'AfterUploadError';
    this.reason = reason;
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
 * Reserves `name`, `name (2)`, `name (3)`, … by creating it exclusively, then renames the file
 * over the reservation. Plain rename would silently replace a file of the same name on POSIX.
 */
async function moveWithoutOverwriting(source: string, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const { name, ext } = path.parse(source);
  for (let counter = 1; ; counter += 1) {
    const candidate = path.join(
      directory,
      fitName(name, counter === 1 ? '' : ` (${counter})`, ext),
    );
    let reservation;
    try {
      reservation = await open(
        candidate,
        constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await reservation.close();
    try {
      await rename(source, candidate);
    } catch (error) {
      await rm(candidate, { force: true });
      throw error;
    }
    return candidate;
  }
}

export interface DeliveredFile {
  path: string;
  /** The folder the file was found in. */
  watchRoot: string;
  /** What was checked and sent: a different file now means new content to check. */
  sizeBytes: number | null;
  mtimeMs: number | null;
}

/** Returns where the file went (move) or null (delete, leave). */
export async function archiveDeliveredFile(
  file: DeliveredFile,
  action: AfterUpload,
  at: Date,
): Promise<string | null> {
  if (action === 'leave') return null;
  let current;
  try {
    current = await stat(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    // The file gone from a folder that is still there: the user tidied up, nothing left to do.
    // Its folder gone (renamed, unmounted) says nothing about the file, which may still sit in
    // the renamed folder: that is a step not done, never `archived`.
    const folder = path.dirname(file.path);
    const folderThere = await stat(folder).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (folderThere) return null;
    throw new AfterUploadError(
      msg('after_upload_folder_gone', { folder }),
      `${folder}: ${code} at move time`,
    );
  }
  if (
    file.sizeBytes !== null &&
    file.mtimeMs !== null &&
    (current.size !== file.sizeBytes || Math.abs(current.mtimeMs - file.mtimeMs) >= 1)
  ) {
    throw new FileChangedSinceSentError();
  }
  if (action === 'delete') {
    await unlink(file.path);
    return null;
  }
  return moveWithoutOverwriting(
    file.path,
    path.join(file.watchRoot, UPLOADED_FOLDER, monthFolder(at)),
  );
}
