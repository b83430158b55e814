// The history can hold 50,000 rows and more: the list asks core for the pages that scroll into
// view (history.query with offset and limit) and keeps them here, so scrolling back is instant.
import type { HistoryEntry } from '../../src-main/contract/domain.ts';

export const HISTORY_PAGE_SIZE = 200;

/**
 * A request for history pages on its way to core. Its answer is a snapshot taken when core read
 * it, and a history.changed event sent after that snapshot may reach the screen before the answer
 * does (in browser mode they travel on different connections): the changes heard since the
 * request was sent are applied again over its answer, in the order heard, so the newest wins.
 */
export interface PageRequest {
  /** How many changes had been heard when the request was sent. */
  readonly heardBefore: number;
}

export class HistoryPages {
  readonly pageSize: number;
  total: number | null = null;
  readonly #pages = new Map<number, HistoryEntry[]>();
  readonly #pending = new Set<number>();
  readonly #open = new Set<PageRequest>();
  /** Changes heard while a request was open; entry i is the change numbered #heardBase + i. */
  #heard: HistoryEntry[] = [];
  #heardBase = 0;

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

  /** Call as a request for pages is sent; give the answer back with it, or end it. */
  beginRequest(): PageRequest {
    const request = { heardBefore: this.#heardBase + this.#heard.length };
    this.#open.add(request);
    return request;
  }

  /** The request's answer will not be stored (it failed, or newer filters replaced it). */
  endRequest(request: PageRequest): void {
    this.#open.delete(request);
    if (this.#open.size === 0) {
      this.#heardBase += this.#heard.length;
      this.#heard = [];
    }
  }

  /** Stores the answer to `request` for `page`, with the changes heard since it was sent. */
  store(page: number, rows: HistoryEntry[], total: number, request: PageRequest): void {
    this.#pending.delete(page);
    this.#pages.set(page, rows);
    this.total = total;
    this.#applyHeardSince(request, [rows]);
    this.endRequest(request);
  }

  forget(page: number, request: PageRequest): void {
    this.#pending.delete(page);
    this.endRequest(request);
  }

  /**
   * The first rows an empty, unfiltered history hears become the list at once, newest (highest
   * id) first as core orders it, so the screen never says "No documents yet" beside a status bar
   * counting them while the reload is on its way (issue #14 finding 13). The reload that follows
   * replaces them with core's pages. False (nothing changed) when the list was not empty.
   */
  showFirstRows(entries: readonly HistoryEntry[]): boolean {
    if (this.total !== 0 || entries.length === 0) return false;
    this.#pages.set(
      0,
      [...entries].sort((a, b) => b.id - a.id),
    );
    this.total = entries.length;
    return true;
  }

  /**
   * Applies changed rows in place. Answers false when a row is new to us (an insert shifts every
   * offset, so the caller reloads) and true when every change landed on a loaded row.
   */
  patch(entries: readonly HistoryEntry[]): boolean {
    if (this.#open.size > 0) this.#heard.push(...entries);
    let allKnown = true;
    for (const entry of entries) {
      if (!replaceRow(this.#pages.values(), entry)) allKnown = false;
    }
    return allKnown;
  }

  /**
   * Applies the row an action answered with (retry, resend, mark done…), unless the row held is
   * as recent or more (its `updatedAt`): the events of what followed the action (the resend
   * uploading, then uploaded) may arrive before the action's own answer, which must not take the
   * row back. A tie keeps the row held: the action's own change comes as an event as well.
   */
  applyAnswer(entry: HistoryEntry): void {
    for (const rows of this.#pages.values()) {
      const at = rows.findIndex((row) => row.id === entry.id);
      const held = rows[at];
      if (held === undefined) continue;
      if (Date.parse(held.updatedAt) < Date.parse(entry.updatedAt)) rows[at] = entry;
      return;
    }
  }

  /**
   * Swaps in freshly loaded pages at once, so a reload never flashes empty rows, with the changes
   * heard since `request` was sent.
   */
  replaceAll(
    pages: ReadonlyMap<number, HistoryEntry[]>,
    total: number,
    request: PageRequest,
  ): void {
    this.#pages.clear();
    this.#pending.clear();
    for (const [page, rows] of pages) this.#pages.set(page, rows);
    this.total = total;
    this.#applyHeardSince(request, [...pages.values()]);
    this.endRequest(request);
  }

  #applyHeardSince(request: PageRequest, pages: readonly HistoryEntry[][]): void {
    for (const entry of this.#heard.slice(Math.max(0, request.heardBefore - this.#heardBase))) {
      replaceRow(pages, entry);
    }
  }

  loadedPages(): number[] {
    return [...this.#pages.keys()];
  }

  clear(): void {
    this.#pages.clear();
    this.#pending.clear();
  }
}

/** Puts `entry` in place of the row with its id; false when no page holds that row. */
function replaceRow(pages: Iterable<HistoryEntry[]>, entry: HistoryEntry): boolean {
  for (const rows of pages) {
    const at = rows.findIndex((row) => row.id === entry.id);
    if (at !== -1) {
      rows[at] = entry;
      return true;
    }
  }
  return false;
}
