// What would happen to each file if it were sent, without sending anything: the answer to
// "why was my file refused?" that `clearfacts-uploader check` prints and support asks for.
import path from 'node:path';
import type {
  CompanyNumber,
  DocumentKind,
  EInvoiceSummary,
  Failure,
  SendingChange,
} from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import { checkDocument } from './check-document.ts';
import { partyCompanyNumbers } from './e-invoice/party-numbers.ts';
import { sendingChanges } from './sending-changes.ts';

export type { SendingChange };

/**
 * What the UBL 2.1 schema validator said (ubl-schema-advice.ts): `valid`; `invalid`, its errors
 * in the advice (`ubl_xsd_invalid`); `unchecked`, why in the advice (`ubl_xsd_unchecked`);
 * `envelope`, an SBDH envelope's inner invoice, which is never validated. Advice only: no verdict
 * here holds or refuses a file.
 */
export type SchemaVerdict = 'valid' | 'invalid' | 'unchecked' | 'envelope';

/** What the app would do with an e-invoice it can send, beyond sending it. */
export interface EInvoiceOutlook {
  /**
   * The administrations it is delivered to, by company number, as e-invoice routing reads its
   * parties (queue/e-invoice-routing.ts): in purchases, the customer's; in sales, the
   * supplier's. Empty when that party names no Belgian number (an inbox then holds it for the
   * user to choose); two when its legal identifiers disagree (then it is held too).
   */
  routesTo: { purchase: CompanyNumber[]; sale: CompanyNumber[] };
  schema: SchemaVerdict;
  /** The warnings its row would carry: EN 16931 / Peppol rules it breaks, and the schema's. */
  advice: Message[];
}

/** One file's preview. Sizes in bytes; hashes are SHA-256 in hex. */
export interface SendingPreview {
  path: string;
  fileName: string;
  kind: DocumentKind;
  sizeBytes: number;
  pages: number | null;
  /** Of the file on disk; null only when it could not be read. */
  sha256: string | null;
  changes: SendingChange[];
  /** What an XML e-invoice says; null for other files. */
  eInvoice: EInvoiceSummary | null;
  /** Where an e-invoice that would be sent goes and what its checks say; null otherwise. */
  eInvoiceOutlook: EInvoiceOutlook | null;
  /** Null when the file would be sent; else the refusal with its reason. */
  refusal: Failure | null;
}

/** Checks each file as the queue would, one after another, and says what would happen. */
export async function previewSending(
  paths: readonly string[],
  options: { maxUploadBytes: number },
): Promise<SendingPreview[]> {
  const previews: SendingPreview[] = [];
  for (const given of paths) {
    const filePath = path.resolve(given);
    const check = await checkDocument(filePath, options);
    const changes = sendingChanges(check);
    previews.push({
      path: filePath,
      fileName: path.basename(filePath),
      kind: check.kind,
      sizeBytes: check.sizeBytes,
      pages: check.pages,
      sha256: check.sha256,
      changes,
      eInvoice: check.eInvoice ?? null,
      eInvoiceOutlook:
        check.eInvoice && check.failure === null
          ? outlookOf(check.eInvoice, check.advice ?? [])
          : null,
      refusal: check.failure,
    });
  }
  return previews;
}

function outlookOf(summary: EInvoiceSummary, advice: Message[]): EInvoiceOutlook {
  const codes = new Set(advice.map((one) => one.code));
  return {
    routesTo: {
      purchase: partyCompanyNumbers(summary.customer),
      sale: partyCompanyNumbers(summary.supplier),
    },
    schema: summary.envelope
      ? 'envelope'
      : codes.has('ubl_xsd_invalid')
        ? 'invalid'
        : codes.has('ubl_xsd_unchecked')
          ? 'unchecked'
          : 'valid',
    advice,
  };
}
