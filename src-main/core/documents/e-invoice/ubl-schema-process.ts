// The UBL 2.1 schema validator's process body (started by ubl-schema-service.ts with fork): libxml2
// compiled to WebAssembly (libxml2-wasm) compiles the OASIS Invoice and CreditNote schemas once,
// at start, and validates every later file against them. It runs
// in a process of its own so that libxml2's WebAssembly memory and the compiled schemas (about
// 35 MB together) are never part of the engine's memory, and so the engine can end it (and all
// it holds) when a file takes too long or it sits idle.
import { readdirSync, readFileSync } from 'node:fs';
import {
  ParseOption,
  XmlBufferInputProvider,
  XmlDocument,
  XmlLibError,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';
import type { SchemaReply } from './ubl-schema-protocol.ts';
import { SchemaRequest, type SchemaError, type UblRoot } from './ubl-schema-protocol.ts';

/** The schemas, from this module's place in src-main/ or dist/ to the package's assets/. */
const SCHEMA_ROOT = new URL('../../../../assets/ubl-2.1-xsd/', import.meta.url);
/**
 * The name libxml2 knows the schema folder by. The maindoc schemas import `../common/…`, which
 * libxml2 resolves against this base; only these in-memory files can be read, never the disk.
 */
const VIRTUAL_ROOT = 'ubl-2.1-xsd/';
/**
 * Parsing the invoice's copy: no network, no external DTD or entity (none is asked for:
 * XML_PARSE_NOENT and XML_PARSE_DTDLOAD are off), and line numbers past 65,535 kept.
 */
const INVOICE_PARSE = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_BIG_LINES;

if (process.send === undefined)
  throw new Error('ubl-schema-process.ts runs only as a forked child');
// The engine went away (or ended the channel): nothing is left to answer.
process.on('disconnect', () => process.exit(0));

function send(reply: SchemaReply): void {
  process.send?.(reply);
}

/** Every schema file, in memory under VIRTUAL_ROOT: the only input libxml2 may open. */
function registerSchemas(): void {
  const files: Record<string, Uint8Array> = {};
  for (const folder of ['maindoc', 'common']) {
    for (const name of readdirSync(new URL(`${folder}/`, SCHEMA_ROOT))) {
      if (!name.endsWith('.xsd')) continue;
      files[`${VIRTUAL_ROOT}${folder}/${name}`] = readFileSync(
        new URL(`${folder}/${name}`, SCHEMA_ROOT),
      );
    }
  }
  xmlRegisterInputProvider(new XmlBufferInputProvider(files));
}

/** Compiles the `root` schema (about 0.5 s for Invoice, 0.2 s more for CreditNote, idle). */
function compile(root: UblRoot): XsdValidator {
  const schemaDocument = XmlDocument.fromBuffer(
    readFileSync(new URL(`maindoc/UBL-${root}-2.1.xsd`, SCHEMA_ROOT)),
    { url: `${VIRTUAL_ROOT}maindoc/UBL-${root}-2.1.xsd` },
  );
  try {
    return XsdValidator.fromDoc(schemaDocument);
  } finally {
    schemaDocument.dispose();
  }
}

function errorsOf(error: XmlLibError): SchemaError[] {
  return error.details.map((detail) => ({ message: detail.message, line: detail.line }));
}

registerSchemas();
// Both before `ready`, so no file's time budget pays for compiling (CreditNote adds about 8 MB).
const validators: Record<UblRoot, XsdValidator> = {
  Invoice: compile('Invoice'),
  CreditNote: compile('CreditNote'),
};

function validate(request: SchemaRequest): SchemaReply {
  const rssBytes = () => process.memoryUsage.rss();
  const validator = validators[request.root];
  let document: XmlDocument;
  try {
    document = XmlDocument.fromString(request.xml, { option: INVOICE_PARSE });
  } catch (error) {
    if (!(error instanceof XmlLibError)) throw error;
    return { id: request.id, outcome: 'unreadable', errors: [], rssBytes: rssBytes() };
  }
  try {
    validator.validate(document);
    return { id: request.id, outcome: 'checked', errors: [], rssBytes: rssBytes() };
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return { id: request.id, outcome: 'checked', errors: errorsOf(error), rssBytes: rssBytes() };
  } finally {
    document.dispose();
  }
}

process.on('message', (message: unknown) => {
  const request = SchemaRequest.safeParse(message);
  // Only the engine writes here; a malformed request has no id to answer, and the engine's time
  // budget ends its wait.
  if (request.success) send(validate(request.data));
});
send({ ready: true });
