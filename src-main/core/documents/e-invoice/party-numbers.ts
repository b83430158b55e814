// A party's Belgian company number, from whichever of its written forms the invoice uses, so
// two invoices (or an invoice and an administration) can be compared: BE0123.456.749,
// 0123 456 749, 0123456749, the old 9-digit 123456749, a Peppol EndpointID "0208:0123456749"
// and a VAT number BE0123456749 (a Belgian VAT number is the company number with "BE").
import { hasBelgianCheckDigits, normaliseCompanyNumber } from '../../../contract/company-number.ts';
import type { EInvoiceParty } from '../../../contract/domain.ts';

/** The Peppol EAS / ICD codes that carry a Belgian company number (0208) or VAT number (9925). */
const BELGIAN_SCHEMES = /^(?:0208|9925)\s*:\s*/;

/**
 * The bare 10-digit form of a Belgian company number written in any usual form, Peppol scheme
 * prefix included, or null (a foreign VAT number, letters, the wrong number of digits). The check
 * digits are not checked here: a wrong number must still compare as different.
 */
export function belgianCompanyNumber(value: string | null): string | null {
  if (value === null) return null;
  return normaliseCompanyNumber(value.trim().replace(BELGIAN_SCHEMES, ''));
}

export { hasBelgianCheckDigits };

/**
 * The distinct Belgian company numbers a party names: its legal registration identifier (BT-30
 * / BT-47, or a 0208 EndpointID) and its VAT identifier (BT-31 / BT-48) when Belgian. Empty when
 * the party names none, which means "unknown", never "another company".
 */
export function partyCompanyNumbers(party: EInvoiceParty): string[] {
  const numbers = new Set<string>();
  const company = belgianCompanyNumber(party.companyNumber);
  if (company !== null) numbers.add(company);
  // A VAT number counts only with its BE prefix: digits alone could be any country's.
  const vat = (party.vatNumber ?? '').trim().replace(BELGIAN_SCHEMES, '').toUpperCase();
  if (vat.startsWith('BE')) {
    const number = belgianCompanyNumber(vat);
    if (number !== null) numbers.add(number);
  }
  return [...numbers];
}
