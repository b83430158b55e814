// The folder marker, like Syncthing's `.stfolder`: a small file the app writes into a folder when
// it is bound. An unmounted share leaves its mount point behind as an empty folder, and a folder
// renamed and made again (a scanner recreating its target) is empty too: without the marker they
// would read as "every file is gone", and an accountant tree would be built into them. An empty
// folder without the marker is therefore not the bound folder; one with files in it is adopted
// (bindings made before markers existed, or a marker someone deleted).
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from './ignored-names.ts';

/** Its leading dot keeps it out of the intake, the scans and Explorer's default view. */
export const FOLDER_MARKER_FILE = '.clearfacts-folder';

const MARKER_TEXT =
  'Clearfacts Uploader watches this folder. Please leave this file: without it an empty folder\n' +
  'here is taken for a drive or share that is not connected.\n';

/**
 * Writes the marker into `folderPath` unless one is there. Throws what the file system threw
 * (a read-only share): the caller decides whether binding goes on without it.
 */
export async function writeFolderMarker(folderPath: string): Promise<void> {
  await writeFile(path.join(folderPath, FOLDER_MARKER_FILE), MARKER_TEXT, { flag: 'wx' }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    },
  );
}

/**
 * `marked`: the marker is there. `adopted`: it was missing but the folder holds files or
 * folders (hidden and system names aside), so it is taken as the bound folder and the marker
 * written (when it can be). `unmarked_empty`: missing, and nothing in the folder: an unmounted
 * mount point or a folder made again, never the bound folder with all its files gone. Throws
 * when the folder cannot be read.
 */
export async function checkFolderMarker(
  folderPath: string,
): Promise<'marked' | 'adopted' | 'unmarked_empty'> {
  const found = await stat(path.join(folderPath, FOLDER_MARKER_FILE)).then(
    () => true,
    () => false,
  );
  if (found) return 'marked';
  const entries = await readdir(folderPath);
  if (!entries.some((name) => !isIgnoredName(name))) return 'unmarked_empty';
  // A read-only folder cannot take the marker; its content still shows it is there.
  await writeFolderMarker(folderPath).catch(() => undefined);
  return 'adopted';
}
