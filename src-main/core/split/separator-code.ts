// What a separator sheet's QR code says, as a versioned text payload. A scanner prints it on
// paper and hands it back to us inside a scan, so it crosses a boundary like any other input:
// the payload is parsed with zod, and anything else is not a separator (a supplier's own QR
// code on an invoice page must never cut a document).
//
// Format, version 1 (documented in the README, "Separator sheets"):
//   CFU-SEP/1?type=next
//   CFU-SEP/1?type=purchase|sale[&company=0123456789]
//   CFU-SEP/1?type=various|permanent&category=<category id>[&company=0123456789]
// A plain `PATCHT` (the paperless-ngx habit) separates like `type=next`.
import { z } from 'zod';
import { hasBelgianCheckDigits } from '../../contract/company-number.ts';

/** The prefix of every payload; the number after the slash is the payload's version. */
export const SEPARATOR_PREFIX = 'CFU-SEP/';
export const SEPARATOR_VERSION = 1;
/** paperless-ngx's default separator barcode; we honour it as "next document". */
export const PATCH_T_CODE = 'PATCHT';

// The sheet's kinds and fields are the contract's (split-schemas.ts, re-exported by domain.ts):
// the Folders screen asks for sheets.
import { SeparatorSheet, SeparatorType } from '../../contract/split-schemas.ts';
export { SeparatorSheet, SeparatorType };

/** The text a sheet's QR code carries. Throws zod's error if the sheet is not valid. */
export function encodeSeparator(sheet: SeparatorSheet): string {
  const valid = SeparatorSheet.parse(sheet);
  const query = new URLSearchParams({ type: valid.type });
  if ('categoryId' in valid) query.set('category', valid.categoryId);
  if ('companyNumber' in valid && valid.companyNumber !== undefined) {
    query.set('company', valid.companyNumber);
  }
  return `${SEPARATOR_PREFIX}${SEPARATOR_VERSION}?${query.toString()}`;
}

const QueryFields = z
  .object({
    type: SeparatorType,
    category: z.string().optional(),
    company: z.string().optional(),
  })
  .strict();

/**
 * The sheet a decoded barcode text stands for, or null when the text is not one of ours (another
 * QR code, a later payload version we cannot read, a malformed payload).
 */
export function decodeSeparator(text: string): SeparatorSheet | null {
  const trimmed = text.trim();
  if (trimmed === PATCH_T_CODE) return { type: 'next' };
  const versioned = `${SEPARATOR_PREFIX}${SEPARATOR_VERSION}?`;
  if (!trimmed.startsWith(versioned)) return null;
  const query = new URLSearchParams(trimmed.slice(versioned.length));
  const fields = QueryFields.safeParse(Object.fromEntries(query));
  if (!fields.success) return null;
  const { type, category, company } = fields.data;
  const withCompany = company === undefined ? {} : { companyNumber: company };
  const sheet = SeparatorSheet.safeParse(
    type === 'next'
      ? { type }
      : type === 'purchase' || type === 'sale'
        ? { type, ...withCompany }
        : { type, categoryId: category, ...withCompany },
  );
  // A `next` payload with a company or a tray sheet with a category is not one we wrote.
  if (!sheet.success) return null;
  if (type === 'next' && (category !== undefined || company !== undefined)) return null;
  if ((type === 'purchase' || type === 'sale') && category !== undefined) return null;
  // We print only numbers whose mod-97 check digits hold; any other is no sheet of ours, and it
  // must not send the pages after it to an administration nobody chose.
  if (company !== undefined && !hasBelgianCheckDigits(company)) return null;
  return sheet.data;
}
