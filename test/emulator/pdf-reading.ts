// The emulator's own PDF reader: pdf-lib (a different code base from the app's pdf.js, so the
// two cannot share a blind spot), made as tolerant as mainstream readers where the field cases
// showed pdf-lib is not: pages are counted by walking the tree from the trailer's /Root
// (ignoring a missing /Type), an object defined twice is taken from where the xref points (not
// the last copy in the file), and encryption with an empty user password is recognised by the
// standard security handler's own password check (ISO 32000-2 §7.6.4.3–4), since page trees are
// never encrypted. The emulator needs no qpdf, so the demo runs anywhere.
import { createCipheriv, createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

/**
 * `declaredPages`: the page tree root's /Count (what qpdf --show-npages prints); `pages`: what
 * readers that page through the tree show, that count unless the tree holds fewer leaves.
 */
export type PdfReading =
  | { outcome: 'read'; pages: number; declaredPages: number }
  | { outcome: 'needs_password' }
  | { outcome: 'unreadable' };

/** ISO 32000-2 §7.6.4.3.2: the padding string the empty password becomes. */
const PASSWORD_PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);
/** Nesting deeper than this is a loop in the page tree, not a real document. */
const MAX_TREE_DEPTH = 64;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Object number → offset, newest revision first, from classic xref tables along /Prev. */
function classicXrefOffsets(text: string, headerOffset: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const startxref = [...text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
  let at = startxref === undefined ? null : Number(startxref);
  const seen = new Set<number>();
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const base = text.startsWith('xref', at + headerOffset) ? at + headerOffset : at;
    if (!text.startsWith('xref', base)) break;
    const end = text.indexOf('trailer', base);
    if (end === -1) break;
    const lines = text
      .slice(base + 4, end)
      .trim()
      .split(/\r\n|\r|\n/);
    let number = 0;
    for (const line of lines) {
      const parts = line.trim().split(/\s+/);
      if (parts.length === 2) {
        number = Number(parts[0]);
        continue;
      }
      if (parts[2] === 'n' && !offsets.has(number)) offsets.set(number, Number(parts[0]));
      number += 1;
    }
    const prev = /\/Prev\s+(\d+)/.exec(text.slice(end, text.indexOf('startxref', end)))?.[1];
    at = prev === undefined ? null : Number(prev);
  }
  return offsets;
}

/** Where pdf-lib kept the last copy of an object defined twice, take the one the xref names. */
function preferXrefCopies(bytes: Uint8Array, text: string, context: PDFContext): void {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/(?:^|[\s>])(\d+)\s+\d+\s+obj\b/g)) {
    const number = Number(match[1]);
    counts.set(number, (counts.get(number) ?? 0) + 1);
  }
  const twice = [...counts].filter(([, count]) => count > 1).map(([number]) => number);
  if (twice.length === 0) return;
  const headerOffset = Math.max(0, text.indexOf('%PDF-'));
  const offsets = classicXrefOffsets(text, headerOffset);
  for (const number of twice) {
    const offset = offsets.get(number);
    if (offset === undefined) continue;
    const body = text.indexOf('obj', offset + headerOffset);
    if (body === -1) continue;
    const parsed = PDFObjectParser.forBytes(bytes.subarray(body + 3), context).parseObject();
    context.assign(PDFRef.of(number), parsed);
  }
}

function stringBytes(value: PDFObject | undefined): Buffer | null {
  if (value instanceof PDFString || value instanceof PDFHexString) {
    return Buffer.from(value.asBytes());
  }
  return null;
}

function numberOf(dict: PDFDict, key: string): number | null {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : null;
}

/** RC4, which node:crypto may not offer under OpenSSL 3; tiny and only used on 32 bytes. */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, index) => index);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n += 1) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

/** Algorithms 2 and 6 (R 2–4): does the empty user password open the file? */
function emptyPasswordOpensRc4(encrypt: PDFDict, firstId: Buffer): boolean {
  const revision = numberOf(encrypt, 'R') ?? 2;
  const owner = stringBytes(encrypt.get(PDFName.of('O')));
  const user = stringBytes(encrypt.get(PDFName.of('U')));
  const permissions = numberOf(encrypt, 'P');
  if (owner === null || user === null || permissions === null) return false;
  const keyBytes = revision === 2 ? 5 : (numberOf(encrypt, 'Length') ?? 40) / 8;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const metadata = encrypt.get(PDFName.of('EncryptMetadata'));
  const hash = createHash('md5').update(PASSWORD_PADDING).update(owner.subarray(0, 32)).update(p);
  hash.update(firstId);
  if (revision >= 4 && metadata?.toString() === 'false') hash.update(Buffer.alloc(4, 0xff));
  let key = hash.digest().subarray(0, keyBytes);
  if (revision >= 3) {
    for (let round = 0; round < 50; round += 1) {
      key = createHash('md5').update(key).digest().subarray(0, keyBytes);
    }
  }
  if (revision === 2) return rc4(key, PASSWORD_PADDING).equals(user.subarray(0, 32));
  let value: Buffer = createHash('md5').update(PASSWORD_PADDING).update(firstId).digest();
  for (let round = 0; round < 20; round += 1) {
    value = rc4(Buffer.from(key.map((byte) => byte ^ round)), value);
  }
  return value.equals(user.subarray(0, 16));
}

/** Algorithm 2.B (R 6): the iterated SHA-2 hash of a password with a salt. */
function hardenedHash(password: Buffer, salt: Buffer): Buffer {
  let k: Buffer = createHash('sha256').update(password).update(salt).digest();
  for (let round = 0; ; round += 1) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let index = 0; index < 16; index += 1) sum += e[index] ?? 0;
    const algorithm = ['sha256', 'sha384', 'sha512'][sum % 3] ?? 'sha256';
    k = createHash(algorithm).update(e).digest();
    // The spec counts rounds from 1 here: stop after round 64 or later once E's last byte is
    // at most that count minus 32.
    if (round >= 63 && (e.at(-1) ?? 0) <= round + 1 - 32) return k.subarray(0, 32);
  }
}

/** Algorithm 11 (R 5–6): does the empty user password open the file? */
function emptyPasswordOpensAes256(encrypt: PDFDict): boolean {
  const user = stringBytes(encrypt.get(PDFName.of('U')));
  if (user === null || user.length < 48) return false;
  const salt = user.subarray(32, 40);
  const hash =
    numberOf(encrypt, 'R') === 5
      ? createHash('sha256').update(salt).digest()
      : hardenedHash(Buffer.alloc(0), salt);
  return hash.equals(user.subarray(0, 32));
}

function emptyPasswordOpens(document: PDFDocument): boolean {
  const encrypt = document.context.lookup(document.context.trailerInfo.Encrypt);
  if (!(encrypt instanceof PDFDict)) return false;
  if (encrypt.get(PDFName.of('Filter'))?.toString() !== '/Standard') return false;
  const revision = numberOf(encrypt, 'R') ?? 2;
  if (revision >= 5) return emptyPasswordOpensAes256(encrypt);
  const ids = document.context.lookup(document.context.trailerInfo.ID);
  const firstId = ids instanceof PDFArray ? stringBytes(ids.get(0)) : null;
  return emptyPasswordOpensRc4(encrypt, firstId ?? Buffer.alloc(0));
}

/**
 * Leaves of the page tree from the catalog's /Pages, whatever their /Type says, and the root's
 * /Count (the leaves when it has none).
 */
function countPages(document: PDFDocument): { leaves: number; declared: number } {
  const context = document.context;
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) throw new Error('no catalog');
  const visit = (node: PDFObject | undefined, depth: number): number => {
    const dict = node instanceof PDFRef ? context.lookup(node) : node;
    if (!(dict instanceof PDFDict) || depth > MAX_TREE_DEPTH) return 0;
    const kids = context.lookup(dict.get(PDFName.of('Kids')));
    if (!(kids instanceof PDFArray)) return 1;
    let pages = 0;
    for (let index = 0; index < kids.size(); index += 1) pages += visit(kids.get(index), depth + 1);
    return pages;
  };
  const root = catalog.get(PDFName.of('Pages'));
  const leaves = visit(root, 0);
  const rootDict = root instanceof PDFRef ? context.lookup(root) : root;
  const count = rootDict instanceof PDFDict ? numberOf(rootDict, 'Count') : null;
  return { leaves, declared: count ?? leaves };
}

/**
 * pdf-lib announces every damaged object it skips with console.warn ("Trying to parse invalid
 * object", "Invalid object ref"). Those lines tell a person nothing and land on the demo's console
 * and in the emulator's output; the reading's outcome already says what matters. Only these two
 * lines are dropped, so any other warning still shows. Installed once, whichever code loads this.
 */
const PDF_LIB_PARSE_NOISE = /^(Trying to parse invalid object: |Invalid object ref: )/;
const consoleWarn = console.warn.bind(console);
console.warn = (...parts: unknown[]) => {
  if (typeof parts[0] === 'string' && PDF_LIB_PARSE_NOISE.test(parts[0])) return;
  consoleWarn(...parts);
};

/** Reads a PDF's bytes the way the emulator's Clearfacts does. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    preferXrefCopies(bytes, latin1(bytes), document.context);
  } catch {
    return { outcome: 'unreadable' };
  }
  if (document.isEncrypted && !emptyPasswordOpens(document)) return { outcome: 'needs_password' };
  try {
    const { leaves, declared } = countPages(document);
    // A negative /Count (what qpdf --show-npages prints) shows no page.
    return {
      outcome: 'read',
      pages: Math.max(0, Math.min(leaves, declared)),
      declaredPages: declared,
    };
  } catch {
    return { outcome: 'unreadable' };
  }
}
