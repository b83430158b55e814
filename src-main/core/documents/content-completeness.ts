// Whether a JPEG, PNG or XML file is whole, judged by its content rather than by time: a scanner
// or an SMB copy can pause longer than any stability window while it keeps the file open, so
// "unchanged for two seconds" alone sent the first quarter of a scan. Each format says where it
// ends, and a file that does not reach that end is still being written or was cut off.
// PDFs are judged by their own rule (the trailer); this module answers `not_judged` for them.
import { open } from 'node:fs/promises';
import { streamXml, XmlReadError } from './e-invoice/stream-xml.ts';
import { readPngChunks } from './png-chunks.ts';

/** The formats this rule knows, named like `DocumentKind`. */
export type JudgedKind = 'jpeg' | 'png' | 'xml';

/**
 * `complete`: the format's end was reached (data after it is allowed: phones append some to
 * JPEGs). `incomplete`: the file stops before its end, or its structure breaks on the way.
 * `not_judged`: not one of these formats by its first bytes (or too large to read here), so
 * another rule, or the checks, decide.
 */
export type ContentCompleteness =
  | { verdict: 'complete'; kind: JudgedKind }
  | { verdict: 'incomplete'; kind: JudgedKind }
  | { verdict: 'not_judged' };

/**
 * Files beyond this are not read into memory to be judged: that is far more than Clearfacts
 * accepts, so the checks refuse them as too large anyway.
 */
export const MAX_JUDGED_BYTES = 256 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format by its first bytes; null when it is none of the judged ones. */
export function judgedKindOf(head: Uint8Array): JudgedKind | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && PNG_SIGNATURE.every((byte, index) => head[index] === byte)) return 'png';
  let index = 0;
  // A UTF-8 byte order mark, then optional whitespace, then the first tag.
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) index = 3;
  while (index < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[index] as number)) {
    index += 1;
  }
  return head[index] === 0x3c ? 'xml' : null;
}

/**
 * Walks a JPEG's markers (ITU T.81, annex B) from SOI to EOI: every segment but the
 * stand-alone markers (SOI, EOI, RSTn, TEM) carries a two-byte length that includes itself, and
 * after a start-of-scan the entropy-coded data runs until an 0xFF that is neither stuffing (FF 00)
 * nor a restart marker. A thumbnail's own SOI/EOI inside an APP1 segment is skipped with that
 * segment. True only when EOI is reached; bytes after it are ignored.
 */
export function jpegReachesEnd(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    // Any number of 0xFF fill bytes may precede a marker (T.81 B.1.1.2).
    while (offset < bytes.length && bytes[offset] === 0xff) offset += 1;
    if (offset >= bytes.length) return false;
    const marker = bytes[offset] as number;
    offset += 1;
    if (marker === 0xd9) return true;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (offset + 2 > bytes.length) return false;
    const length = ((bytes[offset] as number) << 8) | (bytes[offset + 1] as number);
    if (length < 2) return false;
    offset += length;
    if (offset > bytes.length) return false;
    if (marker === 0xda) {
      // Entropy-coded data: find the next real marker.
      while (offset < bytes.length) {
        if (bytes[offset] !== 0xff) {
          offset += 1;
          continue;
        }
        const next = bytes[offset + 1];
        if (next === undefined) return false;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          offset += next === 0xff ? 1 : 2;
          continue;
        }
        break;
      }
    }
  }
  return false;
}

/** Reasons the XML reader stops that say what the file is, not that it is cut off. */
const REFUSED_NOT_TRUNCATED: ReadonlySet<XmlReadError['problem']['kind']> = new Set([
  'too_deep',
  'too_long',
  'declares_entities',
]);

/**
 * True when the file is well-formed XML whose root element is closed (trailing space allowed),
 * or the reader refuses it for what it holds (REFUSED_NOT_TRUNCATED). Read as a stream in its own encoding:
 * judging the whole text at once held a 15 MB e-invoice three times over (bytes, string,
 * parser), 47 MB above the engine's idle memory.
 */
export async function xmlFileReachesEnd(filePath: string): Promise<boolean> {
  try {
    await streamXml(filePath, {
      open: () => undefined,
      close: () => undefined,
      text: () => undefined,
      afterPiece: () => undefined,
      done: () => false,
    });
    return true;
  } catch (error) {
    // Too deep, a piece of markup too long, or entities declared are no sign of a file still
    // being written: the check that follows refuses the file for them, so the gate lets it
    // through instead of waiting for an end it will not look for.
    if (error instanceof XmlReadError) return REFUSED_NOT_TRUNCATED.has(error.problem.kind);
    throw error;
  }
}

/** The verdict on a JPEG's or a PNG's bytes already in memory; XML is judged as a stream. */
export function judgeBytes(bytes: Uint8Array): ContentCompleteness {
  const kind = judgedKindOf(bytes.subarray(0, 16));
  if (kind === null || kind === 'xml') return { verdict: 'not_judged' };
  const whole = kind === 'jpeg' ? jpegReachesEnd(bytes) : readPngChunks(bytes) !== null;
  return { verdict: whole ? 'complete' : 'incomplete', kind };
}

/**
 * Reads the file and judges it. Only the head is read for a format this rule does not judge.
 * Errors of the file system (gone, locked) are thrown for the caller to classify.
 */
export async function judgeFile(filePath: string): Promise<ContentCompleteness> {
  const handle = await open(filePath, 'r');
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const kind = judgedKindOf(head.subarray(0, bytesRead));
    if (kind === null) return { verdict: 'not_judged' };
    if (kind === 'xml') {
      return { verdict: (await xmlFileReachesEnd(filePath)) ? 'complete' : 'incomplete', kind };
    }
    const { size } = await handle.stat();
    if (size > MAX_JUDGED_BYTES) return { verdict: 'not_judged' };
    return judgeBytes(await handle.readFile());
  } finally {
    await handle.close();
  }
}
