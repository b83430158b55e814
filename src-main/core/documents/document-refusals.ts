// Every refusal the document check can give, built from a code and its typed parameters in one
// place, so the words can move to the nl/fr/en message catalogues without touching the checks.
// Each sentence says only what a reader independent of ours would confirm about the file, and
// what to do; where the limit is ours (time, memory), it says so rather than blaming the file.
import type { Failure } from '../../contract/domain.ts';

/** The parameters each refusal code carries; sizes in bytes, durations in milliseconds. */
export interface DocumentRefusalParams {
  /** No %%EOF at all: the file stops before a PDF's closing section. */
  pdf_incomplete: { finding: 'no_end_marker' | 'structure_after_end' };
  /** pdf.js (the reader in Firefox) needs a user password to open it (ISO 32000-2 §7.6.4). */
  pdf_needs_password: Record<string, never>;
  /** pdf.js could not open it, even with its repair of broken cross-reference tables. */
  pdf_unreadable: { detail: string };
  /** pdf.js opened it, and its page tree holds no page. */
  pdf_no_pages: Record<string, never>;
  /** A dynamic XFA form: the pages are a placeholder, the content lives in the XFA stream. */
  pdf_xfa_only: Record<string, never>;
  /** Reading the file went over one of our own budgets; the file may well be fine. */
  check_over_budget: { resource: 'time' | 'memory'; limit: number };
}

export type DocumentRefusalCode = keyof DocumentRefusalParams;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

const ENGLISH: { [C in DocumentRefusalCode]: (params: DocumentRefusalParams[C]) => string } = {
  pdf_incomplete: ({ finding }) =>
    finding === 'no_end_marker'
      ? 'This PDF stops before its end-of-file marker (%%EOF): it was cut off while being written, downloaded or copied, and its last pages may be missing. Copy it again from where it came from, or scan or save it again.'
      : 'This PDF stops in the middle of a later addition to it (an incremental update without its end-of-file marker): it was cut off while being written or copied, and its last changes or pages may be missing. Copy it again from where it came from, or save it again.',
  pdf_needs_password: () =>
    'This PDF needs a password to open, so Clearfacts cannot read it. Open it with its password and save a copy without one (for example with "Print to PDF"), and put that copy in the folder instead.',
  pdf_unreadable: () =>
    'This app reads PDFs with the reader built into Firefox, and it could not read this file, even after trying to repair it. If it opens in your PDF reader, save a copy from there (for example with "Print to PDF"); otherwise scan or save it again.',
  pdf_no_pages: () => 'This PDF has no pages, so there is nothing to send.',
  pdf_xfa_only: () =>
    'This PDF is a dynamic XFA form: its content is not in its pages (they only say "please wait" or similar), and Clearfacts reads pages. Open it in Adobe Acrobat Reader and print it to a PDF, then send that copy.',
  check_over_budget: ({ resource, limit }) =>
    resource === 'time'
      ? `Checking this PDF took longer than this app allows for one file (${seconds(limit)}). The file may be fine; this app stops there so the other files keep moving. Save a copy with "Print to PDF", or upload it on the Clearfacts website.`
      : `Checking this PDF needed more memory than this app allows for one file (${megabytes(limit)}). The file may be fine; this app stops there to keep the computer responsive. Save a copy with "Print to PDF", or upload it on the Clearfacts website.`,
};

/** The Failure for a refusal code and its parameters (English text for now). */
export function documentRefusal<C extends DocumentRefusalCode>(
  code: C,
  params: DocumentRefusalParams[C],
): Failure {
  const message = ENGLISH[code](params);
  if (code === 'pdf_unreadable') {
    const { detail } = params as DocumentRefusalParams['pdf_unreadable'];
    return { code, message, detail };
  }
  return { code, message };
}
