// The e-invoice part of a document check: what check-document.ts asks about an XML file.
import type { EInvoiceSummary, Failure } from '../../../contract/domain.ts';
import type { Message } from '../../../contract/messages/message.ts';
import { readEInvoice } from './read-e-invoice.ts';

/** What an XML file adds to the DocumentCheck. */
export interface EInvoiceCheck {
  /** Null when the file is a UBL invoice or credit note that can be sent. */
  failure: Failure | null;
  eInvoice: EInvoiceSummary | null;
  /** EN 16931 / Peppol rules the invoice breaks: warnings on the row, never a refusal. */
  advice: Message[];
  /**
   * Set when what is sent is not the file on disk but the invoice inside its Peppol envelope,
   * with the SHA-256 of those sent bytes.
   */
  sendsInnerInvoice: { sha256: string } | null;
}

/** Reads an XML file in one streaming pass; the file is never changed. */
export async function checkEInvoice(filePath: string): Promise<EInvoiceCheck> {
  const reading = await readEInvoice(filePath, { schemaAdvice: true });
  if (reading.status === 'refused') {
    return { failure: reading.failure, eInvoice: null, advice: [], sendsInnerInvoice: null };
  }
  return {
    failure: null,
    eInvoice: reading.summary,
    advice: reading.advice,
    sendsInnerInvoice: reading.innerSha256 === null ? null : { sha256: reading.innerSha256 },
  };
}
