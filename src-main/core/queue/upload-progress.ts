// Live bytes-sent of an upload (issue #14 finding 12). The body reports every 64 KiB, hundreds of
// times for a 15 MB file; screens need a few a second, so reports are thinned by the queue's clock.
import type { UploadProgress } from '../../contract/domain.ts';

/** The shortest time between two reports of one file, except its last (ms): ~4 a second. */
export const UPLOAD_PROGRESS_INTERVAL_MS = 250;

/**
 * Wraps `report` for the upload of row `id`: the first call, any call `intervalMs` or more after
 * the last one passed on (by `now`, epoch ms), and the call whose bytes reach the file's size go
 * through; others are dropped. Returns the function the body calls with (sentBytes, totalBytes).
 */
export function throttledUploadProgress(
  id: number,
  report: (progress: UploadProgress) => void,
  now: () => number,
  intervalMs: number = UPLOAD_PROGRESS_INTERVAL_MS,
): (sentBytes: number, totalBytes: number) => void {
  let lastAt: number | null = null;
  return (sentBytes, totalBytes) => {
    const at = now();
    const last = sentBytes >= totalBytes;
    if (!last && lastAt !== null && at - lastAt < intervalMs) return;
    lastAt = at;
    report({ id, sentBytes, totalBytes });
  };
}
