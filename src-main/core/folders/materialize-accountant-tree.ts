// Creates the folders of an accountant tree from what the API lists. It only ever adds: a folder
// the user renamed, emptied or filled is left as it is, so running it again (at every start, and
// whenever administrations or categories change) is safe.
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveCategories, CompanyNumber } from '../../contract/domain.ts';
import {
  TREE_FOLDERS,
  administrationFolderName,
  categoryFolderNames,
  parseAdministrationFolderName,
} from './accountant-tree-names.ts';

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

export async function materializeAccountantTree(
  root: string,
  administrations: readonly TreeAdministration[],
  categoriesByCompany: ReadonlyMap<string, ArchiveCategories>,
): Promise<MaterializeResult> {
  // Never create the root itself: a missing root is an unplugged drive or unmounted share, and
  // creating it would put the tree on the wrong disk.
  const rootStats = await stat(root).catch((error: unknown) => {
    throw new Error(`the accountant folder ${root} cannot be read: ${describe(error)}`);
  });
  if (!rootStats.isDirectory()) throw new Error(`${root} is not a folder`);

  const result: MaterializeResult = { created: [], problems: [] };

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

    await ensureChild(administrationFolder, TREE_FOLDERS.purchase);
    await ensureChild(administrationFolder, TREE_FOLDERS.sales);
    const archive = await ensureChild(administrationFolder, TREE_FOLDERS.archive);
    if (archive === null) continue;
    const categories = categoriesByCompany.get(administration.companyNumber);
    for (const type of ['various', 'permanent'] as const) {
      const typeFolder = await ensureChild(archive, TREE_FOLDERS[type]);
      if (typeFolder === null || categories === undefined) continue;
      for (const name of categoryFolderNames(categories[type]).values()) {
        await ensureChild(typeFolder, name);
      }
    }
  }
  return result;
}
