// Names the intake never announces and never descends into: files that are still being written
// under a temporary name, what operating systems and NAS boxes drop into folders, hidden entries,
// and the engine's own `_uploaded/` archive. One list, so the watcher, the scans and the folder
// naming of the accountant tree all agree.

/** Where the engine moves a file after Clearfacts confirmed it; never watched or scanned. */
export const UPLOADED_FOLDER_NAME = '_uploaded';

const IGNORED_EXACT_NAMES = new Set(
  [
    UPLOADED_FOLDER_NAME,
    'Thumbs.db',
    'desktop.ini',
    '@eaDir',
    '$RECYCLE.BIN',
    'System Volume Information',
    '#recycle',
    '#snapshot',
    '@Recycle',
    '@Recently-Snapshot',
  ].map((name) => name.toLowerCase()),
);

/** Browsers, office suites and copy tools write to these before renaming to the real name. */
const IGNORED_SUFFIXES = ['.part', '.partial', '.crdownload', '.download', '.tmp', '.temp', '~'];

/**
 * A leading dot covers hidden files and folders, macOS' `._*` and `.DS_Store`, and
 * LibreOffice's `.~lock.*`; `~$` is Microsoft Office's owner file.
 */
const IGNORED_PREFIXES = ['.', '~$'];

export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    IGNORED_EXACT_NAMES.has(lower) ||
    IGNORED_PREFIXES.some((prefix) => lower.startsWith(prefix)) ||
    IGNORED_SUFFIXES.some((suffix) => lower.endsWith(suffix))
  );
}

/** True when any segment of a path relative to a watched folder is ignored. */
export function isIgnoredRelativePath(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((segment) => segment !== '' && isIgnoredName(segment));
}
