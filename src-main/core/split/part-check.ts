// Every part the split worker cut is read back with pdf.js before it is queued (issue #17): a part
// whose page count is not the one planned sends the batch whole. The reading happens outside the
// split worker, in the check's pdf.js worker, which is running anyway (it has just checked the
// batch): so the split worker loads pdf.js only for a page it must render, and a scanner's batch,
// every page one JPEG, never makes it (about 45 MB resident less while a batch is split).
import { contentPages } from '../../contract/split-choice.ts';
import type { SplitResult } from './split-protocol.ts';

/** pdf.js's page count of PDF bytes (not detached), or null when it cannot read them. */
export type PageCounter = (bytes: Uint8Array) => Promise<number | null>;

/**
 * The worker's verdict, or `whole` when a part of a split verdict does not read back with its
 * planned pages (`part_mismatch`), or its blank pages (blank mode) do not (`unreadable`). Parts
 * are read one at a time, so at most one copy of one part is in flight.
 */
export async function checkCutParts(
  result: SplitResult,
  countPages: PageCounter,
): Promise<SplitResult> {
  if (result.outcome !== 'split') return result;
  const { pages, separatorPages } = result;
  for (const part of result.parts) {
    const expectedPages = contentPages(part, separatorPages).length;
    const foundPages = await countPages(part.bytes);
    if (foundPages !== expectedPages) {
      return {
        outcome: 'whole',
        pages,
        reason: {
          why: 'part_mismatch',
          firstPage: part.firstPage,
          lastPage: part.lastPage,
          expectedPages,
          foundPages,
        },
      };
    }
  }
  if (result.blankPages !== null) {
    const foundPages = await countPages(result.blankPages);
    if (foundPages !== separatorPages.length) {
      return {
        outcome: 'whole',
        pages,
        reason: {
          why: 'unreadable',
          detail: `the blank pages read back as ${foundPages ?? 'nothing'}`,
        },
      };
    }
  }
  return result;
}
