// Fills an engine's history with files it "already delivered", through the engine's own store
// code, so the rows are exactly what a long run leaves: archived, with size, mtime, hash and uuid.
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
}

export function seedDeliveredRows(databaseFile: string, rows: Iterable<DeliveredRow>): number {
  const db = openHistoryDatabase(databaseFile);
  try {
    const repository = createHistoryRepository(db);
    let count = 0;
    db.transaction(() => {
      for (const row of rows) {
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
      }
    })();
    return count;
  } finally {
    db.close();
  }
}
