// Belgian company numbers are stored bare (0123456789) and read by people as 0123.456.789
// (formatCompanyNumber, shared with the CLI).
import { normaliseCompanyNumber } from '../../src-main/contract/company-number.ts';

export { formatCompanyNumber } from '../../src-main/contract/company-number.ts';

/**
 * The digits of what someone typed as a company or VAT number ("BE 0123.456.789" → "0123456789"),
 * also a part of one while it is being typed (for search); null when it holds anything else.
 */
export function companyNumberDigits(typed: string): string | null {
  return normaliseCompanyNumber(typed) ?? partialDigits(typed);
}

function partialDigits(typed: string): string | null {
  const compact = typed
    .trim()
    .toUpperCase()
    .replace(/[\s.\-/]/g, '')
    .replace(/^BE/, '');
  return /^\d+$/.test(compact) ? compact : null;
}
