// Issue #18: an accountant's e-invoice inbox through the real engine, chokidar and the emulator
// with several administrations. Each UBL goes to the one reachable administration its customer
// (a purchase) or its supplier (a sale) is; both clients, neither, or a file that is no e-invoice
// is never sent on a guess. Expected destinations are written from the builder's parties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiError } from '../../../src-main/contract/api-contract.ts';
import type { PartyInput } from '../../fixtures/e-invoice-builder.ts';
import {
  DUTCH_SUPPLIER,
  GERMAN_CUSTOMER,
  partyOf,
  sampleInvoice,
  ublXml,
  writeUblWithPdf,
} from '../../fixtures/e-invoice-builder.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';

// Belgian numbers no seeded administration has; check digits 97 - (first eight mod 97), by hand:
// 04174971 mod 97 = 91 → 06; 04031707 mod 97 = 96 → 01.
const FLORIST: PartyInput = {
  name: 'Bloemen Maes BV',
  companyNumber: '0417497106',
  vatNumber: 'BE0417497106',
};
const BREWERY: PartyInput = {
  name: 'Brouwerij Één NV',
  companyNumber: '0403170701',
  vatNumber: 'BE0403170701',
};

test('an e-invoice inbox routes by the parties, and holds or refuses what it cannot route', async (t) => {
  const emulator = await startTestEmulator(t);
  const [buyer, seller] = emulator.seed.administrations;
  assert.ok(buyer && seller);
  assert.notEqual(buyer.companyNumber, seller.companyNumber);
  const unreachable = emulator.seed.inaccessibleAdministration;

  const inbox = folder(tempDir(t, 'inbox'), 'Peppol inbox');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  const { folders: views } = await harness.engine.handlers['folders.addInbox']({ path: inbox });
  assert.deepEqual(
    views.map((view) => view.binding.mode),
    ['e-invoice-inbox'],
  );

  const files: Record<string, Parameters<typeof sampleInvoice>[0]> = {
    // The customer is a client: its purchase.
    'purchase.xml': { number: 'IN-1', supplier: FLORIST, customer: partyOf(buyer) },
    // The supplier is a client: its sale.
    'sale.xml': { number: 'IN-2', supplier: partyOf(seller), customer: FLORIST },
    // Both are clients: which books is the user's call.
    'both.xml': { number: 'IN-3', supplier: partyOf(seller), customer: partyOf(buyer) },
    // Neither: one of them belongs to the firm but is out of this user's reach.
    'neither.xml': { number: 'IN-4', supplier: BREWERY, customer: partyOf(unreachable) },
  };
  for (const [name, input] of Object.entries(files)) {
    await writeFile(path.join(inbox, name), ublXml(sampleInvoice(input)));
  }
  await writeFile(path.join(inbox, 'scan.pdf'), await pdfBytes(1));
  // The visual beside its XML is the same invoice: paired under the XML's administration.
  const visual = await pdfBytes(2);
  await writeFile(path.join(inbox, 'visual.pdf'), visual);
  await writeUblWithPdf(
    path.join(inbox, 'visual.xml'),
    sampleInvoice({ number: 'IN-5', supplier: FLORIST, customer: partyOf(buyer) }),
    visual,
  );

  const entry = (name: string) =>
    [...harness.entries.values()].find((candidate) => candidate.fileName === name);
  await harness.until(
    'purchase, sale and visual.xml archived, both and neither held, the scan failed, the visual paired',
    () =>
      entry('purchase.xml')?.state === 'archived' &&
      entry('sale.xml')?.state === 'archived' &&
      entry('both.xml')?.state === 'held' &&
      entry('neither.xml')?.state === 'held' &&
      entry('scan.pdf')?.state === 'failed' &&
      entry('visual.xml')?.state === 'archived' &&
      entry('visual.pdf')?.state === 'duplicate',
  );

  const delivered = (fileName: string) =>
    emulator
      .uploads()
      .filter((upload) => upload.filename === fileName)
      .map((upload) => ({ companyNumber: upload.companyNumber, type: upload.invoiceType }));
  assert.deepEqual(delivered('purchase.xml'), [
    { companyNumber: buyer.companyNumber, type: 'PURCHASE' },
  ]);
  assert.deepEqual(delivered('sale.xml'), [{ companyNumber: seller.companyNumber, type: 'SALE' }]);
  assert.deepEqual(delivered('visual.xml'), [
    { companyNumber: buyer.companyNumber, type: 'PURCHASE' },
  ]);
  assert.equal(emulator.uploads().length, 3, 'nothing else was sent');
  assert.deepEqual(entry('visual.pdf')?.hold?.reason, {
    code: 'pdf_sent_with_xml',
    params: { fileName: 'visual.xml' },
  });
  assert.equal(entry('visual.pdf')?.companyNumber, buyer.companyNumber);
  assert.equal(entry('purchase.xml')?.companyNumber, buyer.companyNumber);
  assert.deepEqual(entry('sale.xml')?.destination, { type: 'sale' });

  assert.deepEqual(entry('both.xml')?.hold, {
    reason: {
      code: 'e_invoice_inbox_both_clients',
      params: {
        supplier: `${seller.name} (${seller.companyNumber})`,
        customer: `${buyer.name} (${buyer.companyNumber})`,
      },
    },
    choices: [
      {
        kind: 'send_to',
        companyNumber: buyer.companyNumber,
        name: buyer.name,
        destination: 'purchase',
      },
      {
        kind: 'send_to',
        companyNumber: seller.companyNumber,
        name: seller.name,
        destination: 'sale',
      },
    ],
  });
  assert.deepEqual(entry('neither.xml')?.hold, {
    reason: {
      code: 'e_invoice_inbox_no_client',
      params: {
        supplier: `${BREWERY.name} (${BREWERY.companyNumber})`,
        customer: `${unreachable.name} (${unreachable.companyNumber})`,
      },
    },
    choices: [{ kind: 'pick_administration' }],
  });
  assert.equal(entry('scan.pdf')?.failure?.code, 'not_e_invoice');

  // The user picks the seller's books for the invoice between two clients.
  const both = entry('both.xml');
  assert.ok(both);
  await harness.engine.handlers['history.choose']({
    id: both.id,
    choice: {
      kind: 'send_to',
      companyNumber: seller.companyNumber,
      name: seller.name,
      destination: 'sale',
    },
  });
  await harness.until('both.xml sent on the user’s choice', () => {
    return entry('both.xml')?.state === 'archived';
  });
  assert.deepEqual(delivered('both.xml'), [{ companyNumber: seller.companyNumber, type: 'SALE' }]);
});

test('an inbox invoice with no Belgian number lets the user name the administration', async (t) => {
  const emulator = await startTestEmulator(t);
  const [, seller] = emulator.seed.administrations;
  assert.ok(seller);
  const unreachable = emulator.seed.inaccessibleAdministration;
  const inbox = folder(tempDir(t, 'inbox-pick'), 'Peppol inbox');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  await harness.engine.handlers['folders.addInbox']({ path: inbox });
  await writeFile(
    path.join(inbox, 'foreign.xml'),
    ublXml(sampleInvoice({ number: 'F-1', supplier: DUTCH_SUPPLIER, customer: GERMAN_CUSTOMER })),
  );
  const entry = () =>
    [...harness.entries.values()].find((candidate) => candidate.fileName === 'foreign.xml');
  await harness.until('foreign.xml held', () => entry()?.state === 'held');
  const held = entry();
  assert.ok(held);
  assert.deepEqual(held.hold, {
    reason: { code: 'e_invoice_inbox_no_numbers', params: {} },
    choices: [{ kind: 'pick_administration' }],
  });

  // The offer itself names no administration, and one the token does not reach is refused.
  await assert.rejects(
    harness.engine.handlers['history.choose']({
      id: held.id,
      choice: { kind: 'pick_administration' },
    }),
    (error: ApiError) =>
      error.code === 'conflict' && error.userMessage.code === 'hold_choice_name_administration',
  );
  await assert.rejects(
    harness.engine.handlers['history.choose']({
      id: held.id,
      choice: {
        kind: 'send_to',
        companyNumber: unreachable.companyNumber,
        name: unreachable.name,
        destination: 'purchase',
      },
    }),
    (error: ApiError) =>
      error.code === 'not_found' && error.userMessage.code === 'administration_unreachable',
  );
  assert.equal(entry()?.state, 'held');

  await harness.engine.handlers['history.choose']({
    id: held.id,
    choice: {
      kind: 'send_to',
      companyNumber: seller.companyNumber,
      name: seller.companyNumber,
      destination: 'sale',
    },
  });
  await harness.until('foreign.xml sent where the user named', () => entry()?.state === 'archived');
  assert.deepEqual(
    emulator.uploads().map((upload) => ({
      fileName: upload.filename,
      companyNumber: upload.companyNumber,
      type: upload.invoiceType,
    })),
    [{ fileName: 'foreign.xml', companyNumber: seller.companyNumber, type: 'SALE' }],
  );
});
