// The history can hold 50,000 rows and more: the list asks core for the pages that scroll into
// view (history.query with offset and limit) and keeps them here, so scrolling back is instant.
import type { HistoryEntry } from '../../src-main/contract/domain.ts';

export const HISTORY_PAGE_SIZE = 200;

export class HistoryPages {
  readonly pageSize: number;
  total: number | null = null;
  readonly #pages = new Map<number, HistoryEntry[]>();
  readonly #pending = new Set<number>();

  constructor(pageSize = HISTORY_PAGE_SIZE) {
    this.pageSize = pageSize;
  }

  row(index: number): HistoryEntry | undefined {
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages covering rows first..last that are neither loaded nor being loaded. */
  missingPages(first: number, last: number): number[] {
    const missing: number[] = [];
    for (
      let page = Math.floor(first / this.pageSize);
      page <= Math.floor(last / this.pageSize);
      page++
    ) {
      if (!this.#pages.has(page) && !this.#pending.has(page)) missing.push(page);
    }
    return missing;
  }

  markPending(page: number): void {
    this.#pending.add(page);
  }

  store(page: number, rows: HistoryEntry[], total: number): void {
    this.#pending.delete(page);
    this.#pages.set(page, rows);
    this.total = total;
  }

  forget(page: number): void {
    this.#pending.delete(page);
  }

  /**
   * Applies changed rows in place. Answers false when a row is new to us (an insert shifts every
   * offset, so the caller reloads) and true when every change landed on a loaded row.
   */
  patch(entries: readonly HistoryEntry[]): boolean {
    let allKnown = true;
    for (const entry of entries) {
      let found = false;
      for (const rows of this.#pages.values()) {
        const at = rows.findIndex((row) => row.id === entry.id);
        if (at !== -1) {
          rows[at] = entry;
          found = true;
          break;
        }
      }
      if (!found) allKnown = false;
    }
    return allKnown;
  }

  /** Swaps in freshly loaded pages at once, so a reload never flashes empty rows. */
  replaceAll(pages: ReadonlyMap<number, HistoryEntry[]>, total: number): void {
    this.#pages.clear();
    this.#pending.clear();
    for (const [page, rows] of pages) this.#pages.set(page, rows);
    this.total = total;
  }

  loadedPages(): number[] {
    return [...this.#pages.keys()];
  }

  clear(): void {
    this.#pages.clear();
    this.#pending.clear();
  }
}
