// Child process for the large-PDF rows: reads one PDF with one reader and prints what it took,
// so each reader's peak RSS is its own. `check` is the app's check (warm worker: the engine keeps
// one for its whole life); `pdf-lib` is what the check used before, for comparison.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import type { ReadOneResult } from './read-one-result.ts';

const [reader, filePath, warmUpPath] = process.argv.slice(2);
if (filePath === undefined || warmUpPath === undefined) {
  throw new Error('usage: read-one-pdf.ts check|pdf-lib <file> <small-pdf-to-warm-up>');
}
const options = { maxUploadBytes: 1024 ** 3 };
let result: Omit<ReadOneResult, 'peakRssBytes'>;
if (reader === 'check') {
  // Imported only here: loading it starts the check worker, which pdf-lib's run must not carry.
  const { checkDocument } = await import('../../src-main/core/documents/check-document.ts');
  await checkDocument(warmUpPath, options);
  const started = performance.now();
  const check = await checkDocument(filePath, options);
  result = {
    pages: check.pages,
    ms: performance.now() - started,
    failure: check.failure?.code ?? null,
  };
} else {
  const started = performance.now();
  try {
    const document = await PDFDocument.load(await readFile(filePath), { updateMetadata: false });
    result = { pages: document.getPageCount(), ms: performance.now() - started, failure: null };
  } catch (error) {
    result = { pages: null, ms: performance.now() - started, failure: String(error) };
  }
}
const output: ReadOneResult = {
  ...result,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
