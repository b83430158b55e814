// History's preview of one of its files (issue #14 finding 13): what the eye shows. The file is
// found by its history id only, and read where the history last saw it (its copy in `_uploaded`
// once moved there), so a page can never make core read a path of its choosing. PDF pages are
// drawn in the split worker as the split preview's are; a JPEG or PNG by sharp; an e-invoice is
// shown by the summary its row holds. Reading changes nothing: no row, no file, no request.
import { readFile, stat } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { ApiError } from '../../contract/api-contract.ts';
import type { DocumentKind } from '../../contract/domain.ts';
import {
  HISTORY_PREVIEW_MAX_PAGES,
  type HistoryPreview,
  type HistoryPreviewContent,
} from '../../contract/history-preview.ts';
import { msg } from '../../contract/messages/message.ts';
import { imageThumbnailDataUrl } from '../split/page-thumbnail.ts';
import type { ThumbnailsResult } from '../split/split-protocol.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { HistoryRepository } from '../store/history-repository.ts';

/**
 * The largest file the preview reads into memory, in bytes: 256 MiB, far above any document
 * Clearfacts takes, so only an odd file at a history path is refused (`unreadable`).
 */
export const HISTORY_PREVIEW_MAX_BYTES = 256 * 1024 * 1024;

export interface HistoryPreviewOptions {
  repository: Pick<HistoryRepository, 'get'>;
  /** Pictures of a PDF's first pages (the split service's `thumbnails`; bytes transferred). */
  pdfThumbnails: (bytes: Uint8Array, maxPages: number) => Promise<ThumbnailsResult>;
}

/** Answers `history.preview`: ApiError `not_found` for an id the history does not know. */
export type PreviewHistoryFile = (id: number) => Promise<HistoryPreview>;

/** The kind to draw the bytes as: the one the check found, else what their magic number says. */
async function kindOf(known: DocumentKind | null, bytes: Uint8Array): Promise<DocumentKind> {
  if (known !== null && known !== 'unknown') return known;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4100));
  if (head.indexOf('%PDF-', 0, 'latin1') !== -1) return 'pdf';
  const detected = await fileTypeFromBuffer(head);
  if (detected?.ext === 'jpg') return 'jpeg';
  if (detected?.ext === 'png') return 'png';
  return 'unknown';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function createHistoryPreview(options: HistoryPreviewOptions): PreviewHistoryFile {
  /** What the file at `path` shows; every failure to read it is an `unavailable` reason. */
  async function contentAt(path: string, record: FileRecord): Promise<HistoryPreviewContent> {
    const unreadable: HistoryPreviewContent = {
      kind: 'unavailable',
      reason: msg('history_preview_unreadable', { path }),
    };
    let bytes: Uint8Array;
    try {
      const found = await stat(path);
      if (!found.isFile() || found.size > HISTORY_PREVIEW_MAX_BYTES) return unreadable;
      if (record.eInvoice !== null) return { kind: 'e_invoice', summary: record.eInvoice };
      bytes = await readFile(path);
    } catch (error) {
      if (isMissing(error)) {
        return { kind: 'unavailable', reason: msg('history_preview_missing', { path }) };
      }
      return unreadable;
    }
    const kind = await kindOf(record.kind, bytes);
    if (kind === 'pdf') {
      const drawn = await options.pdfThumbnails(bytes, HISTORY_PREVIEW_MAX_PAGES);
      if (drawn.outcome !== 'pages') return unreadable;
      return { kind: 'pages', pageCount: drawn.pages, pages: drawn.thumbnails };
    }
    if (kind === 'jpeg' || kind === 'png') {
      try {
        return { kind: 'image', thumbnail: await imageThumbnailDataUrl(bytes) };
      } catch {
        return unreadable;
      }
    }
    const { fileName } = record;
    return { kind: 'unavailable', reason: msg('history_preview_unsupported', { fileName }) };
  }

  return async (id) => {
    const record = options.repository.get(id);
    if (record === null) throw new ApiError('not_found', msg('history_entry_unknown', { id }));
    const path = record.archivedPath ?? record.path;
    return { id, fileName: record.fileName, path, content: await contentAt(path, record) };
  };
}
