// A stop (a kill, a crash, a power cut) between the after-upload step's set-aside rename and the
// removal leaves a hidden `.cf-deleting-<row id>-<name>` file in a watched folder, which the
// intake ignores: without this it would stay hidden for good. On start, before the queue runs,
// each one whose row still awaits its after-upload step is left for that step (which finds it by
// its name, after-upload.ts); any other is brought back under its name for the intake to check.
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import type { HistoryRepository } from '../store/history-repository.ts';
import {
  type AfterUploadFs,
  moveWithoutOverwriting,
  parseSetAsideName,
  SET_ASIDE_PREFIX,
  setAsideName,
  UPLOADED_FOLDER,
} from './after-upload.ts';

/** The set-aside files under `root` (absolute paths), `_uploaded/` excluded; none if unreadable. */
async function setAsideFilesUnder(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fsPromises.readdir(root, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => path.basename(entry).startsWith(SET_ASIDE_PREFIX))
    .filter((entry) => !entry.split(path.sep).includes(UPLOADED_FOLDER))
    .map((entry) => path.join(root, entry));
}

/**
 * Brings back every set-aside file under the watched `roots` whose row does not await its
 * after-upload step (state `uploaded` with a uuid and no failure, in the same folder): under the
 * row's file name, or the one in the set-aside name when the row is gone, the next free name if
 * it is taken. Returns the paths brought back. Errors are logged, never thrown.
 */
export async function restoreSetAsideFiles(
  roots: readonly string[],
  repository: Pick<HistoryRepository, 'awaitingLocalStep' | 'get'>,
  logger: Logger,
  fs: AfterUploadFs = fsPromises,
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
    for (const aside of await setAsideFilesUnder(root)) {
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
