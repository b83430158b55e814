// Issue #18 F5: when a party's Peppol EndpointID (BT-34 / BT-49) and its legal identifiers
// (PartyLegalEntity/CompanyID BT-30 / BT-47, PartyTaxScheme/CompanyID BT-31 / BT-48) name
// different companies, the legal ones say whose books the invoice belongs in (Peppol BIS Billing
// 3.0: the endpoint is only the electronic address it is delivered to, possibly a service
// provider's or a head office's). The invoices are written by the builder and read by the real
// reader; every expected administration is chosen by hand from the parties written.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Administration, EInvoiceSummary } from '../../../../src-main/contract/domain.ts';
import { checkDocument } from '../../../../src-main/core/documents/check-document.ts';
import {
  routeInBoundFolder,
  routeInInbox,
} from '../../../../src-main/core/queue/e-invoice-routing.ts';
import { sampleInvoice, ublXml, type PartyInput } from '../../../fixtures/e-invoice-builder.ts';
import { tempDir } from '../../../support/temp-folders.ts';

// Check digits are 97 - (first eight digits mod 97): 04031707 → 01, 02022399 → 51,
// 04174971 → 06, 04776543 → 28.
const BAKERY = '0403170701';
const GARAGE = '0202239951';
const FLORIST = '0417497106';
/** A Peppol service provider's own company number: no administration of the user's. */
const PROVIDER = '0477654328';

const administrations: Administration[] = [
  { companyNumber: BAKERY, name: 'Bakkerij Peeters', accountManager: null },
  { companyNumber: GARAGE, name: 'Garage Janssens', accountManager: null },
];

const SUPPLIER: PartyInput = {
  name: 'Brouwerij Één NV',
  companyNumber: '0447200356',
  vatNumber: 'BE0447200356',
};

/** A customer with both legal identifiers for `legal`, delivered to `endpoint`. */
function customer(name: string, legal: string, endpoint: string): PartyInput {
  return { name, companyNumber: legal, vatNumber: `BE${legal}`, endpoint: `0208:${endpoint}` };
}

async function read(
  t: TestContext,
  customerParty: PartyInput,
  strip?: RegExp,
): Promise<EInvoiceSummary> {
  const filePath = path.join(tempDir(t, 'endpoint'), 'invoice.xml');
  const xml = ublXml(sampleInvoice({ supplier: SUPPLIER, customer: customerParty }));
  await writeFile(filePath, strip === undefined ? xml : xml.replace(strip, ''));
  const check = await checkDocument(filePath, { maxUploadBytes: 20 * 1024 * 1024 });
  assert.ok(check.eInvoice, 'read as an e-invoice');
  return check.eInvoice;
}

/** The customer's PartyLegalEntity/CompanyID, as a party that gives only its VAT number. */
const NO_LEGAL_ENTITY_ID =
  /<cbc:CompanyID schemeID="0208">\d+<\/cbc:CompanyID>(?=<\/cac:PartyLegalEntity>\s*<\/cac:Party>\s*<\/cac:AccountingCustomerParty>)/;

test('F5: the endpoint is read apart from the legal identifiers', async (t) => {
  const summary = await read(t, customer('Garage Janssens BV', GARAGE, PROVIDER));
  assert.deepEqual(summary.customer, {
    name: 'Garage Janssens BV',
    companyNumber: GARAGE,
    vatNumber: `BE${GARAGE}`,
    endpoint: `0208:${PROVIDER}`,
  });
});

test('F5 inbox: a client delivered through a service provider’s endpoint goes to the client', async (t) => {
  const summary = await read(t, customer('Garage Janssens BV', GARAGE, PROVIDER));
  assert.deepEqual(routeInInbox(summary, administrations), {
    kind: 'route',
    companyNumber: GARAGE,
    destination: { type: 'purchase' },
  });
});

test('F5 inbox: legal party and endpoint both administrations is held with both, never guessed', async (t) => {
  const summary = await read(t, customer('Garage Janssens BV', GARAGE, BAKERY));
  assert.deepEqual(routeInInbox(summary, administrations), {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_endpoint_other_administration',
        params: {
          party: `Garage Janssens BV (${GARAGE})`,
          endpoint: `Bakkerij Peeters (${BAKERY})`,
        },
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
          companyNumber: BAKERY,
          name: 'Bakkerij Peeters',
          destination: 'purchase',
        },
      ],
    },
  });
});

test('F5 inbox: an endpoint that is a client never makes its owner the customer', async (t) => {
  // The customer gives only its VAT number (a florist, no client); the bakery is its Peppol
  // address (a head office receiving for it). Before F5 the endpoint was read as the company
  // number, and the invoice went into the bakery's purchases.
  const summary = await read(t, customer('Bloemen Maes BV', FLORIST, BAKERY), NO_LEGAL_ENTITY_ID);
  assert.equal(summary.customer.companyNumber, null, 'the legal entity id was left out');
  const decision = routeInInbox(summary, administrations);
  assert.equal(decision.kind, 'hold');
  assert.ok(decision.kind === 'hold');
  assert.equal(decision.hold.reason.code, 'e_invoice_inbox_no_client');
  assert.deepEqual(decision.hold.choices, [
    { kind: 'send_to', companyNumber: BAKERY, name: 'Bakkerij Peeters', destination: 'purchase' },
    // No party is one of the user's administrations: the user may name one (#18).
    { kind: 'pick_administration' },
  ]);
});

test('F5 bound folder: an endpoint that is another administration holds, with it and "here"', async (t) => {
  const summary = await read(t, customer('Bakkerij Peeters BV', BAKERY, GARAGE));
  assert.deepEqual(routeInBoundFolder(summary, BAKERY, { type: 'purchase' }, administrations), {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_endpoint_other_administration',
        params: {
          party: `Bakkerij Peeters BV (${BAKERY})`,
          endpoint: `Garage Janssens (${GARAGE})`,
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
  // A service provider's endpoint is no conflict: sent here.
  const viaProvider = await read(t, customer('Bakkerij Peeters BV', BAKERY, PROVIDER));
  assert.deepEqual(routeInBoundFolder(viaProvider, BAKERY, { type: 'purchase' }, administrations), {
    kind: 'send',
  });
});

test('F5 bound folder: the folder’s number as endpoint does not make another company’s invoice ours', async (t) => {
  const summary = await read(t, customer('Bloemen Maes BV', FLORIST, GARAGE), NO_LEGAL_ENTITY_ID);
  const decision = routeInBoundFolder(summary, GARAGE, { type: 'purchase' }, administrations);
  assert.deepEqual(decision, {
    kind: 'hold',
    hold: {
      reason: {
        code: 'e_invoice_customer_elsewhere',
        params: {
          name: 'Bloemen Maes BV',
          companyNumber: FLORIST,
          administration: 'Garage Janssens',
        },
      },
      choices: [{ kind: 'send_here' }],
    },
  });
});

test('F5: a party that gives only its endpoint is still known by it', async (t) => {
  const summary = await read(
    t,
    {
      name: 'Garage Janssens BV',
      companyNumber: GARAGE,
      vatNumber: '',
      endpoint: `0208:${GARAGE}`,
    },
    /<cac:PartyTaxScheme><cbc:CompanyID><\/cbc:CompanyID>[\s\S]*?<\/cac:PartyTaxScheme>|<cbc:CompanyID schemeID="0208">0202239951<\/cbc:CompanyID>/g,
  );
  assert.equal(summary.customer.companyNumber, null);
  assert.deepEqual(routeInInbox(summary, administrations), {
    kind: 'route',
    companyNumber: GARAGE,
    destination: { type: 'purchase' },
  });
});
