// What the split service and its worker thread say to each other, checked with zod on arrival
// (a worker's messages cross a thread boundary). Shared by split-service.ts and split-worker.ts.
import { z } from 'zod';
import { PageThumbnail, SplitChoice, SplitMode, SplitPart } from '../../contract/split-schemas.ts';
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
  /** The user's choice (issue #19) does not fit the batch; `detail` says how (for the log). */
  z.object({ why: z.literal('choice_mismatch'), detail: z.string() }),
  z.object({
    why: z.literal('part_mismatch'),
    firstPage: z.number().int(),
    lastPage: z.number().int(),
    expectedPages: z.number().int(),
    foundPages: z.number().int().nullable(),
  }),
]);
export type WholeReason = z.infer<typeof WholeReason>;

/** Every page is a separator sheet (or blank, in `blank` mode): nothing to send at all. */
const OnlySeparators = z.object({
  outcome: z.literal('only_separators'),
  pages: z.number().int(),
  separatorPages: z.array(z.number().int()),
});

/** The batch goes as it is, and why. `pages` is null when it could not be read. */
const Whole = z.object({
  outcome: z.literal('whole'),
  pages: z.number().int().nullable(),
  reason: WholeReason,
});

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
    /**
     * In `blank` mode, the blank pages (the separator pages) as one PDF of their own, kept
     * beside the batch so a wrong guess loses nothing (issue #19); null in other modes.
     */
    blankPages: z.instanceof(Uint8Array).nullable(),
    /**
     * How long the worker waited, in ms, for other folders' files being checked or sent
     * (give-way.ts); absent when the batch was split outside the worker.
     */
    gaveWayMs: z.number().min(0).optional(),
  }),
  OnlySeparators,
  Whole,
]);
export type SplitResult = z.infer<typeof SplitResult>;

/**
 * main → worker: one batch's bytes (transferred) and the folder's mode; `split` cuts it (as the
 * user's `choice` says, when given), `preview` only says what the parts would be.
 */
export const SplitRequest = z.discriminatedUnion('task', [
  z.object({
    task: z.literal('split'),
    id: z.number().int(),
    bytes: z.instanceof(Uint8Array),
    mode: SplitMode,
    choice: SplitChoice.omit({ sha256: true }).optional(),
  }),
  z.object({
    task: z.literal('preview'),
    id: z.number().int(),
    bytes: z.instanceof(Uint8Array),
    mode: SplitMode,
  }),
  /** A picture of the first `maxPages` pages of any PDF (History's preview, issue #14). */
  z.object({
    task: z.literal('thumbnails'),
    id: z.number().int(),
    bytes: z.instanceof(Uint8Array),
    maxPages: z.number().int().min(1),
  }),
]);
export type SplitRequest = z.infer<typeof SplitRequest>;

/**
 * The worker's preview of a batch: the parts with a JPEG data URL of each one's first page, or
 * (as SplitResult) every page a separator sheet, or the reason it goes whole.
 */
export const PreviewResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('split'),
    pages: z.number().int(),
    separatorPages: z.array(z.number().int()),
    parts: z.array(SplitPart.extend({ thumbnail: z.string() })).min(1),
    /** Every page that is not a separator page, with its picture (a move may make it first). */
    pageThumbnails: z.array(PageThumbnail),
  }),
  OnlySeparators,
  Whole,
]);
export type PreviewResult = z.infer<typeof PreviewResult>;

/**
 * The worker's pictures of a PDF's first pages: `pages` is its page count, `thumbnails` the
 * first pages' pictures in page order; `whole` (with `pages` null) when it could not be read,
 * the verdict the service's failures already take.
 */
export const ThumbnailsResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('pages'),
    pages: z.number().int().min(0),
    thumbnails: z.array(PageThumbnail),
  }),
  Whole,
]);
export type ThumbnailsResult = z.infer<typeof ThumbnailsResult>;

/** worker → main: `ready` once zxing is loaded, then one answer per request id. */
export const SplitReply = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number().int(), result: SplitResult }),
  z.object({ id: z.number().int(), preview: PreviewResult }),
  z.object({ id: z.number().int(), thumbnails: ThumbnailsResult }),
]);
export type SplitReply = z.infer<typeof SplitReply>;
