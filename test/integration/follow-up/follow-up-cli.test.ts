// What Clearfacts did with a delivered invoice (issue #16), through the real engine and then the
// CLI on the same config folder: `history --json` carries `inClearfacts`, `history` shows it in
// its IN CLEARFACTS column, and `--in-clearfacts` filters on it. `status` and `history` say when
// the running engine's follow-up is paused, in nl, fr and en.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FollowUpStatus, HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { SMALL_JPEG } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { health, runCli } from '../../support/cli-process.ts';
import { withDeadline } from '../../support/waiting.ts';

/** Starts an emulator and an engine, and delivers one receipt to the first administration. */
async function deliverReceipt(t: TestContext) {
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
  return { emulator, harness, administration, delivered };
}

test('history --json includes what Clearfacts said; history shows it and filters on it', async (t) => {
  // Processed at once, unpaid: the docs' own example answer.
  const { emulator, harness, administration, delivered } = await deliverReceipt(t);
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
  // #16 leftover: the archive row's cell says "In the archive · <category>", and its JSON said
  // null. Now the JSON is the cell as data, the category by id and, when it can be read, name.
  const named = await runCli({ ...context, token: emulator.demoToken }, ['history', '--json']);
  const archiveRow = (JSON.parse(named.stdout) as { rows: Record<string, unknown>[] }).rows.find(
    (entry) => entry['fileName'] === 'contract.jpg',
  );
  assert.deepEqual(archiveRow?.['inClearfacts'], {
    status: 'archive',
    categoryId: category.id,
    category: category.name,
  });

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

test('status and history say the running engine paused its follow-up, in nl, fr and en', async (t) => {
  // Review F7: the pause was named only on the History screen; a CLI user saw a stale IN
  // CLEARFACTS column without being told why.
  const { emulator, harness, delivered } = await deliverReceipt(t);
  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl };
  const active = await runCli({ ...context, env: { LC_ALL: 'en_GB.UTF-8' } }, ['status']);
  assert.doesNotMatch(active.stdout, /Follow-up/, 'nothing said while it asks as planned');

  // Clearfacts answers 429 with a long Retry-After: paused until well after the test.
  emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 600, appliesTo: 'all' });
  const paused = withDeadline(
    'the follow-up paused on the 429',
    new Promise<void>((resolve) => {
      const stop = harness.engine.subscribe((channel, payload) => {
        if (channel !== 'followUp.changed') return;
        if ((payload as FollowUpStatus).state !== 'paused_rate_limit') return;
        stop();
        resolve();
      });
    }),
  );
  await harness.engine.handlers['followUp.checkNow']({ id: delivered.id });
  await paused;

  const json = await health(context);
  assert.equal(json.json.running, true);
  assert.equal(json.json.followUp.state, 'paused_rate_limit');
  const historyJson = await runCli(context, ['history', '--json']);
  assert.equal(
    (JSON.parse(historyJson.stdout) as { followUp: FollowUpStatus }).followUp.state,
    'paused_rate_limit',
  );
  // The words as the catalogues' translators wrote them.
  const expected = [
    ['en_GB.UTF-8', 'Follow-up', 'Clearfacts asked to slow down; following up resumes later.'],
    [
      'nl_BE.UTF-8',
      'Opvolging',
      'Clearfacts vroeg om trager te gaan; het opvolgen gaat later verder.',
    ],
    ['fr_BE.UTF-8', 'Suivi', 'Clearfacts a demandé de ralentir ; le suivi reprendra plus tard.'],
  ] as const;
  for (const [locale, label, sentence] of expected) {
    const env = { LC_ALL: locale };
    const status = await runCli({ ...context, env }, ['status']);
    assert.ok(
      status.stdout
        .split('\n')
        .some((line) => line.startsWith(`${label}:`) && line.endsWith(sentence)),
      `${locale} status: ${status.stdout}`,
    );
    const history = await runCli({ ...context, env }, ['history']);
    assert.ok(
      history.stdout.split('\n').includes(sentence),
      `${locale} history: ${history.stdout}`,
    );
  }
  emulator.setFaults({});
});
