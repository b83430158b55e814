// The routing rules of issue #18, each with its unsafe twin. Expected values are written by hand
// from the parties given: never derived from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Administration, EInvoiceSummary } from '../../../../src-main/contract/domain.ts';
import {
  routeInBoundFolder,
  routeInInbox,
} from '../../../../src-main/core/queue/e-invoice-routing.ts';
import {
  belgianCompanyNumber,
  hasBelgianCheckDigits,
  partyCompanyNumbers,
} from '../../../../src-main/core/documents/e-invoice/party-numbers.ts';
import { invoiceKey } from '../../../../src-main/core/documents/e-invoice/invoice-key.ts';

// Real-looking numbers with valid check digits (97 - first eight mod 97).
const BAKERY = '0403170701';
const GARAGE = '0202239951';
const FLORIST = '0417497106';

const administrations: Administration[] = [
  { companyNumber: BAKERY, name: 'Bakkerij Peeters', accountManager: null },
  { companyNumber: GARAGE, name: 'Garage Janssens', accountManager: null },
];

function summary(
  supplier: Partial<EInvoiceSummary['supplier']>,
  customer: Partial<EInvoiceSummary['customer']>,
  extra: Partial<EInvoiceSummary> = {},
): EInvoiceSummary {
  return {
    format: 'peppol-bis-3',
    documentType: 'invoice',
    envelope: false,
    number: 'F-1',
    issueDate: '2026-03-14',
    dueDate: null,
    payableAmount: 121,
    currency: 'EUR',
    supplier: { name: null, companyNumber: null, vatNumber: null, ...supplier },
    customer: { name: null, companyNumber: null, vatNumber: null, ...customer },
    embeddedPdfBytes: null,
    ...extra,
  };
}

test('company numbers compare in every written form, and foreign numbers never pass as Belgian', () => {
  for (const written of [
    'BE0403.170.701',
    'BE 0403 170 701',
    'be0403170701',
    '0403170701',
    '403170701',
    '0208:0403170701',
    '9925:BE0403170701',
    '0403-170-701',
  ]) {
    assert.equal(belgianCompanyNumber(written), BAKERY, written);
  }
  for (const foreign of ['NL123456789B01', 'FR12345678901', '12345678', 'DE123456789X', '']) {
    assert.equal(belgianCompanyNumber(foreign), null, foreign);
  }
  assert.equal(hasBelgianCheckDigits(BAKERY), true);
  assert.equal(hasBelgianCheckDigits('0403170702'), false);
  // Digits alone in the VAT field could be any country's: only a BE prefix makes them Belgian.
  assert.deepEqual(
    partyCompanyNumbers({ name: 'X', companyNumber: null, vatNumber: '403170701' }),
    [],
  );
  assert.deepEqual(
    partyCompanyNumbers({ name: 'X', companyNumber: '0403170701', vatNumber: 'BE0403.170.701' }),
    [BAKERY],
  );
});

test('a purchase whose customer is the folder administration is sent', () => {
  const decision = routeInBoundFolder(
    summary({ companyNumber: FLORIST }, { vatNumber: 'BE0403.170.701' }),
    BAKERY,
    { type: 'purchase' },
    administrations,
  );
  assert.deepEqual(decision, { kind: 'send' });
});

test('a purchase addressed to another reachable administration is held, offering it and "here"', () => {
  const decision = routeInBoundFolder(
    summary({ companyNumber: FLORIST }, { name: 'Garage Janssens BV', companyNumber: GARAGE }),
    BAKERY,
    { type: 'purchase' },
    administrations,
  );
  assert.deepEqual(decision, {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_customer_elsewhere',
        params: {
          name: 'Garage Janssens BV',
          companyNumber: GARAGE,
          administration: 'Bakkerij Peeters',
        },
      },
      choices: [
        {
          kind: 'send_to',
          companyNumber: GARAGE,
          name: 'Garage Janssens',
          destination: 'purchase',
        },
        { kind: 'send_here' },
      ],
    },
  });
});

test('addressed to a company the user cannot reach: held with only "send here anyway"', () => {
  const decision = routeInBoundFolder(
    summary({ companyNumber: GARAGE }, { name: 'Bloemen Maes', vatNumber: `BE${FLORIST}` }),
    BAKERY,
    { type: 'purchase' },
    administrations,
  );
  assert.equal(decision.kind, 'hold');
  assert.deepEqual(decision.kind === 'hold' ? decision.hold.choices : null, [
    { kind: 'send_here' },
  ]);
});

test('the administrations cannot be read: still held, named by its number', () => {
  const decision = routeInBoundFolder(
    summary({}, { name: 'Garage Janssens BV', companyNumber: GARAGE }),
    BAKERY,
    { type: 'purchase' },
    null,
  );
  assert.deepEqual(decision.kind === 'hold' ? decision.hold.reason.params : null, {
    name: 'Garage Janssens BV',
    companyNumber: GARAGE,
    administration: BAKERY,
  });
});

test('a sale is checked against the supplier; the folder company as customer offers its purchases', () => {
  const decision = routeInBoundFolder(
    summary({ name: 'Garage Janssens BV', companyNumber: GARAGE }, { companyNumber: BAKERY }),
    BAKERY,
    { type: 'sale' },
    administrations,
  );
  assert.equal(decision.kind, 'hold');
  assert.deepEqual(decision.kind === 'hold' ? decision.hold : null, {
    reason: {
      code: 'e_invoice_supplier_elsewhere',
      params: {
        name: 'Garage Janssens BV',
        companyNumber: GARAGE,
        administration: 'Bakkerij Peeters',
      },
    },
    choices: [
      { kind: 'send_to', companyNumber: GARAGE, name: 'Garage Janssens', destination: 'sale' },
      { kind: 'send_to', companyNumber: BAKERY, name: 'Bakkerij Peeters', destination: 'purchase' },
      { kind: 'send_here' },
    ],
  });
});

test('a party without a Belgian number, or an archive destination, is never held', () => {
  const foreign = summary({}, { name: 'Blumen GmbH', vatNumber: 'DE123456789' });
  assert.deepEqual(routeInBoundFolder(foreign, BAKERY, { type: 'purchase' }, administrations), {
    kind: 'send',
  });
  const elsewhere = summary({}, { companyNumber: GARAGE });
  assert.deepEqual(
    routeInBoundFolder(elsewhere, BAKERY, { type: 'various', categoryId: 'c1' }, administrations),
    { kind: 'send' },
  );
});

test('inbox: the one reachable customer gets a purchase, the one reachable supplier a sale', () => {
  assert.deepEqual(
    routeInInbox(
      summary({ companyNumber: FLORIST }, { vatNumber: `BE${GARAGE}` }),
      administrations,
    ),
    { kind: 'route', companyNumber: GARAGE, destination: { type: 'purchase' } },
  );
  assert.deepEqual(
    routeInInbox(summary({ companyNumber: BAKERY }, { companyNumber: FLORIST }), administrations),
    { kind: 'route', companyNumber: BAKERY, destination: { type: 'sale' } },
  );
});

test('inbox, unsafe: both parties clients is held with both choices', () => {
  const decision = routeInInbox(
    summary({ name: 'Bakkerij', companyNumber: BAKERY }, { name: 'Garage', companyNumber: GARAGE }),
    administrations,
  );
  assert.deepEqual(decision, {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_inbox_both_clients',
        params: { supplier: `Bakkerij (${BAKERY})`, customer: `Garage (${GARAGE})` },
      },
      choices: [
        {
          kind: 'send_to',
          companyNumber: GARAGE,
          name: 'Garage Janssens',
          destination: 'purchase',
        },
        { kind: 'send_to', companyNumber: BAKERY, name: 'Bakkerij Peeters', destination: 'sale' },
      ],
    },
  });
});

test('inbox, unsafe: neither party a client, or no numbers at all, is held without a guess', () => {
  const neither = routeInInbox(
    summary({ name: 'Bloemen', companyNumber: FLORIST }, { name: 'Blumen', vatNumber: 'DE1' }),
    administrations,
  );
  assert.equal(
    neither.kind === 'hold' ? neither.hold.reason.code : null,
    'e_invoice_inbox_no_client',
  );
  // No candidate: the user names the administration, the app never guesses one.
  assert.deepEqual(neither.kind === 'hold' ? neither.hold.choices : null, [
    { kind: 'pick_administration' },
  ]);
  const none = routeInInbox(summary({ name: 'A' }, { name: 'B' }), administrations);
  assert.equal(none.kind === 'hold' ? none.hold.reason.code : null, 'e_invoice_inbox_no_numbers');
  assert.deepEqual(none.kind === 'hold' ? none.hold.choices : null, [
    { kind: 'pick_administration' },
  ]);
});

test('inbox, unsafe: two reachable administrations with the same number are held with both', () => {
  const twins: Administration[] = [
    ...administrations,
    { companyNumber: GARAGE, name: 'Garage Janssens (oud dossier)', accountManager: null },
  ];
  const decision = routeInInbox(
    summary({ companyNumber: FLORIST }, { companyNumber: GARAGE }),
    twins,
  );
  assert.deepEqual(decision, {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_inbox_number_twice',
        params: { companyNumber: GARAGE, names: 'Garage Janssens, Garage Janssens (oud dossier)' },
      },
      choices: [
        {
          kind: 'send_to',
          companyNumber: GARAGE,
          name: 'Garage Janssens',
          destination: 'purchase',
        },
        {
          kind: 'send_to',
          companyNumber: GARAGE,
          name: 'Garage Janssens (oud dossier)',
          destination: 'purchase',
        },
      ],
    },
  });
});

test('the invoice key is the same across number forms, and apart for another number, amount or kind', () => {
  const base = summary({ companyNumber: '0403.170.701', name: 'Bakkerij' }, {});
  const sameByVat = summary({ vatNumber: 'BE0403170701', name: 'BAKKERIJ NV' }, {});
  assert.equal(invoiceKey(base), `${BAKERY}|F-1|12100|EUR|invoice`);
  assert.equal(invoiceKey(sameByVat), invoiceKey(base));
  assert.notEqual(invoiceKey({ ...base, number: 'F-2' }), invoiceKey(base));
  assert.notEqual(invoiceKey({ ...base, payableAmount: 121.01 }), invoiceKey(base));
  assert.notEqual(invoiceKey({ ...base, documentType: 'credit_note' }), invoiceKey(base));
  assert.equal(invoiceKey({ ...base, number: null }), null);
  assert.equal(invoiceKey({ ...base, payableAmount: null }), null);
});

test('unsafe (attack F3): a party named with two clients’ numbers is held, never routed on the first', () => {
  // The customer's legal entity is the bakery, its VAT number the garage's.
  const split = { name: 'Klant', companyNumber: BAKERY, vatNumber: `BE${GARAGE}` };
  const reason = {
    code: 'e_invoice_party_two_administrations',
    params: { name: 'Klant', names: 'Bakkerij Peeters, Garage Janssens' },
  };
  assert.deepEqual(
    routeInBoundFolder(
      summary({ companyNumber: FLORIST }, split),
      BAKERY,
      { type: 'purchase' },
      administrations,
    ),
    {
      kind: 'hold',
      hold: {
        reason,
        choices: [
          {
            kind: 'send_to',
            companyNumber: GARAGE,
            name: 'Garage Janssens',
            destination: 'purchase',
          },
          { kind: 'send_here' },
        ],
      },
    },
  );
  // A second number no reachable administration has (a VAT unit's) is no conflict.
  assert.deepEqual(
    routeInBoundFolder(
      summary({}, { companyNumber: BAKERY, vatNumber: `BE${FLORIST}` }),
      BAKERY,
      { type: 'purchase' },
      administrations,
    ),
    { kind: 'send' },
  );
  // In the inbox the hold says so, not "several administrations share one number".
  const inbox = routeInInbox(summary({ companyNumber: FLORIST }, split), administrations);
  assert.deepEqual(inbox.kind === 'hold' ? inbox.hold.reason : null, reason);
});
