// A combined document on disk (issue #19, bundling): the files combined into one PDF
// (documents/combine-documents.ts) and written durably to the app's bundles folder, where the
// queue sends it from like any file. It is the app's own file: the files it was made of are
// never changed, and it is removed once Clearfacts confirmed it with a uuid.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BundleSource } from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import { combineIntoPdf } from '../documents/combine-documents.ts';
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
 * Combines `inputs` in order and writes the PDF to `bundlesDir` under a new unique name, synced
 * before it resolves (the row that points to it is written after). Answers the path, its size in
 * bytes, the name to send it under and the sources for its row; or why a file cannot be combined
 * and its index in `inputs` (nothing written).
 */
export async function writeBundle(
  bundlesDir: string,
  inputs: readonly BundleInput[],
): Promise<
  | { ok: true; path: string; sizeBytes: number; fileName: string; sources: BundleSource[] }
  | { ok: false; reason: Message; index: number }
> {
  const combined = await combineIntoPdf(inputs);
  if (!combined.ok) return combined;
  await mkdir(bundlesDir, { recursive: true, mode: 0o700 });
  const filePath = path.join(bundlesDir, `${randomUUID()}.pdf`);
  await writeDurably(filePath, combined.bytes);
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
