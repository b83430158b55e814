// The history's status filter groups core's ten file states the way a user thinks of them.
import type { FailureCode, FileState, HistoryEntry } from '../../src-main/contract/domain.ts';

export const STATUS_FILTERS = [
  'all',
  'in_progress',
  'uploaded',
  'failed',
  'unconfirmed',
  'duplicate',
  'held',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const STATES_OF: Record<Exclude<StatusFilter, 'all'>, FileState[]> = {
  in_progress: ['detected', 'waiting_stability', 'ready', 'uploading', 'split', 'bundling'],
  uploaded: ['uploaded', 'archived'],
  failed: ['failed'],
  unconfirmed: ['unconfirmed'],
  duplicate: ['duplicate'],
  held: ['held'],
};

export function statesForFilter(filter: StatusFilter): FileState[] | undefined {
  return filter === 'all' ? undefined : STATES_OF[filter];
}

export type StateTone = 'neutral' | 'busy' | 'success' | 'danger' | 'warning';

export function toneOfState(state: FileState): StateTone {
  switch (state) {
    case 'uploaded':
    case 'archived':
      return 'success';
    case 'failed':
      return 'danger';
    case 'unconfirmed':
    case 'duplicate':
    case 'held':
      return 'warning';
    case 'uploading':
      return 'busy';
    case 'detected':
    case 'waiting_stability':
    case 'ready':
    case 'split':
    case 'bundling':
      return 'neutral';
  }
}

/**
 * Failures that only a different file can end. A watched file that changes is taken up again by
 * itself, so Retry would only fail the same way: these offer Dismiss instead.
 */
const FIXED_ONLY_BY_THE_FILE: ReadonlySet<FailureCode> = new Set([
  'unsupported_type',
  'empty_file',
  'pdf_encrypted',
  'pdf_corrupt',
  'file_incomplete',
  'pdf_no_pages',
  'pdf_page_count_mismatch',
  'pdf_needs_password',
  'pdf_incomplete',
  'pdf_xfa_only',
  'pdf_prefix_too_long',
  'xml_not_invoice',
  'xml_unreadable_encoding',
  'e_invoice_unsupported',
  'bank_statement',
  'only_separator_sheets',
  'conversion_failed',
  'file_missing',
]);

/** Whether the row is a failure the user dismissed: kept as a record, not as work. */
export function isDismissed(entry: Pick<HistoryEntry, 'dismissedAt'>): boolean {
  return entry.dismissedAt !== null && entry.dismissedAt !== undefined;
}

/** What the user may do with a row, from its state and its failure. */
export function rowActions(entry: Pick<HistoryEntry, 'state' | 'failure' | 'dismissedAt'>): {
  retry: boolean;
  resend: boolean;
  markDone: boolean;
  dismiss: boolean;
  reveal: boolean;
} {
  const failed = entry.state === 'failed';
  const code = entry.failure?.code;
  return {
    retry: failed && (code === undefined || !FIXED_ONLY_BY_THE_FILE.has(code)),
    resend: entry.state === 'unconfirmed' || entry.state === 'duplicate',
    markDone: entry.state === 'unconfirmed',
    // Every hold offers at least this, even one with no administration to propose (#18 F7).
    dismiss: (failed || entry.state === 'held') && !isDismissed(entry),
    // A file that is gone cannot be shown.
    reveal: code !== 'file_missing',
  };
}
