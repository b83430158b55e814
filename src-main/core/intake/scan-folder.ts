// The start-up scan and the periodic rescan: readdir and stat only, never a read, so a folder
// holding 50,000 already-handled files costs a directory walk and nothing more.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../folders/ignored-names.ts';
import { isUtf8Name } from './raw-names.ts';

export interface ScannedFile {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface ScanOptions {
  /** Folders that belong to another binding nested inside this one. */
  skipDirectory(directoryPath: string): boolean;
  /** Checked between directories so a stopped or vanished folder ends its scan quickly. */
  isCancelled(): boolean;
  onFile(file: ScannedFile): void;
  /**
   * A file whose name (bytes) is not valid UTF-8, so no string path reaches it: `directory` and
   * the name's bytes (see raw-names.ts). Without it, such a file is an `onProblem`, as is a
   * subfolder with such a name.
   */
  onRawName?(directory: string, name: Buffer): void;
  /** A subfolder or file that could not be read; the scan goes on with the rest. */
  onProblem(entryPath: string, error: unknown): void;
}

export interface ScanSummary {
  files: number;
  directories: number;
}

/** Stats issued at once within one directory: enough to keep libuv's pool busy, no more. */
const STAT_BATCH = 64;

function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A name that is not UTF-8 where the caller cannot take one: no string path reaches it. */
export class RawNameError extends Error {
  constructor() {
    super('the name is not valid UTF-8');
  }
}

function readBufferEntries(directory: string) {
  return readdir(directory, { withFileTypes: true, encoding: 'buffer' });
}

/**
 * Walks `root` depth-first. An error reading the root itself is thrown (the caller decides the
 * folder is unavailable, instead of reading it as empty); errors below it are reported.
 * Symbolic links are skipped, as Syncthing does: following them could leave the folder or loop.
 */
export async function scanFolder(root: string, options: ScanOptions): Promise<ScanSummary> {
  const summary: ScanSummary = { files: 0, directories: 0 };
  const pending: string[] = [root];
  while (pending.length > 0 && !options.isCancelled()) {
    const directory = pending.pop() as string;
    // Names as bytes: a name that is not UTF-8 would come back with U+FFFD, a path to nothing.
    let entries: Awaited<ReturnType<typeof readBufferEntries>>;
    try {
      entries = await readBufferEntries(directory);
    } catch (error) {
      if (directory === root) throw error;
      if (!isGone(error)) options.onProblem(directory, error);
      continue;
    }
    summary.directories += 1;
    const files: string[] = [];
    for (const entry of entries) {
      if (!isUtf8Name(entry.name)) {
        if (entry.isFile() && options.onRawName) options.onRawName(directory, entry.name);
        else if (entry.isFile() || entry.isDirectory()) {
          options.onProblem(path.join(directory, entry.name.toString()), new RawNameError());
        }
        continue;
      }
      const name = entry.name.toString();
      if (isIgnoredName(name)) continue;
      const entryPath = path.join(directory, name);
      if (entry.isDirectory()) {
        if (!options.skipDirectory(entryPath)) pending.push(entryPath);
      } else if (entry.isFile()) {
        files.push(entryPath);
      }
    }
    for (let start = 0; start < files.length && !options.isCancelled(); start += STAT_BATCH) {
      const batch = files.slice(start, start + STAT_BATCH);
      const results = await Promise.allSettled(batch.map((filePath) => stat(filePath)));
      results.forEach((result, index) => {
        const filePath = batch[index] as string;
        if (result.status === 'rejected') {
          if (!isGone(result.reason)) options.onProblem(filePath, result.reason);
        } else if (result.value.isFile() && !options.isCancelled()) {
          summary.files += 1;
          options.onFile({
            path: filePath,
            sizeBytes: result.value.size,
            mtimeMs: result.value.mtimeMs,
          });
        }
      });
    }
  }
  return summary;
}
