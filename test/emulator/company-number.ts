// Belgian enterprise numbers as Clearfacts takes them: the bare form 0XXXXXXXXX, whose last two
// digits are 97 minus the first eight digits modulo 97. The VAT form (BE0XXXXXXXXX) is accepted
// where the API's argument is called `vatnumber`.

const BARE_FORM = /^0\d{9}$/;
const VAT_FORM = /^BE(0\d{9})$/i;

export function checkDigitsFor(firstEightDigits: string): string {
  const remainder = Number(firstEightDigits) % 97;
  return String(97 - remainder).padStart(2, '0');
}

/** Builds a valid company number from its first eight digits (which start with 0). */
export function companyNumberFrom(firstEightDigits: string): string {
  if (!/^0\d{7}$/.test(firstEightDigits)) {
    throw new Error(`expected 8 digits starting with 0, got "${firstEightDigits}"`);
  }
  return `${firstEightDigits}${checkDigitsFor(firstEightDigits)}`;
}

export function hasValidCheckDigits(companyNumber: string): boolean {
  return (
    BARE_FORM.test(companyNumber) &&
    checkDigitsFor(companyNumber.slice(0, 8)) === companyNumber.slice(8)
  );
}

/** The bare company number in `value`, or null when it is in neither accepted form. */
export function parseCompanyNumber(
  value: string,
  options: { allowVatPrefix: boolean },
): string | null {
  if (BARE_FORM.test(value)) return value;
  if (options.allowVatPrefix) {
    const match = VAT_FORM.exec(value);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}
