// File names that are not valid UTF-8. On Linux a name is bytes, and old scanners, SMB shares and
// FTP drops write Latin-1 or Windows-1252 ones (`factuur-\xe9t\xe9.pdf`). A Node string cannot hold
// such a name: chokidar reports nothing for the file (its string path does not exist), and no
// later stage (the gate, the checks, the upload, SQLite TEXT, JSON, the screens) could address it.
// So the intake, reading directories as bytes, gives the file its decoded name in place once
// nobody has written to it for the stability window, and the history keeps the bytes it had.
import { isUtf8 } from 'node:buffer';
import { link, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** True when `name` (a directory entry's bytes) is valid UTF-8, so a string can address it. */
export function isUtf8Name(name: Buffer): boolean {
  return isUtf8(name);
}

/** The files of `directory` whose names are not UTF-8, as bytes. */
export async function listRawNames(directory: string): Promise<Buffer[]> {
  const entries = await readdir(directory, { withFileTypes: true, encoding: 'buffer' });
  return entries
    .filter((entry) => entry.isFile() && !isUtf8Name(entry.name))
    .map((entry) => entry.name);
}

/**
 * Windows-1252's 0x80–0x9F, from the WHATWG Encoding Standard's index-windows-1252; 0 marks the
 * five bytes it leaves undefined. (Node's TextDecoder reads 'windows-1252' as Latin-1 in some
 * versions, giving C1 controls for all 32, so the table is spelled out.)
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * The readable form of a name that is not UTF-8, read as Windows-1252 (a superset of Latin-1's
 * printable range; what Belgian scanners and Windows shares write). The five bytes it leaves
 * undefined become U+FFFD, the replacement character, so the name shows where a byte could not
 * be read instead of hiding it. A name is never `/` or NUL, so neither can appear.
 */
export function readableName(name: Buffer): string {
  let text = '';
  for (const byte of name) {
    const high = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? 0) : byte;
    text += String.fromCodePoint(high === 0 ? 0xfffd : high);
  }
  return text;
}

/** `stem (n).ext`: the n-th candidate for a name already taken. */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const extension = path.extname(name);
  return `${name.slice(0, name.length - extension.length)} (${n})${extension}`;
}

/**
 * The file operations naming uses, node:fs/promises' by default; tests inject their own to put
 * another writer's file in the way at a chosen moment. Paths are `Buffer` where the name is
 * raw bytes.
 */
export interface NamingFs {
  stat(target: string | Buffer): Promise<{ size: number; mtimeMs: number; ctimeMs: number }>;
  link(existing: string | Buffer, target: string): Promise<void>;
  unlink(target: string | Buffer): Promise<void>;
  rename(source: string | Buffer, target: string): Promise<void>;
}

const NODE_NAMING_FS: NamingFs = { stat, link, unlink, rename };

async function isFree(candidate: string, fs: NamingFs): Promise<boolean> {
  return fs.stat(candidate).then(
    () => false,
    (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT',
  );
}

/**
 * link() errors that say the file system has no hard links (FAT, exFAT, some SMB and FUSE
 * mounts, per link(2)), not that the name is taken.
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/**
 * Gives `source` the name `target` unless that name is taken, even by a file created a moment
 * ago: link() fails with EEXIST where rename() would replace it (POSIX rename overwrites). Where
 * the file system has no hard links, it falls back to checking the name and renaming, which a
 * file created between the two can still lose to. False when the name is taken.
 */
async function placeWithoutReplacing(
  source: Buffer,
  target: string,
  fs: NamingFs,
): Promise<boolean> {
  try {
    await fs.link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (!(await isFree(target, fs))) return false;
    await fs.rename(source, target);
    return true;
  }
  try {
    await fs.unlink(source);
  } catch (error) {
    // The file must not keep two names (the raw one would be named again): take back the new one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    await fs.unlink(target);
    throw error;
  }
  return true;
}

export type ReadableNaming =
  /** Renamed: `path` addresses it now; `rawName` is the old name's bytes, hex. */
  | { outcome: 'renamed'; path: string; rawName: string }
  /** Still being written (changed within the window): look again after `delayMs`. */
  | { outcome: 'wait'; delayMs: number }
  /** Gone before it could be renamed: nothing to do. */
  | { outcome: 'gone' }
  /** Cannot be renamed (a read-only share, no permission): `shownPath` names it for the user. */
  | {
      outcome: 'failed';
      shownPath: string;
      rawName: string;
      error: unknown;
      /** As stat gave them; 0 when stat itself failed. */
      sizeBytes: number;
      mtimeMs: number;
    };

/**
 * Gives the file `name` (bytes, not UTF-8) in `directory` its readable name, once its size and
 * mtime have not moved for `stabilityWindowMs` (a writer that keeps the file open still writes
 * to the renamed file: a link keeps the inode). A name already taken, even by a file created while
 * this runs, becomes `name (2).pdf`: the file is linked under the new name, then its raw name is
 * removed. It stays in the same folder, so it cannot fail for lack of space or across devices.
 * `now` is epoch ms; `fs` is for tests.
 */
export async function giveReadableName(
  directory: string,
  name: Buffer,
  stabilityWindowMs: number,
  now: number,
  fs: NamingFs = NODE_NAMING_FS,
): Promise<ReadableNaming> {
  const rawName = name.toString('hex');
  const source = Buffer.concat([Buffer.from(directory + path.sep), name]);
  const readable = readableName(name);
  let seen = { sizeBytes: 0, mtimeMs: 0 };
  try {
    const stats = await fs.stat(source);
    seen = { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
    const quietFor = now - Math.max(stats.mtimeMs, stats.ctimeMs);
    if (quietFor < stabilityWindowMs)
      return { outcome: 'wait', delayMs: stabilityWindowMs - quietFor };
    for (let n = 1; ; n += 1) {
      const target = path.join(directory, numbered(readable, n));
      if (!(await placeWithoutReplacing(source, target, fs))) continue;
      return { outcome: 'renamed', path: target, rawName };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outcome: 'gone' };
    return {
      outcome: 'failed',
      shownPath: path.join(directory, readable),
      rawName,
      error,
      ...seen,
    };
  }
}
