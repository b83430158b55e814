// Issue #18 through the real queue and history: an e-invoice addressed elsewhere is held, never
// sent, until the user chooses; the same invoice in other bytes is a duplicate with the date and
// file it was first sent as. The summaries are written by hand, not read by the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UNROUTED_COMPANY_NUMBER,
  type Administration,
  type EInvoiceSummary,
} from '../../../../src-main/contract/domain.ts';
import { ApiError } from '../../../../src-main/contract/api-contract.ts';
import { createHistoryActions } from '../../../../src-main/core/queue/history-actions.ts';
import { createHarness } from './queue-harness.ts';

const HERE = '0123456789';
const THERE = '0202239951';
const administrations: Administration[] = [
  { companyNumber: HERE, name: 'Bakkerij Peeters', accountManager: null },
  { companyNumber: THERE, name: 'Garage Janssens', accountManager: null },
];

function invoice(customer: string, overrides: Partial<EInvoiceSummary> = {}): EInvoiceSummary {
  return {
    format: 'peppol-bis-3',
    documentType: 'invoice',
    envelope: false,
    number: 'F2026/00417',
    issueDate: '2026-03-14',
    dueDate: null,
    payableAmount: 1210.5,
    currency: 'EUR',
    supplier: { name: 'Brouwerij', companyNumber: '0403170701', vatNumber: 'BE0403170701' },
    customer: { name: 'Klant', companyNumber: customer, vatNumber: `BE${customer}` },
    embeddedPdfBytes: null,
    ...overrides,
  };
}

function actionsFor(harness: ReturnType<typeof createHarness>) {
  return createHistoryActions({
    repository: harness.repository,
    storage: harness.storage,
    queue: harness.queue,
    onTransition: () => harness.queue.lookForWork(),
  });
}

test('addressed elsewhere: held with its choices, then sent where the user chose', async (t) => {
  const harness = createHarness(t, { administrations });
  harness.overrideCheck('f.xml', { kind: 'xml', eInvoice: invoice(THERE) });
  const file = harness.addFile('f.xml');
  harness.queue.start();
  const held = await harness.reach(file.id, 'held');
  assert.equal(harness.sent.length, 0);
  assert.equal(held.hold?.reason.code, 'e_invoice_customer_elsewhere');
  assert.deepEqual(held.hold?.choices, [
    { kind: 'send_to', companyNumber: THERE, name: 'Garage Janssens', destination: 'purchase' },
    { kind: 'send_here' },
  ]);

  const actions = actionsFor(harness);
  // A choice the row never offered is refused, so a stale screen cannot pick a destination.
  assert.throws(
    () =>
      actions.choose(file.id, {
        kind: 'send_to',
        companyNumber: '0417497106',
        name: 'Someone',
        destination: 'purchase',
      }),
    (error: unknown) => error instanceof ApiError && error.code === 'conflict',
  );
  const chosen = actions.choose(file.id, held.hold?.choices[0] ?? { kind: 'send_here' });
  assert.equal(chosen.companyNumber, THERE);
  assert.equal(chosen.hold, null);
  await harness.reach(file.id, 'archived');
  assert.deepEqual(
    harness.sent.map((sent) => [sent.fileName, sent.companyNumber, sent.kind]),
    [['f.xml', THERE, 'PURCHASE']],
  );
});

test('"send here anyway" sends it to the folder administration and is not asked again', async (t) => {
  const harness = createHarness(t, { administrations });
  harness.overrideCheck('g.xml', { kind: 'xml', eInvoice: invoice(THERE) });
  const file = harness.addFile('g.xml');
  harness.queue.start();
  await harness.reach(file.id, 'held');
  actionsFor(harness).choose(file.id, { kind: 'send_here' });
  await harness.reach(file.id, 'archived');
  assert.deepEqual(
    harness.sent.map((sent) => sent.companyNumber),
    [HERE],
  );
});

test('a dropped e-invoice is sent where the user dropped it: a drop is a choice already', async (t) => {
  const harness = createHarness(t, { administrations });
  harness.overrideCheck('d.xml', { kind: 'xml', eInvoice: invoice(THERE) });
  const file = harness.addFile('d.xml', 'dropped', { source: 'drop' });
  harness.queue.start();
  await harness.reach(file.id, 'uploaded');
  assert.deepEqual(
    harness.sent.map((sent) => sent.companyNumber),
    [HERE],
  );
});

test('the same invoice in other bytes is a duplicate, with when and as which file it was sent', async (t) => {
  const harness = createHarness(t, { administrations });
  harness.overrideCheck('bare.xml', { kind: 'xml', eInvoice: invoice(HERE) });
  harness.overrideCheck('envelope.xml', {
    kind: 'xml',
    eInvoice: invoice(HERE, {
      envelope: true,
      supplier: { name: 'BROUWERIJ NV', companyNumber: null, vatNumber: 'BE 0403.170.701' },
    }),
  });
  harness.queue.start();
  const first = harness.addFile('bare.xml', '<Invoice>bare</Invoice>');
  harness.queue.lookForWork();
  const sent = await harness.reach(first.id, 'archived');
  const second = harness.addFile(
    'envelope.xml',
    '<StandardBusinessDocument>other bytes</StandardBusinessDocument>',
  );
  harness.queue.lookForWork();
  const duplicate = await harness.reach(second.id, 'duplicate');
  assert.deepEqual(duplicate.hold?.reason, {
    code: 'e_invoice_already_sent',
    params: { fileName: 'bare.xml', at: sent.uploadedAt },
  });
  assert.equal(harness.sent.length, 1);

  // Another amount is another invoice (a correction, a second instalment): sent.
  harness.overrideCheck('other.xml', {
    kind: 'xml',
    eInvoice: invoice(HERE, { payableAmount: 100 }),
  });
  const third = harness.addFile('other.xml', '<Invoice>another amount</Invoice>');
  harness.queue.lookForWork();
  await harness.reach(third.id, 'archived');
  assert.equal(harness.sent.length, 2);
});

test('an inbox e-invoice waits, unsent, while the administrations cannot be listed', async (t) => {
  const harness = createHarness(t);
  harness.overrideCheck('inbox.xml', { kind: 'xml', eInvoice: invoice(THERE) });
  const file = harness.addFile('inbox.xml', undefined, {
    companyNumber: UNROUTED_COMPANY_NUMBER,
  });
  const waiting = harness.nextWrite(file.id, 'ready');
  harness.queue.start();
  const row = await waiting;
  assert.equal(row.companyNumber, UNROUTED_COMPANY_NUMBER, 'no administration was guessed');
  assert.deepEqual(row.failure?.message, { code: 'retry_offline', params: {} });
  assert.notEqual(row.nextAttemptAt, null);
  assert.equal(harness.sent.length, 0);
});

test('an inbox e-invoice whose customer number two reachable administrations share is held', async (t) => {
  const twins: Administration[] = [
    { companyNumber: THERE, name: 'Garage Janssens', accountManager: null },
    { companyNumber: THERE, name: 'Garage Janssens (oud dossier)', accountManager: null },
  ];
  const harness = createHarness(t, { administrations: twins });
  harness.overrideCheck('inbox.xml', { kind: 'xml', eInvoice: invoice(THERE) });
  const file = harness.addFile('inbox.xml', undefined, {
    companyNumber: UNROUTED_COMPANY_NUMBER,
  });
  harness.queue.start();
  const held = await harness.reach(file.id, 'held');
  assert.equal(harness.sent.length, 0);
  assert.deepEqual(held.hold?.reason, {
    code: 'e_invoice_inbox_number_twice',
    params: { companyNumber: THERE, names: 'Garage Janssens, Garage Janssens (oud dossier)' },
  });
  assert.deepEqual(
    held.hold?.choices.map((choice) => (choice.kind === 'send_to' ? choice.name : choice.kind)),
    ['Garage Janssens', 'Garage Janssens (oud dossier)'],
  );
});

test('F7: an inbox e-invoice no reachable administration is a party of is held with an action: dismiss', async (t) => {
  // Neither party is reachable: the customer and supplier numbers are none of `administrations`.
  const harness = createHarness(t, { administrations });
  const stranger = '0417497106';
  harness.overrideCheck('stray.xml', { kind: 'xml', eInvoice: invoice(stranger) });
  const file = harness.addFile('stray.xml', undefined, {
    companyNumber: UNROUTED_COMPANY_NUMBER,
  });
  harness.queue.start();
  const held = await harness.reach(file.id, 'held');
  assert.equal(held.hold?.reason.code, 'e_invoice_inbox_no_client');
  assert.deepEqual(
    held.hold?.choices,
    [{ kind: 'pick_administration' }],
    'no administration to propose: the user may name one',
  );
  assert.equal(harness.repository.countByState().held, 1);

  const dismissed = actionsFor(harness).dismiss(file.id);
  assert.equal(dismissed.state, 'held', 'still not sent');
  assert.notEqual(dismissed.dismissedAt, null);
  assert.equal(harness.repository.countByState().held, 0, 'no longer waits for the user');
  assert.equal(harness.sent.length, 0);
});
