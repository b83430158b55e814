// The files a scan session was combined from (issue #19) once Clearfacts has the combined
// document: each is delivered, and its folder's after-upload step moves or deletes it. Until then
// they wait in `bundling`, unmoved, as a split batch's original waits for its parts.
import type { FileRecord } from '../store/file-record.ts';
import type { SendContext } from './send-file.ts';

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
    const delivered = await context.storage.persist(() => {
      // Another settle may have taken it between the read and this write.
      if (context.repository.get(candidate.id)?.state !== 'bundling') return null;
      const transition = context.repository.transition(candidate.id, 'uploaded', {
        uploadedAt: context.now(),
        failure: null,
      });
      context.onTransition(transition);
      return transition.record;
    }, context.stopSignal);
    if (delivered !== null) await finishLocally(context, delivered);
  }
}
