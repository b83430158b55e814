// A real SQLite history in a temp folder, removed when the test ends, and the file row the
// history tests start from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { openHistoryDatabase } from '../../src-main/core/store/history-database.ts';
import {
  createHistoryRepository,
  type NewFile,
} from '../../src-main/core/store/history-repository.ts';

/** The database, its file and a repository over it; `now` is the repository's clock. */
export function openTempHistory(t: Pick<TestContext, 'after'>, now?: () => number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-history-'));
  const file = path.join(dir, 'history.sqlite');
  const db = openHistoryDatabase(file);
  t.after(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, repository: createHistoryRepository(db, now) };
}

/** A purchase invoice waiting in a watched folder, with `overrides`. */
export function newFile(overrides: Partial<NewFile> = {}): NewFile {
  return {
    path: '/scans/invoice.pdf',
    fileName: 'invoice.pdf',
    folderId: 'f1',
    watchRoot: '/scans',
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: 'waiting_stability',
    sizeBytes: 1000,
    mtimeMs: 1_700_000_000_123.5,
    ...overrides,
  };
}
