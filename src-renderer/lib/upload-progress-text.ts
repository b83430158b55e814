// The words for an uploading row's bytes sent (issue #14 finding 12), kept apart from the
// component so they can be checked in every language without a DOM.
import type { TFunction } from 'i18next';
import type { UploadProgress } from '../../src-main/contract/domain.ts';
import type { Formatters } from '../i18n/format.ts';

/** "4,1 MB van 15 MB": the bytes sent and the file's size in the reader's language and locale. */
export function uploadProgressText(
  t: TFunction,
  format: Pick<Formatters, 'bytes'>,
  progress: Pick<UploadProgress, 'sentBytes' | 'totalBytes'>,
): string {
  return t('history.uploadProgress', {
    sent: format.bytes(progress.sentBytes),
    total: format.bytes(progress.totalBytes),
  });
}
