// An accountant binds one root: the engine builds a folder per administration with its trays and
// archive categories from the API, routes every file by where it lies, moves it within its own
// destination folder, says why a stray file is not sent, and rebuilds the tree on refresh.
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { monthFolder, startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('an accountant tree is built from the API and routes files by their folder', async (t) => {
  const emulator = await startTestEmulator(t);
  const root = folder(tempDir(t, 'tree'), 'Klanten');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  const added = await harness.engine.handlers['folders.addTree']({ path: root });
  const views = added.folders;
  assert.equal(views[0]?.binding.mode, 'accountant-tree');

  const administrations = emulator.seed.administrations;
  const folderOf = (companyNumber: string) => {
    const name = readdirSync(root).find((entry) => entry.endsWith(`(${companyNumber})`));
    assert.ok(name, `a folder for ${companyNumber}`);
    return path.join(root, name);
  };
  for (const administration of administrations) {
    const own = folderOf(administration.companyNumber);
    assert.ok(existsSync(path.join(own, 'Purchase')) && existsSync(path.join(own, 'Sales')));
    for (const category of administration.categories.various) {
      assert.ok(readdirSync(path.join(own, 'Archive', 'Various')).length >= 1, category.name);
    }
  }

  const [first, second] = administrations;
  assert.ok(first && second);
  const category = second.categories.permanent[0];
  assert.ok(category);
  const purchaseDir = path.join(folderOf(first.companyNumber), 'Purchase');
  const archiveDir = path.join(
    folderOf(second.companyNumber),
    'Archive',
    'Permanent',
    category.name,
  );
  assert.ok(existsSync(archiveDir), 'category folders carry the category name');
  await writeFile(path.join(purchaseDir, 'invoice.pdf'), await pdfBytes(2, { label: 'invoice' }));
  await writeFile(path.join(archiveDir, 'statutes.pdf'), await pdfBytes(4, { label: 'statutes' }));
  await writeFile(
    path.join(folderOf(first.companyNumber), 'stray.pdf'),
    await pdfBytes(1, { label: 'stray' }),
  );

  await harness.until('both routed files are archived', () =>
    ['invoice.pdf', 'statutes.pdf'].every((name) =>
      [...harness.entries.values()].some(
        (entry) => entry.fileName === name && entry.state === 'archived',
      ),
    ),
  );
  const uploads = emulator.uploads();
  const invoice = uploads.find((upload) => upload.filename === 'invoice.pdf');
  assert.equal(invoice?.companyNumber, first.companyNumber);
  assert.equal(invoice?.invoiceType, 'PURCHASE');
  const statutes = uploads.find((upload) => upload.filename === 'statutes.pdf');
  assert.equal(statutes?.companyNumber, second.companyNumber);
  assert.equal(statutes?.archiveType, 'PERMANENT');
  assert.equal(statutes?.categoryId, category.id);
  assert.ok(existsSync(path.join(purchaseDir, '_uploaded', monthFolder(), 'invoice.pdf')));
  assert.ok(existsSync(path.join(archiveDir, '_uploaded', monthFolder(), 'statutes.pdf')));

  const listed = await harness.engine.handlers['folders.list']({});
  assert.ok(listed.revision > added.revision, 'a later read of the folders has a higher revision');
  const [tree] = listed.folders;
  assert.match(englishOf(tree?.reason), /1 file is not in a destination folder.*stray\.pdf/);
  assert.ok(
    existsSync(path.join(folderOf(first.companyNumber), 'stray.pdf')),
    'a stray file is left alone',
  );
  assert.equal(uploads.length, 2);

  // A refresh of the administrations rebuilds what is missing.
  rmSync(path.join(folderOf(second.companyNumber), 'Sales'), { recursive: true });
  await harness.engine.handlers['administrations.list']({ refresh: true });
  await harness.until(
    'the Sales folder is back',
    () => existsSync(path.join(folderOf(second.companyNumber), 'Sales')),
    30_000,
  );
});
