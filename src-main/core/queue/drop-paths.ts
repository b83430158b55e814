// What a drop or `clearfacts-uploader upload` was given, turned into the files to send: a folder
// stands for the documents in it (as the Drop screen expands a dropped folder), and a path that
// leads nowhere is a mistake in the request, not a file that failed. Refusing it before anything
// is recorded keeps a typo out of the history for good.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../contract/api-contract.ts';
import { msg } from '../../contract/messages/message.ts';
import { scanFolder } from '../intake/scan-folder.ts';

/**
 * The absolute paths of the files to send, in the order given, each folder replaced by the files
 * under it (names nobody watches left out, symbolic links not followed, sorted so a run is
 * repeatable) and every file once. Throws ApiError `invalid_request` for a path that does not
 * exist, a folder without documents, or something that is neither a file nor a folder.
 */
export async function expandDropPaths(given: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (filePath: string) => {
    if (seen.has(filePath)) return;
    seen.add(filePath);
    files.push(filePath);
  };
  for (const entry of given) {
    const absolute = path.resolve(entry);
    const stats = await stat(absolute).catch(() => null);
    if (stats === null) {
      throw new ApiError('invalid_request', msg('drop_path_missing', { path: absolute }));
    }
    if (stats.isFile()) {
      add(absolute);
      continue;
    }
    if (!stats.isDirectory()) {
      throw new ApiError('invalid_request', msg('drop_path_not_a_file', { path: absolute }));
    }
    const found: string[] = [];
    await scanFolder(absolute, {
      skipDirectory: () => false,
      isCancelled: () => false,
      onFile: (file) => found.push(file.path),
      // An unreadable subfolder leaves its files out; the folder's other documents still go.
      onProblem: () => {},
    });
    if (found.length === 0) {
      throw new ApiError('invalid_request', msg('drop_folder_empty', { path: absolute }));
    }
    for (const filePath of found.sort()) add(filePath);
  }
  return files;
}
