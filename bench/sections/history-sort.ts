// History sorted as the screen sorts it (issue #17): a batch's parts right after their original,
// newest first, served by the expression index files_batch_order (migration 9). The history is
// seeded with delivered files, one in ten a split batch of three parts, and the first page the
// History screen asks for is timed on a freshly opened database, beside the same query on a copy
// of the database without that index.
import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { openHistoryDatabase } from '../../src-main/core/store/history-database.ts';
import { createHistoryRepository } from '../../src-main/core/store/history-repository.ts';
import { seedDeliveredRows, type DeliveredRow } from '../lib/seed-history.ts';

export interface HistorySortResult {
  rows: number;
  /** Wall time of each first-page query, ms, each on a database opened for it. */
  indexedMs: number[];
  /** The same query once on a copy without files_batch_order, ms. */
  unindexedMs: number;
  /** SQLite's plan for the query with the index: it must name files_batch_order. */
  plan: string;
}

/** The page the History screen asks for (HISTORY_PAGE_SIZE in src-renderer/lib/history-pages.ts). */
const PAGE_SIZE = 200;
const PARTS_PER_BATCH = 3;
const BATCH_EVERY = 10;
const ORDER_INDEX = 'files_batch_order';

function* delivered(rows: number): Generator<DeliveredRow> {
  let written = 0;
  for (let index = 0; written < rows; index += 1) {
    const sha256 = createHash('sha256').update(`history-sort-${index}`).digest('hex');
    const base: DeliveredRow = {
      path: `/scans/Scan ${index}.pdf`,
      fileName: `Scan ${index}.pdf`,
      folderId: 'history-sort',
      watchRoot: '/scans',
      companyNumber: '0412345614',
      destination: { type: 'purchase' },
      sizeBytes: 200_000,
      mtimeMs: 1_790_000_000_000 + index,
      sha256,
      pages: PARTS_PER_BATCH,
      archivedPath: null,
    };
    const batch = index % BATCH_EVERY === 0 && written + 1 + PARTS_PER_BATCH <= rows;
    const parts = batch
      ? Array.from({ length: PARTS_PER_BATCH }, (_, part) => ({
          ...base,
          path: `/parts/${index}/${part + 1}.pdf`,
          fileName: `Scan ${index} (p. ${part + 1}).pdf`,
          sha256: createHash('sha256').update(`${sha256}-${part}`).digest('hex'),
          pages: 1,
          pageRange: { first: part + 1, last: part + 1 },
        }))
      : [];
    written += 1 + parts.length;
    yield { ...base, parts };
  }
}

function timeFirstPage(databaseFile: string): number {
  const db = openHistoryDatabase(databaseFile);
  try {
    const repository = createHistoryRepository(db);
    const started = performance.now();
    const page = repository.query({}, 0, PAGE_SIZE);
    const ms = performance.now() - started;
    if (page.rows.length !== PAGE_SIZE) throw new Error(`the first page held ${page.rows.length}`);
    return ms;
  } finally {
    db.close();
  }
}

/** The query plan SQLite chooses for the History screen's order, as one line. */
function planOf(databaseFile: string): string {
  const db = openHistoryDatabase(databaseFile);
  try {
    return db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM files
         ORDER BY coalesce(parent_id, id) DESC, parent_id IS NOT NULL, first_page, id DESC
         LIMIT ? OFFSET ?`,
      )
      .all(PAGE_SIZE, 0)
      .map((step) => String((step as { detail: unknown }).detail))
      .join('; ');
  } finally {
    db.close();
  }
}

export async function measureHistorySort(
  workDir: string,
  rows: number,
  runs: number,
): Promise<HistorySortResult> {
  const databaseFile = path.join(workDir, 'history-sort', 'history.sqlite');
  const seeded = seedDeliveredRows(databaseFile, delivered(rows));
  const indexedMs: number[] = [];
  for (let run = 0; run < runs; run += 1) indexedMs.push(timeFirstPage(databaseFile));
  const plan = planOf(databaseFile);
  if (!plan.includes(ORDER_INDEX))
    throw new Error(`the query does not use ${ORDER_INDEX}: ${plan}`);
  const unindexedFile = path.join(workDir, 'history-sort', 'without-index.sqlite');
  await copyFile(databaseFile, unindexedFile);
  const db = openHistoryDatabase(unindexedFile);
  try {
    db.exec(`DROP INDEX ${ORDER_INDEX}`);
  } finally {
    db.close();
  }
  return { rows: seeded, indexedMs, unindexedMs: timeFirstPage(unindexedFile), plan };
}
