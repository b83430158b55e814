// What History's eye shows of one of its files (issue #14 finding 13): pictures of a PDF's first
// pages, a picture of a JPEG or PNG, an e-invoice's summary, or why nothing can be shown. Core
// reads the file by the history id alone, at the path the history holds for it (its copy in
// `_uploaded` once moved), never at a path a page sends.
import { z } from 'zod';
import { EInvoiceSummary } from './domain.ts';
import { Message } from './messages/message.ts';
import { PageThumbnail } from './split-schemas.ts';

/** The most pages a preview pictures; the rest are counted ("and N more"). */
export const HISTORY_PREVIEW_MAX_PAGES = 6;

/**
 * What the preview holds: `pages` (a PDF: its page count and the first pages' pictures, each a
 * `data:image/jpeg;base64,` URL at most 240 px on its long side), `image` (a JPEG or PNG, one
 * such picture), `e_invoice` (the summary the history row holds), or `unavailable` with the
 * reason as a message (`history_preview_missing`, `history_preview_unreadable`,
 * `history_preview_unsupported`).
 */
export const HistoryPreviewContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pages'),
    pageCount: z.number().int().min(0),
    pages: z.array(PageThumbnail).max(HISTORY_PREVIEW_MAX_PAGES),
  }),
  z.object({ kind: z.literal('image'), thumbnail: z.string() }),
  z.object({ kind: z.literal('e_invoice'), summary: EInvoiceSummary }),
  z.object({ kind: z.literal('unavailable'), reason: Message }),
]);
export type HistoryPreviewContent = z.infer<typeof HistoryPreviewContent>;

/** One history file's preview: its id and name, the path it was read at, and what it shows. */
export const HistoryPreview = z.object({
  id: z.number().int(),
  fileName: z.string(),
  path: z.string(),
  content: HistoryPreviewContent,
});
export type HistoryPreview = z.infer<typeof HistoryPreview>;
