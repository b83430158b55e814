// A Belgian company number as people write it (BE 0412.345.614, be0412-345-614, 412345614, with
// stray spaces) read one way everywhere: the CLI, the renderer, accountant tree folder names and
// e-invoice parties. The check digits follow the KBO/BCE rule (mod 97).
import { z } from 'zod';

/** Belgian company number in the bare form Clearfacts accepts: 10 digits, leading 0. */
export const CompanyNumber = z
  .string()
  .regex(/^0\d{9}$/, 'a company number is 0 followed by 9 digits');
export type CompanyNumber = z.infer<typeof CompanyNumber>;

/**
 * The bare 10-digit form (0xxxxxxxxx or, since 2023, 1xxxxxxxxx) of a company number written in
 * any usual form: spaces, dots, dashes and slashes ignored, `BE` in any case, a missing leading 0
 * (the old 9-digit form) added. Null when it is not one; the check digits are not checked here.
 */
export function normaliseCompanyNumber(written: string): string | null {
  let text = written
    .trim()
    .toUpperCase()
    .replace(/[\s.\-/]/g, '');
  if (text.startsWith('BE')) text = text.slice(2);
  if (!/^\d+$/.test(text)) return null;
  if (text.length === 9) text = `0${text}`;
  return text.length === 10 && (text.startsWith('0') || text.startsWith('1')) ? text : null;
}

/**
 * Whether a bare 10-digit company number has valid check digits: the last two are 97 minus the
 * first eight modulo 97 (the KBO/BCE rule, also Peppol's PEPPOL-COMMON-R043 for ICD 0208).
 */
export function hasBelgianCheckDigits(companyNumber: string): boolean {
  if (!/^\d{10}$/.test(companyNumber)) return false;
  const body = Number(companyNumber.slice(0, 8));
  return 97 - (body % 97) === Number(companyNumber.slice(8));
}

/** A company number someone entered: its bare form, or why it is not one. */
export type EnteredCompanyNumber =
  | { ok: true; companyNumber: string }
  | { ok: false; problem: 'not_a_company_number' | 'check_digits' };

/** Reads a company number someone typed, checking its form and its check digits (mod 97). */
export function readEnteredCompanyNumber(typed: string): EnteredCompanyNumber {
  const companyNumber = normaliseCompanyNumber(typed);
  if (companyNumber === null) return { ok: false, problem: 'not_a_company_number' };
  if (!hasBelgianCheckDigits(companyNumber)) return { ok: false, problem: 'check_digits' };
  return { ok: true, companyNumber };
}

/**
 * A bare company number as people read it, in the KBO/BCE's own grouping: "0412345614" →
 * "0412.345.614" (the renderer and the CLI's tables). Anything that is not 10 digits is
 * returned as it is.
 */
export function formatCompanyNumber(bare: string): string {
  return /^\d{10}$/.test(bare) ? `${bare.slice(0, 4)}.${bare.slice(4, 7)}.${bare.slice(7)}` : bare;
}
