// A combined document on disk (issue #19, bundling): the files combined into one PDF
// (documents/combine-documents.ts) and written durably to the app's bundles folder, where the
// queue sends it from like any file. It is the app's own file: the files it was made of are
// never changed, and it is removed once Clearfacts confirmed it with a uuid.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BundleSource } from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import { combineIntoPdf } from '../documents/combine-documents.ts';
import type { Logger } from '../logging/logger.ts';
import type { HistoryRepository } from '../store/history-repository.ts';
import { writeDurably } from './split-step.ts';

/** One file to combine, as read: its name, path and bytes. */
export interface BundleInput {
  fileName: string;
  path: string;
  bytes: Uint8Array;
}

/**
 * The name a combined document is sent under: the first file's name with the number of the
 * others, `IMG_0001 (+2).pdf` (numbers only, so it reads alike in nl, fr and en).
 */
export function bundleFileName(firstName: string, count: number): string {
  return `${path.parse(firstName).name} (+${count - 1}).pdf`;
}

/**
 * Writes a combined document's bytes to a new file, synced to disk before it resolves
 * (`writeDurably`). Tests hand one that fails like a full disk.
 */
export type BundleWrite = (filePath: string, bytes: Uint8Array) => Promise<void>;

/**
 * Combines `inputs` in order and writes the PDF to `bundlesDir` under a new unique name, synced
 * before it resolves (the row that points to it is written after). Answers the path, its size in
 * bytes, the name to send it under and the sources for its row; or why a file cannot be combined
 * and its index in `inputs` (nothing written). Throws the file system's error when the folder or
 * the file cannot be written (a full or read-only disk), after removing what was written of it.
 */
export async function writeBundle(
  bundlesDir: string,
  inputs: readonly BundleInput[],
  write: BundleWrite = writeDurably,
): Promise<
  | { ok: true; path: string; sizeBytes: number; fileName: string; sources: BundleSource[] }
  | { ok: false; reason: Message; index: number }
> {
  const combined = await combineIntoPdf(inputs);
  if (!combined.ok) return combined;
  await mkdir(bundlesDir, { recursive: true, mode: 0o700 });
  const filePath = path.join(bundlesDir, `${randomUUID()}.pdf`);
  try {
    await write(filePath, combined.bytes);
  } catch (error) {
    // A half-written document (the disk filled up) is nobody's: no row will ever point to it.
    await rm(filePath, { force: true }).catch(() => undefined);
    throw error;
  }
  return {
    ok: true,
    path: filePath,
    sizeBytes: combined.bytes.byteLength,
    fileName: bundleFileName(inputs[0]?.fileName ?? 'bundle', inputs.length),
    sources: combined.sources.map(({ fileName, path: sourcePath, pages, sha256 }) => ({
      fileName,
      path: sourcePath,
      pages,
      sha256,
    })),
  };
}

/**
 * Removes each combined document in `bundlesDir` (`*.pdf`, nothing else and nowhere else) that no
 * history row points to: a stop between `writeBundle` and the transaction that inserts its row
 * leaves one, which nothing would ever send or remove (the session is combined again, into a new
 * file). Run at start, before anything can combine. Returns the paths removed; a folder that is
 * not there yet is none; failures are logged, never thrown.
 */
export async function removeUnreferencedBundles(
  bundlesDir: string,
  repository: Pick<HistoryRepository, 'latestOf'>,
  logger: Logger,
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(bundlesDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.pdf'))) {
    const filePath = path.join(bundlesDir, name);
    try {
      if (repository.latestOf([filePath]) !== null) continue;
      await rm(filePath, { force: true });
      removed.push(filePath);
    } catch (error) {
      logger.error('A combined document no row points to could not be removed', {
        file: name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (removed.length > 0) {
    logger.warn('Combined documents a stop left without a row were removed', {
      count: removed.length,
    });
  }
  return removed;
}
