// The UBL 2.1 schema validator runs in a child process of its own (issue #18): started with the
// first e-invoice, its compiled schemas kept for the next files, ended when idle (an injected
// timer, fired by the test), and replaced when a file takes too long or the process crashes;
// such a file's advice says it was not checked, in nl/fr/en, and the file is still sent. Real
// processes throughout: the real validator, and stand-ins (test/fixtures/schema-validators/)
// that hang, crash, never start, or report what they were given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderMessage } from '../../../../src-main/contract/messages/render-message.ts';
import { readEInvoice } from '../../../../src-main/core/documents/e-invoice/read-e-invoice.ts';
import { adviseUblSchema } from '../../../../src-main/core/documents/e-invoice/ubl-schema-advice.ts';
import {
  createUblSchemaService,
  DEFAULT_SCHEMA_VALIDATOR_BUDGET,
  DEFAULT_SCHEMA_VALIDATOR_LIFETIME,
  type SchemaValidatorBudget,
  type UblSchemaService,
} from '../../../../src-main/core/documents/e-invoice/ubl-schema-service.ts';
import { sampleInvoice, ublXml } from '../../../fixtures/e-invoice-builder.ts';
import { createWaitList } from '../../../support/waiting.ts';
import { manualIdleTimer } from '../../../support/manual-idle-timer.ts';
import { setForTest } from '../../../support/test-environment.ts';

/** A stand-in validator module. */
function standIn(name: string): URL {
  return new URL(`../../../fixtures/schema-validators/${name}.ts`, import.meta.url);
}

function serviceFor(
  t: { after: (fn: () => unknown) => void },
  options: {
    module?: URL;
    budget?: Partial<SchemaValidatorBudget>;
    idleMs?: number;
    startDeadlineMs?: number;
  } = {},
) {
  const clock = manualIdleTimer();
  const service = createUblSchemaService(
    { ...DEFAULT_SCHEMA_VALIDATOR_BUDGET, ...options.budget },
    {
      idleMs: options.idleMs ?? 60_000,
      timer: clock.timer,
      module: options.module ?? DEFAULT_SCHEMA_VALIDATOR_LIFETIME.module,
      startDeadlineMs: options.startDeadlineMs ?? DEFAULT_SCHEMA_VALIDATOR_LIFETIME.startDeadlineMs,
    },
  );
  t.after(() => service.close());
  return { service, clock };
}

/** Whether the OS still has a process `pid` (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until process `pid` is gone, re-checking every 20 ms, with a deadline naming it. */
function gone(pid: number): Promise<true> {
  const waits = createWaitList({ recheckMs: 20 });
  return waits.until(`validator process ${pid} to end`, () => (alive(pid) ? undefined : true));
}

function runningPid(service: UblSchemaService): number {
  const pid = service.runningPid();
  assert.ok(pid !== null, 'a validator process runs');
  return pid;
}

/** The 1-based line of the first occurrence of `marker` in `xml`. */
function lineOf(xml: string, marker: string): number {
  return xml.slice(0, xml.indexOf(marker)).split('\n').length;
}

test('one validator process for many files: started by the first, ended after the idle period', async (t) => {
  const { service, clock } = serviceFor(t, { idleMs: 45_000 });
  assert.equal(service.runningPid(), null, 'no validator before any e-invoice');

  const valid = ublXml(sampleInvoice());
  assert.deepEqual(await service.validate(valid, 'Invoice'), { outcome: 'checked', errors: [] });
  const pid = runningPid(service);
  assert.notEqual(pid, process.pid, 'the validator is not the engine');
  assert.deepEqual(
    [...clock.scheduled.values()].map((entry) => entry.delayMs),
    [45_000],
    'one idle period is running',
  );

  const invalid = valid.replace(
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>',
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>\n  <cbc:Colour>blue</cbc:Colour>',
  );
  const second = await service.validate(invalid, 'Invoice');
  assert.equal(runningPid(service), pid, 'the same process, its compiled schemas kept');
  assert.deepEqual(
    second.outcome === 'checked' ? second.errors.map((error) => error.line) : second,
    [lineOf(invalid, '<cbc:Colour>')],
  );
  const creditNote = ublXml(sampleInvoice({ root: 'CreditNote', typeCode: '381' }));
  assert.deepEqual(await service.validate(creditNote, 'CreditNote'), {
    outcome: 'checked',
    errors: [],
  });
  assert.equal(runningPid(service), pid);

  clock.fireAll();
  assert.equal(service.runningPid(), null, 'the idle period ended the validator');
  await gone(pid);

  assert.deepEqual(await service.validate(valid, 'Invoice'), { outcome: 'checked', errors: [] });
  assert.notEqual(runningPid(service), pid, 'a new validator for the next e-invoice');
});

test('a file asked for before the idle period ends keeps the validator', async (t) => {
  const { service, clock } = serviceFor(t);
  const valid = ublXml(sampleInvoice());
  await service.validate(valid, 'Invoice');
  const pid = runningPid(service);
  const next = service.validate(valid, 'Invoice');
  assert.equal(clock.scheduled.size, 0, 'a pending file cancels the idle period');
  await next;
  assert.equal(runningPid(service), pid);
  assert.equal(clock.scheduled.size, 1, 'a new idle period starts after the last file');
});

test('over the time budget: that file is not checked, the validator is ended and replaced', async (t) => {
  const { service } = serviceFor(t, {
    module: standIn('silent-validator'),
    budget: { timeMs: 300 },
  });
  const valid = ublXml(sampleInvoice());
  const first = service.validate(valid, 'Invoice');
  assert.deepEqual(await first, { outcome: 'unchecked', reason: 'over_time' });
  assert.equal(service.runningPid(), null);

  assert.deepEqual(await service.validate(valid, 'Invoice'), {
    outcome: 'unchecked',
    reason: 'over_time',
  });
});

test('a validator that crashes on a file, or never starts, leaves that file unchecked', async (t) => {
  const crashing = serviceFor(t, { module: standIn('crashing-validator') }).service;
  const valid = ublXml(sampleInvoice());
  assert.deepEqual(await crashing.validate(valid, 'Invoice'), {
    outcome: 'unchecked',
    reason: 'stopped',
  });
  assert.equal(crashing.runningPid(), null);

  const broken = serviceFor(t, { module: standIn('never-ready-validator') }).service;
  assert.deepEqual(await broken.validate(valid, 'Invoice'), {
    outcome: 'unchecked',
    reason: 'stopped',
  });
});

test('a validator stuck at its start costs one file the start deadline, not every file', async (t) => {
  // Attack-18 finding V1: each e-invoice waited the whole start deadline (60 s) for a new
  // validator that never became ready, one after another, holding the queue's slots. After a
  // start that failed, the next files are unchecked at once, until the idle period passed; then
  // a start is tried again.
  const starts = path.join(tmpdir(), `cfu-stuck-validator-${process.pid}.log`);
  await rm(starts, { force: true });
  t.after(() => rm(starts, { force: true }));
  const { service, clock } = serviceFor(t, {
    module: standIn('stuck-at-start-validator'),
    // Long enough for the stand-in to start and write its id on a loaded machine.
    startDeadlineMs: 5_000,
  });
  const valid = ublXml(sampleInvoice());
  const unchecked = { outcome: 'unchecked', reason: 'stopped' };
  assert.deepEqual(await service.validate(valid, 'Invoice'), unchecked);
  assert.deepEqual(await service.validate(valid, 'Invoice'), unchecked);
  assert.deepEqual(await service.validate(valid, 'Invoice'), unchecked);
  const startsOf = async () =>
    (await readFile(starts, 'utf8')).split('\n').filter((line) => line !== '').length;
  assert.equal(await startsOf(), 1, 'one start for the three files');

  // The idle period passed: the next file tries a validator again.
  clock.fireAll();
  assert.deepEqual(await service.validate(valid, 'Invoice'), unchecked);
  assert.equal(await startsOf(), 2);
});

test('a validator over its memory budget after a file is replaced before the next one', async (t) => {
  const { service } = serviceFor(t, {
    module: standIn('env-reporting-validator'),
    budget: { memoryBytes: 1 },
  });
  const valid = ublXml(sampleInvoice());
  assert.equal((await service.validate(valid, 'Invoice')).outcome, 'checked');
  assert.equal(service.runningPid(), null, 'ended after the answer');
  assert.equal((await service.validate(valid, 'Invoice')).outcome, 'checked');
});

test('the validator gets none of the engine environment: no token', async (t) => {
  const token = 'cf-test-token-'.padEnd(80, 'x');
  setForTest(t, 'CLEARFACTS_TOKEN', token);
  const { service } = serviceFor(t, { module: standIn('env-reporting-validator') });
  const result = await service.validate(ublXml(sampleInvoice()), 'Invoice');
  assert.equal(result.outcome, 'checked');
  const reported = result.outcome === 'checked' ? (result.errors[0]?.message ?? '') : '';
  const env = JSON.parse(reported) as Record<string, string>;
  assert.equal(env.CLEARFACTS_TOKEN, undefined);
  assert.doesNotMatch(reported, new RegExp(token));
});

test('an unchecked file says why in nl, fr and en, and is still an e-invoice to send', async (t) => {
  const { service } = serviceFor(t, {
    module: standIn('silent-validator'),
    budget: { timeMs: 300 },
  });
  const advice = await adviseUblSchema(ublXml(sampleInvoice()), 'Invoice', service);
  assert.deepEqual(advice, [{ code: 'ubl_xsd_unchecked', params: { xsdSkipReason: 'over_time' } }]);
  const [message] = advice;
  assert.ok(message !== undefined);
  assert.match(renderMessage(message, 'nl'), /niet gecontroleerd tegen het UBL 2\.1-schema/);
  assert.match(renderMessage(message, 'fr'), /non vérifiée selon le schéma UBL 2\.1/);
  assert.match(renderMessage(message, 'en'), /not checked against the UBL 2\.1 schema/);

  // Too large to copy: said so, without starting a validator.
  assert.equal(service.runningPid(), null);
  assert.deepEqual(await adviseUblSchema(null, 'Invoice', service), [
    { code: 'ubl_xsd_unchecked', params: { xsdSkipReason: 'too_large' } },
  ]);
  assert.equal(service.runningPid(), null);

  // The read that asks for the advice still recognises the invoice: advice never refuses.
  const dir = await mkdtemp(path.join(tmpdir(), 'cfu-xsd-service-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'invoice.xml');
  await writeFile(file, ublXml(sampleInvoice()));
  const reading = await readEInvoice(file, { schemaAdvice: true, schemaValidator: service });
  assert.equal(reading.status, 'e-invoice');
  assert.deepEqual(reading.status === 'e-invoice' ? reading.advice.at(-1) : null, {
    code: 'ubl_xsd_unchecked',
    params: { xsdSkipReason: 'over_time' },
  });
});

test('warm starts the validator ahead of the first file, which then uses it', async (t) => {
  const { service, clock } = serviceFor(t, { idleMs: 45_000 });
  assert.equal(await service.warm(), true, 'ready');
  const pid = runningPid(service);
  assert.deepEqual(
    [...clock.scheduled.values()].map((entry) => entry.delayMs),
    [45_000],
    'its idle period runs from when it was ready, as after a file',
  );
  assert.deepEqual(await service.validate(ublXml(sampleInvoice()), 'Invoice'), {
    outcome: 'checked',
    errors: [],
  });
  assert.equal(runningPid(service), pid, 'the first file started no validator of its own');
  assert.equal(await service.warm(), true, 'warming a running validator keeps it');
  assert.equal(runningPid(service), pid);
});

test('warm never rejects: a validator that cannot start leaves the next file unchecked at once', async (t) => {
  const { service } = serviceFor(t, { module: standIn('never-ready-validator') });
  assert.equal(await service.warm(), false);
  assert.equal(service.runningPid(), null);
  assert.deepEqual(await service.validate(ublXml(sampleInvoice()), 'Invoice'), {
    outcome: 'unchecked',
    reason: 'stopped',
  });
});
