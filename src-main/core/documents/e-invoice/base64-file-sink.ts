// Decodes a base64 text node that arrives in pieces straight to a file, so the embedded PDF of
// a UBL invoice (EmbeddedDocumentBinaryObject, often 10+ MB) never sits in memory whole.
// Node's Buffer decodes each piece; only the 0–3 characters that do not finish a 4-character
// group are carried to the next piece.
import { createHash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';

/** The decoded size, whether the bytes start like a PDF (`%PDF-`), and their SHA-256 (hex). */
export interface DecodedAttachment {
  bytes: number;
  isPdf: boolean;
  /** Compared with a PDF beside the XML: the same bytes are the same visual (pairing). */
  sha256: string;
}

/** Sink for one base64 node; `write` is synchronous (SAX callbacks), `flush` writes out. */
export interface Base64FileSink {
  write(text: string): void;
  /** Writes what was decoded so far to the file, if there is one. */
  flush(): Promise<void>;
  /** Decodes the remainder; removes the file unless it holds a PDF. */
  finish(): Promise<DecodedAttachment>;
  /** Closes and removes the file (reading stopped early). */
  discard(): Promise<void>;
}

const PDF_MAGIC = '%PDF-';
/** Whitespace and the `=` padding, which only ends the node, are dropped before decoding. */
const NOT_BASE64 = /[^A-Za-z0-9+/]/g;

/**
 * A sink that decodes to `outputPath`, or only counts and sniffs when it is null. The file is
 * created on the first flush.
 */
export function createBase64FileSink(outputPath: string | null): Base64FileSink {
  let carry = '';
  let bytes = 0;
  let head = '';
  let pending: Buffer[] = [];
  let handle: FileHandle | null = null;
  const hash = createHash('sha256');

  const take = (decoded: Buffer) => {
    bytes += decoded.length;
    hash.update(decoded);
    if (head.length < PDF_MAGIC.length) {
      head += decoded.subarray(0, PDF_MAGIC.length - head.length).toString('latin1');
    }
    if (outputPath !== null) pending.push(decoded);
  };

  const decodeGroups = (text: string) => {
    const clean = carry + text.replace(NOT_BASE64, '');
    const whole = clean.length - (clean.length % 4);
    carry = clean.slice(whole);
    if (whole > 0) take(Buffer.from(clean.slice(0, whole), 'base64'));
  };

  const flush = async () => {
    if (outputPath === null || pending.length === 0) return;
    handle ??= await open(outputPath, 'w', 0o600);
    const buffers = pending;
    pending = [];
    await handle.writev(buffers);
  };

  return {
    write: decodeGroups,
    flush,
    async finish() {
      // A final group of 2 or 3 characters is base64 whose `=` padding was dropped.
      if (carry.length > 1) take(Buffer.from(carry, 'base64'));
      carry = '';
      await flush();
      await handle?.close();
      handle = null;
      const isPdf = head === PDF_MAGIC;
      if (outputPath !== null && !isPdf) await rm(outputPath, { force: true });
      return { bytes, isPdf, sha256: hash.digest('hex') };
    },
    async discard() {
      pending = [];
      await handle?.close();
      handle = null;
      if (outputPath !== null) await rm(outputPath, { force: true });
    },
  };
}
