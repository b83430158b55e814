// The files a scan session was combined from (issue #19) once Clearfacts has the combined
// document: each is delivered, and its folder's after-upload step moves or deletes it. Until then
// they wait in `bundling`, unmoved, as a split batch's original waits for its parts.
import type { FileRecord } from '../store/file-record.ts';
import type { SendContext } from './send-file.ts';
import { deliverWaiting } from './split-step.ts';
import { reportedWhenDone } from './reported-when-done.ts';

/**
 * Delivers every scan session file whose combined document is uploaded (or archived): it becomes
 * `uploaded` and `finishLocally` (the send step's after-upload step) runs for it. Run after a
 * combined document is uploaded, when the user marks it done, and at start-up (a stop between
 * the upload and the moves). A file the step cannot move says why on its own row.
 */
export async function settleBundles(
  context: SendContext,
  finishLocally: (context: SendContext, record: FileRecord) => Promise<void>,
): Promise<void> {
  for (const candidate of context.repository.settledBundleMembers()) {
    // Each file told once, in its final state (moved), as a split batch's original.
    await reportedWhenDone(context, async (held) => {
      const delivered = await deliverWaiting(held, candidate.id, 'bundling');
      if (delivered !== null) await finishLocally(held, delivered);
    });
  }
}
