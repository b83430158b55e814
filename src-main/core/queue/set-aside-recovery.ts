// A stop (a kill, a crash, a power cut) between the after-upload step's set-aside rename and the
// removal leaves a hidden `.cf-deleting-<row id>-<name>` file in a watched folder, which the
// intake ignores: without this it would stay hidden for good. On start, before the queue runs,
// each one whose row still awaits its after-upload step is left for that step (which finds it by
// its name, after-upload.ts); any other is brought back under its name for the intake to check.
import type { Dirent } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../folders/ignored-names.ts';
import type { Logger } from '../logging/logger.ts';
import type { HistoryRepository } from '../store/history-repository.ts';
import {
  type AfterUploadFs,
  moveWithoutOverwriting,
  parseSetAsideName,
  SET_ASIDE_PREFIX,
  setAsideName,
} from './after-upload.ts';

/** The directory listing recovery walks with (node:fs/promises' by default; tests count it). */
export type ReadDirectory = (directory: string) => Promise<Dirent[]>;

const readDirectoryEntries: ReadDirectory = (directory) =>
  fsPromises.readdir(directory, { withFileTypes: true });

/**
 * The set-aside files under `root` (absolute paths); none where unreadable. The step sets a file
 * aside in the file's own folder (after-upload.ts), and only files the intake takes reach it, so
 * the walk skips what the intake never enters (`_uploaded/`, hidden and system folders,
 * ignored-names.ts): an accountant's `_uploaded/` holds every file ever delivered, which a
 * recursive listing would read at every start.
 */
async function setAsideFilesUnder(root: string, readDirectory: ReadDirectory): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readDirectory(directory);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnoredName(entry.name)) pending.push(entryPath);
      } else if (entry.name.startsWith(SET_ASIDE_PREFIX)) {
        found.push(entryPath);
      }
    }
  }
  return found;
}

/**
 * Brings back every set-aside file under the watched `roots` whose row does not await its
 * after-upload step (state `uploaded` with a uuid and no failure, in the same folder): under the
 * row's file name, or the one in the set-aside name when the row is gone, the next free name if
 * it is taken. Returns the paths brought back. Errors are logged, never thrown. `readDirectory`
 * lists a folder (tests count what is listed).
 */
export async function restoreSetAsideFiles(
  roots: readonly string[],
  repository: Pick<HistoryRepository, 'awaitingLocalStep' | 'get'>,
  logger: Logger,
  fs: AfterUploadFs = fsPromises,
  readDirectory: ReadDirectory = readDirectoryEntries,
): Promise<string[]> {
  const restored: string[] = [];
  let awaiting: Set<string>;
  try {
    awaiting = new Set(
      repository
        .awaitingLocalStep()
        .map((record) => path.join(path.dirname(record.path), setAsideName(record))),
    );
  } catch (error) {
    logger.error('The history could not be read', { error: String(error) });
    return restored;
  }
  for (const root of new Set(roots)) {
    for (const aside of await setAsideFilesUnder(root, readDirectory)) {
      const parsed = parseSetAsideName(path.basename(aside));
      if (parsed === null || awaiting.has(aside)) continue;
      const folder = path.dirname(aside);
      try {
        const record = repository.get(parsed.id);
        const fileName =
          record !== null && path.dirname(record.path) === folder
            ? path.basename(record.path)
            : parsed.fileName;
        const back = await moveWithoutOverwriting(fs, aside, folder, fileName);
        restored.push(back);
        logger.warn('A file set aside when the app stopped was brought back', { id: parsed.id });
      } catch (error) {
        logger.error('A file set aside when the app stopped could not be brought back', {
          id: parsed.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return restored;
}
