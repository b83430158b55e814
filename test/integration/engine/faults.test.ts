// Issue 3, "Done means" 3: with Clearfacts failing in every way the emulator can (5xx, 429 with
// Retry-After, connections reset mid-upload, answers that never come), everything arrives in the
// end, once; a revoked token holds the queue with a clear reason until a new one is set.
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { assertTokenNowhere, logLines, startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

// Each test has its own emulator, engine and folders, and spends its time waiting out Retry-After
// seconds and timed-out answers (7.6 s of CPU in 52.6 s): they wait side by side.
describe('faults of Clearfacts', { concurrency: true }, () => {
  test('under 5xx, 429, resets and hangs every file arrives once or is unconfirmed, never twice', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'faults'), 'scans');
    emulator.setFaults({
      appliesTo: 'uploads',
      errorRate: 0.3,
      errorStatuses: [503],
      // A 503 with Retry-After proves the server did nothing (RFC 9110): retried, never ambiguous.
      errorRetryAfterSeconds: 1,
      rateLimitRate: 0.1,
      retryAfterSeconds: 1,
      resetMidUploadRate: 0.1,
      hangRate: 0.05,
      hangStage: 'after-processing',
      seed: 7,
    });
    const harness = await startEngine(t, {
      emulator,
      token: emulator.demoToken,
      // A hung answer is given up on after this long: then it is ambiguous.
      tuning: { apiTimeoutMs: 1_500 },
    });
    await harness.engine.handlers['folders.add']({
      path: dir,
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });

    const names = Array.from({ length: 40 }, (_, index) => `fault-${index}.pdf`);
    for (const [index, name] of names.entries()) {
      await writeFile(path.join(dir, name), await pdfBytes(1 + (index % 3), { label: name }));
    }
    const settled = () =>
      [...harness.entries.values()].filter(
        (entry) => entry.state === 'archived' || entry.state === 'unconfirmed',
      ).length === names.length;
    await harness.until('every file is archived or unconfirmed', settled, 180_000);
    await harness.engine.whenIdle();

    const uploads = emulator.uploads();
    const history = await harness.engine.handlers['history.query']({
      filter: {},
      offset: 0,
      limit: 100,
    });
    assert.equal(history.total, names.length);
    for (const name of names) {
      const arrived = uploads.filter((upload) => upload.filename === name);
      const entry = history.rows.find((row) => row.fileName === name);
      assert.ok(entry);
      if (entry.state === 'archived') {
        assert.equal(arrived.length, 1, `${name} is in Clearfacts exactly once`);
        assert.equal(entry.uuid, arrived[0]?.uuid);
      } else {
        // A small body leaves whole before a reset mid-upload cuts it: then it is ambiguous too.
        assert.ok(arrived.length <= 1, `${name} is in Clearfacts at most once`);
        assert.equal(entry.state, 'unconfirmed');
        assert.match(englishOf(entry.failure?.message), /may have arrived/);
      }
    }
    const unconfirmed = history.rows.filter((row) => row.state === 'unconfirmed').length;
    t.diagnostic(`${unconfirmed} unconfirmed (hung after processing), ${uploads.length} stored`);
    assert.ok(
      history.rows.some((row) => row.attempts > 1),
      'some files needed retries',
    );

    await harness.engine.stop();
    assertTokenNowhere(harness.configDir, emulator.demoToken);
  });

  test('a gateway that loses 30 % of the answers after the upload was stored: no silent second copy', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'store-then-fail'), 'scans');
    emulator.setFaults({
      appliesTo: 'uploads',
      storeThenFailRate: 0.3,
      // And answers the same way when the backend stored nothing: the client cannot tell them apart.
      errorRate: 0.1,
      errorStatuses: [500, 502],
      seed: 10,
    });
    const harness = await startEngine(t, {
      emulator,
      token: emulator.demoToken,
      tuning: { apiTimeoutMs: 2_000 },
    });
    await harness.engine.handlers['folders.add']({
      path: dir,
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });
    const names = Array.from({ length: 30 }, (_, index) => `gateway-${index}.pdf`);
    for (const [index, name] of names.entries()) {
      await writeFile(path.join(dir, name), await pdfBytes(1 + (index % 3), { label: name }));
    }
    await harness.until(
      'every file is archived or unconfirmed',
      () =>
        names.every((name) =>
          [...harness.entries.values()].some(
            (entry) =>
              entry.fileName === name &&
              (entry.state === 'archived' || entry.state === 'unconfirmed'),
          ),
        ),
      180_000,
    );
    await harness.engine.whenIdle();
    const uploads = emulator.uploads();
    const rows = [...harness.entries.values()];
    let extraCopies = 0;
    for (const name of names) {
      const copies = uploads.filter((upload) => upload.filename === name).length;
      const entry = rows.find((row) => row.fileName === name);
      assert.ok(entry, name);
      assert.ok(copies <= 1, `${name} reached Clearfacts ${copies} times without the user's say`);
      if (entry.state === 'archived') assert.equal(copies, 1, `${name} archived but not stored`);
      else extraCopies += copies;
    }
    const unconfirmed = rows.filter((row) => row.state === 'unconfirmed').length;
    t.diagnostic(
      `${unconfirmed} unconfirmed, ${extraCopies} of them stored; ${uploads.length} stored in all`,
    );
    assert.ok(unconfirmed > 0, 'the faults were exercised');
  });

  test('a revoked token holds the queue with a clear reason until a new token is signed in', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'revoked'), 'scans');
    const firstToken = emulator.addToken([...ALL_SCOPES]);
    const harness = await startEngine(t, { emulator, token: firstToken });
    await harness.engine.handlers['folders.add']({
      path: dir,
      companyNumber: administration.companyNumber,
      destination: { type: 'sale' },
    });
    await writeFile(path.join(dir, 'before.pdf'), await pdfBytes(1, { label: 'before' }));
    await harness.until('the first file is archived', () =>
      [...harness.entries.values()].some(
        (entry) => entry.fileName === 'before.pdf' && entry.state === 'archived',
      ),
    );

    emulator.revokeToken(firstToken);
    await writeFile(path.join(dir, 'after.pdf'), await pdfBytes(2, { label: 'after' }));
    await harness.until(
      'the queue waits for a token',
      () => harness.status()?.state === 'auth_required',
    );
    assert.match(
      englishOf(harness.status()?.reason),
      /no longer accepts the token.*Set a new token/,
    );
    const waiting = [...harness.entries.values()].find((entry) => entry.fileName === 'after.pdf');
    assert.equal(waiting?.state, 'ready');
    assert.equal(waiting?.attempts, 0, 'a refused token does not count against the file');
    const session = await harness.engine.handlers['session.get']({});
    assert.equal(session.signedIn, false);

    const secondToken = emulator.addToken([...ALL_SCOPES]);
    const signedIn = await harness.engine.handlers['session.signIn']({ token: secondToken });
    assert.equal(signedIn.signedIn, true);
    await harness.until('the waiting file is archived', () =>
      [...harness.entries.values()].some(
        (entry) => entry.fileName === 'after.pdf' && entry.state === 'archived',
      ),
    );
    assert.equal(emulator.uploads().filter((upload) => upload.filename === 'after.pdf').length, 1);
    await harness.until('the queue is idle again', () => harness.status()?.state === 'idle');

    await harness.engine.stop();
    for (const token of [firstToken, secondToken]) {
      assertTokenNowhere(harness.configDir, token);
      assert.equal(
        logLines(harness.configDir).some((line) => line.includes(token)),
        false,
      );
    }
  });

  test('one outage, one decision: a gateway down after storing holds the queue; at most concurrency files unconfirmed, decided on together', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'outage'), 'scans');
    const harness = await startEngine(t, {
      emulator,
      token: emulator.demoToken,
      tuning: { apiTimeoutMs: 2_000 },
    });
    await harness.engine.handlers['folders.add']({
      path: dir,
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });
    const { concurrency } = await harness.engine.handlers['settings.get']({});
    // The gateway stores every upload and then answers 504; reads fail the same way.
    emulator.setFaults({ appliesTo: 'all', storeThenFailRate: 1, storeThenFailWith: ['504'] });
    const names = Array.from({ length: 8 }, (_, index) => `outage-${index}.pdf`);
    for (const [index, name] of names.entries()) {
      await writeFile(path.join(dir, name), await pdfBytes(1 + (index % 3), { label: name }));
    }
    await harness.until(
      'the queue waits out the outage',
      () => harness.status()?.reason?.code === 'outage_probing',
    );
    await harness.until(
      'two read probes failed',
      () =>
        logLines(harness.configDir).filter((line) =>
          line.includes('Clearfacts does not answer normally yet'),
        ).length >= 2,
    );
    const duringOutage = emulator.uploads().length;
    assert.ok(duringOutage >= 1 && duringOutage <= concurrency, `${duringOutage} uploads went out`);
    assert.equal(emulator.phantoms().length, 0, 'the probes sent no mutation');

    emulator.setFaults({});
    await harness.until('every other file is archived', () =>
      names.every((name) =>
        [...harness.entries.values()].some(
          (entry) =>
            entry.fileName === name &&
            (entry.state === 'archived' || entry.state === 'unconfirmed'),
        ),
      ),
    );
    const incidents = await harness.engine.handlers['history.incidents']({});
    assert.equal(incidents.length, 1, 'one outage, one incident');
    const [incident] = incidents;
    assert.ok(incident);
    assert.equal(incident.files.length, duringOutage);
    assert.ok(incident.files.length <= concurrency);
    // The user checked Clearfacts: every one of them arrived.
    const done = await harness.engine.handlers['history.markIncidentDone']({
      incidentAt: incident.incidentAt,
    });
    assert.equal(done.count, duringOutage);
    assert.deepEqual(await harness.engine.handlers['history.incidents']({}), []);
    for (const name of names) {
      assert.equal(
        emulator.uploads().filter((upload) => upload.filename === name).length,
        1,
        `${name} reached Clearfacts once`,
      );
    }
  });
});
