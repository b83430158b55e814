// The states a file may move between. The history repository refuses any other move, so a bug
// can never, say, send an unconfirmed file again without the user.
import type { FileState } from '../../contract/domain.ts';

const allowed: Record<FileState, readonly FileState[]> = {
  // Drop and CLI files start here; watched files start waiting for stability.
  detected: ['waiting_stability', 'ready', 'failed', 'bundling'],
  // Re-entering waiting_stability restarts the gate after the file changed again.
  // -> bundling: through the gate into a folder's open scan session (issue #19).
  waiting_stability: ['waiting_stability', 'ready', 'failed', 'bundling'],
  // ready -> ready reschedules (backoff, a file put back by a pause); -> waiting_stability when
  // the file changed after it was queued.
  // -> held: an e-invoice that waits for the user's choice of administration (issue #18).
  // -> split: a scanned batch cut into parts, which are queued in the same transaction (#17).
  ready: ['ready', 'waiting_stability', 'uploading', 'failed', 'duplicate', 'held', 'split'],
  // -> ready: a transient failure to retry, or a pause (auth, scope) before anything was sent.
  // -> waiting_stability: the file changed while it was being sent and the send was abandoned.
  // -> unconfirmed: the whole file was sent and no answer came, or the app stopped mid-send.
  uploading: ['uploaded', 'ready', 'waiting_stability', 'failed', 'unconfirmed'],
  // uploaded -> uploaded records a failed move or delete; -> archived when that step is done.
  uploaded: ['uploaded', 'archived'],
  archived: [],
  // Only the user (retry) or a changed file brings a failed file back; failed -> failed records
  // the user's dismissal; -> bundling: the user retries a scan session whose combined document
  // could not be written (issue #19).
  failed: ['failed', 'ready', 'waiting_stability', 'bundling'],
  duplicate: ['ready'],
  // Only the user's choice (-> ready) or a changed file brings a held file back; held -> held
  // records the user's dismissal.
  held: ['held', 'ready', 'waiting_stability'],
  // Never re-sent silently: resend (-> ready) or mark done (-> uploaded) are the user's say.
  unconfirmed: ['ready', 'uploaded'],
  // A batch's original leaves `split` only once every part is uploaded: it is then delivered
  // (-> uploaded) and its after-upload step runs; a failing part leaves it here, unmoved.
  split: ['uploaded'],
  // A scan session's file (issue #19) leaves `bundling` once the document it was combined into
  // is uploaded (-> uploaded, then its after-upload step); before it was combined, when it
  // changed (-> waiting_stability), its folder stopped bundling (-> ready) or it cannot be
  // combined (-> failed).
  bundling: ['bundling', 'uploaded', 'waiting_stability', 'ready', 'failed'],
};

export function canTransition(from: FileState, to: FileState): boolean {
  return allowed[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(id: number, from: FileState, to: FileState) {
    super(`File ${id} cannot go from ${from} to ${to}.`);
    this.name = 'IllegalTransitionError';
  }
}

/** Still on its way: counted as pending, and what `whenIdle` waits for. */
export const PENDING_STATES: readonly FileState[] = ['detected', 'waiting_stability', 'ready'];

/** States the engine is working on (pending, or being sent). */
export const ACTIVE_STATES: readonly FileState[] = [...PENDING_STATES, 'uploading'];

/** The content is in Clearfacts (or the user said so). */
export const DELIVERED_STATES: readonly FileState[] = ['uploaded', 'archived'];
