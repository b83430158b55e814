// The first e-invoice used to wait 2-4 s for the UBL schema validator to start. The engine now
// starts it in the background when it starts with a folder e-invoices may arrive in, never
// waiting for it and never failing because of it. The validator's start is injected: a start
// that never finishes proves start-up does not wait for it, and one that fails proves the engine
// carries on; nothing here is timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

async function engineWith(
  t: Parameters<typeof startEngine>[0],
  warmSchemaValidator: () => Promise<boolean>,
  destination: 'purchase' | null,
) {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const harness = await startEngine(t, {
    emulator,
    token: emulator.demoToken,
    start: false,
    warmSchemaValidator,
  });
  if (destination !== null) {
    await harness.engine.handlers['folders.add']({
      path: folder(tempDir(t, 'warm'), 'purchases'),
      companyNumber: administration.companyNumber,
      destination: { type: destination },
    });
  }
  return harness;
}

test('with a purchase folder bound, start-up starts the validator and does not wait for it', async (t) => {
  let warmed = 0;
  // A validator that never says it is ready: start() returning proves it was not awaited.
  const harness = await engineWith(
    t,
    () => {
      warmed += 1;
      return new Promise<boolean>(() => {});
    },
    'purchase',
  );
  await harness.engine.start();
  assert.equal(warmed, 1, 'started once, in the background');
  assert.equal((await harness.engine.handlers['folders.list']({})).folders.length, 1);
});

test('a validator that cannot start leaves the engine running', async (t) => {
  const harness = await engineWith(t, () => Promise.reject(new Error('spawn EAGAIN')), 'purchase');
  await harness.engine.start();
  const status = await harness.engine.handlers['status.get']({});
  assert.notEqual(status, null, 'the engine answers after the failed start');
});

test('with no folder e-invoices may arrive in, no validator is started', async (t) => {
  let warmed = 0;
  const harness = await engineWith(
    t,
    () => {
      warmed += 1;
      return Promise.resolve(true);
    },
    null,
  );
  await harness.engine.start();
  await harness.engine.handlers['status.get']({});
  assert.equal(warmed, 0);
});
