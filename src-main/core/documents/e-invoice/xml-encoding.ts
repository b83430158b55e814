// The character encoding of an XML file, found the way XML 1.0 (5th ed.) Appendix F describes:
// a byte order mark, else the UTF-16 pattern of "<?", else the encoding declaration, else UTF-8.
// Decoding itself is the platform's TextDecoder (WHATWG Encoding), streamed.

/** How to decode a file: a TextDecoder label, or the declared name nothing can decode. */
export type XmlEncoding = { label: string } | { unsupported: string };

/** Bytes the declaration must fit in; XML allows only ASCII there, in every 8-bit encoding. */
const DECLARATION_BYTES = 200;

const DECLARATION = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * The encoding of the XML whose first bytes are `head`. A BOM wins (UTF-8, UTF-16 LE/BE);
 * UTF-16 without a BOM is told by `<\0?\0`; otherwise the declaration names an 8-bit
 * encoding (ISO-8859-1 is decoded as its WHATWG superset windows-1252). A declared UTF-16 in
 * bytes that are not UTF-16 is unreadable, as is a name TextDecoder does not know.
 */
export function detectXmlEncoding(head: Uint8Array): XmlEncoding {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { label: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { label: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { label: 'utf-16be' };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { label: 'utf-16le' };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { label: 'utf-16be' };
  const start = new TextDecoder('latin1').decode(head.subarray(0, DECLARATION_BYTES));
  const declared = DECLARATION.exec(start)?.[1];
  if (declared === undefined) return { label: 'utf-8' };
  if (/^utf-?16/i.test(declared) || /^(ucs|utf-?32)/i.test(declared)) {
    return { unsupported: declared };
  }
  try {
    return { label: new TextDecoder(declared).encoding };
  } catch {
    return { unsupported: declared };
  }
}
