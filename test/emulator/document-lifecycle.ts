// What Clearfacts does with a document after it arrived: it sits in the inbox (received), the
// office processes it (a document date is set; an invoice is then UNPAID), and later it is paid.
// The speeds are configurable, a test can set a document's stage by hand, and a document can be
// forgotten (deleted in Clearfacts: `document(id)` then answers "not found"), or made to fail on
// its own (an error on its alias that says nothing about the document).
import { z } from 'zod';

/**
 * What `document(id)` fails with on a document a test made fail: the live API's per-document
 * errors are undocumented, so this is any error that is neither "not found" nor a scope.
 */
export const DEFAULT_DOCUMENT_FAILURE = 'The document could not be loaded.';

export const DocumentStage = z.enum(['received', 'processed', 'paid']);
export type DocumentStage = z.infer<typeof DocumentStage>;

/**
 * How fast documents move on their own, in ms after the upload. `processAfterMs` 0 (the default)
 * answers as the docs' example does (a date and UNPAID right away); null means never.
 * `payAfterMs` counts from processing; null (the default) means an invoice is never paid.
 */
export const DocumentLifecycleSchema = z.strictObject({
  processAfterMs: z.number().int().min(0).nullable().optional(),
  payAfterMs: z.number().int().min(0).nullable().optional(),
});
export type DocumentLifecycle = z.infer<typeof DocumentLifecycleSchema>;

/** A stage set by a test hook: it holds until reset, whatever the speeds say. */
export const DocumentStageOverride = z.strictObject({
  uuid: z.string().min(1),
  stage: DocumentStage,
  /** The document date Clearfacts shows once processed (YYYY-MM-DD); default the upload's day. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type DocumentStageOverride = z.infer<typeof DocumentStageOverride>;

/** The stage a document has `ageMs` after its upload under `lifecycle`. */
export function stageAt(lifecycle: DocumentLifecycle, ageMs: number): DocumentStage {
  const processAfter = lifecycle.processAfterMs === undefined ? 0 : lifecycle.processAfterMs;
  if (processAfter === null || ageMs < processAfter) return 'received';
  const payAfter = lifecycle.payAfterMs ?? null;
  return payAfter !== null && ageMs >= processAfter + payAfter ? 'paid' : 'processed';
}
