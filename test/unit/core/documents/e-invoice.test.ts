import { englishOf, renderMessage } from '../../../../src-main/contract/messages/render-message.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { EInvoiceSummary } from '../../../../src-main/contract/domain.ts';
import { checkDocument } from '../../../../src-main/core/documents/check-document.ts';
import { readEInvoice } from '../../../../src-main/core/documents/e-invoice/read-e-invoice.ts';
import { streamXml } from '../../../../src-main/core/documents/e-invoice/stream-xml.ts';
import { partyCompanyNumbers } from '../../../../src-main/core/documents/e-invoice/party-numbers.ts';
import {
  camt053Xml,
  ciiXml,
  codaStatement,
  encodeXml,
  endpointOf,
  pdfOfSize,
  sampleInvoice,
  sbdhXml,
  UBL_BE,
  ublXml,
  withNesting,
  withoutDeclaration,
  writeUblWithPdf,
  type InvoiceInput,
  type PartyInput,
} from '../../../fixtures/e-invoice-builder.ts';

const options = { maxUploadBytes: 20 * 1024 * 1024 };
let folder = '';

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-einvoice-'));
});
test.after(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function written(name: string, content: string | Uint8Array): Promise<string> {
  const filePath = path.join(folder, name);
  await writeFile(filePath, content);
  return filePath;
}

async function summaryOf(name: string, content: string | Uint8Array): Promise<EInvoiceSummary> {
  const check = await checkDocument(await written(name, content), options);
  assert.equal(check.failure, null, `${name} is accepted`);
  assert.ok(check.eInvoice, `${name} has a summary`);
  return check.eInvoice;
}

function party(input: PartyInput) {
  return {
    name: input.name,
    companyNumber: input.companyNumber,
    vatNumber: input.vatNumber,
    endpoint: endpointOf(input),
  };
}

/** The summary fields as the builder's inputs state them. */
function expectedFields(input: InvoiceInput) {
  return {
    number: input.number,
    issueDate: input.issueDate,
    dueDate: input.dueDate ?? null,
    payableAmount: Number(input.payableAmount),
    currency: input.currency,
    supplier: party(input.supplier),
    customer: party(input.customer),
  };
}

function fieldsOf(summary: EInvoiceSummary) {
  const { number, issueDate, dueDate, payableAmount, currency, supplier, customer } = summary;
  return { number, issueDate, dueDate, payableAmount, currency, supplier, customer };
}

test('a Peppol BIS 3 invoice gives every summary field as the builder wrote it', async () => {
  const input = sampleInvoice();
  const summary = await summaryOf('invoice.xml', ublXml(input));
  assert.deepEqual(fieldsOf(summary), expectedFields(input));
  assert.equal(summary.documentType, 'invoice');
  assert.equal(summary.format, 'peppol-bis-3');
  assert.equal(summary.envelope, false);
  assert.equal(summary.embeddedPdfBytes, null);
});

test('a CreditNote root is a credit note, with its due date from PaymentMeans', async () => {
  const input = sampleInvoice({ root: 'CreditNote', typeCode: '381', number: 'CN-88' });
  const summary = await summaryOf('credit-note.xml', ublXml(input));
  assert.deepEqual(fieldsOf(summary), expectedFields(input));
  assert.equal(summary.documentType, 'credit_note');
});

test('an Invoice root with type code 381 is a credit note', async () => {
  const summary = await summaryOf('typed.xml', ublXml(sampleInvoice({ typeCode: '381' })));
  assert.equal(summary.documentType, 'credit_note');
});

test('an invoice with a negative payable amount is a correction, not a credit note', async () => {
  const input = sampleInvoice({ typeCode: '384', payableAmount: '-42.00' });
  const summary = await summaryOf('negative.xml', ublXml(input));
  assert.equal(summary.documentType, 'correction');
  assert.equal(summary.payableAmount, -42);
});

test('the customisation tells Peppol BIS 3, UBL.BE, e-FFF and plain UBL apart', async () => {
  const cases = [
    [UBL_BE, 'ubl-be'],
    ['urn:www.e-fff.be:invoice:3.0', 'e-fff'],
    ['urn:example:own-profile', 'ubl'],
  ] as const;
  for (const [customizationId, format] of cases) {
    const summary = await summaryOf(`${format}.xml`, ublXml(sampleInvoice({ customizationId })));
    assert.equal(summary.format, format, customizationId);
  }
});

test('a prefixed root (ubl:Invoice) is read the same', async () => {
  const input = sampleInvoice({ rootPrefix: 'ubl' });
  const summary = await summaryOf('prefixed.xml', ublXml(input));
  assert.deepEqual(fieldsOf(summary), expectedFields(input));
});

test('UTF-16 with either byte-order mark and a declared ISO-8859-1 are read', async () => {
  const input = sampleInvoice();
  for (const encoding of ['utf-16le-bom', 'utf-16be-bom', 'iso-8859-1'] as const) {
    const summary = await summaryOf(`${encoding}.xml`, encodeXml(ublXml(input), encoding));
    assert.deepEqual(fieldsOf(summary), expectedFields(input), encoding);
  }
});

test('an encoding nothing can decode is refused with its name', async () => {
  const xml = ublXml(sampleInvoice()).replace('encoding="UTF-8"', 'encoding="X-MARTIAN-7"');
  const check = await checkDocument(await written('martian.xml', xml), options);
  assert.equal(check.failure?.code, 'xml_unreadable_encoding');
  assert.match(englishOf(check.failure.message), /X-MARTIAN-7/);
});

test('an invoice in an SBDH envelope is summarised, and the inner invoice is what is sent', async () => {
  const input = sampleInvoice({ number: 'SBDH-1' });
  const inner = ublXml(input);
  const envelopePath = await written('envelope.xml', sbdhXml(inner));
  const before = await readFile(envelopePath);
  const check = await checkDocument(envelopePath, options);
  assert.equal(check.failure, null);
  assert.ok(check.eInvoice);
  assert.deepEqual(fieldsOf(check.eInvoice), expectedFields(input));
  assert.equal(check.eInvoice.envelope, true);
  // The sent bytes: a UTF-8 declaration and the invoice element exactly as the envelope held it.
  const expectedSent = `<?xml version="1.0" encoding="UTF-8"?>\n${withoutDeclaration(inner).trimEnd()}`;
  const expectedSha = createHash('sha256').update(expectedSent, 'utf8').digest('hex');
  assert.deepEqual([check.sentSha256, check.unwrapsEnvelope], [expectedSha, true]);
  assert.equal(check.sha256, createHash('sha256').update(before).digest('hex'));

  const innerPath = path.join(folder, 'inner.xml');
  const reading = await readEInvoice(envelopePath, { innerInvoicePath: innerPath });
  assert.equal(reading.status, 'e-invoice');
  assert.equal(await readFile(innerPath, 'utf8'), expectedSent);
  assert.deepEqual(await readFile(envelopePath), before, 'the file on disk is unchanged');
});

test('an invoice using a prefix its envelope declared gets the declaration when unwrapped', async () => {
  const inner = withoutDeclaration(ublXml(sampleInvoice({ rootPrefix: 'ubl' }))).replace(
    ' xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
    '',
  );
  const envelope = sbdhXml(inner).replace(
    '<StandardBusinessDocument ',
    '<StandardBusinessDocument xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ',
  );
  const innerPath = path.join(folder, 'inherited-inner.xml');
  const reading = await readEInvoice(await written('inherited.xml', envelope), {
    innerInvoicePath: innerPath,
  });
  assert.equal(reading.status, 'e-invoice');
  const parsed: unknown = new XMLParser({ ignoreAttributes: false }).parse(
    await readFile(innerPath, 'utf8'),
  );
  const root = (parsed as Record<string, Record<string, string>>)['ubl:Invoice'];
  assert.equal(root?.['@_xmlns:ubl'], 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
});

test('an envelope without an invoice is refused', async () => {
  const envelope = sbdhXml('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>');
  const check = await checkDocument(await written('order-envelope.xml', envelope), options);
  assert.equal(check.failure?.code, 'xml_not_invoice');
  assert.match(englishOf(check.failure.message), /envelope/);
});

test('a 15 MB embedded PDF is decoded to a file equal to the PDF the builder embedded', async () => {
  const pdf = pdfOfSize(15 * 1024 * 1024);
  const filePath = path.join(folder, 'with-pdf.xml');
  await writeUblWithPdf(filePath, sampleInvoice(), pdf);
  const visualPath = path.join(folder, 'visual.pdf');
  const reading = await readEInvoice(filePath, { visualPath });
  assert.equal(reading.status, 'e-invoice');
  assert.equal(reading.summary.embeddedPdfBytes, pdf.length);
  assert.equal(reading.visualPath, visualPath);
  const decoded = await readFile(visualPath);
  assert.equal(decoded.length, pdf.length);
  assert.ok(decoded.equals(pdf), 'the decoded PDF is byte for byte the embedded one');
});

test('an embedded attachment that is not a PDF leaves no file and no size', async () => {
  const xml = ublXml(sampleInvoice(), Buffer.from('plain words, not a PDF').toString('base64'));
  const visualPath = path.join(folder, 'not-a-pdf.pdf');
  const reading = await readEInvoice(await written('text-attachment.xml', xml), { visualPath });
  assert.equal(reading.status, 'e-invoice');
  assert.equal(reading.summary.embeddedPdfBytes, null);
  assert.equal(reading.visualPath, null);
  await assert.rejects(stat(visualPath), { code: 'ENOENT' });
});

test('a long text node reaches the handler in pieces, never whole', async () => {
  const filePath = await written('long.xml', `<a><b>${'QUJD'.repeat(1024 * 1024)}</b></a>`);
  const pieces: number[] = [];
  await streamXml(filePath, {
    open: () => {},
    close: () => {},
    text: (piece) => pieces.push(piece.length),
    afterPiece: () => {},
    done: () => false,
  });
  assert.equal(
    pieces.reduce((sum, length) => sum + length, 0),
    4 * 1024 * 1024,
  );
  assert.ok(pieces.length > 8, `${pieces.length} pieces`);
  assert.ok(Math.max(...pieces) <= 256 * 1024, `largest piece ${Math.max(...pieces)}`);
});

test('CII (Factur-X / ZUGFeRD XML) is refused because Clearfacts does not take it', async () => {
  const check = await checkDocument(await written('factur-x.xml', ciiXml('FX-1')), options);
  assert.equal(check.failure?.code, 'e_invoice_unsupported');
  assert.match(englishOf(check.failure.message), /CII/);
});

test('bank statements are explained, not sent: camt.053 XML and CODA', async () => {
  const camt = await checkDocument(await written('statement.xml', camt053Xml()), options);
  assert.equal(camt.failure?.code, 'bank_statement');
  assert.match(englishOf(camt.failure.message), /CodaBox/);
  const coda = await checkDocument(await written('statement.cod', codaStatement()), options);
  assert.equal(coda.failure?.code, 'bank_statement');
  assert.match(englishOf(coda.failure.message), /CODA bank statement.*CodaBox/);
  const text = await checkDocument(await written('notes.txt', 'just some notes\n'), options);
  assert.equal(text.failure?.code, 'unsupported_type');
});

test('broken and foreign XML keep their refusals', async () => {
  const cut = ublXml(sampleInvoice()).slice(0, 400);
  const broken = await checkDocument(await written('cut.xml', cut), options);
  assert.equal(broken.failure?.code, 'xml_not_invoice');
  assert.match(englishOf(broken.failure.message), /not well-formed/);
  const order = await checkDocument(
    await written('order.xml', '<Order xmlns="urn:example:orders"/>'),
    options,
  );
  assert.match(englishOf(order.failure?.message), /"Order" document/);
  const wrongNamespace = await checkDocument(
    await written('fake.xml', '<Invoice xmlns="urn:example:invoice"/>'),
    options,
  );
  assert.match(wrongNamespace.failure?.detail ?? '', /urn:example:invoice/);
});

test('a legacy e-FFF 3.0 invoice (BE:CBE / BE:VAT schemes) is recognised and summarised', async () => {
  // Hand-written from the e-FFF 3.0 profile; the expected values are read off the file by eye.
  const fixture = path.resolve(
    import.meta.dirname,
    '../../../fixtures/e-invoices/e-fff-3.0-invoice.xml',
  );
  const check = await checkDocument(fixture, options);
  assert.equal(check.failure, null);
  assert.ok(check.eInvoice);
  assert.equal(check.eInvoice.format, 'e-fff');
  assert.equal(check.eInvoice.documentType, 'invoice');
  assert.deepEqual(fieldsOf(check.eInvoice), {
    number: 'EFFF-2019-0042',
    issueDate: '2019-11-05',
    dueDate: '2019-12-05',
    payableAmount: 363,
    currency: 'EUR',
    supplier: {
      name: 'Bloemen Maes BV',
      companyNumber: '0417497106',
      vatNumber: 'BE0417497106',
      endpoint: 'BE:CBE:0417497106',
    },
    customer: {
      name: 'Brouwerij Een NV',
      companyNumber: '0403170701',
      vatNumber: 'BE0403170701',
      endpoint: 'BE:CBE:0403170701',
    },
  });
});

test('an e-FFF party named only by its BE:CBE endpoint still has its company number', async () => {
  const fixture = path.resolve(
    import.meta.dirname,
    '../../../fixtures/e-invoices/e-fff-3.0-invoice.xml',
  );
  // The same hand-written invoice without the customer's legal entity and tax scheme.
  const bare = (await readFile(fixture, 'utf8'))
    .replace(
      /<cac:PartyTaxScheme>\s*<cbc:CompanyID schemeID="BE:VAT">BE0403170701[\s\S]*?<\/cac:PartyTaxScheme>/,
      '',
    )
    .replace(
      /<cac:PartyLegalEntity>\s*<cbc:RegistrationName>Brouwerij Een NV[\s\S]*?<\/cac:PartyLegalEntity>/,
      '',
    );
  const summary = await summaryOf('e-fff-endpoint-only.xml', bare);
  assert.deepEqual(summary.customer, {
    name: 'Brouwerij Een',
    companyNumber: null,
    vatNumber: null,
    endpoint: 'BE:CBE:0403170701',
  });
  assert.deepEqual(partyCompanyNumbers(summary.customer), ['0403170701']);
});

test('attack F4: a broken XML and bytes not in its encoding are told in the user’s words, with no English detail', async () => {
  // Line 3, column 12 is the ">" of the close tag that does not match (counted by hand).
  const broken = await checkDocument(
    await written(
      'broken.xml',
      '<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n<ID>1</Note>\n</Invoice>\n',
    ),
    options,
  );
  assert.deepEqual(broken.failure, {
    code: 'xml_not_invoice',
    message: { code: 'xml_malformed_at', params: { line: 3, column: 12 } },
  });
  // Latin-1 bytes ("é" is 0xE9) with no declaration: XML 1.0 §4.3.3 reads them as UTF-8.
  const latin = await checkDocument(
    await written('latin.xml', Buffer.from(withoutDeclaration(ublXml(sampleInvoice())), 'latin1')),
    options,
  );
  assert.deepEqual(latin.failure, {
    code: 'xml_not_invoice',
    message: { code: 'xml_bytes_not_in_encoding', params: { encoding: 'utf-8' } },
  });
});

// The depth limit stream-xml.ts states (libxml2's default); the root element is depth 1.
const DEPTH_LIMIT = 256;

test('an invoice nested exactly to the depth limit is read; one level deeper is refused', async () => {
  const input = sampleInvoice();
  const atLimit = await summaryOf('at-limit.xml', withNesting(ublXml(input), DEPTH_LIMIT - 1));
  assert.equal(atLimit.number, input.number);
  assert.equal(atLimit.payableAmount, Number(input.payableAmount));
  const over = await checkDocument(
    await written('over-limit.xml', withNesting(ublXml(input), DEPTH_LIMIT)),
    options,
  );
  assert.deepEqual(over.failure, {
    code: 'xml_not_invoice',
    message: { code: 'xml_nested_too_deep', params: { limit: DEPTH_LIMIT } },
  });
});

test('XML nested 200,000 deep is refused at the limit, in the user’s language, without reading on', async () => {
  const xml = withNesting(ublXml(sampleInvoice()), 200_000);
  const filePath = await written('deep.xml', xml);
  const check = await checkDocument(filePath, options);
  assert.deepEqual(check.failure, {
    code: 'xml_not_invoice',
    message: { code: 'xml_nested_too_deep', params: { limit: DEPTH_LIMIT } },
  });
  assert.ok(check.failure);
  const { message } = check.failure;
  const sentences = (['nl', 'fr', 'en'] as const).map((language) =>
    renderMessage(message, language),
  );
  for (const sentence of sentences) assert.match(sentence, /\b256\b/);
  assert.equal(new Set(sentences).size, 3, 'nl, fr and en each have their own words');

  // What the reader holds grows with the depth it hands on: never past the limit, and the
  // reading stops within the piece where the limit is crossed instead of going through the file.
  let open = 0;
  let deepest = 0;
  let read = 0;
  await assert.rejects(
    streamXml(filePath, {
      open: () => {
        open += 1;
        deepest = Math.max(deepest, open);
      },
      close: () => {
        open -= 1;
      },
      text: () => {},
      afterPiece: (piece, offset) => {
        read = offset + piece.length;
      },
      done: () => false,
    }),
    { name: 'XmlReadError', problem: { kind: 'too_deep', limit: DEPTH_LIMIT } },
  );
  assert.equal(deepest, DEPTH_LIMIT);
  assert.ok(read < xml.length / 10, `read ${read} of ${xml.length} characters`);
});

test('attack F5: a 9925 endpoint written without its BE prefix is still a Belgian VAT number', async () => {
  const input = sampleInvoice();
  const { companyNumber } = input.customer;
  // The customer named only by its Peppol endpoint under the Belgian VAT scheme, digits only.
  const xml = ublXml(input)
    .replace(
      `<cbc:EndpointID schemeID="0208">${companyNumber}</cbc:EndpointID>`,
      `<cbc:EndpointID schemeID="9925">${companyNumber}</cbc:EndpointID>`,
    )
    .replace(/<cac:PartyTaxScheme><cbc:CompanyID>BE0202239951[\s\S]*?<\/cac:PartyTaxScheme>/, '')
    .replace(`<cbc:CompanyID schemeID="0208">${companyNumber}</cbc:CompanyID>`, '');
  const summary = await summaryOf('endpoint-9925.xml', xml);
  assert.deepEqual(summary.customer, {
    name: input.customer.name,
    companyNumber: null,
    vatNumber: null,
    endpoint: `9925:${companyNumber}`,
  });
  assert.deepEqual(partyCompanyNumbers(summary.customer), [companyNumber]);
});

test('attack 13: an enveloped invoice whose start tag spans two read pieces is sent whole', async () => {
  // A namespace name longer than any piece the reader takes at once, so the invoice's start tag
  // begins in one piece and is only recognised in a later one, whatever the piece size.
  const inner = ublXml(sampleInvoice({ number: 'SPAN-1' })).replace(
    '<Invoice ',
    `<Invoice xmlns:long="urn:example:${'n'.repeat(20_000)}" `,
  );
  const expectedSent = `<?xml version="1.0" encoding="UTF-8"?>\n${withoutDeclaration(inner).trimEnd()}`;
  const innerPath = path.join(folder, 'spanning-inner.xml');
  for (const [name, bytes] of [
    ['spanning.xml', Buffer.from(sbdhXml(inner))],
    ['spanning-utf16.xml', encodeXml(sbdhXml(inner), 'utf-16le-bom')],
  ] as const) {
    const reading = await readEInvoice(await written(name, bytes), { innerInvoicePath: innerPath });
    assert.equal(reading.status, 'e-invoice', name);
    const sent = await readFile(innerPath, 'utf8');
    // Compared by their starts and hashes: a diff of 20,000 "n"s tells nobody anything.
    assert.equal(sent.slice(0, 60), expectedSent.slice(0, 60), name);
    const expectedSha = createHash('sha256').update(expectedSent, 'utf8').digest('hex');
    assert.deepEqual(
      [createHash('sha256').update(sent, 'utf8').digest('hex'), reading.innerSha256],
      [expectedSha, expectedSha],
      name,
    );
  }
});

test('attack 13: a well-formed invoice with a 200 KB attribute or comment is not called damaged', async () => {
  const xml = ublXml(sampleInvoice());
  const cases = [
    ['long-attribute.xml', `<cbc:Note languageID="${'x'.repeat(200 * 1024)}">n</cbc:Note>`],
    ['long-comment.xml', `<!-- ${'c'.repeat(200 * 1024)} -->`],
  ] as const;
  for (const [name, insert] of cases) {
    const check = await checkDocument(
      await written(name, xml.replace('<cbc:BuyerReference>', `${insert}<cbc:BuyerReference>`)),
      options,
    );
    // 64 KiB: the longest piece of markup sax holds (its MAX_BUFFER_LENGTH).
    assert.deepEqual(
      check.failure,
      {
        code: 'xml_not_invoice',
        message: { code: 'xml_markup_too_long', params: { limitKiB: 64 } },
      },
      name,
    );
  }
});

test('attack 13: an XML that declares its own entities (billion laughs, XXE) is refused for that, nothing expanded', async () => {
  const body = ublXml(sampleInvoice()).replace(/^<\?xml[^>]*\?>\s*/, '');
  const cases = [
    [
      'billion-laughs.xml',
      '<!DOCTYPE Invoice [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    ],
    ['xxe.xml', '<!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'],
  ] as const;
  for (const [name, doctype] of cases) {
    const check = await checkDocument(
      await written(name, `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n${body}`),
      options,
    );
    assert.deepEqual(
      check.failure,
      { code: 'xml_not_invoice', message: { code: 'xml_declares_entities', params: {} } },
      name,
    );
  }
});
