// A CODA bank statement (Febelfin CODA 2.x: fixed 128-character records, the first a header
// record "0" followed by four zeros, then an old-balance record "1"). Clearfacts receives these
// from CodaBox directly, so one found in a scan folder is explained, not sent.
import { open } from 'node:fs/promises';
import type { Failure } from '../../../contract/domain.ts';
import { eInvoiceFailure } from './e-invoice-notices.ts';

/** CODA 2.x record length in characters, line end excluded. */
const RECORD_LENGTH = 128;
/** Enough for the header record, the next one and their line ends. */
const HEAD_BYTES = 2 * (RECORD_LENGTH + 2);

/** True when `head` starts like a CODA file: a header record 0 and, if present, a record 1. */
export function looksLikeCoda(head: Uint8Array): boolean {
  const lines = new TextDecoder('latin1').decode(head).split(/\r?\n/);
  const [header, next] = lines;
  if (header?.length !== RECORD_LENGTH || !header.startsWith('00000')) return false;
  // Positions 6–11 are the creation date, DDMMYY.
  if (!/^\d{6}$/.test(header.slice(5, 11))) return false;
  return next === undefined || next === '' || next.startsWith('1');
}

/** The bank-statement notice for a CODA file, or null when the file is not one. */
export async function codaStatementFailure(filePath: string): Promise<Failure | null> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return looksLikeCoda(buffer.subarray(0, bytesRead))
      ? eInvoiceFailure({ code: 'bank_statement', params: { format: 'coda' } })
      : null;
  } finally {
    await handle.close();
  }
}
