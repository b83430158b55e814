// Files that try to break the engine, each built in code so the test says exactly what it is:
// damaged, locked or empty PDFs, other content wearing a .pdf name, absurd sizes and page counts,
// awkward names and a symlink loop.
import { randomBytes } from 'node:crypto';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writePaddedPdf } from '../../bench/lib/pdf-corpus.ts';
import { handBuiltPdf } from '../fixtures/generate-documents.ts';

export { writeEncryptedPdf } from '../fixtures/generate-documents.ts';

let counter = 0;

/** A valid PDF of `pages` pages, ~`bytes` long, with content no other file has. */
export async function writeValidPdf(filePath: string, pages = 1, bytes = 20_000): Promise<void> {
  counter += 1;
  await writePaddedPdf(filePath, {
    pages,
    bytes,
    id: `${path.basename(filePath)}-${counter}-${randomBytes(6).toString('hex')}`,
    poolOffset: Math.floor(Math.random() * 1_000_000),
  });
}

/** The first 60% of a real 20-page PDF, as an interrupted copy leaves it. */
export async function writeTruncatedPdf(filePath: string): Promise<void> {
  const whole = `${filePath}.whole`;
  await writeValidPdf(whole, 20, 200_000);
  const bytes = await readFile(whole);
  await rm(whole);
  await writeFile(filePath, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
}

export async function writeZeroPagePdf(filePath: string): Promise<void> {
  await writeFile(
    filePath,
    handBuiltPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
  );
}

/** One page tree of `pages` leaves sharing a content stream: a huge count in under a MB. */
export async function writeManyPagePdf(filePath: string, pages: number): Promise<void> {
  const firstPage = 4;
  const kids = Array.from({ length: pages }, (_, index) => `${firstPage + index} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Page of a long ledger) Tj ET\nendstream',
    ...Array.from(
      { length: pages },
      () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>',
    ),
  ];
  await writeFile(filePath, handBuiltPdf(objects));
}

export async function writeHtmlNamedPdf(filePath: string): Promise<void> {
  await writeFile(
    filePath,
    '<!DOCTYPE html>\n<html><head><title>Your invoice</title></head><body><p>Download your invoice <a href="https://example.invalid">here</a>.</p></body></html>\n',
  );
}

/** The start of a Windows executable (MZ header, PE signature) with padding. */
export async function writeExecutableNamedPdf(filePath: string): Promise<void> {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  await writeFile(filePath, bytes);
}

/**
 * Two file links that point at each other (opening either fails with ELOOP), and a folder link
 * to its own parent, which a watcher that follows links would descend into forever.
 */
export async function writeSymlinkLoop(directory: string, name: string): Promise<void> {
  const other = `${name}.loop.pdf`;
  await symlink(other, path.join(directory, name));
  await symlink(name, path.join(directory, other));
  await symlink('.', path.join(directory, `${name}.folder-loop`), 'dir');
}
