// What Clearfacts accepts is decided by the bytes, never by the file name or Content-Type:
// PDF, JPEG, and UBL 2 / Peppol BIS Billing 3 invoices and credit notes in XML. Everything else
// (PNG included) is refused with a sentence that says what was found.
import { open, readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readPdf } from './pdf-reading.ts';

export type DocumentContent = 'pdf' | 'jpeg' | 'xml';

/** For an XML invoice: its root element's local name and its cbc:ID (BT-1), for tests to compare. */
export interface XmlSeen {
  root: string;
  invoiceNumber: string | null;
}

export type ContentVerdict =
  | { accepted: true; content: DocumentContent; pages: number; xml?: XmlSeen }
  | { accepted: false; reason: string };

const UBL_ROOTS = new Map([
  ['Invoice', 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'],
  ['CreditNote', 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'],
]);

const ACCEPTED = 'Clearfacts accepts PDF, JPEG and UBL (Peppol BIS) XML invoices';
const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

/**
 * The text of an XML upload in its own encoding: a UTF-16 byte-order mark, else the declared
 * encoding (only ISO-8859-1 / Latin-1 among the 8-bit ones), else UTF-8.
 */
function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declaration = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(
    bytes.subarray(0, 200).toString('latin1'),
  );
  const declared = declaration?.[1]?.toLowerCase();
  if (declared === 'iso-8859-1' || declared === 'latin1') return bytes.toString('latin1');
  return new TextDecoder('utf-8').decode(bytes);
}

/** The text of the first child element named `local` (any prefix) of `element`. */
function childText(element: unknown, local: string): string | null {
  if (typeof element !== 'object' || element === null) return null;
  for (const [key, value] of Object.entries(element)) {
    if (key === local || key.endsWith(`:${local}`)) {
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      if (typeof value === 'object' && value !== null && '#text' in value) {
        return String((value as Record<string, unknown>)['#text']);
      }
    }
  }
  return null;
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function pdfVerdict(path: string): Promise<ContentVerdict> {
  // Read with the emulator's own tolerant pdf-lib reader, never the app's pdf.js: a blind spot
  // of one reader then shows up as a disagreement in the tests instead of agreeing silently.
  const reading = await readPdf(await readFile(path));
  switch (reading.outcome) {
    case 'unreadable':
      return { accepted: false, reason: 'The PDF could not be read: it is damaged or incomplete.' };
    case 'needs_password':
      return {
        accepted: false,
        reason: 'The PDF needs a password to open; upload a PDF without one.',
      };
    case 'read':
      if (reading.pages === 0) return { accepted: false, reason: 'The PDF has no pages.' };
      return { accepted: true, content: 'pdf', pages: reading.pages };
  }
}

function rootElementOf(parsed: unknown): { name: string; attributes: Map<string, string> } | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const entry = Object.entries(parsed).find(
    ([key]) => !key.startsWith('?') && !key.startsWith('#'),
  );
  if (entry === undefined) return null;
  const [name, value] = entry;
  const attributes = new Map<string, string>();
  if (typeof value === 'object' && value !== null) {
    for (const [key, attributeValue] of Object.entries(value)) {
      if (key.startsWith('@_') && typeof attributeValue === 'string') {
        attributes.set(key.slice(2), attributeValue);
      }
    }
  }
  return { name, attributes };
}

async function xmlVerdict(path: string): Promise<ContentVerdict> {
  const text = xmlText(await readFile(path));
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    return {
      accepted: false,
      reason: `The XML is not well-formed (line ${validation.err.line}: ${validation.err.msg}).`,
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: false,
  });
  const parsed: unknown = parser.parse(text);
  const root = rootElementOf(parsed);
  if (root === null) return { accepted: false, reason: 'The XML has no root element.' };
  const [prefix, localName] = root.name.includes(':')
    ? (root.name.split(':', 2) as [string, string])
    : [null, root.name];
  const namespace = root.attributes.get(prefix === null ? 'xmlns' : `xmlns:${prefix}`) ?? null;
  if (localName === 'CrossIndustryInvoice' && namespace === CII_NAMESPACE) {
    return {
      accepted: false,
      reason: `UN/CEFACT CII invoices (Factur-X / ZUGFeRD XML) are not supported; ${ACCEPTED}.`,
    };
  }
  const expected = UBL_ROOTS.get(localName);
  if (expected === undefined || namespace !== expected) {
    return {
      accepted: false,
      reason:
        `The XML is not a UBL invoice or credit note (root element <${root.name}>` +
        `${namespace === null ? ' without a namespace' : ` in namespace ${namespace}`}); ${ACCEPTED}.`,
    };
  }
  const element =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)[root.name]
      : null;
  return {
    accepted: true,
    content: 'xml',
    pages: 1,
    xml: { root: localName, invoiceNumber: childText(element, 'ID') },
  };
}

function looksLikeXml(head: Buffer): boolean {
  const text = xmlText(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('<');
}

async function unsupportedVerdict(path: string): Promise<ContentVerdict> {
  const detected = await fileTypeFromFile(path);
  const found =
    detected === undefined
      ? 'content that is not a recognised document format'
      : `a ${detected.ext.toUpperCase()} file (${detected.mime})`;
  return { accepted: false, reason: `Unsupported file type: the upload is ${found}; ${ACCEPTED}.` };
}

/** Decides from the bytes in `path` whether Clearfacts would accept the document. */
export async function inspectDocument(path: string): Promise<ContentVerdict> {
  const head = await readHead(path, 64);
  if (head.length === 0) return { accepted: false, reason: 'The file is empty.' };
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return pdfVerdict(path);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return { accepted: true, content: 'jpeg', pages: 1 };
  }
  if (looksLikeXml(head)) return xmlVerdict(path);
  return unsupportedVerdict(path);
}
