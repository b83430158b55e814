// What happens to a watched file once Clearfacts holds it (its uuid is stored before this runs):
// moved to `<folder>/_uploaded/YYYY-MM/` under a name that never overwrites, deleted, or left.
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AfterUpload } from '../../contract/domain.ts';

export const UPLOADED_FOLDER = '_uploaded';

export class FileChangedSinceSentError extends Error {
  constructor() {
    super('The file changed after it was sent, so it was left in place.');
    this.name = 'FileChangedSinceSentError';
  }
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
      counter === 1 ? `${name}${ext}` : `${name} (${counter})${ext}`,
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
    // Gone already (the user tidied up): nothing left to do.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
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
