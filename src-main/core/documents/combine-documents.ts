// Several files combined into one PDF (issue #19, bundling): phone photos or single-page scans of
// one invoice become one document. PDFs give their pages as they are, a JPEG or PNG one page (its
// paper's size, as a converted PNG gets). Written with pdf-lib, without the time of writing in
// it, so the same files in the same order give the same bytes and the duplicate check holds.
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import { msg, type Message } from '../../contract/messages/message.ts';
import { addImagePage } from './convert-image-to-pdf.ts';
import { hashBytes } from './hash-file.ts';

/** One file to combine: its name (for the messages) and bytes. */
export interface CombineInput {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The combined PDF with each input and its page count and SHA-256 (hex), in input order; or the
 * first input that cannot be combined (its index in the inputs), with why
 * (`combine_not_pdf_or_image`, `combine_unreadable`).
 */
export type CombineResult<T extends CombineInput> =
  | { ok: true; bytes: Uint8Array; sources: (T & { pages: number; sha256: string })[] }
  | { ok: false; reason: Message; index: number };

/** Combines `inputs` in order into one PDF. Never throws for a file: a bad one is the answer. */
export async function combineIntoPdf<T extends CombineInput>(
  inputs: readonly T[],
): Promise<CombineResult<T>> {
  const target = await PDFDocument.create({ updateMetadata: false });
  const sources: (T & { pages: number; sha256: string })[] = [];
  for (const [index, input] of inputs.entries()) {
    const { fileName, bytes } = input;
    const type = await fileTypeFromBuffer(bytes);
    const before = target.getPageCount();
    try {
      if (type?.ext === 'pdf') {
        // pdf-lib refuses an encrypted PDF (EncryptedPDFError): its pages would be garbage.
        const source = await PDFDocument.load(bytes, { updateMetadata: false });
        const pages = await target.copyPages(source, source.getPageIndices());
        for (const page of pages) target.addPage(page);
      } else if (type?.ext === 'jpg' || type?.ext === 'png') {
        await addImagePage(target, bytes);
      } else {
        return { ok: false, reason: msg('combine_not_pdf_or_image', { fileName }), index };
      }
    } catch {
      return { ok: false, reason: msg('combine_unreadable', { fileName }), index };
    }
    const pages = target.getPageCount() - before;
    if (pages === 0) return { ok: false, reason: msg('combine_unreadable', { fileName }), index };
    sources.push({ ...input, pages, sha256: await hashBytes(bytes) });
  }
  return { ok: true, bytes: await target.save(), sources };
}
