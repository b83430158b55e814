// Advice from the UBL 2.1 XML Schema: the copy of an invoice without its embedded attachment
// (schema-copy.ts) validated against the official OASIS UBL 2.1 XSDs (assets/ubl-2.1-xsd/) by
// libxml2 compiled to WebAssembly (xmllint-wasm, which runs each validation in a worker thread
// of its own). Clearfacts runs its own checks, so an error here is a warning on the row, never a
// reason to hold or refuse a file; a validation that cannot run gives no advice.
import { readdir, readFile } from 'node:fs/promises';
import { validateXML, type XMLFileInfo, type XMLValidationError } from 'xmllint-wasm';
import { msg, type Message, type MessageParams } from '../../../contract/messages/message.ts';

/** The schemas, from this module's place in src-main/ or dist/ to the package's assets/. */
const SCHEMA_ROOT = new URL('../../../../assets/ubl-2.1-xsd/', import.meta.url);
/** At most this many schema errors become advice: the first ones say what is wrong. */
export const MAX_SCHEMA_ADVICE = 5;
/**
 * WebAssembly memory for one validation, in 64 KiB pages: 16 MiB, the least the module starts
 * with (xmllint-wasm's default initial memory), which holds the compiled UBL schemas and a copy
 * of SCHEMA_COPY_LIMIT_CHARS (measured: a valid invoice validates at 16 MiB).
 */
const MAX_MEMORY_PAGES = 256;
/**
 * Longest copy validated, in characters: an invoice's text without its attachment is far less
 * (the builder's sample is 2 KB; a thousand-line invoice about 1 MB).
 */
export const SCHEMA_COPY_LIMIT_CHARS = 1024 * 1024;

/** Usual prefixes of the UBL 2.1 namespaces, so an element reads as the invoice writes it. */
const PREFIXES: Record<string, string> = {
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac:',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc:',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2': 'ext:',
};

interface Schemas {
  Invoice: XMLFileInfo;
  CreditNote: XMLFileInfo;
  common: XMLFileInfo[];
}

/**
 * One validation at a time: each starts a worker and 16 MiB of WebAssembly memory, so files
 * checked together wait for each other rather than add up.
 */
let running: Promise<unknown> = Promise.resolve();

/**
 * The XSD files (2.7 MB), read for each validation rather than kept: the maindoc schemas import
 * `../common/…`, so they keep those paths.
 */
async function loadSchemas(): Promise<Schemas> {
  const file = async (name: string): Promise<XMLFileInfo> => ({
    fileName: name,
    contents: await readFile(new URL(name, SCHEMA_ROOT)),
  });
  const commonNames = (await readdir(new URL('common/', SCHEMA_ROOT))).filter((name) =>
    name.endsWith('.xsd'),
  );
  return {
    Invoice: await file('maindoc/UBL-Invoice-2.1.xsd'),
    CreditNote: await file('maindoc/UBL-CreditNote-2.1.xsd'),
    common: await Promise.all(commonNames.map((name) => file(`common/${name}`))),
  };
}

/**
 * The schema errors of `xml` (an Invoice or CreditNote, as text) as `ubl_xsd_invalid` advice: at
 * most MAX_SCHEMA_ADVICE, each with its line in the file, the element (prefixed cac:/cbc:/ext:
 * as usual) and what is wrong, as a term, since libxml2's sentence is English. Empty when the
 * invoice follows the schema, or when the validation could not run (its memory ran out).
 */
export async function adviseUblSchema(
  xml: string,
  root: 'Invoice' | 'CreditNote',
): Promise<Message[]> {
  const validation = running.then(async () => {
    const files = await loadSchemas();
    return validateXML({
      xml: { fileName: 'invoice.xml', contents: xml },
      schema: files[root],
      preload: files.common,
      maxMemoryPages: MAX_MEMORY_PAGES,
    });
  });
  running = validation.catch(() => undefined);
  let errors: readonly XMLValidationError[];
  try {
    errors = (await validation).errors;
  } catch {
    // Advice only: an invoice the validator cannot hold is sent all the same, without it.
    return [];
  }
  // libxml2 may report one element twice (a pattern facet, then its type): said once here.
  const seen = new Set<string>();
  const advice: Message[] = [];
  for (const error of errors) {
    const one = toAdvice(error);
    if (one === null || one.code !== 'ubl_xsd_invalid') continue;
    const key = `${one.params.line} ${one.params.element}`;
    if (seen.has(key)) continue;
    seen.add(key);
    advice.push(one);
    if (advice.length === MAX_SCHEMA_ADVICE) break;
  }
  return advice;
}

/** One libxml2 error (`Element '{ns}Name': …`) as advice; null for a line that is not one. */
function toAdvice(error: XMLValidationError): Message | null {
  const element = /Element '(?:\{([^}]*)\})?([^']+)'/.exec(error.message);
  if (error.loc === null || element === null) return null;
  const [, uri = '', local = ''] = element;
  return msg('ubl_xsd_invalid', {
    line: error.loc.lineNumber,
    element: `${PREFIXES[uri] ?? ''}${local}`,
    xsdProblem: problemOf(error.message),
  });
}

/** libxml2's wording (xmlschemas.c) for the kinds of error, mapped to the term's keys. */
function problemOf(message: string): MessageParams<'ubl_xsd_invalid'>['xsdProblem'] {
  if (message.includes('This element is not expected')) return 'not_expected';
  if (message.includes('Missing child element')) return 'missing_child';
  if (
    /is not a valid value|is not accepted by the pattern|is not an element of the set/.test(message)
  ) {
    return 'invalid_value';
  }
  return 'other';
}
