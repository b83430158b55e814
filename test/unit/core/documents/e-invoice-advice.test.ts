// Validation as advice (issue #18): the rules named in e-invoice-advice.ts, read from real files
// built by the project's invoice builder and then broken by hand, so each expected rule id comes
// from the change made, not from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEInvoice } from '../../../../src-main/core/documents/e-invoice/read-e-invoice.ts';
import { renderMessage } from '../../../../src-main/contract/messages/render-message.ts';
import { sampleInvoice, ublXml } from '../../../fixtures/e-invoice-builder.ts';

async function adviceOf(t: { after: (fn: () => unknown) => void }, xml: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cfu-advice-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'invoice.xml');
  await writeFile(file, xml);
  const reading = await readEInvoice(file);
  assert.equal(reading.status, 'e-invoice');
  return reading.status === 'e-invoice'
    ? reading.advice.map((message) =>
        message.code === 'e_invoice_advice' ? message.params.eInvoiceRule : message.code,
      )
    : [];
}

const TOTALS = `<cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">999999.99</cbc:LineExtensionAmount>`;

test('a complete Peppol invoice gets no advice', async (t) => {
  assert.deepEqual(await adviceOf(t, ublXml(sampleInvoice())), []);
});

test('missing mandatory terms are advised by their EN 16931 and Peppol rule ids', async (t) => {
  const xml = ublXml(sampleInvoice())
    .replace(/<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, '')
    .replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '')
    .replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '')
    .replace(/<cac:InvoiceLine>.*<\/cac:InvoiceLine>/, '');
  assert.deepEqual(await adviceOf(t, xml), ['br_03', 'br_16', 'peppol_r001', 'peppol_r003']);
});

test('totals that do not add up are advised (BR-CO-15, BR-CO-16); ones that do are not', async (t) => {
  // 1000.00 + 210.00 VAT = 1210.00, minus 10.00 paid, plus 0.50 rounding = 1200.50 due.
  const right = ublXml(sampleInvoice({ payableAmount: '1200.50' }))
    .replace(
      '<cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>',
      '<cbc:TaxAmount currencyID="EUR">210.00</cbc:TaxAmount>',
    )
    .replace(
      TOTALS,
      `${TOTALS}
    <cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1210.00</cbc:TaxInclusiveAmount>
    <cbc:PrepaidAmount currencyID="EUR">10.00</cbc:PrepaidAmount>
    <cbc:PayableRoundingAmount currencyID="EUR">0.50</cbc:PayableRoundingAmount>`,
    );
  assert.deepEqual(await adviceOf(t, right), []);
  const wrong = right.replace(
    '1210.00</cbc:TaxInclusiveAmount>',
    '1211.00</cbc:TaxInclusiveAmount>',
  );
  assert.deepEqual(await adviceOf(t, wrong), ['br_co_15', 'br_co_16']);
});

test('a Belgian number with wrong check digits is advised (PEPPOL-COMMON-R043), in nl, fr and en', async (t) => {
  // 0403170701 is valid (97 - 04031707 mod 97 = 01); 0403170702 is not.
  const input = sampleInvoice();
  const xml = ublXml({
    ...input,
    customer: { ...input.customer, companyNumber: '0403170702', vatNumber: 'BE0403170702' },
  });
  assert.deepEqual(await adviceOf(t, xml), ['peppol_common_r043']);
  const message = {
    code: 'e_invoice_advice',
    params: { eInvoiceRule: 'peppol_common_r043' },
  } as const;
  assert.match(renderMessage(message, 'en'), /^Advice: PEPPOL-COMMON-R043: .*check digits/);
  assert.match(renderMessage(message, 'nl'), /^Advies: PEPPOL-COMMON-R043: .*controlecijfers/);
  assert.match(
    renderMessage(message, 'fr'),
    /^Conseil : PEPPOL-COMMON-R043 : .*chiffres de contrôle/,
  );
});
