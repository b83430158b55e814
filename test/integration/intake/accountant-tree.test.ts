// An accountant's root, materialised from API data and watched: files route by their path, and
// the ones that lead nowhere are reported once with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveCategories } from '../../../src-main/contract/domain.ts';
import { resolveCategoryByFolderName } from '../../../src-main/core/folders/accountant-tree-names.ts';
import { materializeAccountantTree } from '../../../src-main/core/folders/materialize-accountant-tree.ts';
import { Cleanup, pdfBytes, startHarness } from './intake-harness.ts';

test('files in a materialised accountant tree reach their administration and destination', async (t) => {
  const cleanup = new Cleanup(t);
  const root = await cleanup.tempDir();
  const categories = new Map<string, ArchiveCategories>([
    ['0123456789', { various: [{ id: 'bank-id', name: 'Bank: KBC' }], permanent: [] }],
  ]);
  await materializeAccountantTree(
    root,
    [{ companyNumber: '0123456789', name: 'Bakkerij Peeters' }],
    categories,
  );
  const { intake, recorder } = startHarness(
    cleanup,
    [{ id: 'tree', mode: 'accountant-tree', path: root }],
    {
      resolveCategoryId: (companyNumber, type, folderName) => {
        const known = categories.get(companyNumber);
        return known === undefined ? null : resolveCategoryByFolderName(known[type], folderName);
      },
    },
  );
  await intake.start();

  const administration = path.join(root, 'Bakkerij Peeters (0123456789)');
  const purchase = path.join(administration, 'Purchase', 'invoice.pdf');
  const bank = path.join(administration, 'Archive', 'Various', 'Bank_ KBC', 'statement.pdf');
  const loose = path.join(root, 'loose.pdf');
  const unknownCategory = path.join(administration, 'Archive', 'Various', 'Leasing', 'x.pdf');
  await mkdir(path.dirname(unknownCategory));
  for (const file of [purchase, bank, loose, unknownCategory]) {
    await writeFile(file, pdfBytes(file));
  }

  const purchaseReady = await recorder.ready(purchase);
  const bankReady = await recorder.ready(bank);
  assert.ok(purchaseReady.kind === 'ready' && bankReady.kind === 'ready');
  assert.equal(purchaseReady.file.companyNumber, '0123456789');
  assert.deepEqual(purchaseReady.file.destination, { type: 'purchase' });
  assert.deepEqual(bankReady.file.destination, { type: 'various', categoryId: 'bank-id' });

  const looseReport = await recorder.waitFor(
    'loose unroutable',
    (event) => event.kind === 'unroutable' && event.path === loose,
  );
  assert.ok(looseReport.kind === 'unroutable');
  assert.match(looseReport.reason, /directly in the accountant folder/);
  await recorder.waitFor(
    'unknown category unroutable',
    (event) => event.kind === 'unroutable' && event.path === unknownCategory,
  );

  // Reported once, however often it is seen again; routed once its category exists.
  await intake.rescan();
  assert.equal(recorder.count('unroutable', loose), 1);
  categories.set('0123456789', {
    various: [
      { id: 'bank-id', name: 'Bank: KBC' },
      { id: 'leasing-id', name: 'Leasing' },
    ],
    permanent: [],
  });
  await intake.rescan();
  const leasingReady = await recorder.ready(unknownCategory);
  assert.ok(leasingReady.kind === 'ready');
  assert.deepEqual(leasingReady.file.destination, { type: 'various', categoryId: 'leasing-id' });
  assert.equal(recorder.count('seen', loose), 0);
});
