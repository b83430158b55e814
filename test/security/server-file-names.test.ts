// A server (or anything between it and the app) answers every upload with a file name that
// climbs out of the folder. The engine must write only to paths derived from local names: no
// file appears outside the watched and config folders, and the history keeps the local names.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { seedData } from '../emulator/index.ts';
import { startEngineHarness } from '../support/engine-harness.ts';
import { writeValidPdf } from '../support/hostile-files.ts';
import { listFiles } from './support/secret-scan.ts';
import { startRewritingProxy } from './support/rewriting-proxy.ts';

const [purchaseAdministration, archiveAdministration] = seedData.administrations;
if (purchaseAdministration === undefined || archiveAdministration === undefined) {
  throw new Error('the emulator seed needs two administrations');
}

test('file names that come back from the server are never used to write files', async (t) => {
  const marker = `evil-${randomBytes(6).toString('hex')}`;
  const hostileName = `../../${marker}.pdf`;
  let proxy: Awaited<ReturnType<typeof startRewritingProxy>> | null = null;
  const harness = await startEngineHarness({
    wrapApi: async (origin) => (proxy = await startRewritingProxy(origin, hostileName)),
  });
  t.after(() => harness.close());
  const category = archiveAdministration.categories.various[0];
  assert.ok(category);
  const invoices = await harness.addFolder(
    path.join('deep', 'er', 'invoices'),
    purchaseAdministration.companyNumber,
    {
      type: 'purchase',
    },
  );
  const archive = await harness.addFolder(
    path.join('deep', 'er', 'archive'),
    archiveAdministration.companyNumber,
    {
      type: 'various',
      categoryId: category.id,
    },
  );
  const localNames = ['invoice-a.pdf', 'invoice-b.pdf', 'contract.pdf'];
  await writeValidPdf(path.join(invoices, 'invoice-a.pdf'));
  await writeValidPdf(path.join(invoices, 'invoice-b.pdf'));
  await writeValidPdf(path.join(archive, 'contract.pdf'));
  for (const fileName of localNames) {
    await harness.waitForEntry(
      `${fileName} archived`,
      (entry) => entry.fileName === fileName && entry.state === 'archived',
    );
  }
  assert.ok(
    proxy !== null && (proxy as { rewritten: () => number }).rewritten() >= 3,
    'the hostile names were served',
  );

  const history = await harness.allHistory();
  for (const entry of history) {
    assert.ok(
      localNames.includes(entry.fileName),
      `history keeps the local name, got ${entry.fileName}`,
    );
    assert.ok(!(entry.archivedPath ?? '').includes(marker));
  }
  const allowed = [harness.configDir, invoices, archive];
  for (const file of await listFiles(harness.root)) {
    assert.ok(
      allowed.some((folder) => file.startsWith(`${folder}${path.sep}`)),
      `${file} was written outside the watched and config folders`,
    );
    assert.ok(!file.includes(marker), `${file} carries the server's name`);
  }
  for (const folder of [invoices, archive, harness.root, tmpdir(), process.cwd()]) {
    assert.ok(
      !existsSync(path.resolve(folder, hostileName)),
      `nothing at ${path.resolve(folder, hostileName)}`,
    );
    assert.ok(!(await readdir(folder)).some((name) => name.includes(marker)));
  }
});
