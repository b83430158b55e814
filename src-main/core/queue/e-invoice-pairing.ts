// x.xml and x.pdf side by side: one invoice, or two documents (issue #18). Suppliers often send
// the UBL with its visual as a separate PDF; sending both puts the invoice in the books twice.
// Only byte-identical proof pairs them: a PDF equal to the one embedded in the XML. A PDF is
// never held back for an XML that has not arrived; once its XML has arrived (a row), the PDF
// waits for the XML's fate, saying so on its row: sending it alone meanwhile would book the
// invoice twice (attack finding F9). That wait is bounded while the XML is still being written
// (TWIN_WAIT_WINDOWS): a writer that never finishes must not hold the PDF forever. An XML that was
// not sent (held as addressed elsewhere, a duplicate, unconfirmed) still speaks for its visual:
// sending the PDF instead would undo the very hold that kept the invoice out of these books.
import path from 'node:path';
import type { FileState } from '../../contract/domain.ts';
import { INCOMPLETE_GRACE_WINDOWS } from '../intake/readiness-gate.ts';
import { ACTIVE_STATES, DELIVERED_STATES } from '../store/file-lifecycle.ts';
import type { FileRecord } from '../store/file-record.ts';

/** What to do with a watched PDF, given the XML of the same base name in the same folder. */
export type PairingDecision =
  | { kind: 'send' }
  /** The XML is still on its way (written, checked or sent): look again at `at` (epoch ms). */
  | { kind: 'wait'; at: number; xml: FileRecord }
  /**
   * The XML is still being written after TWIN_WAIT_WINDOWS: the PDF goes on its own, as when no
   * XML exists, and its row says so.
   */
  | { kind: 'alone'; xml: FileRecord }
  /** The XML was sent and embeds exactly this PDF: the PDF is part of it, not sent. */
  | { kind: 'part_of_xml'; xml: FileRecord }
  /**
   * The XML was sent and embeds another PDF (or none), and the PDF came while (or shortly after)
   * the XML was dealt with: the user says whether this goes too.
   */
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

/** An XML twin the readiness gate has not announced yet: its writer may not have finished. */
const BEING_WRITTEN_STATES: readonly FileState[] = ['detected', 'waiting_stability'];

/**
 * How many stability windows, from the PDF's detection, it waits for an XML twin still being
 * written. The gate announces an XML that stopped changing after at most 1 + its grace
 * (INCOMPLETE_GRACE_WINDOWS) windows, even incomplete; twice that lets an XML copied in parts
 * with pauses arrive (F9: four parts 1.75 windows apart, about 6 windows), while an XML whose
 * writer never finishes (holds it open, or keeps appending) costs the PDF at most this many
 * windows (24 s with the 2 s default). Once the gate let the XML through, its fate comes in a time
 * the retry and failure policies bound, and the PDF waits for it: sending the PDF alone then could
 * book the invoice twice.
 */
export const TWIN_WAIT_WINDOWS = 2 * (1 + INCOMPLETE_GRACE_WINDOWS);

/** The paths an XML twin of `pdfPath` may have (x.xml, x.XML). */
export function xmlTwinPaths(pdfPath: string): string[] {
  const { dir, name } = path.parse(pdfPath);
  return [path.join(dir, `${name}.xml`), path.join(dir, `${name}.XML`)];
}

/** When a PDF is paired (all epoch ms, except the window). */
export interface PairingTimes {
  now: number;
  /** The PDF row's detection: its wait for an XML being written is counted from then. */
  pdfDetectedAt: number;
  /** The stability window (ms): the PDF looks again one window later. */
  windowMs: number;
}

/**
 * Decides for a PDF (whose bytes hash to `pdfSha256`) with its XML twin's row (`xml`, the most
 * recent, or null: no XML arrived, so the PDF goes on its own). While the XML is on its way the
 * PDF looks again one stability window after `now`; an XML still being written after
 * TWIN_WAIT_WINDOWS windows from the PDF's detection lets the PDF go alone.
 */
export function pairPdfWithXml(
  pdfSha256: string,
  xml: FileRecord | null,
  times: PairingTimes,
): PairingDecision {
  const { now, pdfDetectedAt, windowMs } = times;
  if (xml === null) return { kind: 'send' };
  if (
    BEING_WRITTEN_STATES.includes(xml.state) &&
    now - pdfDetectedAt >= TWIN_WAIT_WINDOWS * windowMs
  ) {
    return { kind: 'alone', xml };
  }
  if (ACTIVE_STATES.includes(xml.state)) return { kind: 'wait', at: now + windowMs, xml };
  if (xml.eInvoice === null) return { kind: 'send' };
  const same = xml.eInvoice.embeddedPdfSha256 === pdfSha256;
  // Twins arrive together. Portals and mail tools reuse names (factuur.xml every month), so a
  // PDF detected more than the bound after its namesake XML was settled is another document,
  // sent as any PDF; only the byte-identical visual still belongs to that XML, whenever it comes.
  const xmlSettledAt = xml.uploadedAt ?? xml.updatedAt;
  if (!same && pdfDetectedAt - xmlSettledAt > TWIN_WAIT_WINDOWS * windowMs) return { kind: 'send' };
  if (DELIVERED_STATES.includes(xml.state)) {
    return same ? { kind: 'part_of_xml', xml } : { kind: 'ask', xml };
  }
  if (UNSENT_XML_STATES.includes(xml.state)) {
    return same ? { kind: 'inside_unsent_xml', xml } : { kind: 'beside_unsent_xml', xml };
  }
  return { kind: 'send' };
}
