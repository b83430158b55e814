// What the checks step learns about a file before it is queued. Implemented by check-document.ts.
import type { DocumentKind, EInvoiceSummary, Failure } from '../../contract/domain.ts';

export interface DocumentCheck {
  kind: DocumentKind;
  sizeBytes: number;
  mtimeMs: number;
  /** Null only when the file could not be read at all (file_missing, file_unreadable). */
  sha256: string | null;
  /** Real page count for PDFs; 1 for JPEG, XML and converted images; null when unknown. */
  pages: number | null;
  /** Set when the file must not be sent, with the specific reason. */
  failure: Failure | null;
  /** PNG (and TIFF where supported) are converted to PDF before upload. */
  willConvert: boolean;
  /** What an XML e-invoice says (supplier, number, amount, kind); absent for other files. */
  eInvoice?: EInvoiceSummary | null;
  /**
   * Set when the bytes sent are not the file on disk: the invoice inside a Peppol SBDH envelope
   * is sent, with the SHA-256 of those bytes. The file itself is never changed.
   */
  sendsInnerInvoice?: { sha256: string } | null;
}

export interface DocumentCheckOptions {
  maxUploadBytes: number;
}
