// x.xml and x.pdf side by side: one invoice, or two documents (issue #18). Suppliers often send
// the UBL with its visual as a separate PDF; sending both puts the invoice in the books twice.
// Only byte-identical proof pairs them: a PDF equal to the one embedded in the XML. A PDF is
// never held back for an XML that has not arrived; once its XML has arrived (a row, however
// slowly it is still being written or checked), the PDF waits for the XML's fate, whatever it
// takes: sending it alone meanwhile would book the invoice twice (attack finding F9). An XML that was
// not sent (held as addressed elsewhere, a duplicate, unconfirmed) still speaks for its visual:
// sending the PDF instead would undo the very hold that kept the invoice out of these books.
import path from 'node:path';
import type { FileState } from '../../contract/domain.ts';
import { ACTIVE_STATES, DELIVERED_STATES } from '../store/file-lifecycle.ts';
import type { FileRecord } from '../store/file-record.ts';

/** What to do with a watched PDF, given the XML of the same base name in the same folder. */
export type PairingDecision =
  | { kind: 'send' }
  /** The XML is still on its way (written, checked or sent): look again at `at` (epoch ms). */
  | { kind: 'wait'; at: number }
  /** The XML was sent and embeds exactly this PDF: the PDF is part of it, not sent. */
  | { kind: 'part_of_xml'; xml: FileRecord }
  /** The XML was sent and embeds another PDF (or none): the user says whether this goes too. */
  | { kind: 'ask'; xml: FileRecord }
  /** The XML was not sent (see UNSENT_XML_STATES) and embeds exactly this PDF: not sent alone. */
  | { kind: 'inside_unsent_xml'; xml: FileRecord }
  /** The XML was not sent and embeds another PDF (or none): the user says whether this goes. */
  | { kind: 'beside_unsent_xml'; xml: FileRecord };

/**
 * States of an XML twin that was not delivered but whose invoice is decided elsewhere: held for
 * the user's choice, a duplicate of an invoice already delivered, or perhaps delivered.
 */
const UNSENT_XML_STATES: readonly FileState[] = ['held', 'duplicate', 'unconfirmed'];

/** The paths an XML twin of `pdfPath` may have (x.xml, x.XML). */
export function xmlTwinPaths(pdfPath: string): string[] {
  const { dir, name } = path.parse(pdfPath);
  return [path.join(dir, `${name}.xml`), path.join(dir, `${name}.XML`)];
}

/**
 * Decides for a PDF (whose bytes hash to `pdfSha256`) with its XML twin's row (`xml`, the most
 * recent, or null: no XML arrived, so the PDF goes on its own). While the XML is on its way the
 * PDF looks again one stability window (`windowMs`) after `now` (epoch ms), with no deadline: a
 * slowly written or slowly checked XML still decides whether its visual is sent.
 */
export function pairPdfWithXml(
  pdfSha256: string,
  xml: FileRecord | null,
  now: number,
  windowMs: number,
): PairingDecision {
  if (xml === null) return { kind: 'send' };
  if (ACTIVE_STATES.includes(xml.state)) return { kind: 'wait', at: now + windowMs };
  if (xml.eInvoice === null) return { kind: 'send' };
  const same = xml.eInvoice.embeddedPdfSha256 === pdfSha256;
  if (DELIVERED_STATES.includes(xml.state)) {
    return same ? { kind: 'part_of_xml', xml } : { kind: 'ask', xml };
  }
  if (UNSENT_XML_STATES.includes(xml.state)) {
    return same ? { kind: 'inside_unsent_xml', xml } : { kind: 'beside_unsent_xml', xml };
  }
  return { kind: 'send' };
}
