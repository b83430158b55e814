// What reading a PDF tells the check, whoever reads it: the page count and whether its pages
// are only an XFA placeholder; or that it needs a password, or cannot be
// read. Shared by the reader (in the check worker) and the service that runs it.
import { z } from 'zod';

/** The verdict of one reader on one PDF's bytes. */
export const PdfReading = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('read'),
    /** The pages (leaves) the page tree holds, as qpdf's walk of the tree finds them. */
    pages: z.number().int().nonnegative(),
    /**
     * The pages the page tree's root says it has (its /Count, ISO 32000-2 §7.7.3.2; what qpdf
     * --show-npages and poppler's pdfinfo print, and pdf.js shows unless the last of them is
     * missing). Equal to `pages` unless the count is wrong; negative when the /Count is.
     */
    declaredPages: z.number().int(),
    /**
     * A /Pages node below the root counts a different number of pages than it holds, and pdf.js,
     * which skips subtrees by their /Count, did not recount: it leaves pages out or shows some
     * twice where qpdf and poppler show the leaves.
     */
    innerCountWrong: z.boolean(),
    /** A dynamic XFA form (`/NeedsRendering true`): its pages are a placeholder. */
    xfaOnly: z.boolean(),
  }),
  z.object({ outcome: z.literal('needs_password') }),
  z.object({ outcome: z.literal('unreadable'), detail: z.string() }),
]);
export type PdfReading = z.infer<typeof PdfReading>;

/** Reads a PDF's bytes. The reader may take ownership of (detach) the buffer. */
export type ReadPdf = (bytes: Uint8Array) => Promise<PdfReading>;

/** main → worker: one PDF's bytes to read; the buffer is transferred, not copied. */
export const PdfReadRequest = z.object({
  id: z.number().int(),
  bytes: z.instanceof(Uint8Array),
});
export type PdfReadRequest = z.infer<typeof PdfReadRequest>;

/**
 * worker → main: `ready` once pdf.js is loaded (start-up is not charged to a file's budget),
 * then the verdict for each request, by id.
 */
export const PdfReadReply = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number().int(), reading: PdfReading }),
]);
export type PdfReadReply = z.infer<typeof PdfReadReply>;
