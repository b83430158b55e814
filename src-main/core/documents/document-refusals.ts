// Every refusal the document check can give, built from a code and its typed parameters in one
// place. Each message says only what a reader independent of ours would confirm about the file,
// and what to do; where the limit is ours (time, memory), it says so rather than blaming the file.
import type { Failure } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';

/** The parameters each refusal code carries; sizes in bytes, durations in milliseconds. */
export interface DocumentRefusalParams {
  /** No %%EOF at all, or PDF structure after the last one: the file was cut off. */
  pdf_incomplete: { finding: 'no_end_marker' | 'structure_after_end' };
  /** pdf.js (the reader in Firefox) needs a user password to open it (ISO 32000-2 §7.6.4). */
  pdf_needs_password: Record<string, never>;
  /** pdf.js could not open it, even with its repair of broken cross-reference tables. */
  pdf_unreadable: { detail: string };
  /** pdf.js opened it, and its page tree holds no page. */
  pdf_no_pages: Record<string, never>;
  /**
   * The page tree's root /Count (what qpdf --show-npages and pdfinfo print) is not the number of
   * pages (leaves) the tree holds (what qpdf's page walk finds).
   */
  pdf_page_count_mismatch: { declaredPages: number; foundPages: number };
  /**
   * The root's /Count is right, but a /Pages node below it counts its leaves wrongly and pdf.js,
   * which skips subtrees by /Count, did not recount: it leaves pages out or shows them twice (code
   * pdf_page_count_mismatch: the same disagreement of readers).
   */
  pdf_page_tree_miscounted: Record<string, never>;
  /** A dynamic XFA form: the pages are a placeholder, the content lives in the XFA stream. */
  pdf_xfa_only: Record<string, never>;
  /**
   * `%PDF-` comes after more bytes than readers look through (1024, Acrobat's tolerance): qpdf
   * and poppler still find it, so the file is called a PDF, with where it starts.
   */
  pdf_prefix_too_long: { headerOffset: number; limit: number };
  /** Reading the file went over one of our own budgets; the file may well be fine. */
  check_over_budget: { resource: 'time' | 'memory'; limit: number };
}

export type DocumentRefusalCode = keyof DocumentRefusalParams;

/** The Failure for a refusal code and its parameters; pdf.js's own words go in `detail`. */
export function documentRefusal<C extends DocumentRefusalCode>(
  code: C,
  params: DocumentRefusalParams[C],
): Failure {
  switch (code) {
    case 'pdf_incomplete': {
      const { finding } = params as DocumentRefusalParams['pdf_incomplete'];
      return {
        code,
        message:
          finding === 'no_end_marker'
            ? msg('pdf_incomplete_no_end_marker')
            : msg('pdf_incomplete_in_update'),
      };
    }
    case 'pdf_needs_password':
      return { code, message: msg('pdf_needs_password') };
    case 'pdf_unreadable': {
      const { detail } = params as DocumentRefusalParams['pdf_unreadable'];
      return { code, message: msg('pdf_unreadable'), detail };
    }
    case 'pdf_no_pages':
      return { code, message: msg('pdf_no_pages') };
    case 'pdf_page_count_mismatch': {
      const counts = params as DocumentRefusalParams['pdf_page_count_mismatch'];
      return { code, message: msg('pdf_page_count_mismatch', counts) };
    }
    case 'pdf_page_tree_miscounted':
      return { code: 'pdf_page_count_mismatch', message: msg('pdf_page_tree_miscounted') };
    case 'pdf_xfa_only':
      return { code, message: msg('pdf_xfa_only') };
    case 'pdf_prefix_too_long': {
      const { headerOffset, limit } = params as DocumentRefusalParams['pdf_prefix_too_long'];
      return {
        code,
        message: msg('pdf_prefix_too_long', { prefixBytes: headerOffset, limitBytes: limit }),
      };
    }
    default: {
      const { resource, limit } = params as DocumentRefusalParams['check_over_budget'];
      return {
        code: 'check_over_budget',
        message:
          resource === 'time'
            ? msg('check_over_time', { limitSeconds: Math.round(limit / 100) / 10 })
            : msg('check_over_memory', { limitBytes: limit }),
      };
    }
  }
}
