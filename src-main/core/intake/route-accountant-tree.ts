// Maps a file in an accountant tree to its administration and destination by its path, or says
// as a message why the path does not lead anywhere, so the user can move the file.
import path from 'node:path';
import type { CompanyNumber, Destination } from '../../contract/domain.ts';
import { msg, type TreeRouteMessage } from '../../contract/messages/message.ts';
import { isTreeFolder, parseAdministrationFolderName } from '../folders/accountant-tree-names.ts';
import type { ArchiveType } from '../folders/accountant-tree-names.ts';

export type ResolveCategoryId = (
  companyNumber: string,
  type: ArchiveType,
  folderName: string,
) => string | null;

export type Route =
  | { ok: true; companyNumber: CompanyNumber; destination: Destination }
  | { ok: false; reason: TreeRouteMessage };

export function routeAccountantTreePath(
  root: string,
  filePath: string,
  resolveCategoryId: ResolveCategoryId,
): Route {
  const segments = path.relative(root, filePath).split(path.sep);
  const [administrationFolder, trayFolder, archiveTypeFolder, categoryFolder] = segments;
  if (segments.length < 2 || administrationFolder === undefined) {
    return { ok: false, reason: msg('tree_file_in_root') };
  }
  const administration = parseAdministrationFolderName(administrationFolder);
  if (!administration.ok) return { ok: false, reason: administration.reason };
  const { companyNumber } = administration;
  if (segments.length < 3 || trayFolder === undefined) {
    return { ok: false, reason: msg('tree_file_in_administration', { companyNumber }) };
  }
  if (isTreeFolder(trayFolder, 'purchase')) {
    return { ok: true, companyNumber, destination: { type: 'purchase' } };
  }
  if (isTreeFolder(trayFolder, 'sales')) {
    return { ok: true, companyNumber, destination: { type: 'sale' } };
  }
  if (!isTreeFolder(trayFolder, 'archive')) {
    return {
      ok: false,
      reason: msg('tree_unknown_tray', { folderName: trayFolder, companyNumber }),
    };
  }
  const archiveType: ArchiveType | null =
    archiveTypeFolder === undefined || segments.length < 4
      ? null
      : isTreeFolder(archiveTypeFolder, 'various')
        ? 'various'
        : isTreeFolder(archiveTypeFolder, 'permanent')
          ? 'permanent'
          : null;
  if (archiveType === null) {
    return { ok: false, reason: msg('tree_archive_needs_type') };
  }
  if (segments.length < 5 || categoryFolder === undefined) {
    // The folder's own name, in whichever language the tree uses.
    return {
      ok: false,
      reason: msg('tree_file_in_archive_type', {
        folderName: `${trayFolder}/${archiveTypeFolder ?? ''}`,
      }),
    };
  }
  const categoryId = resolveCategoryId(companyNumber, archiveType, categoryFolder);
  if (categoryId === null || categoryId === '') {
    return {
      ok: false,
      reason: msg('tree_unknown_category', {
        companyNumber,
        archiveType,
        folderName: categoryFolder,
      }),
    };
  }
  return { ok: true, companyNumber, destination: { type: archiveType, categoryId } };
}
