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
 * A sink that decodes to `outputPath`, or only counts, hashes and sniffs when it is null. The file is
 * created on the first flush.
 */
export function createBase64FileSink(outputPath: string | null): Base64FileSink {
  let carry = '';
  let bytes = 0;
  let head = '';
  /**
   * Decoded bytes waiting for the next flush, in one buffer reused for the whole node: a fresh
   * Buffer per piece left 11 MB of dead ArrayBuffers behind a 15 MB node, which V8 frees late.
   */
  let staging = Buffer.alloc(64 * 1024);
  let staged = 0;
  let handle: FileHandle | null = null;
  const hash = createHash('sha256');

  /**
   * Decodes whole groups into the staging buffer and hashes them; when only sizing, the buffer
   * is reused at once, so the attachment is hashed (pairing needs it) without being kept.
   */
  const take = (groups: string) => {
    const size =
      (groups.length / 4) * 3 - (groups.endsWith('==') ? 2 : groups.endsWith('=') ? 1 : 0);
    if (staged + size > staging.length) {
      const grown = Buffer.alloc(Math.max(staging.length * 2, staged + size));
      staging.copy(grown, 0, 0, staged);
      staging = grown;
    }
    const written = staging.write(groups, staged, 'base64');
    const decoded = staging.subarray(staged, staged + written);
    hash.update(decoded);
    if (head.length < PDF_MAGIC.length) {
      head += decoded.subarray(0, PDF_MAGIC.length - head.length).toString('latin1');
    }
    if (outputPath !== null) staged += written;
    bytes += written;
  };

  const decodeGroups = (text: string) => {
    const clean = carry + text.replace(NOT_BASE64, '');
    const whole = clean.length - (clean.length % 4);
    carry = clean.slice(whole);
    if (whole > 0) take(clean.slice(0, whole));
  };

  const flush = async () => {
    if (outputPath === null || staged === 0) return;
    handle ??= await open(outputPath, 'w', 0o600);
    await handle.write(staging, 0, staged);
    staged = 0;
  };

  return {
    write: decodeGroups,
    flush,
    async finish() {
      // A final group of 2 or 3 characters is base64 whose `=` padding was dropped.
      if (carry.length > 1) take(carry + '='.repeat(4 - carry.length));
      carry = '';
      await flush();
      await handle?.close();
      handle = null;
      const isPdf = head === PDF_MAGIC;
      if (outputPath !== null && !isPdf) await rm(outputPath, { force: true });
      return { bytes, isPdf, sha256: hash.digest('hex') };
    },
    async discard() {
      staged = 0;
      await handle?.close();
      handle = null;
      if (outputPath !== null) await rm(outputPath, { force: true });
    },
  };
}
