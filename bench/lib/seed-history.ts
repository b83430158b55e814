// Fills an engine's history with files it "already delivered", through the engine's own store
// code, so the rows are exactly what a long run leaves: archived, with size, mtime, hash and uuid,
// and split batches' parts as their original's children.
import { randomUUID } from 'node:crypto';
import type { Destination } from '../../src-main/contract/domain.ts';
import { openHistoryDatabase } from '../../src-main/core/store/history-database.ts';
import { createHistoryRepository } from '../../src-main/core/store/history-repository.ts';

export interface DeliveredRow {
  path: string;
  fileName: string;
  folderId: string;
  watchRoot: string;
  companyNumber: string;
  destination: Destination;
  sizeBytes: number;
  mtimeMs: number;
  sha256: string;
  pages: number;
  /** Where the file was moved; null when it was left in place. */
  archivedPath: string | null;
  /** A split batch's parts (issue #17), seeded as its children in this order. */
  parts?: readonly DeliveredPart[];
}

/** A part of a seeded batch: its own delivered row and the original's pages it holds. */
export interface DeliveredPart extends Omit<DeliveredRow, 'parts'> {
  pageRange: { first: number; last: number };
}

/** Seeds the rows (and their parts) in one transaction; returns how many rows it wrote. */
export function seedDeliveredRows(databaseFile: string, rows: Iterable<DeliveredRow>): number {
  const db = openHistoryDatabase(databaseFile);
  try {
    const repository = createHistoryRepository(db);
    let count = 0;
    const seed = (
      row: Omit<DeliveredRow, 'parts'>,
      parent?: { id: number; part: DeliveredPart },
    ) => {
      const inserted = repository.insert({
        path: row.path,
        fileName: row.fileName,
        folderId: row.folderId,
        watchRoot: row.watchRoot,
        source: 'watch',
        companyNumber: row.companyNumber,
        destination: row.destination,
        state: 'uploaded',
        sizeBytes: row.sizeBytes,
        mtimeMs: row.mtimeMs,
        ...(parent === undefined ? {} : { parentId: parent.id, pageRange: parent.part.pageRange }),
      });
      repository.transition(inserted.id, 'archived', {
        kind: 'pdf',
        sha256: row.sha256,
        pages: row.pages,
        uuid: randomUUID().toUpperCase(),
        uploadedAt: Date.now(),
        archivedPath: row.archivedPath,
        attempts: 1,
      });
      count += 1;
      return inserted.id;
    };
    db.transaction(() => {
      for (const row of rows) {
        const id = seed(row);
        for (const part of row.parts ?? []) seed(part, { id, part });
      }
    })();
    return count;
  } finally {
    db.close();
  }
}
