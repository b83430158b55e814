// Recognises and summarises an e-invoice in one streaming pass: which document it is (UBL 2.1
// Invoice or CreditNote, alone or in a Peppol SBDH envelope; or a CII invoice or a camt.053
// statement, which are not sent), the summary fields of EN 16931, the embedded PDF decoded to a
// file, and, for an envelope, the inner invoice hashed (and written out when asked).
import type { EInvoiceParty, EInvoiceSummary, Failure } from '../../../contract/domain.ts';
import type { Message } from '../../../contract/messages/message.ts';
import { adviseEInvoice } from './e-invoice-advice.ts';
import { createBase64FileSink, type Base64FileSink } from './base64-file-sink.ts';
import { eInvoiceFailure, type EInvoiceNotice } from './e-invoice-notices.ts';
import { createInnerInvoiceSink, type InnerInvoiceSink } from './inner-invoice-sink.ts';
import { createSchemaCopy, type SchemaCopy } from './schema-copy.ts';
import { streamXml, XmlReadError, type XmlElement } from './stream-xml.ts';
import { adviseUblSchema, SCHEMA_COPY_LIMIT_CHARS } from './ubl-schema-advice.ts';
import type { UblSchemaService } from './ubl-schema-service.ts';

/** The outcome: an e-invoice with its summary, or why the file is not sent. */
export type EInvoiceReading =
  | {
      status: 'e-invoice';
      summary: EInvoiceSummary;
      /**
       * EN 16931 / Peppol rules the invoice breaks (e-invoice-advice.ts), then, when asked, where
       * it does not follow the UBL 2.1 XML Schema (ubl-schema-advice.ts): warnings only.
       */
      advice: Message[];
      /** SHA-256 of the inner invoice that is sent in place of an SBDH envelope, else null. */
      innerSha256: string | null;
      /** The embedded PDF, decoded, when `visualPath` was given and the file carries one. */
      visualPath: string | null;
    }
  | { status: 'refused'; failure: Failure };

export interface EInvoiceReadOptions {
  /** Where to decode the embedded PDF (BG-24 attachment); null: it is only sized. */
  visualPath?: string | null;
  /** Where to write the inner invoice of an SBDH envelope; null: it is only hashed. */
  innerInvoicePath?: string | null;
  /**
   * Validate a standalone invoice against the UBL 2.1 XSD, on a copy without its attachment
   * kept while reading, in the validator process (ubl-schema-service.ts: about 1 ms a short
   * invoice once it runs, about 2 s to start it). An envelope's inner invoice is not validated.
   */
  schemaAdvice?: boolean;
  /** The validator process for schemaAdvice; the engine's own unless a test gives another. */
  schemaValidator?: UblSchemaService;
}

const UBL_INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const UBL_CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
/** The SBDH spec (UN/CEFACT Standard Business Document Header 1.3), as Peppol uses it. */
const SBDH = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';
const CII = /^urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:/;
const CAMT_053 = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\./;
/** UNTDID 1001 code for a commercial credit note. */
const CREDIT_NOTE_TYPE = '381';
/** Longest value kept for a summary field; longer text is cut, so a hostile file stays small. */
const FIELD_CHARS = 512;

type Field =
  | 'number'
  | 'issueDate'
  | 'dueDate'
  | 'paymentDueDate'
  | 'typeCode'
  | 'documentCurrency'
  | 'customization'
  | 'payable'
  | 'profile'
  | 'buyerReference'
  | 'orderReference'
  | 'taxExclusive'
  | 'taxInclusive'
  | 'taxAmount'
  | 'prepaid'
  | 'rounding'
  | `${'supplier' | 'customer'}.${'legalName' | 'tradingName' | 'companyId' | 'vat' | 'endpoint'}`;

/** Paths below the document root (local names), with their business terms. */
const FIELDS: Record<string, Field> = {
  ID: 'number', // BT-1
  IssueDate: 'issueDate', // BT-2
  DueDate: 'dueDate', // BT-9 (Invoice)
  'PaymentMeans/PaymentDueDate': 'paymentDueDate', // BT-9 (CreditNote)
  InvoiceTypeCode: 'typeCode', // BT-3
  CreditNoteTypeCode: 'typeCode', // BT-3
  DocumentCurrencyCode: 'documentCurrency', // BT-5
  CustomizationID: 'customization', // BT-24
  'LegalMonetaryTotal/PayableAmount': 'payable', // BT-115
  // Read only for the advice (e-invoice-advice.ts).
  ProfileID: 'profile', // BT-23
  BuyerReference: 'buyerReference', // BT-10
  'OrderReference/ID': 'orderReference', // BT-13
  'LegalMonetaryTotal/TaxExclusiveAmount': 'taxExclusive', // BT-109
  'LegalMonetaryTotal/TaxInclusiveAmount': 'taxInclusive', // BT-112
  'LegalMonetaryTotal/PrepaidAmount': 'prepaid', // BT-113
  'LegalMonetaryTotal/PayableRoundingAmount': 'rounding', // BT-114
  'TaxTotal/TaxAmount': 'taxAmount', // BT-110 (the first TaxTotal)
};
for (const [group, role] of [
  ['AccountingSupplierParty', 'supplier'],
  ['AccountingCustomerParty', 'customer'],
] as const) {
  FIELDS[`${group}/Party/PartyLegalEntity/RegistrationName`] = `${role}.legalName`; // BT-27/44
  FIELDS[`${group}/Party/PartyName/Name`] = `${role}.tradingName`; // BT-28/45
  FIELDS[`${group}/Party/PartyLegalEntity/CompanyID`] = `${role}.companyId`; // BT-30/47
  FIELDS[`${group}/Party/PartyTaxScheme/CompanyID`] = `${role}.vat`; // BT-31/48
  FIELDS[`${group}/Party/EndpointID`] = `${role}.endpoint`; // BT-34/49
}
const EMBEDDED = 'AdditionalDocumentReference/Attachment/EmbeddedDocumentBinaryObject';

function formatOf(customization: string | undefined): EInvoiceSummary['format'] {
  if (customization === undefined) return 'ubl';
  if (/UBL\.BE/i.test(customization)) return 'ubl-be';
  if (/poacc:billing:3\.0/i.test(customization)) return 'peppol-bis-3';
  if (/e-?fff/i.test(customization)) return 'e-fff';
  return 'ubl';
}

function amountOf(text: string | undefined): number | null {
  if (text === undefined || !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}

/**
 * Reads `filePath` as an e-invoice. Refusals (not XML, not an invoice, CII, camt.053, an
 * unreadable encoding) come back as `refused`; file system errors are thrown.
 */
export async function readEInvoice(
  filePath: string,
  options: EInvoiceReadOptions = {},
): Promise<EInvoiceReading> {
  const values = new Map<Field, string>();
  const attributes = new Map<Field, string>();
  const path: string[] = [];
  let refusal = null as Failure | null;
  let rootKind = null as 'Invoice' | 'CreditNote' | null;
  let envelope = false;
  /** Depth of the invoice's root element: 0 alone, 1 inside an envelope. */
  let documentDepth = -1;
  let documentClosed = false;
  let collecting = null as { field: Field; text: string } | null;
  /** InvoiceLine / CreditNoteLine elements seen (BG-25), for the advice. */
  let lines = 0;

  // Held in an object: they change inside the parser's callbacks, which narrowing cannot see.
  const sinks: { visual: Base64FileSink | null; inner: InnerInvoiceSink | null } = {
    visual: null,
    inner: null,
  };
  let visualState = 'none' as 'none' | 'open' | 'closing' | 'done';
  let embeddedPdfBytes = null as number | null;
  let embeddedPdfSha256 = null as string | null;
  let visualPath = null as string | null;
  let schemaCopy: SchemaCopy | null =
    options.schemaAdvice === true ? createSchemaCopy(SCHEMA_COPY_LIMIT_CHARS) : null;

  /** Offsets of the inner invoice in the decoded text, and the namespaces it inherits. */
  let innerStart = null as number | null;
  let innerEnd = null as number | null;
  let inherited = '';
  let innerNameEnd = 0;
  /**
   * sax reports a start tag only once its `>` is read, so the inner invoice's `<` may lie in a
   * piece already gone. Until the invoice is recognised, each piece's text from its last `<` is
   * kept (the tail of the one before when a piece has none): a start tag has no `<` but its first.
   */
  let pendingText = '';
  let pendingFrom = null as number | null;

  const refuse = (failure: Failure) => {
    refusal ??= failure;
  };

  const openRoot = (element: XmlElement) => {
    const { local, uri } = element;
    if (local === 'StandardBusinessDocument' && uri === SBDH) {
      envelope = true;
    } else if (local === 'Invoice' || local === 'CreditNote') {
      startDocument(element, 0);
    } else if (CII.test(uri) && local === 'CrossIndustryInvoice') {
      refuse(eInvoiceFailure({ code: 'e_invoice_unsupported', params: { format: 'cii' } }));
    } else if (CAMT_053.test(uri)) {
      refuse(eInvoiceFailure({ code: 'bank_statement', params: { format: 'camt.053' } }));
    } else if (local.toLowerCase() === 'html') {
      refuse(eInvoiceFailure({ code: 'xml_not_invoice', params: { reason: 'html' } }));
    } else {
      refuse(
        eInvoiceFailure({ code: 'xml_not_invoice', params: { reason: 'other_root', root: local } }),
      );
    }
  };

  const startDocument = (element: XmlElement, depth: number) => {
    const { local, uri } = element;
    const root = local === 'Invoice' ? 'Invoice' : local === 'CreditNote' ? 'CreditNote' : null;
    if (root === null) return;
    const expected = root === 'Invoice' ? UBL_INVOICE : UBL_CREDIT_NOTE;
    if (uri !== expected) {
      refuse(
        eInvoiceFailure({
          code: 'xml_not_invoice',
          params: { reason: 'wrong_namespace', root, namespace: uri === '' ? null : uri },
        }),
      );
      return;
    }
    rootKind = root;
    documentDepth = depth;
  };

  const openInEnvelope = (element: XmlElement) => {
    if (element.local === 'StandardBusinessDocumentHeader' && element.uri === SBDH) return;
    if (documentDepth !== -1 || refusal !== null) return;
    startDocument(element, 1);
    if (rootKind === null) {
      refuse(
        eInvoiceFailure({
          code: 'xml_not_invoice',
          params: { reason: 'envelope_without_invoice', inner: element.local },
        }),
      );
      return;
    }
    // Prefixes the envelope declared and the invoice uses must be declared on its root, or the
    // unwrapped invoice would not be namespace-well-formed. An unused declaration is harmless.
    const declared = new Set(
      [...element.attributes.keys()]
        .filter((name) => name === 'xmlns' || name.startsWith('xmlns:'))
        .map((name) => (name === 'xmlns' ? '' : name.slice('xmlns:'.length))),
    );
    inherited = Object.entries(element.inScope)
      .filter(([prefix]) => !declared.has(prefix) && prefix !== 'xml' && prefix !== 'xmlns')
      .map(
        ([prefix, uri]) =>
          ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttribute(uri)}"`,
      )
      .join('');
    innerStart = element.startOffset;
    innerNameEnd = element.startOffset + 1 + element.qualifiedName.length;
    sinks.inner = createInnerInvoiceSink(options.innerInvoicePath ?? null);
  };

  /** Copies the part of `text` (starting at `from`) that lies inside the inner invoice. */
  const copyInner = (text: string, from: number) => {
    const inner = sinks.inner;
    if (inner === null || innerStart === null) return;
    const start = Math.max(innerStart, from);
    const end = Math.min(innerEnd ?? Number.POSITIVE_INFINITY, from + text.length);
    if (start >= end) return;
    if (inherited !== '' && innerNameEnd >= start && innerNameEnd <= end) {
      inner.write(text.slice(start - from, innerNameEnd - from));
      inner.write(inherited);
      inner.write(text.slice(innerNameEnd - from, end - from));
      inherited = '';
    } else {
      inner.write(text.slice(start - from, end - from));
    }
  };

  const relativePath = () => path.slice(documentDepth + 1).join('/');

  try {
    await streamXml(filePath, {
      open(element) {
        const depth = path.length;
        path.push(element.local);
        if (depth === 0) {
          openRoot(element);
          if (envelope) schemaCopy = null;
          return;
        }
        if (envelope && depth === 1) return openInEnvelope(element);
        if (documentDepth === -1 || documentClosed || depth <= documentDepth) return;
        const relative = relativePath();
        if (relative === 'InvoiceLine' || relative === 'CreditNoteLine') lines += 1;
        if (relative === EMBEDDED) schemaCopy?.omitFrom(element.contentOffset);
        const field = FIELDS[relative];
        if (field !== undefined && !values.has(field)) {
          collecting = { field, text: '' };
          const attribute =
            field === 'payable' || field === 'taxAmount'
              ? 'currencyID'
              : field.endsWith('.endpoint')
                ? 'schemeID'
                : null;
          const value = attribute === null ? undefined : element.attributes.get(attribute);
          if (value !== undefined) attributes.set(field, value);
        } else if (
          relative === EMBEDDED &&
          visualState === 'none' &&
          element.attributes.get('mimeCode') === 'application/pdf'
        ) {
          visualPath = options.visualPath ?? null;
          sinks.visual = createBase64FileSink(visualPath);
          visualState = 'open';
        }
      },
      close(endOffset, tagOffset) {
        const depth = path.length - 1;
        if (depth > documentDepth && relativePath() === EMBEDDED) schemaCopy?.omitTo(tagOffset);
        if (collecting !== null) {
          values.set(collecting.field, collecting.text.trim());
          collecting = null;
        }
        if (visualState === 'open' && relativePath() === EMBEDDED) visualState = 'closing';
        if (depth === documentDepth) {
          documentClosed = true;
          if (envelope) innerEnd = endOffset;
        }
        path.pop();
      },
      text(piece) {
        if (collecting !== null) {
          if (collecting.text.length < FIELD_CHARS) collecting.text += piece.slice(0, FIELD_CHARS);
        } else if (visualState === 'open') {
          sinks.visual?.write(piece);
        }
      },
      async afterPiece(piece, offset) {
        schemaCopy?.add(piece, offset);
        if (envelope && innerStart === null) {
          const last = piece.lastIndexOf('<');
          if (last !== -1) {
            pendingText = piece.slice(last);
            pendingFrom = offset + last;
          } else if (pendingFrom !== null) pendingText += piece;
        } else if (innerStart !== null) {
          if (pendingFrom !== null) {
            copyInner(pendingText, pendingFrom);
            pendingText = '';
            pendingFrom = null;
          }
          copyInner(piece, offset);
          await sinks.inner?.flush();
        }
        const visual = sinks.visual;
        if (visual !== null) {
          await visual.flush();
          if (visualState === 'closing') {
            const decoded = await visual.finish();
            sinks.visual = null;
            visualState = 'done';
            if (decoded.isPdf) {
              embeddedPdfBytes = decoded.bytes;
              embeddedPdfSha256 = decoded.sha256;
            } else visualPath = null;
          }
        }
      },
      done: () => refusal !== null,
    });
  } catch (error) {
    await sinks.visual?.discard();
    await sinks.inner?.discard();
    if (!(error instanceof XmlReadError)) throw error;
    return { status: 'refused', failure: eInvoiceFailure(unreadable(error.problem)) };
  }
  if (refusal === null && rootKind === null) {
    refusal = eInvoiceFailure({
      code: 'xml_not_invoice',
      params: envelope
        ? { reason: 'envelope_without_invoice', inner: null }
        : { reason: 'no_root' },
    });
  }
  if (refusal !== null || rootKind === null) {
    await sinks.visual?.discard();
    await sinks.inner?.discard();
    return {
      status: 'refused',
      failure:
        refusal ?? eInvoiceFailure({ code: 'xml_not_invoice', params: { reason: 'no_root' } }),
    };
  }
  const innerSha256 = sinks.inner === null ? null : await sinks.inner.finish();
  const summary = {
    ...summarise(values, attributes, rootKind, envelope, embeddedPdfBytes),
    embeddedPdfSha256,
  };
  const text = (field: Field) => {
    const value = values.get(field);
    return value === undefined || value === '' ? null : value;
  };
  const taxCurrency = attributes.get('taxAmount');
  const advice = adviseEInvoice({
    peppol: summary.format === 'peppol-bis-3',
    customization: text('customization'),
    profile: text('profile'),
    number: summary.number,
    issueDate: summary.issueDate,
    typeCode: text('typeCode'),
    currency: text('documentCurrency'),
    supplierName: summary.supplier.name,
    customerName: summary.customer.name,
    buyerReference: text('buyerReference'),
    orderReference: text('orderReference'),
    lines,
    taxExclusive: amountOf(values.get('taxExclusive')),
    taxInclusive: amountOf(values.get('taxInclusive')),
    taxAmount:
      taxCurrency === undefined || taxCurrency === summary.currency
        ? amountOf(values.get('taxAmount'))
        : null,
    prepaid: amountOf(values.get('prepaid')),
    rounding: amountOf(values.get('rounding')),
    payable: summary.payableAmount,
    partyNumbers: [
      summary.supplier.companyNumber,
      summary.supplier.vatNumber,
      summary.supplier.endpoint ?? null,
      summary.customer.companyNumber,
      summary.customer.vatNumber,
      summary.customer.endpoint ?? null,
    ],
  });
  if (schemaCopy !== null) {
    advice.push(...(await adviseUblSchema(schemaCopy.text(), rootKind, options.schemaValidator)));
  }
  return {
    status: 'e-invoice',
    summary,
    advice,
    innerSha256,
    visualPath: embeddedPdfBytes === null ? null : visualPath,
  };
}

/** The notice for XML the reader could not go through. */
function unreadable(problem: XmlReadError['problem']): EInvoiceNotice {
  switch (problem.kind) {
    case 'encoding':
      return { code: 'xml_unreadable_encoding', params: { encoding: problem.encoding } };
    case 'invalid_bytes':
      return {
        code: 'xml_not_invoice',
        params: { reason: 'invalid_bytes', encoding: problem.encoding },
      };
    case 'too_deep':
      return {
        code: 'xml_not_invoice',
        params: { reason: 'nested_too_deep', limit: problem.limit },
      };
    case 'too_long':
      return {
        code: 'xml_not_invoice',
        params: { reason: 'markup_too_long', limitKiB: problem.limitKiB },
      };
    case 'declares_entities':
      return { code: 'xml_not_invoice', params: { reason: 'declares_entities' } };
    case 'not_well_formed':
      return {
        code: 'xml_not_invoice',
        params: { reason: 'not_well_formed', line: problem.line, column: problem.column },
      };
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function party(
  values: ReadonlyMap<Field, string>,
  attributes: ReadonlyMap<Field, string>,
  role: 'supplier' | 'customer',
): EInvoiceParty {
  const orNull = (value: string | undefined) =>
    value === undefined || value === '' ? null : value;
  const endpoint = orNull(values.get(`${role}.endpoint`));
  const scheme = orNull(attributes.get(`${role}.endpoint`)?.trim());
  // The legal identifiers and the electronic address are kept apart: which one says who the
  // party is, is routing's rule (party-numbers.ts), not the reader's.
  return {
    name: orNull(values.get(`${role}.legalName`)) ?? orNull(values.get(`${role}.tradingName`)),
    companyNumber: orNull(values.get(`${role}.companyId`)),
    vatNumber: orNull(values.get(`${role}.vat`)),
    endpoint: endpoint === null || scheme === null ? endpoint : `${scheme}:${endpoint}`,
  };
}

function summarise(
  values: ReadonlyMap<Field, string>,
  attributes: ReadonlyMap<Field, string>,
  root: 'Invoice' | 'CreditNote',
  envelope: boolean,
  embeddedPdfBytes: number | null,
): EInvoiceSummary {
  const payableAmount = amountOf(values.get('payable'));
  const creditNote = root === 'CreditNote' || values.get('typeCode') === CREDIT_NOTE_TYPE;
  const documentType = creditNote
    ? 'credit_note'
    : payableAmount !== null && payableAmount < 0
      ? 'correction'
      : 'invoice';
  const text = (field: Field) => {
    const value = values.get(field);
    return value === undefined || value === '' ? null : value;
  };
  return {
    format: formatOf(values.get('customization')),
    documentType,
    envelope,
    number: text('number'),
    issueDate: text('issueDate'),
    dueDate: text('dueDate') ?? text('paymentDueDate'),
    payableAmount,
    currency: attributes.get('payable') ?? text('documentCurrency'),
    supplier: party(values, attributes, 'supplier'),
    customer: party(values, attributes, 'customer'),
    embeddedPdfBytes,
  };
}
