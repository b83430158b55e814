// The bytes sent of a file being uploaded (issue #14 finding 12): a bar and "4,1 MB van 15 MB",
// fed by the `upload.progress` event, so a large upload shows more than a spinner.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../src-main/contract/domain.ts';
import { uploadProgressText } from '../lib/upload-progress-text.ts';
import { useFormatters } from '../state/app-context.tsx';

/** A <progress> bar with the bytes sent in words beside it, for one uploading row. */
export function UploadProgressLine({ progress }: { progress: UploadProgress }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = uploadProgressText(t, format, progress);
  return (
    <p className="upload-progress">
      <progress
        value={progress.sentBytes}
        max={Math.max(progress.totalBytes, 1)}
        aria-label={text}
      />
      <span className="upload-progress-text">{text}</span>
    </p>
  );
}
