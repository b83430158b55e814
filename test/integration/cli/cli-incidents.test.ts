// Issue #10, incidents in the CLI: two outages leave their unconfirmed files in two incidents;
// `history --incidents` lists each under its heading (in the CLI's language, with the check-in-
// Clearfacts guide), `mark-done --incident` records one outage's files as arrived and
// `resend --incident` sends the other's again, each touching only its own outage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import type { UnconfirmedIncident } from '../../../src-main/contract/domain.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { causeOutage } from '../../support/outage.ts';
import { runCli } from '../../support/cli-process.ts';

test('history --incidents lists each outage; mark-done and resend --incident decide one outage', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const token = emulator.addToken([...ALL_SCOPES]);
  const harness = await startEngine(t, { emulator, token, tuning: { apiTimeoutMs: 2_000 } });
  const dir = await harness.addFolder('scans', administration.companyNumber, { type: 'purchase' });
  const first = await causeOutage(harness.engine, emulator, dir, ['a-1.pdf', 'a-2.pdf']);
  const second = await causeOutage(harness.engine, emulator, dir, ['b-1.pdf', 'b-2.pdf']);
  assert.ok(second.incidentAt > first.incidentAt);
  await harness.stop();

  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl, token };
  const dutch = { ...context, env: { LC_ALL: 'nl_BE.UTF-8' } };

  const listed = await runCli(dutch, ['history', '--incidents']);
  assert.equal(listed.code, 0, listed.stderr);
  for (const incident of [first, second]) {
    const count = incident.files.length;
    assert.match(
      listed.stdout,
      new RegExp(
        `Clearfacts bevestigde ${count} verzending(en)? niet tijdens de storing die begon op .+ \\[--incident ${incident.incidentAt}\\]`,
      ),
    );
    for (const file of incident.files) assert.match(listed.stdout, new RegExp(file.fileName));
    assert.match(
      listed.stdout,
      new RegExp(
        `mark-done --incident ${incident.incidentAt} +\\| +resend --incident ${incident.incidentAt}`,
      ),
    );
  }
  assert.match(listed.stdout, /open elke administratie in Clearfacts/);
  assert.match(listed.stdout, /^ID +BESTAND +NAAR +VERZONDEN$/m, 'the table speaks Dutch too');
  assert.doesNotMatch(listed.stdout, /did not confirm|outage/, 'no English sentence in Dutch');

  const json = await runCli(context, ['history', '--incidents', '--json']);
  const { incidents } = JSON.parse(json.stdout) as { incidents: UnconfirmedIncident[] };
  assert.deepEqual(
    incidents.map((incident) => [incident.incidentAt, incident.files.map((file) => file.id)]),
    [second, first].map((incident) => [incident.incidentAt, incident.files.map((file) => file.id)]),
    'newest outage first, each with its files',
  );

  const unknown = await runCli(context, ['mark-done', '--incident', '12345']);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /No unconfirmed files belong to the outage of/);
  const both = await runCli(context, ['mark-done', '1', '--incident', String(first.incidentAt)]);
  assert.equal(both.code, 2, 'an id and --incident together is bad usage');

  const uploadsBefore = emulator.uploads().length;
  const marked = await runCli(context, ['mark-done', '--incident', String(first.incidentAt)]);
  assert.equal(marked.code, 0, marked.stderr);
  assert.match(marked.stdout, new RegExp(`${first.files.length} files? of this outage`));
  assert.equal(emulator.uploads().length, uploadsBefore, 'marking done sends nothing');

  const resent = await runCli(context, ['resend', '--incident', String(second.incidentAt)]);
  assert.equal(resent.code, 0, resent.stderr + resent.stdout);
  for (const file of second.files) {
    assert.equal(
      emulator.uploads().filter((upload) => upload.filename === file.fileName).length,
      2,
      `${file.fileName} sent again, as the user chose`,
    );
  }
  for (const file of first.files) {
    assert.equal(
      emulator.uploads().filter((upload) => upload.filename === file.fileName).length,
      1,
      `${file.fileName} of the other outage not sent again`,
    );
  }
  const after = await runCli(context, ['history', '--incidents', '--json']);
  assert.deepEqual(JSON.parse(after.stdout), { incidents: [] });
});
