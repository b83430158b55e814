// What would happen to each file if it were sent, without sending anything: the answer to
// "why was my file refused?" that `clearfacts-uploader check` prints and support asks for.
import path from 'node:path';
import type {
  DocumentKind,
  EInvoiceSummary,
  Failure,
  SendingChange,
} from '../../contract/domain.ts';
import { checkDocument } from './check-document.ts';
import { sendingChanges } from './sending-changes.ts';

export type { SendingChange };

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
      refusal: check.failure,
    });
  }
  return previews;
}
