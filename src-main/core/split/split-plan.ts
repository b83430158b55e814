// Which pages of a scanned batch become which document: the decision alone, from the page count,
// the folder's split mode and (for `separator`) what was read on each page. Cutting the pages
// and checking the parts happen elsewhere; this module only decides, so it is tested by hand.
import type { SplitMode } from '../../contract/domain.ts';
import type { SeparatorSheet } from './separator-code.ts';

/** One document cut from a batch: pages `firstPage`..`lastPage` of the original, 1-based. */
export interface PlannedPart {
  firstPage: number;
  lastPage: number;
  /**
   * The typed separator sheet in front of this part, which sets its destination (and maybe its
   * administration); null when the folder's own destination applies.
   */
  sheet: SeparatorSheet | null;
}

/** The decision: cut into `parts` (two or more), or send the original whole. */
export type SplitPlan =
  | { outcome: 'split'; parts: PlannedPart[]; separatorPages: number[] }
  /** Every page is a separator sheet: no document in it, nothing to send. */
  | { outcome: 'only_separators'; separatorPages: number[] }
  /** Nothing to cut: one page, no separator sheet, or all pages within N. */
  | { outcome: 'whole' };

/**
 * Whether `mode` looks at every page for blankness: `blank` cuts on blank pages, `blank-backs`
 * only leaves them out (issue #19).
 */
export function judgesBlankPages(mode: SplitMode): boolean {
  return mode === 'blank' || mode === 'blank-backs';
}

/** N for `page` (1) and `pages:N`; null for `off` and `separator`. */
export function pagesPerPart(mode: SplitMode): number | null {
  if (mode === 'page') return 1;
  const match = /^pages:(\d+)$/.exec(mode);
  return match === null ? null : Number(match[1]);
}

/**
 * The plan for a batch of `pageCount` pages. `separators[i]` is the sheet read on page i + 1, or
 * null (only looked at in `separator` mode); `blanks[i]` says whether page i + 1 was judged blank
 * (only looked at in `blank` mode, where a blank page separates like a `next` sheet, and in
 * `blank-backs`, where the pages that are not blank stay one document and the blank ones are
 * left out as its separator pages). Separator pages are never part of a document; two in a row
 * do not make an empty document (the later sheet applies).
 */
export function planSplit(
  pageCount: number,
  mode: SplitMode,
  separators: readonly (SeparatorSheet | null)[],
  blanks: readonly boolean[] = [],
): SplitPlan {
  const every = pagesPerPart(mode);
  if (every !== null) {
    const parts: PlannedPart[] = [];
    for (let first = 1; first <= pageCount; first += every) {
      parts.push({
        firstPage: first,
        lastPage: Math.min(pageCount, first + every - 1),
        sheet: null,
      });
    }
    return parts.length > 1
      ? { outcome: 'split', parts, separatorPages: [] }
      : { outcome: 'whole' };
  }
  if (mode === 'blank-backs') return withoutBlankPages(pageCount, blanks);
  if (mode !== 'separator' && mode !== 'blank') {
    return { outcome: 'whole' };
  }
  const separatorOn = (page: number): SeparatorSheet | null =>
    mode === 'blank'
      ? blanks[page - 1] === true
        ? { type: 'next' }
        : null
      : (separators[page - 1] ?? null);
  const parts: PlannedPart[] = [];
  const separatorPages: number[] = [];
  let sheet: SeparatorSheet | null = null;
  let first: number | null = null;
  const close = (last: number) => {
    if (first !== null) parts.push({ firstPage: first, lastPage: last, sheet });
    first = null;
  };
  for (let page = 1; page <= pageCount; page++) {
    const found = separatorOn(page);
    if (found !== null) {
      close(page - 1);
      separatorPages.push(page);
      sheet = found.type === 'next' ? null : found;
      continue;
    }
    if (first === null) {
      first = page;
    }
  }
  close(pageCount);
  if (separatorPages.length === 0) return { outcome: 'whole' };
  // Sheets alone are not a document: sending them would put blank "invoices" in Clearfacts.
  if (parts.length === 0) return { outcome: 'only_separators', separatorPages };
  // A single part after a leading sheet (or beside blank pages) is still a cut: the sheet is
  // not sent.
  return { outcome: 'split', parts, separatorPages };
}

/**
 * `blank-backs`: one document from the first to the last page that is not blank, every blank
 * page left out (a blank page inside the range is a separator page, which `contentPages` skips).
 */
function withoutBlankPages(pageCount: number, blanks: readonly boolean[]): SplitPlan {
  const separatorPages: number[] = [];
  const content: number[] = [];
  for (let page = 1; page <= pageCount; page++) {
    (blanks[page - 1] === true ? separatorPages : content).push(page);
  }
  const first = content[0];
  const last = content.at(-1);
  if (separatorPages.length === 0) return { outcome: 'whole' };
  if (first === undefined || last === undefined) {
    return { outcome: 'only_separators', separatorPages };
  }
  return {
    outcome: 'split',
    parts: [{ firstPage: first, lastPage: last, sheet: null }],
    separatorPages,
  };
}
