// Instant search over every administration the token can see (accountants have a thousand or
// more): by name, ignoring case and accents, or by company number in any common notation.
import type { Administration } from '../../src-main/contract/domain.ts';
import { companyNumberDigits } from './company-number.ts';

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export interface AdministrationIndex {
  search(query: string): Administration[];
}

export function createAdministrationIndex(
  administrations: readonly Administration[],
): AdministrationIndex {
  const entries = administrations
    .map((administration) => ({ administration, name: foldText(administration.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    search(query) {
      const trimmed = query.trim();
      if (trimmed === '') return entries.map((entry) => entry.administration);
      const digits = companyNumberDigits(trimmed);
      if (digits !== null) {
        // Typed without the leading 0 (as on older invoices) still finds the administration.
        return entries
          .filter(
            ({ administration }) =>
              administration.companyNumber.includes(digits) ||
              administration.companyNumber.includes(`0${digits}`),
          )
          .map((entry) => entry.administration);
      }
      const words = foldText(trimmed).split(/\s+/);
      const matches = entries.filter((entry) => words.every((word) => entry.name.includes(word)));
      const first = words[0] ?? '';
      // Names that start with what was typed come first, as people type the start of a name.
      return [
        ...matches.filter((entry) => entry.name.startsWith(first)),
        ...matches.filter((entry) => !entry.name.startsWith(first)),
      ].map((entry) => entry.administration);
    },
  };
}
