// What would happen to each file if it were sent, without sending anything: the answer to
// "why was my file refused?" that `clearfacts-uploader check` prints and support asks for.
import path from 'node:path';
import type { DocumentKind, EInvoiceSummary, Failure } from '../../contract/domain.ts';
import { checkDocument } from './check-document.ts';

/** How the bytes sent would differ from the file on disk (the file itself never changes). */
export type SendingChange =
  | { change: 'leave_out_prefix'; bytes: number; sentSha256: string }
  | { change: 'unwrap_envelope'; sentSha256: string }
  | { change: 'convert_to_pdf' };

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
    const changes: SendingChange[] = [];
    if (check.failure === null && check.prefixBytes > 0 && check.sentSha256 !== null) {
      changes.push({
        change: 'leave_out_prefix',
        bytes: check.prefixBytes,
        sentSha256: check.sentSha256,
      });
    }
    if (check.failure === null && check.unwrapsEnvelope === true && check.sentSha256 !== null) {
      changes.push({ change: 'unwrap_envelope', sentSha256: check.sentSha256 });
    }
    if (check.failure === null && check.willConvert) changes.push({ change: 'convert_to_pdf' });
    previews.push({
      path: filePath,
      fileName: path.basename(filePath),
      kind: check.kind,
      sizeBytes: check.sizeBytes,
      pages: check.pages,
      sha256: check.sha256,
      changes,
      eInvoice: check.eInvoice ?? null,
      refusal: check.failure,
    });
  }
  return previews;
}
