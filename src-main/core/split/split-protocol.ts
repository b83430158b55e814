// What the split service and its worker thread say to each other, checked with zod on arrival
// (a worker's messages cross a thread boundary). Shared by split-service.ts and split-worker.ts.
import { z } from 'zod';
import { SplitMode } from '../../contract/domain.ts';
import { SeparatorSheet } from './separator-code.ts';

/** One part as the worker hands it back: its pages (1-based, inclusive) and its PDF bytes. */
export const CutPart = z.object({
  firstPage: z.number().int().min(1),
  lastPage: z.number().int().min(1),
  sheet: SeparatorSheet.nullable(),
  bytes: z.instanceof(Uint8Array),
});
export type CutPart = z.infer<typeof CutPart>;

/**
 * Why a batch is sent as it is although its folder splits: `one_document` (nothing to cut),
 * `unreadable` (pdf-lib or pdf.js cannot open it, e.g. it is encrypted; `detail` says what they
 * said), `part_mismatch` (a cut part did not read back with the pages it should have),
 * `over_budget` (splitting took longer than the service allows), `splitter_stopped` (the worker
 * thread failed to start or crashed; `detail` says how).
 */
export const WholeReason = z.discriminatedUnion('why', [
  z.object({ why: z.literal('one_document') }),
  z.object({ why: z.literal('over_budget'), limitMs: z.number().int() }),
  z.object({ why: z.literal('splitter_stopped'), detail: z.string() }),
  z.object({ why: z.literal('unreadable'), detail: z.string() }),
  z.object({
    why: z.literal('part_mismatch'),
    firstPage: z.number().int(),
    lastPage: z.number().int(),
    expectedPages: z.number().int(),
    foundPages: z.number().int().nullable(),
  }),
]);
export type WholeReason = z.infer<typeof WholeReason>;

/**
 * The worker's verdict on one batch. `pages` is the original's page count (null: unreadable).
 * `only_separators`: every page is a separator sheet, so there is nothing to send at all.
 */
export const SplitResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('split'),
    pages: z.number().int(),
    separatorPages: z.array(z.number().int()),
    parts: z.array(CutPart).min(1),
  }),
  z.object({
    outcome: z.literal('only_separators'),
    pages: z.number().int(),
    separatorPages: z.array(z.number().int()),
  }),
  z.object({
    outcome: z.literal('whole'),
    pages: z.number().int().nullable(),
    reason: WholeReason,
  }),
]);
export type SplitResult = z.infer<typeof SplitResult>;

/** main → worker: one batch's bytes (transferred) and the folder's mode. */
export const SplitRequest = z.object({
  id: z.number().int(),
  bytes: z.instanceof(Uint8Array),
  mode: SplitMode,
});
export type SplitRequest = z.infer<typeof SplitRequest>;

/** worker → main: `ready` once pdf.js and zxing are loaded, then one result per request id. */
export const SplitReply = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number().int(), result: SplitResult }),
]);
export type SplitReply = z.infer<typeof SplitReply>;
