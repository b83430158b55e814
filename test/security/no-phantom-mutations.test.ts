// A client may send a mutation only to deliver a file the user gave it. The emulator keeps every
// upload mutation that arrives without a file (a "phantom document"); after signing in, checking
// the token again and a whole session that delivers both kinds of document, there must be none.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { seedData } from '../emulator/index.ts';
import { isSettled, startEngine } from '../support/engine-harness.ts';
import { writeValidPdf } from '../support/hostile-files.ts';

const [administration] = seedData.administrations;
assert.ok(administration !== undefined);

test('sign-in, token check and a full session send no mutation without a file', async (t) => {
  const harness = await startEngine(t, { token: null, signIn: true });
  const { engine, emulator } = harness;
  const signedIn = await engine.handlers['session.get']({});
  assert.equal(signedIn.signedIn, true);
  await engine.handlers['session.get']({ verify: true });
  assert.deepEqual(emulator.phantoms(), [], 'signing in and checking the token sent a mutation');
  assert.deepEqual(
    signedIn.uncheckedScopes,
    ['upload_document', 'archive_actions'],
    'upload scopes are checked at the first upload, never by a probe',
  );

  const category = administration.categories.various[0];
  assert.ok(category !== undefined);
  const invoices = await harness.addFolder('invoices', administration.companyNumber, {
    type: 'purchase',
  });
  const archive = await harness.addFolder('archive', administration.companyNumber, {
    type: 'various',
    categoryId: category.id,
  });
  await writeValidPdf(path.join(invoices, 'invoice.pdf'));
  await writeValidPdf(path.join(archive, 'contract.pdf'));
  await harness.until(
    'both files delivered',
    () => [...harness.entries.values()].filter(isSettled).length === 2,
  );
  const after = await engine.handlers['session.get']({});
  assert.deepEqual(after.uncheckedScopes, [], 'the first uploads confirmed both upload scopes');
  assert.ok(after.scopes.includes('upload_document') && after.scopes.includes('archive_actions'));
  assert.equal(emulator.uploads().length, 2);
  assert.deepEqual(emulator.phantoms(), [], 'a mutation was sent without a file');
});
