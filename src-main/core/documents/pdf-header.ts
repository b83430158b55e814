// Where a PDF really starts. ISO 32000-2 §7.5.2 puts `%PDF-` first, but readers (pdf.js, qpdf,
// poppler, Acrobat) look for it within the first kilobyte, and scanners and mail gateways leave
// a byte-order mark or a newline in front of it.
import type { ByteSource } from './byte-source.ts';

/** How far readers look for the header; Acrobat's documented tolerance is 1024 bytes. */
export const HEADER_SEARCH_BYTES = 1024;
const HEADER = Buffer.from('%PDF-', 'latin1');

/** Offset of `%PDF-` within the first 1024 bytes, or null when it is not there. */
export async function findPdfHeader(source: ByteSource): Promise<number | null> {
  const head = await source.read(0, HEADER_SEARCH_BYTES + HEADER.length);
  const at = Buffer.from(head.buffer, head.byteOffset, head.byteLength).indexOf(HEADER);
  return at === -1 || at > HEADER_SEARCH_BYTES ? null : at;
}
