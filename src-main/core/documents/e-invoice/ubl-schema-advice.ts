// Advice from the UBL 2.1 XML Schema: the copy of an invoice without its embedded attachment
// (schema-copy.ts) validated against the official OASIS UBL 2.1 XSDs (assets/ubl-2.1-xsd/) by
// libxml2 compiled to WebAssembly, in a validator process of its own (ubl-schema-service.ts).
// Clearfacts runs its own checks, so an error here is a warning on the row, never a reason to
// hold or refuse a file; a file the validator could not check says so, as a warning too.
import { msg, type Message, type MessageParams } from '../../../contract/messages/message.ts';
import type { SchemaError, UblRoot } from './ubl-schema-protocol.ts';
import { createUblSchemaService, type UblSchemaService } from './ubl-schema-service.ts';

/** At most this many schema errors become advice: the first ones say what is wrong. */
export const MAX_SCHEMA_ADVICE = 5;
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

/**
 * The engine's one validator: started with the first e-invoice, ended after a minute without
 * one, so an engine that receives no e-invoices never runs it.
 */
const validator: UblSchemaService = createUblSchemaService();

/**
 * Starts the engine's validator ahead of its first e-invoice (UblSchemaService.warm); true once
 * it is ready, false when it could not start. Never rejects.
 */
export function warmUblSchemaValidator(): Promise<boolean> {
  return validator.warm();
}

/**
 * Why `copy` (a standalone Invoice or CreditNote as text, or null when the copy grew past
 * SCHEMA_COPY_LIMIT_CHARS) does not follow the UBL 2.1 schema, as advice: at most
 * MAX_SCHEMA_ADVICE `ubl_xsd_invalid`, each with its line in the file, the element (prefixed
 * cac:/cbc:/ext: as usual) and what is wrong as a term, since libxml2's sentence is English.
 * Empty when the invoice follows the schema; one `ubl_xsd_unchecked` when it could not be
 * validated (too large, over the validator's time budget, the validator stopped, not XML to
 * libxml2). `service` is the engine's validator unless a test gives another.
 */
export async function adviseUblSchema(
  copy: string | null,
  root: UblRoot,
  service: UblSchemaService = validator,
): Promise<Message[]> {
  if (copy === null) return [msg('ubl_xsd_unchecked', { xsdSkipReason: 'too_large' })];
  const validation = await service.validate(copy, root);
  if (validation.outcome === 'unchecked') {
    return [msg('ubl_xsd_unchecked', { xsdSkipReason: validation.reason })];
  }
  // libxml2 may report one element twice (a pattern facet, then its type): said once here.
  const seen = new Set<string>();
  const advice: Message[] = [];
  for (const error of validation.errors) {
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
function toAdvice(error: SchemaError): Message | null {
  const element = /Element '(?:\{([^}]*)\})?([^']+)'/.exec(error.message);
  if (error.line === 0 || element === null) return null;
  const [, uri = '', local = ''] = element;
  return msg('ubl_xsd_invalid', {
    line: error.line,
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
