// A row delivered and then moved by its after-upload step is reported once, in its final state.
// The event hub gathers a row's changes for 50 ms and sends the latest; a move that outlasted
// that window (hashing a large scanned batch before it is moved, a busy disk) reached every
// screen as two changes, and `watch` told the file twice: "uploaded", then "uploaded, moved".
import type { Transition } from '../store/history-repository.ts';
import type { SendContext } from './send-file.ts';

/**
 * Runs `step` with a context whose transitions are kept back, then reports them to
 * `context.onTransition` in the order they were written, together (also when `step` throws), so
 * the hub sends the row's final state only. For steps that are local and short: the row is
 * written at once; only its report waits.
 */
export async function reportedWhenDone<T>(
  context: SendContext,
  step: (held: SendContext) => Promise<T>,
): Promise<T> {
  const held: Transition[] = [];
  try {
    return await step({ ...context, onTransition: (transition) => held.push(transition) });
  } finally {
    for (const transition of held) context.onTransition(transition);
  }
}
