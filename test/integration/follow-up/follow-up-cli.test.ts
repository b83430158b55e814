// What Clearfacts did with a delivered invoice (issue #16), through the real engine and then the
// CLI on the same config folder: `history --json` carries `inClearfacts`, `history` shows it in
// its IN CLEARFACTS column, and `--in-clearfacts` filters on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { SMALL_JPEG } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { runCli } from '../../support/cli-process.ts';

test('history --json includes what Clearfacts said; history shows it and filters on it', async (t) => {
  // Processed at once, unpaid: the docs' own example answer.
  const emulator = await startTestEmulator(t);
  const harness = await startEngine(t, { emulator });
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const file = path.join(harness.root, 'bonnetje.jpg');
  await writeFile(file, SMALL_JPEG);
  await harness.engine.handlers['drop.send']({
    paths: [file],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const delivered = await harness.waitForEntry(
    'the receipt delivered',
    (entry) => entry.uuid !== null,
  );
  // An archive document: its cell names the category by its name, as the UI does (attack F2).
  const category = administration.categories.various[0];
  assert.ok(category);
  const contract = path.join(harness.root, 'contract.jpg');
  await writeFile(contract, Buffer.concat([SMALL_JPEG, Buffer.from('another document')]));
  await harness.engine.handlers['drop.send']({
    paths: [contract],
    companyNumber: administration.companyNumber,
    destination: { type: 'various', categoryId: category.id },
  });
  await harness.waitForEntry(
    'the contract archived',
    (entry) => entry.fileName === 'contract.jpg' && entry.uuid !== null,
  );
  // The user opens the row: asked at once, not at the schedule's first check (2 min).
  await harness.engine.handlers['followUp.checkNow']({ id: delivered.id });
  await harness.waitForEntry(
    'Clearfacts asked about the receipt',
    (entry) => entry.id === delivered.id && entry.inClearfacts?.status === 'unpaid',
  );
  await harness.stop();

  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl };
  const json = await runCli(context, ['history', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const row = (JSON.parse(json.stdout) as { rows: HistoryEntry[] }).rows.find(
    (entry) => entry.id === delivered.id,
  );
  assert.equal(row?.inClearfacts?.status, 'unpaid');
  assert.equal(row.inClearfacts.paymentState, 'UNPAID');
  // The emulator's document date is the upload's day (its README), as Clearfacts' example has one.
  assert.match(row.inClearfacts.documentDate ?? '', /^\d{4}-\d{2}-\d{2}$/);

  const table = await runCli(context, ['history']);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /IN CLEARFACTS/);
  assert.match(
    table.stdout,
    /bonnetje\.jpg.*(Processed|Verwerkt|Traité) · .+ · (unpaid|onbetaald|impayé)/,
  );
  const inEnglish = await runCli(
    { ...context, token: emulator.demoToken, env: { LC_ALL: 'en_GB.UTF-8' } },
    ['history'],
  );
  assert.match(inEnglish.stdout, new RegExp(`contract\\.jpg.*In the archive · ${category.name}`));

  const paid = await runCli(context, ['history', '--in-clearfacts', 'paid', '--json']);
  assert.equal((JSON.parse(paid.stdout) as { rows: HistoryEntry[] }).rows.length, 0);
  const wrong = await runCli(context, ['history', '--in-clearfacts', 'betaald']);
  assert.equal(wrong.code, 2, 'an unknown state is a usage error');
});

test('the CLI takes the follow-up pacing and schedule from its tuning; a wrong schedule is refused', async (t) => {
  // Attack F3: CLEARFACTS_UPLOADER_TUNING refused followUpSpacingMs / followUpOffsetsMs, so a
  // CLI process (watch, ui) could not be paced the way the engine can.
  const configDir = await mkdtemp(path.join(tmpdir(), 'cfu-follow-up-tuning-'));
  t.after(() => rm(configDir, { recursive: true, force: true }));
  // Nothing listens there: `history` reads the local history only.
  const context = { configDir, apiUrl: 'http://127.0.0.1:9/graphql' };
  const tuned = await runCli(
    {
      ...context,
      tuning: JSON.stringify({ followUpSpacingMs: 1_000, followUpOffsetsMs: [0, 60_000] }),
    },
    ['history', '--json'],
  );
  assert.equal(tuned.code, 0, tuned.stderr);
  const descending = await runCli(
    { ...context, tuning: JSON.stringify({ followUpOffsetsMs: [60_000, 0] }) },
    ['history'],
  );
  assert.equal(descending.code, 2, 'offsets must be ascending');
  assert.match(descending.stderr, /followUpOffsetsMs/);
});
