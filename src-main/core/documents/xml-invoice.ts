// Whether an XML file is an e-invoice Clearfacts accepts: a UBL 2 Invoice or CreditNote, which
// covers Peppol BIS Billing 3, UBL.BE and the UBL-based e-FFF. Anything else (an order, a
// statement, an XHTML page) would be refused after the upload, so it is refused here with a
// sentence that says what the file is instead.
import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Failure } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';

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

function notInvoice(message: Message, detail?: string): Failure {
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
    return notInvoice(msg('xml_malformed'), error instanceof Error ? error.message : String(error));
  }
  const roots =
    parsed !== null && typeof parsed === 'object'
      ? Object.entries(parsed).filter(([name]) => !name.startsWith('#'))
      : [];
  const [root] = roots;
  if (roots.length !== 1 || root === undefined) {
    return notInvoice(msg('xml_no_single_root'));
  }
  const [qualifiedName, content] = root;
  const separator = qualifiedName.indexOf(':');
  const prefix = separator === -1 ? null : qualifiedName.slice(0, separator);
  const localName = qualifiedName.slice(separator + 1);
  if (localName.toLowerCase() === 'html') {
    return notInvoice(msg('xml_html_page'));
  }
  const namespaceAttribute = prefix === null ? 'xmlns' : `xmlns:${prefix}`;
  const namespace =
    content !== null && typeof content === 'object' && namespaceAttribute in content
      ? String((content as Record<string, unknown>)[namespaceAttribute])
      : null;
  const expected = UBL_ROOTS[localName];
  if (expected === undefined) {
    return notInvoice(msg('xml_other_document', { rootName: localName }));
  }
  if (namespace !== expected) {
    return notInvoice(
      localName === 'Invoice'
        ? msg('xml_invoice_wrong_namespace')
        : msg('xml_credit_note_wrong_namespace'),
      namespace === null ? 'no namespace' : `namespace ${namespace}`,
    );
  }
  return null;
}
