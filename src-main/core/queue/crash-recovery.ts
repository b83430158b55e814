// The crash rule. Clearfacts has no idempotency key, so a send cut short by a crash or a kill may
// have arrived: it is never sent again without the user, who can check Clearfacts first.
import type { Failure } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import type { Logger } from '../logging/logger.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';

const INTERRUPTED: Failure = {
  code: 'transient',
  message: msg('send_interrupted'),
};

/**
 * Marks every row still `uploading` at start-up `unconfirmed` and reports each transition.
 * Call before the queue starts. Throws what the history throws (a storage fault at start-up).
 */
export function recoverInterruptedSends(
  repository: HistoryRepository,
  onTransition: (transition: Transition) => void,
  logger: Logger,
): void {
  for (const record of repository.inStates(['uploading'])) {
    onTransition(repository.transition(record.id, 'unconfirmed', { failure: INTERRUPTED }));
    logger.warn('A send was interrupted by the last stop: unconfirmed', { id: record.id });
  }
}
