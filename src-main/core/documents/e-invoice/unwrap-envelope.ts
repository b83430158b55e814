// The seam for bytes sent that differ from the file on disk: the invoice inside a Peppol SBDH
// envelope is written to the staging folder and sent in the envelope's place. The file on disk
// is never changed; the history keeps both SHA-256s.
import { readEInvoice } from './read-e-invoice.ts';

/**
 * Writes the inner invoice of the envelope at `input` to `output` and returns its SHA-256
 * (hex), the same the check reported as `sentSha256`. Throws when `input` is no longer
 * an envelope around an invoice (it changed since the check).
 */
export async function unwrapEnvelope(input: string, output: string): Promise<string> {
  const reading = await readEInvoice(input, { innerInvoicePath: output });
  if (reading.status !== 'e-invoice' || reading.innerSha256 === null) {
    throw new Error('The file is no longer an invoice in a Peppol envelope.');
  }
  return reading.innerSha256;
}
