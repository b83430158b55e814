// What a file really is, as a term the catalogues name, so a refusal says "This is an HTML page,
// not a PDF" instead of "unsupported type". Detection is by content (file-type's magic bytes, then a look at the
// first bytes for text formats file-type leaves alone); the name only tells what was expected.
import path from 'node:path';
import { msg, type Message, type Terms } from '../../contract/messages/message.ts';

type FileTypeTerm = Terms['fileType'] extends Record<infer K, string> ? K : never;

/** What a refused file is: a term the catalogues name, and, for an unnamed type, its MIME type. */
export interface DetectedType {
  type: FileTypeTerm;
  detail?: string;
}

const DETECTED: Record<string, FileTypeTerm> = {
  exe: 'exe',
  elf: 'elf',
  macho: 'macho',
  msi: 'msi',
  zip: 'zip',
  rar: 'rar',
  '7z': '7z',
  gz: 'gz',
  tar: 'tar',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  cfb: 'cfb',
  rtf: 'rtf',
  eml: 'eml',
  png: 'png',
  gif: 'gif',
  bmp: 'bmp',
  webp: 'webp',
  heic: 'heic',
  avif: 'avif',
  tif: 'tif',
  jpg: 'jpg',
  pdf: 'pdf',
  xml: 'xml',
  svg: 'svg',
  mp4: 'video',
  mov: 'video',
  mp3: 'audio',
  wav: 'audio',
  sqlite: 'sqlite',
};

const EXPECTED_BY_EXTENSION: Record<string, FileTypeTerm> = {
  '.pdf': 'pdf',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.png': 'png',
  '.tif': 'tif',
  '.tiff': 'tif',
  '.xml': 'xml_invoice',
};

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

/** The term for a file-type extension, or "another type" with the extension and MIME type. */
export function describeDetectedType(extension: string, mime: string): DetectedType {
  const known = DETECTED[extension];
  return known === undefined
    ? { type: 'other', detail: `${extension.toUpperCase()} (${mime})` }
    : { type: known };
}

export function describeSniffed(sniff: Exclude<TextSniff, 'markup'>): DetectedType {
  return { type: sniff };
}

/**
 * "This is an HTML page, not a PDF." plus what Clearfacts accepts. The "not …" part appears only
 * when the name promised something else, since that is the surprise the user needs explained.
 */
export function unsupportedMessage(actual: FileTypeTerm, fileName: string): Message {
  const expected = EXPECTED_BY_EXTENSION[path.extname(fileName).toLowerCase()];
  return expected !== undefined && expected !== actual
    ? msg('type_unsupported_not_expected', { actual, expected })
    : msg('type_unsupported', { actual });
}
