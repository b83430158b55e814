// The history's status filter groups core's ten file states the way a user thinks of them.
import type { FileState } from '../../src-main/contract/domain.ts';

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
  in_progress: ['detected', 'waiting_stability', 'ready', 'uploading'],
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
      return 'neutral';
  }
}

/** What the user may do with a row, from its state. */
export function rowActions(state: FileState): {
  retry: boolean;
  resend: boolean;
  markDone: boolean;
} {
  return {
    retry: state === 'failed',
    resend: state === 'unconfirmed' || state === 'duplicate',
    markDone: state === 'unconfirmed',
  };
}
