// The split stage's nouns that cross a boundary (issue #17 and #19): a folder's split mode, a
// separator sheet's payload, a previewed part and the user's choice. Kept apart from domain.ts
// (which re-exports them) so the split worker thread can check its messages without loading
// domain.ts and its message catalogues (about 15 MB resident in a worker, issue #17's peak RSS).
import { z } from 'zod';
import { CompanyNumber } from './company-number.ts';
import {
  BUNDLE_FORM,
  BUNDLE_QUIET_SECONDS,
  bundleSecondsInRange,
  SEPARATOR_TYPES,
  SPLIT_MODE_FORM,
} from './split-modes.ts';

export { BUNDLE_QUIET_SECONDS };

/**
 * How a watched folder cuts a scanned batch (one PDF from a scanner's feeder) into documents
 * before sending: `off` sends it whole; `separator` cuts on separator sheets (see the README);
 * `blank` cuts on blank pages (issue #19; the blank pages become a file of their own, never
 * thrown away); `blank-backs` does not cut but leaves out blank pages (duplex back sides),
 * kept in a file of their own like `blank`'s; `page` sends every page as its own document;
 * `pages:N` every N pages (N from 2 to 999).
 */
export const SplitMode = z
  .string()
  .regex(SPLIT_MODE_FORM, 'off, separator, blank, blank-backs, page or pages:N');
export type SplitMode = z.infer<typeof SplitMode>;

/**
 * What a watched folder does with what arrives: a split mode, or `bundle:N` (issue #19): its
 * JPEG, PNG and PDF files that arrive within N seconds of each other (a scan session, N from 5
 * to 600) are combined into one PDF in name order once the folder has been quiet for N s.
 * Only folders take `bundle:N`: a drop combines with "Combine into one document".
 */
export const FolderSplit = z.union([
  SplitMode,
  z
    .string()
    .regex(BUNDLE_FORM, 'bundle:N')
    .refine(
      bundleSecondsInRange,
      `bundle:N with N from ${BUNDLE_QUIET_SECONDS.min} to ${BUNDLE_QUIET_SECONDS.max}`,
    ),
]);
export type FolderSplit = z.infer<typeof FolderSplit>;

/** The kinds a separator sheet can be (issue #17), as `--type` names them (split-modes.ts). */
export const SeparatorType = z.enum(SEPARATOR_TYPES);
export type SeparatorType = z.infer<typeof SeparatorType>;

/**
 * A separator sheet: `next` starts a new document with the folder's own destination; the typed
 * kinds also set the destination (and, with `companyNumber`, the administration) of the one
 * document that follows the sheet.
 */
export const SeparatorSheet = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }).strict(),
  z
    .object({ type: z.enum(['purchase', 'sale']), companyNumber: CompanyNumber.optional() })
    .strict(),
  z
    .object({
      type: z.enum(['various', 'permanent']),
      categoryId: z.string().min(1).max(200),
      companyNumber: CompanyNumber.optional(),
    })
    .strict(),
]);
export type SeparatorSheet = z.infer<typeof SeparatorSheet>;

/**
 * One document of a scanned batch as the split preview shows it (issue #19): pages
 * `firstPage`..`lastPage` of the original (1-based, inclusive; a separator page inside the range
 * is not part of it) and the typed separator sheet that sets its destination (null: the one the
 * user chose for the drop).
 */
export const SplitPart = z.object({
  firstPage: z.number().int().min(1),
  lastPage: z.number().int().min(1),
  sheet: SeparatorSheet.nullable(),
});
export type SplitPart = z.infer<typeof SplitPart>;

/**
 * The parts the user confirmed, perhaps adjusted, for one dropped batch: the SHA-256 (hex) of the
 * bytes they were previewed on (a file changed since is sent whole), the separator pages left
 * out, and the parts in page order. `split-choice.ts` says when a choice is whole.
 */
export const SplitChoice = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  separatorPages: z.array(z.number().int().min(1)).max(100_000),
  parts: z.array(SplitPart).min(1).max(100_000),
});
export type SplitChoice = z.infer<typeof SplitChoice>;

/** A page of a previewed batch (1-based) and its picture, a `data:image/jpeg;base64,` URL. */
export const PageThumbnail = z.object({ page: z.number().int().min(1), thumbnail: z.string() });
export type PageThumbnail = z.infer<typeof PageThumbnail>;
