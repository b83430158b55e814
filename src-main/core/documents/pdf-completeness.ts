// Whether a PDF has been written to its end, judged by content (the rule shared with the
// delivery issue): the `startxref` before the last `%%EOF` points at a cross-reference table or
// stream that parses, and nothing after that `%%EOF` looks like PDF structure (`obj`, `xref`,
// `trailer`); padding of any length may follow. A PDF cut inside an incremental update (ISO
// 32000-2 §7.5.6) still opens in readers, with the earlier revision's pages, so opening is no
// proof of completeness. The readiness gate and the check both ask this.
import { bytesSource, openFileSource, type ByteSource } from './byte-source.ts';
import { findPdfHeader } from './pdf-header.ts';

/**
 * `complete`, with where the live xref was found: at the offset as written, or at that offset
 * plus the bytes in front of `%PDF-` (offsets written before a prefix was added). Otherwise the
 * finding that makes it incomplete.
 */
export type PdfCompleteness =
  | { complete: true; headerOffset: number; xrefAt: 'as_written' | 'after_prefix' }
  | {
      complete: false;
      finding: 'no_end_marker' | 'structure_after_end' | 'xref_not_found';
    };

const END_MARKER = '%%EOF';
/** Backward scan step when looking for the last `%%EOF` behind padding of any length. */
const SCAN_BYTES = 64 * 1024;
/** `startxref`, its offset and line ends fit well within this before `%%EOF`. */
const STARTXREF_WINDOW = 1024;
/** Enough for an xref table's first subsection and entry, or an xref stream's dictionary. */
const XREF_WINDOW = 4096;
/** What only PDF structure looks like: `12 0 obj`, the `xref` and `trailer` keywords. */
const STRUCTURE = /\d+\s+\d+\s+obj\b|(?:^|[^A-Za-z])(?:xref|trailer)(?![A-Za-z])/;
/**
 * An update cut within its first few bytes leaves only the start of an object header (`12 0 o`)
 * after the previous `%%EOF`; no padding is only that.
 */
const PARTIAL_OBJECT_HEADER = /^\s*\d+(?:\s+\d*(?:\s+o?b?)?)?\s*$/;
const XREF_TABLE = /^\s*xref\s+\d+\s+\d+\s+\d{10}\s\d{5}\s[nf]/;
const XREF_STREAM =
  /^\s*\d+\s+\d+\s+obj\s*<<(?:(?!>>\s*stream)[\s\S])*\/Type\s*\/XRef\b[\s\S]*?stream/;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * What an earlier search for the last `%%EOF` of a growing file established: the first
 * `scannedBytes` bytes were searched, the last marker among them ends at `lastEndAt` (null: none),
 * and they ended with `tail`. A file that was only appended to since still starts with those bytes,
 * so a search of it resumes at `scannedBytes` instead of reading the whole file again.
 */
export interface EndMarkerScan {
  readonly scannedBytes: number;
  readonly lastEndAt: number | null;
  readonly tail: Uint8Array;
}

/** Bytes compared to tell an appended file from a rewritten one. */
const TAIL_BYTES = 64;

/** Whether `source` still holds what `previous` searched: same length or longer, same tail. */
async function stillStartsWith(source: ByteSource, previous: EndMarkerScan): Promise<boolean> {
  if (previous.scannedBytes > source.size) return false;
  const at = previous.scannedBytes - previous.tail.length;
  return Buffer.from(await source.read(at, previous.tail.length)).equals(previous.tail);
}

/**
 * Offset just past the last `%%EOF`, scanning back through padding; null when there is none.
 * With `previous` (a search of the same file when it was shorter), only the bytes added since
 * are read.
 */
async function findLastEndMarker(
  source: ByteSource,
  previous: EndMarkerScan | null,
): Promise<EndMarkerScan> {
  const resume = previous !== null && (await stillStartsWith(source, previous)) ? previous : null;
  // A marker split across the old end was not whole then: look again from a marker's length back.
  const floor = resume === null ? 0 : Math.max(0, resume.scannedBytes - END_MARKER.length + 1);
  const scanned = (lastEndAt: number | null): Promise<EndMarkerScan> =>
    source
      .read(Math.max(0, source.size - TAIL_BYTES), TAIL_BYTES)
      .then((tail) => ({ scannedBytes: source.size, lastEndAt, tail: Uint8Array.from(tail) }));
  let end = source.size;
  while (end > floor) {
    const start = Math.max(floor, end - SCAN_BYTES);
    // Overlap by the marker's length so one split across two steps is still seen.
    const text = latin1(await source.read(start, Math.min(source.size, end + 4) - start));
    const at = text.lastIndexOf(END_MARKER);
    if (at !== -1) return scanned(start + at + END_MARKER.length);
    end = start;
  }
  return scanned(resume?.lastEndAt ?? null);
}

async function looksLikeStructure(source: ByteSource, from: number): Promise<boolean> {
  if (PARTIAL_OBJECT_HEADER.test(latin1(await source.read(from, 64)))) return true;
  for (let start = from; start < source.size; start += SCAN_BYTES) {
    // Overlap so a keyword split across two steps is still seen.
    const text = latin1(await source.read(Math.max(from, start - 16), SCAN_BYTES + 16));
    if (STRUCTURE.test(text)) return true;
  }
  return false;
}

async function xrefParsesAt(source: ByteSource, offset: number): Promise<boolean> {
  if (offset < 0 || offset >= source.size) return false;
  const text = latin1(await source.read(offset, XREF_WINDOW));
  return XREF_TABLE.test(text) || XREF_STREAM.test(text);
}

/**
 * Judges completeness of a file that stopped changing, from a file or bytes; reads only the
 * tail, the head and the xref (and the whole file, backwards, when it has no `%%EOF`). A file
 * that ends at its `startxref` is complete here (see ENDS_AT_STARTXREF) when it has no `%%EOF`
 * at all, and when only its last incremental update lacks one (the structure after the last
 * `%%EOF` is then that whole update); the readiness gate still waits its grace for the marker,
 * as a writer may be about to add it.
 */
export async function checkPdfCompleteness(source: ByteSource): Promise<PdfCompleteness> {
  const { verdict } = await checkGrowingPdfCompleteness(source, null);
  if (verdict.complete || verdict.finding === 'xref_not_found') return verdict;
  return (await judgeEndingAtStartxref(source)) ?? verdict;
}

/**
 * The same judgement of a file that may still be growing (the readiness gate asks again after
 * every pause of a writer): given the search of an earlier check of the same file, the search for
 * the last `%%EOF` reads only the bytes added since, so the bytes read over a slow write stay
 * proportional to the file's size. Returns the verdict and the search to pass next time.
 */
export async function checkGrowingPdfCompleteness(
  source: ByteSource,
  previous: EndMarkerScan | null,
): Promise<{ verdict: PdfCompleteness; scan: EndMarkerScan }> {
  const scan = await findLastEndMarker(source, previous);
  return { verdict: await judgeAfterEndMarker(source, scan.lastEndAt), scan };
}

async function judgeAfterEndMarker(
  source: ByteSource,
  afterEnd: number | null,
): Promise<PdfCompleteness> {
  if (afterEnd === null) return { complete: false, finding: 'no_end_marker' };
  if (await looksLikeStructure(source, afterEnd)) {
    return { complete: false, finding: 'structure_after_end' };
  }
  const windowStart = Math.max(0, afterEnd - END_MARKER.length - STARTXREF_WINDOW);
  const before = latin1(await source.read(windowStart, afterEnd - windowStart));
  const last = [...before.matchAll(/startxref\s+(\d+)/g)].at(-1);
  return last?.[1] === undefined
    ? { complete: false, finding: 'xref_not_found' }
    : judgeXrefAt(source, Number(last[1]));
}

/** Complete when the `startxref` offset finds an xref, as written or after a prefix. */
async function judgeXrefAt(source: ByteSource, offset: number): Promise<PdfCompleteness> {
  const headerOffset = (await findPdfHeader(source)) ?? 0;
  if (headerOffset > 0 && (await xrefParsesAt(source, offset + headerOffset))) {
    return { complete: true, headerOffset, xrefAt: 'after_prefix' };
  }
  if (await xrefParsesAt(source, offset)) {
    return { complete: true, headerOffset, xrefAt: 'as_written' };
  }
  return { complete: false, finding: 'xref_not_found' };
}

/**
 * A file or last incremental update without its `%%EOF` that ends with `startxref` and an offset
 * that finds its xref (then only blanks, NULs or a comment such as a misspelt `%EOF`): some
 * writers leave the marker out, and qpdf and poppler read such a file whole, without a warning,
 * with every page of its last revision. Every byte the marker closes is there, so it is complete;
 * a file cut earlier does not end this way (a cut inside the offset's digits finds no xref).
 */
// A comment runs to its line's end (the lookahead), so no two ways of matching a tail exist:
// linear time whatever the bytes.
const ENDS_AT_STARTXREF = /startxref[\s\0]+(\d+)(?:[\s\0]|%[^\r\n]*(?=[\r\n]|$))*$/;

/** Complete when the file ends at a `startxref` that finds its xref; otherwise null. */
async function judgeEndingAtStartxref(source: ByteSource): Promise<PdfCompleteness | null> {
  const start = Math.max(0, source.size - STARTXREF_WINDOW);
  const tail = ENDS_AT_STARTXREF.exec(latin1(await source.read(start, source.size - start)));
  if (tail?.[1] === undefined) return null;
  const verdict = await judgeXrefAt(source, Number(tail[1]));
  return verdict.complete ? verdict : null;
}

/** The same judgement of a file on disk, reading only the parts it needs. */
export async function checkPdfFileCompleteness(filePath: string): Promise<PdfCompleteness> {
  const source = await openFileSource(filePath);
  try {
    return await checkPdfCompleteness(source);
  } finally {
    await source.close();
  }
}

/** The same judgement of bytes already in memory. */
export function checkPdfBytesCompleteness(bytes: Uint8Array): Promise<PdfCompleteness> {
  return checkPdfCompleteness(bytesSource(bytes));
}
