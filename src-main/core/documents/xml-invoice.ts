// Whether an XML file is an e-invoice Clearfacts accepts: a UBL 2 Invoice or CreditNote, which
// covers Peppol BIS Billing 3, UBL.BE and the UBL-based e-FFF. Anything else (an order, a
// statement, an XHTML page) would be refused after the upload, so it is refused here with a
// sentence that says what the file is instead.
import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Failure } from '../../contract/domain.ts';

const UBL_ROOTS: Record<string, string> = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are never expanded: a hostile file must not be able to grow in memory.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function notInvoice(message: string, detail?: string): Failure {
  return detail === undefined
    ? { code: 'xml_not_invoice', message }
    : { code: 'xml_not_invoice', message, detail };
}

/** null when the file is a UBL invoice or credit note, else why not. */
export async function checkXmlInvoice(filePath: string): Promise<Failure | null> {
  const text = await readFile(filePath, 'utf8');
  let parsed: unknown;
  try {
    parsed = parser.parse(text, true);
  } catch (error) {
    return notInvoice(
      'This XML file is not well-formed (it may be cut off or damaged), so it cannot be read as an invoice.',
      error instanceof Error ? error.message : String(error),
    );
  }
  const roots =
    parsed !== null && typeof parsed === 'object'
      ? Object.entries(parsed).filter(([name]) => !name.startsWith('#'))
      : [];
  const [root] = roots;
  if (roots.length !== 1 || root === undefined) {
    return notInvoice('This XML file has no single root element, so it is not an invoice.');
  }
  const [qualifiedName, content] = root;
  const separator = qualifiedName.indexOf(':');
  const prefix = separator === -1 ? null : qualifiedName.slice(0, separator);
  const localName = qualifiedName.slice(separator + 1);
  if (localName.toLowerCase() === 'html') {
    return notInvoice('This is an HTML page, not an XML invoice.');
  }
  const namespaceAttribute = prefix === null ? 'xmlns' : `xmlns:${prefix}`;
  const namespace =
    content !== null && typeof content === 'object' && namespaceAttribute in content
      ? String((content as Record<string, unknown>)[namespaceAttribute])
      : null;
  const expected = UBL_ROOTS[localName];
  if (expected === undefined) {
    return notInvoice(
      `This XML file is a "${localName}" document, not a UBL / Peppol BIS invoice or credit note.`,
    );
  }
  if (namespace !== expected) {
    return notInvoice(
      `This XML file has an ${localName} root element, but not in the UBL 2 namespace (${expected}), so it is not a UBL / Peppol BIS ${localName === 'Invoice' ? 'invoice' : 'credit note'}.`,
      namespace === null ? 'no namespace' : `namespace ${namespace}`,
    );
  }
  return null;
}
