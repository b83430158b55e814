// Every refusal and notice the e-invoice checks give, built in this one module from a code and
// typed parameters, so the catalogue of messages (nl/fr/en) can take them over in one place.
import type { Failure } from '../../../contract/domain.ts';

/** Why an XML file is not an invoice Clearfacts accepts, with what the sentence needs. */
export type NotInvoiceReason =
  | { reason: 'not_well_formed'; detail: string }
  | { reason: 'html' }
  | { reason: 'no_root' }
  | { reason: 'other_root'; root: string }
  | { reason: 'wrong_namespace'; root: 'Invoice' | 'CreditNote'; namespace: string | null }
  | { reason: 'envelope_without_invoice'; inner: string | null };

/** A notice as data: the code of the Failure it becomes and the parameters of its sentence. */
export type EInvoiceNotice =
  | { code: 'xml_not_invoice'; params: NotInvoiceReason }
  | { code: 'xml_unreadable_encoding'; params: { encoding: string } }
  | { code: 'e_invoice_unsupported'; params: { format: 'cii' } }
  | { code: 'bank_statement'; params: { format: 'coda' | 'camt.053' } };

const UBL_NAMESPACES = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

function notInvoiceMessage(params: NotInvoiceReason): Pick<Failure, 'message' | 'detail'> {
  switch (params.reason) {
    case 'not_well_formed':
      return {
        message:
          'This XML file is not well-formed (it may be cut off or damaged), so it cannot be read as an invoice.',
        detail: params.detail,
      };
    case 'html':
      return { message: 'This is an HTML page, not an XML invoice.' };
    case 'no_root':
      return { message: 'This XML file has no single root element, so it is not an invoice.' };
    case 'other_root':
      return {
        message: `This XML file is a "${params.root}" document, not a UBL / Peppol BIS invoice or credit note.`,
      };
    case 'wrong_namespace':
      return {
        message: `This XML file has an ${params.root} root element, but not in the UBL 2 namespace (${UBL_NAMESPACES[params.root]}), so it is not a UBL / Peppol BIS ${params.root === 'Invoice' ? 'invoice' : 'credit note'}.`,
        detail: params.namespace === null ? 'no namespace' : `namespace ${params.namespace}`,
      };
    case 'envelope_without_invoice':
      return {
        message:
          'This is a Peppol envelope (SBDH), but it does not carry a UBL invoice or credit note.',
        ...(params.inner === null ? {} : { detail: `it carries "${params.inner}"` }),
      };
  }
}

/** The Failure (code, English sentence, optional detail) for a notice. */
export function eInvoiceFailure(notice: EInvoiceNotice): Failure {
  switch (notice.code) {
    case 'xml_not_invoice': {
      const { message, detail } = notInvoiceMessage(notice.params);
      return detail === undefined
        ? { code: notice.code, message }
        : { code: notice.code, message, detail };
    }
    case 'xml_unreadable_encoding':
      return {
        code: notice.code,
        message: `This XML file declares the character encoding "${notice.params.encoding}", which cannot be read. Save it as UTF-8.`,
      };
    case 'e_invoice_unsupported':
      return {
        code: notice.code,
        message:
          'This is a UN/CEFACT CII e-invoice (Factur-X / ZUGFeRD XML), which Clearfacts does not accept. Ask the supplier for the Peppol BIS 3 (UBL) version, or upload the PDF.',
      };
    case 'bank_statement':
      return {
        code: notice.code,
        message: `Not uploaded: this is a ${notice.params.format === 'coda' ? 'CODA' : 'camt.053'} bank statement. Clearfacts receives bank statements from CodaBox directly.`,
      };
  }
}
