// Creates the folders of an accountant tree from what the API lists. It only ever adds: a folder
// the user renamed, emptied or filled is left as it is, so running it again (at every start, and
// whenever administrations or categories change) is safe.
// The folders are named in one language per root, chosen when the root first gets a tree and kept
// in a marker file inside it, so colleagues who share the root never get a second set.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ArchiveCategories, CompanyNumber } from '../../contract/domain.ts';
import {
  TREE_FOLDER_NAMES,
  TREE_LANGUAGES,
  administrationFolderName,
  categoryFolderNames,
  isTreeFolder,
  parseAdministrationFolderName,
  type TreeFolderKind,
  type TreeLanguage,
} from './accountant-tree-names.ts';

/** The marker in a tree's root; its leading dot keeps it out of the intake and the scans. */
export const TREE_MARKER_FILE = '.clearfacts-tree.json';
const TreeMarker = z.object({ language: z.enum(TREE_LANGUAGES) });

export interface TreeAdministration {
  companyNumber: CompanyNumber;
  name: string;
}

export interface MaterializeResult {
  /** Absolute paths of the folders this run created, parents before children. */
  created: string[];
  /** Folders that could not be created, each with the reason; the others were still created. */
  problems: string[];
}

async function subfolderNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The language the marker in `root` names, or null when there is none (or it is unreadable). */
export async function readTreeLanguage(root: string): Promise<TreeLanguage | null> {
  const text = await readFile(path.join(root, TREE_MARKER_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = TreeMarker.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.language : null;
  } catch {
    return null;
  }
}

/**
 * The language of a root without a marker: that of the tray folders already in it (a tree made
 * before trees had a language is English), else `preferred`.
 */
async function languageInUse(root: string, preferred: TreeLanguage): Promise<TreeLanguage> {
  for (const administration of await subfolderNames(root)) {
    if (!parseAdministrationFolderName(administration).ok) continue;
    const trays = await subfolderNames(path.join(root, administration)).catch(() => []);
    for (const language of TREE_LANGUAGES) {
      const names = TREE_FOLDER_NAMES[language];
      const own = [names.purchase, names.sales].map((name) => name.toLowerCase());
      if (trays.some((tray) => own.includes(tray.toLowerCase()))) return language;
    }
  }
  return preferred;
}

/**
 * Creates the missing folders of the tree under `root`. `preferred` names the folders of a root
 * that has no tree yet; a root that has one keeps its language (the marker, or the folders
 * found), and a folder that exists in any language is reused, never doubled.
 */
export async function materializeAccountantTree(
  root: string,
  administrations: readonly TreeAdministration[],
  categoriesByCompany: ReadonlyMap<string, ArchiveCategories>,
  preferred: TreeLanguage = 'en',
): Promise<MaterializeResult> {
  // Never create the root itself: a missing root is an unplugged drive or unmounted share, and
  // creating it would put the tree on the wrong disk.
  const rootStats = await stat(root).catch((error: unknown) => {
    throw new Error(`the accountant folder ${root} cannot be read: ${describe(error)}`);
  });
  if (!rootStats.isDirectory()) throw new Error(`${root} is not a folder`);

  const result: MaterializeResult = { created: [], problems: [] };
  let language = await readTreeLanguage(root);
  if (language === null) {
    language = await languageInUse(root, preferred);
    await writeFile(path.join(root, TREE_MARKER_FILE), `${JSON.stringify({ language })}\n`, {
      flag: 'wx',
    }).catch(async (error: unknown) => {
      // A colleague's run wrote it first: theirs wins, so the root keeps one language.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        language = (await readTreeLanguage(root)) ?? language;
      } else {
        result.problems.push(`${TREE_MARKER_FILE} could not be written: ${describe(error)}`);
      }
    });
  }
  const names = TREE_FOLDER_NAMES[language];

  /** The tray folder of `kind` in any language, or a new one in the tree's language. */
  async function ensureTreeFolder(parent: string, kind: TreeFolderKind): Promise<string | null> {
    const existing = (await subfolderNames(parent).catch(() => [])).find((candidate) =>
      isTreeFolder(candidate, kind),
    );
    return existing === undefined ? ensureChild(parent, names[kind]) : path.join(parent, existing);
  }

  /** Finds a child folder by name ignoring case (so "purchase" is reused), or creates it. */
  async function ensureChild(parent: string, name: string): Promise<string | null> {
    try {
      const existing = (await subfolderNames(parent)).find(
        (candidate) => candidate.toLowerCase() === name.toLowerCase(),
      );
      if (existing !== undefined) return path.join(parent, existing);
      const folder = path.join(parent, name);
      await mkdir(folder);
      result.created.push(folder);
      return folder;
    } catch (error) {
      const folder = path.join(parent, name);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        // Created meanwhile by a concurrent run, or a file of that name is in the way.
        if ((await stat(folder).catch(() => null))?.isDirectory() === true) return folder;
        result.problems.push(`${folder} exists but is not a folder`);
      } else {
        result.problems.push(`${folder} could not be created: ${describe(error)}`);
      }
      return null;
    }
  }

  const existingByCompany = new Map<string, string>();
  for (const name of await subfolderNames(root)) {
    const parsed = parseAdministrationFolderName(name);
    if (parsed.ok && !existingByCompany.has(parsed.companyNumber)) {
      existingByCompany.set(parsed.companyNumber, path.join(root, name));
    }
  }

  for (const administration of administrations) {
    const existing = existingByCompany.get(administration.companyNumber);
    const administrationFolder =
      existing ?? (await ensureChild(root, administrationFolderName(administration)));
    if (administrationFolder === null) continue;
    existingByCompany.set(administration.companyNumber, administrationFolder);

    await ensureTreeFolder(administrationFolder, 'purchase');
    await ensureTreeFolder(administrationFolder, 'sales');
    const archive = await ensureTreeFolder(administrationFolder, 'archive');
    if (archive === null) continue;
    const categories = categoriesByCompany.get(administration.companyNumber);
    for (const type of ['various', 'permanent'] as const) {
      const typeFolder = await ensureTreeFolder(archive, type);
      if (typeFolder === null || categories === undefined) continue;
      for (const name of categoryFolderNames(categories[type]).values()) {
        await ensureChild(typeFolder, name);
      }
    }
  }
  return result;
}
