// Files whose names are not valid UTF-8, as an old scanner, an SMB share or an FTP drop writes
// them on Linux, where a name is bytes: Node reaches them only through Buffer paths.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `text` with each `\xNN` written as that one byte: `latin1Name('factuur-\\xe9.pdf')`. */
export function latin1Name(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** Writes `bytes` to `folder`/`name`, the name given byte for byte; returns the Buffer path. */
export function writeRawNamed(folder: string, name: Buffer, bytes: Uint8Array): Buffer {
  const target = Buffer.concat([Buffer.from(folder + path.sep), name]);
  writeFileSync(target, bytes);
  return target;
}

/** The names in `folder` as the file system holds them, hex, to compare byte for byte. */
export function rawNamesIn(folder: string): string[] {
  return readdirSync(folder, { encoding: 'buffer' })
    .map((name) => name.toString('hex'))
    .sort();
}
