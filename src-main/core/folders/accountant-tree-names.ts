// The names of an accountant tree, `<root>/<administration name> (<company number>)/Purchase/`,
// `Sales/`, `Archive/Various/<category>/`, `Archive/Permanent/<category>/`, shared by the code that
// creates the folders and the code that routes a file by its path, so both read the same names.
import { msg, type TreeRouteMessage } from '../../contract/messages/message.ts';
import { CompanyNumber } from '../../contract/domain.ts';
import type { ArchiveCategory } from '../../contract/domain.ts';
import { isIgnoredName } from './ignored-names.ts';

/** The languages a tree's folders can be named in; one is chosen per tree root. */
export const TREE_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type TreeLanguage = (typeof TREE_LANGUAGES)[number];

/** The kinds of folder a tree has under each administration, with their names per language. */
export type TreeFolderKind = 'purchase' | 'sales' | 'archive' | 'various' | 'permanent';

/** The words the app shows for these trays (Aankoop / Verkoop / Archief, …) are the folders' names. */
export const TREE_FOLDER_NAMES: Record<TreeLanguage, Record<TreeFolderKind, string>> = {
  nl: {
    purchase: 'Aankoop',
    sales: 'Verkoop',
    archive: 'Archief',
    various: 'Diverse',
    permanent: 'Permanent',
  },
  fr: {
    purchase: 'Achats',
    sales: 'Ventes',
    archive: 'Archive',
    various: 'Divers',
    permanent: 'Permanent',
  },
  en: {
    purchase: 'Purchase',
    sales: 'Sales',
    archive: 'Archive',
    various: 'Various',
    permanent: 'Permanent',
  },
};

/** The English names, which every tree made before trees had a language uses. */
export const TREE_FOLDERS = TREE_FOLDER_NAMES.en;

/**
 * True when `folderName` is the folder of `kind` in any of the three languages, ignoring case:
 * colleagues sharing a root, and a root made in another language, all route the same way.
 */
export function isTreeFolder(folderName: string, kind: TreeFolderKind): boolean {
  const wanted = folderName.normalize('NFC').toLowerCase();
  return TREE_LANGUAGES.some(
    (language) => TREE_FOLDER_NAMES[language][kind].toLowerCase() === wanted,
  );
}

export type ArchiveType = 'various' | 'permanent';

/** Long enough for any real name, short enough to leave room under Windows' 260-character paths. */
const MAX_NAME_LENGTH = 120;
const WINDOWS_FORBIDDEN_CHARACTERS = new Set('<>:"/\\|?*');
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const TRAILING_DOTS_AND_SPACES = /[. ]+$/;

function isForbiddenCharacter(character: string): boolean {
  return WINDOWS_FORBIDDEN_CHARACTERS.has(character) || character.charCodeAt(0) < 0x20;
}

/**
 * A folder name that is valid on Windows, macOS and Linux and that the intake does not ignore:
 * forbidden characters become `_`, trailing dots and spaces go, reserved device names (CON, NUL,
 * COM1, …) get a `_` after the device part.
 */
export function toSafeFolderName(name: string): string {
  let safe = Array.from(name.normalize('NFC'), (character) =>
    isForbiddenCharacter(character) ? '_' : character,
  )
    .join('')
    .trim()
    .replace(TRAILING_DOTS_AND_SPACES, '');
  safe = Array.from(safe).slice(0, MAX_NAME_LENGTH).join('').replace(TRAILING_DOTS_AND_SPACES, '');
  if (safe === '') return '_';
  const reserved = WINDOWS_RESERVED_NAME.exec(safe);
  if (reserved?.[1] !== undefined) {
    safe = `${reserved[1]}_${safe.slice(reserved[1].length)}`;
  }
  // A name the intake ignores (".Misc", "~$x", "Notes.tmp") would make its folder invisible.
  if (isIgnoredName(safe)) safe = `_${safe}`;
  if (isIgnoredName(safe)) safe = `${safe}_`;
  return safe;
}

export function administrationFolderName(administration: {
  companyNumber: CompanyNumber;
  name: string;
}): string {
  const name = toSafeFolderName(administration.name);
  return `${name === '_' ? 'Administration' : name} (${administration.companyNumber})`;
}

export type ParsedAdministrationFolder =
  { ok: true; companyNumber: CompanyNumber } | { ok: false; reason: TreeRouteMessage };

const ADMINISTRATION_FOLDER = /\(\s*(?:BE)?\s*([0-9][0-9. ]*)\)\s*$/i;

/**
 * Reads the company number from `<administration name> (<company number>)`. Only the number
 * counts, so a user who shortens the name part keeps a working folder; `BE 0123.456.789` and the
 * old 9-digit form are accepted since people type them.
 */
export function parseAdministrationFolderName(folderName: string): ParsedAdministrationFolder {
  const match = ADMINISTRATION_FOLDER.exec(folderName);
  if (match?.[1] === undefined) {
    return {
      ok: false,
      reason: msg('tree_folder_name_invalid', { folderName }),
    };
  }
  const digits = match[1].replace(/[. ]/g, '');
  const companyNumber = CompanyNumber.safeParse(digits.length === 9 ? `0${digits}` : digits);
  if (!companyNumber.success) {
    return {
      ok: false,
      reason: msg('tree_company_number_invalid', { folderName, value: match[1].trim() }),
    };
  }
  return { ok: true, companyNumber: companyNumber.data };
}

/**
 * The folder name of every category, by category id. Two categories whose safe names collide
 * ("A/B" and "A:B") get " (2)", " (3)" in id order, so the result does not depend on the order
 * the API lists them in.
 */
export function categoryFolderNames(categories: readonly ArchiveCategory[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const byId = [...categories].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const category of byId) {
    const base = toSafeFolderName(category.name);
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix += 1) name = `${base} (${suffix})`;
    taken.add(name.toLowerCase());
    names.set(category.id, name);
  }
  return names;
}

/**
 * The id of the category a folder stands for: its folder name as created by the tree, or the
 * category's own name where the file system allows it, ignoring case (Windows and macOS do).
 */
export function resolveCategoryByFolderName(
  categories: readonly ArchiveCategory[],
  folderName: string,
): string | null {
  const wanted = folderName.normalize('NFC').toLowerCase();
  for (const [id, name] of categoryFolderNames(categories)) {
    if (name.toLowerCase() === wanted) return id;
  }
  const byOwnName = categories.find(
    (category) => category.name.normalize('NFC').toLowerCase() === wanted,
  );
  return byOwnName?.id ?? null;
}
