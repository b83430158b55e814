// The check worker's budgets: a file over its time or memory budget gets its own outcome, the
// worker is replaced, and the next file is read normally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPdfReadingService } from '../../../../src-main/core/documents/pdf-reading-service.ts';
import { manyObjectsPdf, pageTreePdf } from '../../../fixtures/pdf-variants.ts';

test('over the time budget: its own outcome, and the next file is read by a new worker', async (t) => {
  const service = createPdfReadingService({ timeMs: 1, memoryBytes: 1024 ** 3, pollMs: 1000 });
  t.after(() => service.close());
  const big = manyObjectsPdf(65_000);
  assert.deepEqual(await service.read(big), { outcome: 'over_budget', resource: 'time', limit: 1 });
  const roomy = createPdfReadingService();
  t.after(() => roomy.close());
  assert.deepEqual(await roomy.read(pageTreePdf({ pages: 3 })), {
    outcome: 'read',
    pages: 3,
    xfaOnly: false,
  });
});

test('over the memory budget (ArrayBuffers included): its own outcome, then reads go on', async (t) => {
  // 64 MiB: the worker's own heap (pdf.js loaded) stays under it; a 120 MB file does not.
  const budget = 64 * 1024 * 1024;
  const service = createPdfReadingService({ timeMs: 60_000, memoryBytes: budget, pollMs: 5 });
  t.after(() => service.close());
  const padded = Buffer.concat([pageTreePdf({ pages: 2 }), Buffer.alloc(120 * 1024 * 1024)]);
  assert.deepEqual(await service.read(padded), {
    outcome: 'over_budget',
    resource: 'memory',
    limit: budget,
  });
  const after = await service.read(pageTreePdf({ pages: 4 }));
  assert.equal(after.outcome === 'read' ? after.pages : null, 4);
});
