// A party's Belgian company number, from whichever of its written forms the invoice uses, so
// two invoices (or an invoice and an administration) can be compared: BE0123.456.749,
// 0123 456 749, 0123456749, the old 9-digit 123456749, a Peppol EndpointID "0208:0123456749"
// and a VAT number BE0123456749 (a Belgian VAT number is the company number with "BE").
import type { EInvoiceParty } from '../../../contract/domain.ts';

/** The Peppol EAS / ICD codes that carry a Belgian company number (0208) or VAT number (9925). */
const BELGIAN_SCHEMES = /^(?:0208|9925)\s*:\s*/;

/**
 * The bare 10-digit form (0xxxxxxxxx or, since 2023, 1xxxxxxxxx) of a Belgian company number
 * written in any usual form, or null when `value` is not one (a foreign VAT number such as
 * NL…B01, letters, the wrong number of digits). The check digits are not checked here: a wrong
 * number must still compare as different (see hasBelgianCheckDigits).
 */
export function belgianCompanyNumber(value: string | null): string | null {
  if (value === null) return null;
  let text = value.trim().replace(BELGIAN_SCHEMES, '').toUpperCase();
  text = text.replace(/[\s.\-/]/g, '');
  if (text.startsWith('BE')) text = text.slice(2);
  if (!/^\d+$/.test(text)) return null;
  if (text.length === 9) text = `0${text}`;
  return text.length === 10 && (text.startsWith('0') || text.startsWith('1')) ? text : null;
}

/**
 * Whether a bare 10-digit Belgian company number has valid check digits: the last two are 97
 * minus the first eight modulo 97 (the KBO/BCE rule that Peppol's PEPPOL-COMMON-R043 checks for
 * ICD 0208).
 */
export function hasBelgianCheckDigits(companyNumber: string): boolean {
  if (!/^\d{10}$/.test(companyNumber)) return false;
  const body = Number(companyNumber.slice(0, 8));
  return 97 - (body % 97) === Number(companyNumber.slice(8));
}

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
