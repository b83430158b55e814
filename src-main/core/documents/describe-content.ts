// Words for what a file really is, so a refusal says "This is an HTML page, not a PDF" instead
// of "unsupported type". Detection is by content (file-type's magic bytes, then a look at the
// first bytes for text formats file-type leaves alone); the name only tells what was expected.
import path from 'node:path';

const DETECTED: Record<string, string> = {
  exe: 'a Windows program (EXE)',
  elf: 'a Linux program',
  macho: 'a macOS program',
  msi: 'a Windows installer',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a gzip archive',
  tar: 'a TAR archive',
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  pptx: 'a PowerPoint presentation',
  odt: 'an OpenDocument text',
  ods: 'an OpenDocument spreadsheet',
  cfb: 'an old-style Office document (DOC, XLS or MSG)',
  rtf: 'an RTF document',
  eml: 'an e-mail message',
  png: 'a PNG image',
  gif: 'a GIF image',
  bmp: 'a BMP image',
  webp: 'a WebP image',
  heic: 'a HEIC photo',
  avif: 'an AVIF image',
  tif: 'a TIFF image',
  jpg: 'a JPEG image',
  pdf: 'a PDF',
  xml: 'an XML file',
  svg: 'an SVG drawing',
  mp4: 'a video',
  mov: 'a video',
  mp3: 'an audio file',
  wav: 'an audio file',
  sqlite: 'a database file',
};

const EXPECTED_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'a PDF',
  '.jpg': 'a JPEG image',
  '.jpeg': 'a JPEG image',
  '.png': 'a PNG image',
  '.tif': 'a TIFF image',
  '.tiff': 'a TIFF image',
  '.xml': 'an XML invoice',
};

export const ACCEPTED_TYPES_SENTENCE =
  'Clearfacts accepts PDF, JPEG and UBL / Peppol BIS XML invoices; PNG images are converted to PDF.';

export type TextSniff = 'html' | 'markup' | 'text' | 'binary';

/** Bytes below space other than tab, line feed, vertical tab, form feed and carriage return. */
function isControlByte(byte: number): boolean {
  return byte < 0x09 || (byte > 0x0d && byte < 0x20);
}

/** What the first bytes of a file that file-type did not recognise look like. */
export function sniffText(head: Uint8Array): TextSniff {
  if (head.some(isControlByte)) return 'binary';
  const start = new TextDecoder('utf-8')
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<html[\s>]/.test(start)) {
    return 'html';
  }
  return start.startsWith('<') ? 'markup' : 'text';
}

/** "a ZIP archive" for a file-type extension, or a generic phrase with its MIME type. */
export function describeDetectedType(extension: string, mime: string): string {
  return DETECTED[extension] ?? `a ${extension.toUpperCase()} file (${mime})`;
}

export function describeSniffed(sniff: Exclude<TextSniff, 'markup'>): string {
  switch (sniff) {
    case 'html':
      return 'an HTML page';
    case 'text':
      return 'a plain text file';
    case 'binary':
      return 'a file of an unknown type';
  }
}

/**
 * "This is an HTML page, not a PDF." plus what Clearfacts accepts. The "not …" part appears only
 * when the name promised something else, since that is the surprise the user needs explained.
 */
export function unsupportedMessage(actual: string, fileName: string): string {
  const expected = EXPECTED_BY_EXTENSION[path.extname(fileName).toLowerCase()];
  const what =
    expected !== undefined && expected !== actual ? `${actual}, not ${expected}` : actual;
  return `This is ${what}. ${ACCEPTED_TYPES_SENTENCE}`;
}
