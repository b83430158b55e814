// The delivery journal keeps every whole record and skips a line torn by a crash mid-append.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createDeliveryJournal,
  type DeliveryRecord,
} from '../../../../src-main/core/store/delivery-journal.ts';
import { tempDir } from '../../../support/temp-folders.ts';

const record = (uuid: string): DeliveryRecord => ({
  at: 1_700_000_000_000,
  companyNumber: '0123456789',
  sha256: 'a'.repeat(64),
  uuid,
  path: '/scans/Factuur.pdf',
  fileName: 'Factuur.pdf',
  folderId: 'f1',
  watchRoot: '/scans',
  source: 'watch',
  destination: { type: 'purchase' },
  sizeBytes: 1234,
  mtimeMs: 1_700_000_000_000.5,
});

test('records read back in order; a torn last line is counted, not fatal', async (t) => {
  const file = path.join(tempDir(t, 'journal'), 'deliveries.jsonl');
  const journal = createDeliveryJournal(file);
  assert.deepEqual(journal.read(), { records: [], damagedLines: 0 });
  journal.append(record('u1'));
  journal.append(record('u2'));
  await appendFile(file, '{"at":17000000000');
  assert.deepEqual(journal.read(), { records: [record('u1'), record('u2')], damagedLines: 1 });
});
