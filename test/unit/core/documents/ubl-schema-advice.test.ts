// Validation as advice (issue #18), the UBL 2.1 XML Schema part: invoices from the project's
// builder made invalid in known ways. Each expected error is read from the UBL 2.1 XSDs by hand
// (the element's place in its xsd:sequence, its type) and lands on the line the change was
// made on; Debian's xmllint, when installed, validates the same file as a second opinion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message } from '../../../../src-main/contract/messages/message.ts';
import { renderMessage } from '../../../../src-main/contract/messages/render-message.ts';
import { checkEInvoice } from '../../../../src-main/core/documents/e-invoice/check-e-invoice.ts';
import { pdfOfSize, sampleInvoice, ublXml } from '../../../fixtures/e-invoice-builder.ts';
import { xmllintSchemaErrors } from '../../../support/xmllint-oracle.ts';

/** The advice names at most the first five schema errors of a file. */
const SHOWN = 5;

interface Found {
  line: number;
  element: string;
  problem: string;
}

async function schemaAdviceOf(
  t: { after: (fn: () => unknown) => void },
  xml: string,
  root: 'Invoice' | 'CreditNote' = 'Invoice',
): Promise<{ found: Found[]; messages: Message[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cfu-xsd-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'invoice.xml');
  await writeFile(file, xml);
  const check = await checkEInvoice(file);
  assert.equal(check.failure, null, 'an invalid invoice is still sent');
  const messages = check.advice.filter((message) => message.code === 'ubl_xsd_invalid');
  const found = messages.map((message) =>
    message.code === 'ubl_xsd_invalid'
      ? {
          line: message.params.line,
          element: message.params.element,
          problem: message.params.xsdProblem,
        }
      : { line: 0, element: '', problem: '' },
  );
  const oracle = await xmllintSchemaErrors(file, root);
  if (oracle !== null) {
    assert.deepEqual(
      found.map(({ line, element }) => ({ line, element: element.replace(/^\w+:/, '') })),
      oracle.slice(0, SHOWN),
      'xmllint finds the same errors',
    );
  }
  return { found, messages };
}

/** The 1-based line of the first occurrence of `marker` in `xml`. */
function lineOf(xml: string, marker: string): number {
  const at = xml.indexOf(marker);
  assert.ok(at >= 0, `${marker} is in the invoice`);
  return xml.slice(0, at).split('\n').length;
}

test('a valid invoice and credit note get no schema advice', async (t) => {
  assert.deepEqual((await schemaAdviceOf(t, ublXml(sampleInvoice()))).found, []);
  const creditNote = ublXml(sampleInvoice({ root: 'CreditNote', typeCode: '381' }));
  assert.deepEqual((await schemaAdviceOf(t, creditNote, 'CreditNote')).found, []);
});

test('an element in the wrong order is not expected where it stands', async (t) => {
  // InvoiceType's sequence: … ProfileID, ProfileExecutionID?, ID, CopyIndicator?, UUID?,
  // IssueDate: an IssueDate before the (required) ID is out of place.
  const valid = ublXml(sampleInvoice());
  const issueDate = /<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/.exec(valid)?.[0] ?? '';
  const xml = valid.replace(issueDate, '').replace('<cbc:ID>F2026', `${issueDate}<cbc:ID>F2026`);
  assert.deepEqual((await schemaAdviceOf(t, xml)).found, [
    { line: lineOf(xml, '<cbc:IssueDate>'), element: 'cbc:IssueDate', problem: 'not_expected' },
  ]);
});

test('an element the schema does not know is not expected', async (t) => {
  const xml = ublXml(sampleInvoice()).replace(
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>',
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>\n  <cbc:Colour>blue</cbc:Colour>',
  );
  assert.deepEqual((await schemaAdviceOf(t, xml)).found, [
    { line: lineOf(xml, '<cbc:Colour>'), element: 'cbc:Colour', problem: 'not_expected' },
  ]);
});

test('a party identification without its required cbc:ID misses a child', async (t) => {
  // PartyIdentificationType: cbc:ID is its one element, minOccurs 1.
  const xml = ublXml(sampleInvoice()).replace(
    '</cbc:EndpointID>',
    '</cbc:EndpointID>\n      <cac:PartyIdentification></cac:PartyIdentification>',
  );
  assert.deepEqual((await schemaAdviceOf(t, xml)).found, [
    {
      line: lineOf(xml, '<cac:PartyIdentification>'),
      element: 'cac:PartyIdentification',
      problem: 'missing_child',
    },
  ]);
});

test('a date not written as xs:date is an invalid value, said in nl/fr without libxml2', async (t) => {
  const xml = ublXml(sampleInvoice()).replace(
    '2026-03-14</cbc:IssueDate>',
    '14/03/2026</cbc:IssueDate>',
  );
  const { found, messages } = await schemaAdviceOf(t, xml);
  const line = lineOf(xml, '<cbc:IssueDate>');
  assert.deepEqual(found, [{ line, element: 'cbc:IssueDate', problem: 'invalid_value' }]);
  const [message] = messages;
  assert.ok(message !== undefined);
  const nl = renderMessage(message, 'nl');
  const fr = renderMessage(message, 'fr');
  assert.match(nl, new RegExp(`regel ${line}, cbc:IssueDate`));
  assert.match(fr, new RegExp(`ligne ${line}, cbc:IssueDate`));
  for (const text of [nl, fr]) assert.doesNotMatch(text, /valid|atomic|xs:date|Schemas/);
});

test('an error after an embedded PDF is reported on its line in the file', async (t) => {
  // 300 KB of PDF as base64 in 76-character lines: about 5,400 lines the copy leaves empty.
  const base64 = pdfOfSize(300_000).toString('base64').replace(/.{76}/g, '$&\n');
  const xml = ublXml(sampleInvoice(), `\n${base64}\n`).replace(
    '<cac:PaymentMeans>',
    '<cac:PaymentMeans><cbc:Colour>blue</cbc:Colour>',
  );
  assert.deepEqual((await schemaAdviceOf(t, xml)).found, [
    { line: lineOf(xml, '<cbc:Colour>'), element: 'cbc:Colour', problem: 'not_expected' },
  ]);
});
