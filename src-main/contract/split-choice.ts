// The rules of a split choice (issue #19) that the Drop screen and core apply alike: which pages a
// part holds, moving a page to the neighbouring part, and whether a choice covers a batch. A part
// is a page range; the separator pages inside it are never sent, so a page can move across a
// separator sheet without the sheet becoming part of a document.
import type { SplitChoice, SplitPart } from './domain.ts';

/** The pages of `part` that are sent, in order: its range without the separator pages. */
export function contentPages(part: SplitPart, separatorPages: readonly number[]): number[] {
  const pages: number[] = [];
  for (let page = part.firstPage; page <= part.lastPage; page++) {
    if (!separatorPages.includes(page)) pages.push(page);
  }
  return pages;
}

/**
 * The choice with one page moved: `previous` moves the first page of part `index` to the end of
 * the part before it, `next` moves its last page to the start of the part after it. A part left
 * without pages is removed (with its sheet's destination). Returns the parts unchanged when
 * there is no neighbour in that direction.
 */
export function movePage<T extends SplitPart>(
  parts: readonly T[],
  separatorPages: readonly number[],
  index: number,
  direction: 'previous' | 'next',
): T[] {
  const part = parts[index];
  const neighbourIndex = direction === 'previous' ? index - 1 : index + 1;
  const neighbour = parts[neighbourIndex];
  if (part === undefined || neighbour === undefined) return [...parts];
  const pages = contentPages(part, separatorPages);
  const moved = direction === 'previous' ? pages[0] : pages.at(-1);
  if (moved === undefined) return [...parts];
  const rest = direction === 'previous' ? pages.slice(1) : pages.slice(0, -1);
  const next = [...parts];
  next[neighbourIndex] =
    direction === 'previous'
      ? { ...neighbour, lastPage: moved }
      : { ...neighbour, firstPage: moved };
  const first = rest[0];
  const last = rest.at(-1);
  if (first === undefined || last === undefined) {
    next.splice(index, 1);
  } else {
    next[index] = { ...part, firstPage: first, lastPage: last };
  }
  return next;
}

/**
 * Why `choice` cannot cut a batch of `pageCount` pages, or null when it can: the parts in page
 * order, none empty or overlapping, and every page either in a part or a separator page (so no
 * page with content is left out). The reason is for the log, not for the user.
 */
export function choiceProblem(pageCount: number, choice: SplitChoice): string | null {
  const separators = new Set(choice.separatorPages);
  if (choice.separatorPages.some((page) => page > pageCount)) {
    return `a separator page is past page ${pageCount}`;
  }
  let covered = 0;
  for (const [index, part] of choice.parts.entries()) {
    if (part.firstPage > part.lastPage || part.lastPage > pageCount) {
      return `part ${index + 1} has pages ${part.firstPage}-${part.lastPage} of ${pageCount}`;
    }
    if (part.firstPage <= covered) return `part ${index + 1} overlaps the part before it`;
    for (let page = covered + 1; page < part.firstPage; page++) {
      if (!separators.has(page)) return `page ${page} is in no part`;
    }
    if (contentPages(part, choice.separatorPages).length === 0) {
      return `part ${index + 1} has only separator pages`;
    }
    covered = part.lastPage;
  }
  for (let page = covered + 1; page <= pageCount; page++) {
    if (!separators.has(page)) return `page ${page} is in no part`;
  }
  return null;
}
