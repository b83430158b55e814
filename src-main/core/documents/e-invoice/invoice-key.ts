// The identity of an invoice whatever envelope carries it: the same supplier, number and amount
// is the same invoice, whether it arrives as bare UBL, inside an SBDH envelope, re-encoded in
// UTF-16 or re-serialised by another access point (issue #18, duplicates across forms).
import type { EInvoiceSummary } from '../../../contract/domain.ts';
import { partyCompanyNumbers } from './party-numbers.ts';

/**
 * A key equal for the same invoice from the same supplier, or null when the invoice lacks what
 * identifies it (no number BT-1, no payable amount BT-115, or a supplier with neither a Belgian
 * number nor a VAT number nor a name): then only the SHA-256 finds duplicates. The supplier is
 * its Belgian company number, else its VAT number, else its name folded to lower case; the
 * kind keeps an invoice and a credit note with the same number apart. Amounts compare in cents.
 */
export function invoiceKey(summary: EInvoiceSummary): string | null {
  const { number, payableAmount, supplier } = summary;
  if (number === null || payableAmount === null) return null;
  const supplierId =
    partyCompanyNumbers(supplier)[0] ??
    supplier.vatNumber?.replace(/[\s.-]/g, '').toUpperCase() ??
    supplier.name?.trim().replace(/\s+/g, ' ').toLowerCase() ??
    null;
  if (supplierId === null || supplierId === '') return null;
  const kind = summary.documentType === 'credit_note' ? 'credit_note' : 'invoice';
  const cents = Math.round(payableAmount * 100);
  return [supplierId, number.trim(), `${cents}`, summary.currency ?? '', kind].join('|');
}
