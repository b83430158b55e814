// Real documents for the emulator's tests, built in memory: PDFs with a known page count (and
// encrypted or damaged ones), a JPEG, Peppol BIS invoices and credit notes, and things the
// service refuses (PNG, non-invoice XML).
import { PDFDocument } from 'pdf-lib';

export async function pdfWithPages(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page += 1) {
    document.addPage().drawText(`Factuur pagina ${page + 1}`, { x: 50, y: 750, size: 18 });
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF whose trailer declares standard-security encryption, as password-protected PDFs do. */
export async function encryptedPdf(): Promise<Buffer> {
  const text = (await pdfWithPages(1)).toString('latin1');
  const encrypted = text.replace(
    'trailer\n<<',
    'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (owner) /U (user) /P -4 >>',
  );
  if (encrypted === text) throw new Error('pdf-lib changed its trailer layout');
  return Buffer.from(encrypted, 'latin1');
}

/** The first half of a valid PDF: what an interrupted scanner write leaves behind. */
export async function truncatedPdf(): Promise<Buffer> {
  const whole = await pdfWithPages(2);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A tiny but complete baseline JPEG header and end marker. */
export function jpeg(): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
  ]);
}

export function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

export function peppolInvoiceXml(): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>F2025-0042</cbc:ID>
  <cbc:IssueDate>2025-03-14</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:LegalMonetaryTotal>
    <cbc:PayableAmount currencyID="EUR">121.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</Invoice>
`);
}

/** A credit note with a prefixed root element, as some invoicing tools write them. */
export function peppolCreditNoteXml(): Buffer {
  return Buffer.from(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a Belgian invoicing tool -->
<ubl:CreditNote xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>CN2025-0007</cbc:ID>
  <cbc:IssueDate>2025-04-02</cbc:IssueDate>
</ubl:CreditNote>
`);
}

export function notAnInvoiceXml(): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>PO-1</ID></Order>
`);
}

export function malformedXml(): Buffer {
  return Buffer.from(
    '<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n<ID>1</Invoice>\n',
  );
}
