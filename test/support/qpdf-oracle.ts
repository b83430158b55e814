// qpdf (Debian's `qpdf`, installed by .ci/run where missing) as the independent oracle: the page
// count every PDF fixture is expected to have, and the generator of encrypted and object-stream
// variants. It shares no code with pdf.js (the app's reader) or pdf-lib (the emulator's).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** qpdf's exit status when it succeeded after repairing something (qpdf manual, "Exit Status"). */
const SUCCEEDED_WITH_WARNINGS = 3;
/** Deadline for one qpdf run; generating a 10,000-page variant is the slowest. */
const QPDF_DEADLINE_MS = 60_000;

async function qpdf(args: readonly string[]): Promise<string> {
  return (await qpdfReporting(args)).stdout;
}

/** qpdf's output, and whether it had to repair the file (reconstruct its xref) to read it. */
async function qpdfReporting(
  args: readonly string[],
): Promise<{ stdout: string; repaired: boolean }> {
  try {
    const { stdout } = await run('qpdf', args, { timeout: QPDF_DEADLINE_MS });
    return { stdout, repaired: false };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: unknown; killed?: boolean };
    if (failed.killed === true) {
      throw new Error(`qpdf ${args.join(' ')} did not finish within ${QPDF_DEADLINE_MS} ms`, {
        cause: error,
      });
    }
    if (failed.code === SUCCEEDED_WITH_WARNINGS && typeof failed.stdout === 'string') {
      return { stdout: failed.stdout, repaired: true };
    }
    throw error;
  }
}

/** The page count qpdf reads, or null when qpdf needs a password it was not given. */
export async function qpdfPageCount(filePath: string): Promise<number | null> {
  try {
    return Number((await qpdf(['--show-npages', filePath])).trim());
  } catch (error) {
    if (String((error as { stderr?: unknown }).stderr).includes('invalid password')) return null;
    throw error;
  }
}

/** Runs qpdf with these arguments, e.g. `--encrypt '' owner 256 -- in out`. */
export async function qpdfWrite(args: readonly string[]): Promise<void> {
  await qpdf(args);
}

/**
 * The page count qpdf reads and whether it had to repair the file first (null pages: it needs a
 * password, or it could not read the file even by repairing it). A repaired reading is not an
 * oracle: qpdf looks for `startxref` only in the last 1024 bytes, and when padding pushes it
 * further it rebuilds the xref by scanning, keeping the last copy of each object (a stale page
 * tree wins), and it finds no trailer where the xref is a stream; poppler still follows
 * `startxref` in both.
 */
export async function qpdfReading(
  filePath: string,
): Promise<{ pages: number | null; repaired: boolean }> {
  try {
    const { stdout, repaired } = await qpdfReporting(['--show-npages', filePath]);
    return { pages: Number(stdout.trim()), repaired };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr);
    if (stderr.includes('invalid password')) return { pages: null, repaired: false };
    if (stderr.includes('Attempting to reconstruct')) return { pages: null, repaired: true };
    throw error;
  }
}

/**
 * What a page tree declares and what it holds, by qpdf: `declared` is the root's /Count (what
 * `--show-npages` prints, and poppler's pdfinfo too: qpdf 11 prints the /Count as it is, and
 * does not walk the tree for it), `leaves` the pages qpdf finds by walking the tree (its JSON
 * `pages`, QPDFPageDocumentHelper::getAllPages), `objects` those pages in order, as `12 0 R`.
 */
export async function qpdfPageTree(
  filePath: string,
): Promise<{ declared: number; leaves: number; objects: string[] }> {
  const declared = Number((await qpdf(['--show-npages', filePath])).trim());
  const json: unknown = JSON.parse(await qpdf(['--json', '--json-key=pages', filePath]));
  const pages = (json as { pages?: unknown }).pages;
  if (!Array.isArray(pages)) throw new Error(`qpdf --json gave no pages for ${filePath}`);
  const objects = pages.map((page: unknown) => String((page as { object?: unknown }).object));
  return { declared, leaves: pages.length, objects };
}
