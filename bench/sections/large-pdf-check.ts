// The check of a 1,000-page PDF and of a 65,000-object PDF: time and peak RSS of the app's check
// (pdf.js in its worker), beside pdf-lib's and qpdf's time for the same file in the same run.
// Each reader runs in its own process, so each peak RSS is that reader's alone.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { manyObjectsPdf, pageTreePdf } from '../../test/fixtures/pdf-variants.ts';
import { ReadOneResult } from '../lib/read-one-result.ts';

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, '../lib/read-one-pdf.ts');
/** Deadline for one reader on one file. */
const READ_DEADLINE_MS = 120_000;

export interface LargePdfResult {
  name: string;
  bytes: number;
  pages: number;
  check: ReadOneResult;
  pdfLib: ReadOneResult;
  /** qpdf --show-npages wall time in ms, or null when qpdf is not installed. */
  qpdfMs: number | null;
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 1; index <= pages; index += 1) {
    document
      .addPage([595, 842])
      .drawText(`Ledger page ${index} of ${pages}`, { x: 50, y: 780, size: 14, font });
  }
  return document.save();
}

async function readWith(reader: 'check' | 'pdf-lib', file: string, warmUp: string) {
  const { stdout } = await run(process.execPath, [CHILD, reader, file, warmUp], {
    timeout: READ_DEADLINE_MS,
    maxBuffer: 1024 * 1024,
  });
  return ReadOneResult.parse(JSON.parse(stdout));
}

async function qpdfTime(file: string): Promise<number | null> {
  const started = performance.now();
  try {
    await run('qpdf', ['--show-npages', file], { timeout: READ_DEADLINE_MS });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    // Exit 3 is success with warnings (qpdf manual, "Exit Status").
    if ((error as { code?: unknown }).code !== 3) throw error;
  }
  return performance.now() - started;
}

export async function measureLargePdfChecks(workDir: string): Promise<LargePdfResult[]> {
  const warmUp = path.join(workDir, 'warm-up.pdf');
  await writeFile(warmUp, pageTreePdf({ pages: 1 }));
  const files = [
    { name: '1,000-page text PDF', pages: 1_000, bytes: await textPdf(1_000) },
    { name: '65,000-object PDF', pages: 1, bytes: manyObjectsPdf(65_000) },
  ];
  const results: LargePdfResult[] = [];
  for (const file of files) {
    const filePath = path.join(workDir, `${file.name.replaceAll(/\W+/g, '-')}.pdf`);
    await writeFile(filePath, file.bytes);
    const check = await readWith('check', filePath, warmUp);
    if (check.pages !== file.pages) {
      throw new Error(`the check read ${check.pages} pages of the ${file.name} (${check.failure})`);
    }
    results.push({
      name: file.name,
      bytes: file.bytes.length,
      pages: file.pages,
      check,
      pdfLib: await readWith('pdf-lib', filePath, warmUp),
      qpdfMs: await qpdfTime(filePath),
    });
  }
  return results;
}
