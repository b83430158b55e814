// Every refusal and notice the e-invoice checks give, built in this one module from a code and
// typed parameters; their words are in the nl/fr/en message catalogues.
import type { Failure } from '../../../contract/domain.ts';
import { msg } from '../../../contract/messages/message.ts';

/** Why an XML file is not an invoice Clearfacts accepts, with what the sentence needs. */
export type NotInvoiceReason =
  | { reason: 'not_well_formed'; line: number; column: number }
  | { reason: 'invalid_bytes'; encoding: string }
  | { reason: 'nested_too_deep'; limit: number }
  | { reason: 'markup_too_long'; limitKiB: number }
  | { reason: 'declares_entities' }
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

function notInvoice(params: NotInvoiceReason): Pick<Failure, 'message' | 'detail'> {
  switch (params.reason) {
    // Where the parser stopped, as numbers: its own words are English, and a detail reads as
    // what Clearfacts said.
    case 'not_well_formed':
      return { message: msg('xml_malformed_at', { line: params.line, column: params.column }) };
    case 'invalid_bytes':
      return { message: msg('xml_bytes_not_in_encoding', { encoding: params.encoding }) };
    case 'nested_too_deep':
      return { message: msg('xml_nested_too_deep', { limit: params.limit }) };
    case 'markup_too_long':
      return { message: msg('xml_markup_too_long', { limitKiB: params.limitKiB }) };
    case 'declares_entities':
      return { message: msg('xml_declares_entities') };
    case 'html':
      return { message: msg('xml_html_page') };
    case 'no_root':
      return { message: msg('xml_no_single_root') };
    case 'other_root':
      return { message: msg('xml_other_document', { rootName: params.root }) };
    case 'wrong_namespace':
      return {
        message:
          params.root === 'Invoice'
            ? msg('xml_invoice_wrong_namespace')
            : msg('xml_credit_note_wrong_namespace'),
        // The namespace the file uses, as data: words around it would be English on every screen.
        ...(params.namespace === null ? {} : { detail: params.namespace }),
      };
    case 'envelope_without_invoice':
      return {
        message: msg('xml_envelope_without_invoice'),
        ...(params.inner === null ? {} : { detail: params.inner }),
      };
  }
}

/** The Failure (code, Message, optional technical detail) for a notice. */
export function eInvoiceFailure(notice: EInvoiceNotice): Failure {
  switch (notice.code) {
    case 'xml_not_invoice': {
      const { message, detail } = notInvoice(notice.params);
      return detail === undefined
        ? { code: notice.code, message }
        : { code: notice.code, message, detail };
    }
    case 'xml_unreadable_encoding':
      return {
        code: notice.code,
        message: msg('xml_unreadable_encoding', { encoding: notice.params.encoding }),
      };
    case 'e_invoice_unsupported':
      return { code: notice.code, message: msg('e_invoice_cii') };
    case 'bank_statement':
      return {
        code: notice.code,
        message:
          notice.params.format === 'coda'
            ? msg('bank_statement_coda')
            : msg('bank_statement_camt053'),
      };
  }
}
