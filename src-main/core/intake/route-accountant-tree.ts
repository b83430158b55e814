// Maps a file in an accountant tree to its administration and destination by its path, or says
// in one sentence why the path does not lead anywhere, so the user can move the file.
import path from 'node:path';
import type { CompanyNumber, Destination } from '../../contract/domain.ts';
import { TREE_FOLDERS, parseAdministrationFolderName } from '../folders/accountant-tree-names.ts';
import type { ArchiveType } from '../folders/accountant-tree-names.ts';

export type ResolveCategoryId = (
  companyNumber: string,
  type: ArchiveType,
  folderName: string,
) => string | null;

export type Route =
  | { ok: true; companyNumber: CompanyNumber; destination: Destination }
  | { ok: false; reason: string };

const PUT_IT_IN =
  'put it in Purchase, Sales, Archive/Various/<category> or Archive/Permanent/<category>';

function sameName(actual: string, expected: string): boolean {
  return actual.toLowerCase() === expected.toLowerCase();
}

export function routeAccountantTreePath(
  root: string,
  filePath: string,
  resolveCategoryId: ResolveCategoryId,
): Route {
  const segments = path.relative(root, filePath).split(path.sep);
  const [administrationFolder, trayFolder, archiveTypeFolder, categoryFolder] = segments;
  if (segments.length < 2 || administrationFolder === undefined) {
    return {
      ok: false,
      reason: `the file lies directly in the accountant folder; ${PUT_IT_IN} of an administration's folder`,
    };
  }
  const administration = parseAdministrationFolderName(administrationFolder);
  if (!administration.ok) return { ok: false, reason: administration.reason };
  const { companyNumber } = administration;
  if (segments.length < 3 || trayFolder === undefined) {
    return {
      ok: false,
      reason: `the file lies directly in the folder of administration ${companyNumber}; ${PUT_IT_IN}`,
    };
  }
  if (sameName(trayFolder, TREE_FOLDERS.purchase)) {
    return { ok: true, companyNumber, destination: { type: 'purchase' } };
  }
  if (sameName(trayFolder, TREE_FOLDERS.sales)) {
    return { ok: true, companyNumber, destination: { type: 'sale' } };
  }
  if (!sameName(trayFolder, TREE_FOLDERS.archive)) {
    return {
      ok: false,
      reason: `"${trayFolder}" is not one of the folders of administration ${companyNumber}; ${PUT_IT_IN}`,
    };
  }
  const archiveType: ArchiveType | null =
    archiveTypeFolder === undefined || segments.length < 4
      ? null
      : sameName(archiveTypeFolder, TREE_FOLDERS.various)
        ? 'various'
        : sameName(archiveTypeFolder, TREE_FOLDERS.permanent)
          ? 'permanent'
          : null;
  if (archiveType === null) {
    return {
      ok: false,
      reason: `files in Archive must go in Archive/Various/<category> or Archive/Permanent/<category>`,
    };
  }
  const typeFolder = archiveType === 'various' ? TREE_FOLDERS.various : TREE_FOLDERS.permanent;
  if (segments.length < 5 || categoryFolder === undefined) {
    return {
      ok: false,
      reason: `the file lies directly in Archive/${typeFolder}; put it in one of its category folders`,
    };
  }
  const categoryId = resolveCategoryId(companyNumber, archiveType, categoryFolder);
  if (categoryId === null || categoryId === '') {
    return {
      ok: false,
      reason: `administration ${companyNumber} has no ${archiveType} archive category named "${categoryFolder}"`,
    };
  }
  return { ok: true, companyNumber, destination: { type: archiveType, categoryId } };
}
