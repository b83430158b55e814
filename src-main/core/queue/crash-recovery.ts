// The crash rule. Clearfacts has no idempotency key, so a send cut short by a crash or a kill may
// have arrived: it is never sent again without the user, who can check Clearfacts first.
import type { Failure } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import type { Logger } from '../logging/logger.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import type { UploadQueue } from './upload-queue.ts';

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

/**
 * Moves or deletes the watched files a stop caught between their uuid and their after-upload
 * step (or whose uuid the delivery journal restored). Call once the queue runs; each file's
 * outcome is written to its row by the step itself, and an error is logged, never thrown.
 */
export async function finishInterruptedLocalSteps(
  repository: HistoryRepository,
  queue: Pick<UploadQueue, 'finishLocally'>,
  logger: Logger,
): Promise<void> {
  let records: FileRecord[];
  try {
    records = repository.awaitingLocalStep();
  } catch (error) {
    logger.error('The history could not be read', { error: String(error) });
    return;
  }
  for (const record of records) {
    try {
      await queue.finishLocally(record);
    } catch (error) {
      logger.error('The after-upload step of an interrupted file failed', {
        id: record.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
