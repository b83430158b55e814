// A party's Belgian company number, from whichever of its written forms the invoice uses, so
// two invoices (or an invoice and an administration) can be compared: BE0123.456.749,
// 0123 456 749, 0123456749, the old 9-digit 123456749, a Peppol EndpointID "0208:0123456749"
// and a VAT number BE0123456749 (a Belgian VAT number is the company number with "BE").
//
// Which identifier says who the party is follows Peppol BIS Billing 3.0: the legal registration
// identifier (BT-30 / BT-47, PartyLegalEntity/CompanyID) and the VAT identifier (BT-31 / BT-48,
// PartyTaxScheme/CompanyID) name the legal person whose books the invoice belongs in; the
// EndpointID (BT-34 / BT-49) is only the electronic address it is delivered to, which may be a
// service provider's, a head office's or an accountant's. The endpoint stands for the party only
// when the party gives neither legal identifier.
import { hasBelgianCheckDigits, normaliseCompanyNumber } from '../../../contract/company-number.ts';
import type { EInvoiceParty } from '../../../contract/domain.ts';

/**
 * The Peppol EAS / ICD codes that carry a Belgian company number (0208) or VAT number (9925),
 * and the `BE:CBE` / `BE:VAT` that legacy e-FFF 3.0 (PEPPOL BIS v2) wrote.
 */
const BELGIAN_SCHEMES = /^(?:0208|9925|BE\s*:\s*CBE|BE\s*:\s*VAT)\s*:\s*/i;

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
 * The distinct Belgian company numbers a party's legal identifiers name: its legal registration
 * identifier (BT-30 / BT-47) and its VAT identifier (BT-31 / BT-48) when Belgian. Two numbers
 * when they disagree (a VAT unit's number beside a member's, a typing error): routing then never
 * picks one on its own.
 */
export function legalCompanyNumbers(party: EInvoiceParty): string[] {
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

/**
 * The Belgian company number a party's EndpointID (BT-34 / BT-49) names, under the schemes
 * 0208, 9925, BE:CBE or BE:VAT, or null (another scheme, a foreign number, no endpoint). A VAT
 * scheme's digits written without BE are Belgian all the same: the scheme says so.
 */
export function endpointCompanyNumber(party: EInvoiceParty): string | null {
  const endpoint = party.endpoint ?? null;
  if (endpoint === null || !BELGIAN_SCHEMES.test(endpoint)) return null;
  return belgianCompanyNumber(endpoint);
}

/**
 * The distinct Belgian company numbers that say who a party is: its legal identifiers, else
 * (when it gives none) its endpoint's. Empty when the party names none, which means "unknown",
 * never "another company".
 */
export function partyCompanyNumbers(party: EInvoiceParty): string[] {
  const legal = legalCompanyNumbers(party);
  if (legal.length > 0) return legal;
  const endpoint = endpointCompanyNumber(party);
  return endpoint === null ? [] : [endpoint];
}

/**
 * The company number of a party's endpoint when it is not one the party's legal identifiers
 * name: a delivery address that may be another company's. Never decides where an invoice goes;
 * when it is a reachable administration beside the legal party's, the user chooses. Null when
 * the endpoint agrees, names no Belgian number, or is all the party gives.
 */
export function otherEndpointNumber(party: EInvoiceParty): string | null {
  const endpoint = endpointCompanyNumber(party);
  if (endpoint === null) return null;
  const legal = legalCompanyNumbers(party);
  return legal.length === 0 || legal.includes(endpoint) ? null : endpoint;
}
