// Reads an XML file as a stream of SAX events in constant memory. The parser is `sax` (isaacs,
// npm): it is maintained, namespace-aware, never expands entities a DOCTYPE declares, and,
// unlike saxes, hands a text node over in pieces once it passes 64 KiB, so a 15 MB base64 PDF
// never sits in memory whole. Bytes are decoded with a streaming TextDecoder in the file's own
// encoding before they reach the parser, which only takes strings.
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import sax from 'sax';
import { detectXmlEncoding } from './xml-encoding.ts';

/**
 * Bytes read at a time. Small pieces keep the garbage between collections small: reading a
 * 15 MB UBL added 13 MB to the peak with 16 KiB pieces, 20–25 MB with 256 KiB.
 */
const READ_BYTES = 16 * 1024;

/**
 * Deepest element nesting read. sax keeps one object per open element and the reader one path
 * step, so a file nested 200,000 deep (hostile or broken) would grow both without bound; it is
 * refused at this depth instead. 256 is libxml2's default `xmlParserMaxDepth`, a limit real XML
 * has lived with for decades; a UBL invoice's own elements nest 6 deep (Invoice/InvoiceLine/
 * Item/ClassifiedTaxCategory/TaxScheme/ID), an XML signature in its UBLExtensions about 12 and
 * an SBDH envelope one more, so no invoice comes near it.
 */
export const MAX_XML_DEPTH = 256;

/** sax's MAX_BUFFER_LENGTH (64 * 1024 characters, lib/sax.js), which its types leave out. */
const SAX_BUFFER_KIB = 64;

/** An element as the handler sees it: local name, namespace URI, attributes by qualified name. */
export interface XmlElement {
  local: string;
  qualifiedName: string;
  uri: string;
  attributes: ReadonlyMap<string, string>;
  /** Prefix → URI bindings in scope, inherited ones included. */
  inScope: Readonly<Record<string, string>>;
  /** Offset (in characters of the decoded text) of the tag's `<`. */
  startOffset: number;
  /** Offset just after the start tag's `>`: where the element's content begins. */
  contentOffset: number;
}

/** What the reader calls; offsets count characters of the decoded text from its start. */
export interface XmlStreamHandler {
  open(element: XmlElement): void;
  /**
   * `endOffset` is just after the closing tag's `>`; `tagOffset` is its `<` (for an empty
   * element written `<a/>`, the start tag's `<`, before the element's `contentOffset`).
   */
  close(endOffset: number, tagOffset: number): void;
  /** Character data (text and CDATA), possibly one node in several pieces. */
  text(piece: string): void;
  /** After each decoded piece went through the parser; awaited, so a sink can write. */
  afterPiece(piece: string, offset: number): Promise<void> | void;
  /** True once the handler has learned all it needs: reading stops early. */
  done(): boolean;
}

/**
 * The file is not XML that can be read: an encoding nothing decodes, bytes invalid in its
 * encoding, XML that is not well-formed where the parser stopped (line and column from 1),
 * elements nested deeper than `limit` (MAX_XML_DEPTH), or a DOCTYPE that declares entities.
 * The message is the parser's English, for the log only: users see the problem's fields.
 */
export class XmlReadError extends Error {
  readonly problem:
    | { kind: 'encoding'; encoding: string }
    | { kind: 'invalid_bytes'; encoding: string }
    | { kind: 'not_well_formed'; line: number; column: number }
    | { kind: 'too_deep'; limit: number }
    | { kind: 'too_long'; limitKiB: number }
    | { kind: 'declares_entities' };
  constructor(message: string, problem: XmlReadError['problem']) {
    super(message);
    this.name = 'XmlReadError';
    this.problem = problem;
  }
}

/**
 * Streams `filePath` through `handler`. Throws XmlReadError for an unreadable encoding, bytes
 * invalid in it, XML that is not well-formed (sax's strict mode), or nesting deeper than
 * MAX_XML_DEPTH (reading stops at the piece where it happens, so memory stays bounded); file
 * system errors pass through unchanged.
 */
export async function streamXml(filePath: string, handler: XmlStreamHandler): Promise<void> {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let parseError: XmlReadError | null = null;
  let depth = 0;
  parser.onerror = (error) => {
    // sax refuses one piece of markup (an attribute value, a comment, a name) longer than
    // SAX_BUFFER_KIB rather than hold it: the file may well be well-formed, so it says so.
    if (error.message.startsWith('Max buffer length exceeded')) {
      parseError ??= new XmlReadError(error.message, {
        kind: 'too_long',
        limitKiB: SAX_BUFFER_KIB,
      });
    }
    // sax counts lines from 0 and columns from 0 after the character it stopped on.
    parseError ??= new XmlReadError(error.message, {
      kind: 'not_well_formed',
      line: parser.line + 1,
      column: parser.column,
    });
  };
  // sax never expands declared entities, so a billion-laughs or XXE file is only "not
  // well-formed" at its first reference; naming the declaration says what is really wrong.
  parser.ondoctype = (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      parseError ??= new XmlReadError('The DOCTYPE declares entities', {
        kind: 'declares_entities',
      });
    }
  };
  // Once the reading failed, the rest of the piece being parsed is not handed on: the handler
  // would see elements past the limit, or a tree the parser no longer vouches for.
  parser.onopentag = (tag) => {
    if (parseError !== null) return;
    depth += 1;
    if (depth > MAX_XML_DEPTH) {
      parseError = new XmlReadError(`Elements nested deeper than ${MAX_XML_DEPTH}`, {
        kind: 'too_deep',
        limit: MAX_XML_DEPTH,
      });
      return;
    }
    const qualified = tag as sax.QualifiedTag;
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(qualified.attributes)) {
      attributes.set(attribute.name, attribute.value);
    }
    handler.open({
      local: qualified.local,
      qualifiedName: qualified.name,
      uri: qualified.uri,
      attributes,
      inScope: flattenBindings(qualified.ns),
      startOffset: parser.startTagPosition - 1,
      contentOffset: parser.position,
    });
  };
  parser.onclosetag = () => {
    if (parseError !== null) return;
    depth -= 1;
    handler.close(parser.position, parser.startTagPosition - 1);
  };
  parser.ontext = (text) => {
    if (parseError === null) handler.text(text);
  };
  parser.oncdata = (text) => {
    if (parseError === null) handler.text(text);
  };

  let decoder: TextDecoder | null = null;
  let offset = 0;
  const feed = async (piece: string) => {
    if (piece.length === 0) return;
    parser.write(piece);
    if (parseError !== null) throw parseError;
    await handler.afterPiece(piece, offset);
    offset += piece.length;
  };
  const stream = createReadStream(filePath, { highWaterMark: READ_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (decoder === null) {
        const encoding = detectXmlEncoding(chunk);
        if ('unsupported' in encoding) {
          throw new XmlReadError(`Unreadable encoding ${encoding.unsupported}`, {
            kind: 'encoding',
            encoding: encoding.unsupported,
          });
        }
        decoder = new TextDecoder(encoding.label, { fatal: true });
      }
      await feed(decode(decoder, chunk, true));
      if (handler.done()) return;
    }
    if (decoder !== null) await feed(decode(decoder, undefined, false));
    parser.close();
    if (parseError !== null) throw parseError;
  } finally {
    stream.destroy();
  }
}

/**
 * sax keeps an element's bindings in an object whose prototype holds its parent's, so the
 * inherited ones are only seen by walking the chain.
 */
function flattenBindings(bindings: Record<string, string>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const prefix in bindings) flat[prefix] = bindings[prefix] ?? '';
  return flat;
}

/** A byte sequence invalid in the declared encoding makes the document not well-formed. */
function decode(decoder: TextDecoder, chunk: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch (error) {
    throw new XmlReadError(
      `The bytes are not valid ${decoder.encoding}: ${error instanceof Error ? error.message : String(error)}`,
      { kind: 'invalid_bytes', encoding: decoder.encoding },
    );
  }
}
