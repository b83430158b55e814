// What the checks step learns about a file before it is queued. Implemented by check-document.ts.
import type { DocumentKind, EInvoiceSummary, Failure } from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';

export interface DocumentCheck {
  kind: DocumentKind;
  sizeBytes: number;
  mtimeMs: number;
  /** Change time (epoch ms) and inode number when checked (store/file-version.ts); null: none. */
  ctimeMs: number | null;
  ino: number | null;
  /** Null only when the file could not be read at all (file_missing, file_unreadable). */
  sha256: string | null;
  /** Real page count for PDFs; 1 for JPEG, XML and converted images; null when unknown. */
  pages: number | null;
  /** Set when the file must not be sent, with the specific reason. */
  failure: Failure | null;
  /** PNG (and TIFF where supported) are converted to PDF before upload. */
  willConvert: boolean;
  /**
   * Bytes in front of `%PDF-` (a byte-order mark, a newline; at most 1 KB) that are left out of
   * the bytes sent, because the copy without them is a well-formed PDF; 0 when sent unchanged.
   */
  prefixBytes: number;
  /**
   * SHA-256 of the bytes sent when they differ from the file (prefix left out, the invoice
   * unwrapped from its envelope); else null. The file itself is never changed.
   */
  sentSha256: string | null;
  /** True when what is sent is the invoice inside a Peppol SBDH envelope (`sentSha256`'s bytes). */
  unwrapsEnvelope?: boolean;
  /** What an XML e-invoice says (supplier, number, amount, kind); absent for other files. */
  eInvoice?: EInvoiceSummary | null;
  /** Advice on an e-invoice (EN 16931 / Peppol rules it breaks); absent for other files. */
  advice?: Message[];
}

export interface DocumentCheckOptions {
  maxUploadBytes: number;
}
