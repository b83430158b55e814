// Page counting: the engine's check step (type by content, SHA-256, completeness, pdf.js page
// count in the check worker) against the floor of just reading the same bytes, one at a time.
import { readFile } from 'node:fs/promises';
import { checkDocument } from '../../src-main/core/documents/check-document.ts';
import type { WrittenPdf } from '../lib/pdf-corpus.ts';

export interface PageCountingResult {
  files: number;
  bytes: number;
  readMs: number;
  checkMs: number;
}

export async function measurePageCounting(
  files: readonly WrittenPdf[],
  maxUploadBytes: number,
): Promise<PageCountingResult> {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const readStarted = performance.now();
  for (const file of files) await readFile(file.path);
  const readMs = performance.now() - readStarted;

  const checkStarted = performance.now();
  for (const file of files) {
    const check = await checkDocument(file.path, { maxUploadBytes });
    if (check.failure !== null || check.pages !== file.pages) {
      throw new Error(
        `checkDocument got ${file.name} wrong: ${check.pages} pages (${file.pages} written), ${check.failure?.message ?? 'no failure'}`,
      );
    }
  }
  const checkMs = performance.now() - checkStarted;
  return { files: files.length, bytes, readMs, checkMs };
}
