// The emulator's own PDF reader: pdf-lib (a different code base from the app's pdf.js, so the
// two cannot share a blind spot), made as tolerant as mainstream readers where the field cases
// showed pdf-lib is not: pages are counted by walking the tree from the trailer's /Root
// (ignoring a missing /Type), an object defined twice is taken from where the xref points (not
// the last copy in the file), and encryption with an empty user password is recognised by the
// standard security handler's own password check (ISO 32000-2 §7.6.4.3–4), since page trees are
// never encrypted. The emulator needs no qpdf, so the demo runs anywhere.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
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

/** RC4, which node:crypto may not offer under OpenSSL 3; tiny, used on keys and object streams. */
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

/** Algorithm 2 (R 2–4): the file key the empty user password gives. */
function rc4FileKey(encrypt: PDFDict, firstId: Buffer): Buffer | null {
  const revision = numberOf(encrypt, 'R') ?? 2;
  const owner = stringBytes(encrypt.get(PDFName.of('O')));
  const permissions = numberOf(encrypt, 'P');
  if (owner === null || permissions === null) return null;
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
  return key;
}

/** Algorithm 6 (R 2–4): does the file key from the empty password give the file's /U? */
function emptyPasswordOpensRc4(encrypt: PDFDict, key: Buffer, firstId: Buffer): boolean {
  const revision = numberOf(encrypt, 'R') ?? 2;
  const user = stringBytes(encrypt.get(PDFName.of('U')));
  if (user === null) return false;
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

/** Algorithm 2.A (R 5–6): the file key the empty user password unwraps from /UE. */
function aes256FileKey(encrypt: PDFDict): Buffer | null {
  const user = stringBytes(encrypt.get(PDFName.of('U')));
  const wrapped = stringBytes(encrypt.get(PDFName.of('UE')));
  if (user === null || user.length < 48 || wrapped === null || wrapped.length < 32) return null;
  const keySalt = user.subarray(40, 48);
  const intermediate =
    numberOf(encrypt, 'R') === 5
      ? createHash('sha256').update(keySalt).digest()
      : hardenedHash(Buffer.alloc(0), keySalt);
  const decipher = createDecipheriv('aes-256-cbc', intermediate, Buffer.alloc(16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(wrapped.subarray(0, 32)), decipher.final()]);
}

/** How the file's streams are encrypted (§7.6.3, §7.6.5): the cipher and the file key. */
interface StreamCipher {
  method: 'rc4' | 'aes-128' | 'aes-256' | 'none';
  fileKey: Buffer;
}

/** The crypt filter method streams use: /StmF's entry in /CF for V 4–5, RC4 below (§7.6.5). */
function streamMethod(encrypt: PDFDict, context: PDFContext): StreamCipher['method'] {
  const version = numberOf(encrypt, 'V') ?? 0;
  if (version < 4) return 'rc4';
  const filterName = encrypt.get(PDFName.of('StmF'))?.toString() ?? '/Identity';
  if (filterName === '/Identity') return 'none';
  const filters = context.lookup(encrypt.get(PDFName.of('CF')));
  const filter =
    filters instanceof PDFDict
      ? context.lookup(filters.get(PDFName.of(filterName.slice(1))))
      : null;
  const method = filter instanceof PDFDict ? filter.get(PDFName.of('CFM'))?.toString() : undefined;
  if (method === '/AESV2') return 'aes-128';
  if (method === '/AESV3') return 'aes-256';
  return method === '/V2' ? 'rc4' : 'none';
}

/**
 * The stream cipher when the standard security handler opens the file with the empty user
 * password, null when it needs a real one (or is not the standard handler).
 */
function emptyPasswordCipher(document: PDFDocument): StreamCipher | null {
  const context = document.context;
  const encrypt = context.lookup(context.trailerInfo.Encrypt);
  if (!(encrypt instanceof PDFDict)) return null;
  if (encrypt.get(PDFName.of('Filter'))?.toString() !== '/Standard') return null;
  const revision = numberOf(encrypt, 'R') ?? 2;
  if (revision >= 5) {
    const fileKey = emptyPasswordOpensAes256(encrypt) ? aes256FileKey(encrypt) : null;
    return fileKey === null ? null : { method: streamMethod(encrypt, context), fileKey };
  }
  const ids = context.lookup(context.trailerInfo.ID);
  const firstId = (ids instanceof PDFArray ? stringBytes(ids.get(0)) : null) ?? Buffer.alloc(0);
  const fileKey = rc4FileKey(encrypt, firstId);
  if (fileKey === null || !emptyPasswordOpensRc4(encrypt, fileKey, firstId)) return null;
  return { method: streamMethod(encrypt, context), fileKey };
}

/** Algorithm 1 (§7.6.2) and its AES-256 form: one stream's bytes, decrypted. */
function decryptStream(cipher: StreamCipher, ref: PDFRef, data: Uint8Array): Buffer {
  if (cipher.method === 'none') return Buffer.from(data);
  let key = cipher.fileKey;
  if (cipher.method !== 'aes-256') {
    const suffix = Buffer.alloc(5);
    suffix.writeUIntLE(ref.objectNumber, 0, 3);
    suffix.writeUIntLE(ref.generationNumber, 3, 2);
    const hash = createHash('md5').update(key).update(suffix);
    if (cipher.method === 'aes-128') hash.update('sAlT', 'latin1');
    key = hash.digest().subarray(0, Math.min(key.length + 5, 16));
  }
  if (cipher.method === 'rc4') return rc4(key, data);
  const decipher = createDecipheriv(
    cipher.method === 'aes-128' ? 'aes-128-cbc' : 'aes-256-cbc',
    key,
    data.subarray(0, 16),
  );
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
}

/**
 * pdf-lib reads object streams without decrypting them, so the objects inside (the page tree
 * among them, when qpdf or Acrobat wrote them) are lost. This finds each /Type /ObjStm object in
 * the file, decrypts and inflates it, and puts its objects into the context as pdf-lib would
 * have (§7.5.7), later streams in the file over earlier ones.
 */
function readEncryptedObjectStreams(
  bytes: Uint8Array,
  text: string,
  cipher: StreamCipher,
  context: PDFContext,
): void {
  for (const match of text.matchAll(/(?:^|[\s>])(\d+)\s+(\d+)\s+obj\b/g)) {
    const body = match.index + match[0].length;
    if (!/^\s*<<[^]{0,200}\/Type\s*\/ObjStm/.test(text.slice(body, body + 240))) continue;
    try {
      const stream = PDFObjectParser.forBytes(bytes.subarray(body), context).parseObject();
      if (!(stream instanceof PDFRawStream)) continue;
      const ref = PDFRef.of(Number(match[1]), Number(match[2]));
      const plain = decryptStream(cipher, ref, stream.contents);
      const filter = stream.dict.get(PDFName.of('Filter'))?.toString();
      const decoded = filter === '/FlateDecode' ? inflateSync(plain) : plain;
      const first = numberOf(stream.dict, 'First') ?? 0;
      const count = numberOf(stream.dict, 'N') ?? 0;
      const header = latin1(decoded.subarray(0, first)).trim().split(/\s+/).map(Number);
      for (let index = 0; index < count; index += 1) {
        const number = header[index * 2];
        const offset = header[index * 2 + 1];
        if (number === undefined || offset === undefined) break;
        const parsed = PDFObjectParser.forBytes(
          decoded.subarray(first + offset),
          context,
        ).parseObject();
        context.assign(PDFRef.of(number), parsed);
      }
    } catch {
      // A damaged stream loses its objects, as an unreadable object does anywhere else.
    }
  }
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
  const text = latin1(bytes);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    preferXrefCopies(bytes, text, document.context);
  } catch {
    return { outcome: 'unreadable' };
  }
  if (document.isEncrypted) {
    const cipher = emptyPasswordCipher(document);
    if (cipher === null) return { outcome: 'needs_password' };
    readEncryptedObjectStreams(bytes, text, cipher, document.context);
  }
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
