// The CLI's live line for a file being uploaded (issue #14 finding 12): its name and bytes sent,
// in the CLI's language, fed by the engine's `upload.progress` events.
import type { EventOf } from '../contract/api-contract.ts';
import type { UploadProgress } from '../contract/domain.ts';
import { msg } from '../contract/messages/msg.ts';
import { redact, type EngineApi } from '../core/index.ts';
import { inCliLanguage } from './cli-language.ts';

/** "factuur.pdf: 4,1 MB van 15,0 MB verzonden" in the CLI's language. */
export function uploadProgressLine(fileName: string, progress: UploadProgress): string {
  return inCliLanguage(
    msg('cli_upload_progress', {
      fileName,
      sentBytes: progress.sentBytes,
      totalBytes: progress.totalBytes,
    }),
  );
}

/**
 * For `upload` in a terminal: keeps one line on `out` (stderr) with the bytes sent of the file
 * being uploaded, rewritten in place and cleared when the file leaves `uploading` (before its
 * outcome is printed). Returns the function that stops it and clears the line.
 */
export function showUploadProgress(
  engine: Pick<EngineApi, 'subscribe'>,
  out: Pick<NodeJS.WriteStream, 'write'>,
): () => void {
  const fileNames = new Map<number, string>();
  let shown: number | null = null;
  const clear = () => {
    if (shown === null) return;
    shown = null;
    out.write('\r\x1b[2K');
  };
  const unsubscribe = engine.subscribe((channel, payload) => {
    if (channel === 'history.changed') {
      for (const entry of (payload as EventOf<'history.changed'>).entries) {
        if (entry.state === 'uploading') fileNames.set(entry.id, entry.fileName);
        else if (fileNames.delete(entry.id) && shown === entry.id) clear();
      }
    } else if (channel === 'upload.progress') {
      const progress = payload as EventOf<'upload.progress'>;
      const fileName = fileNames.get(progress.id);
      if (fileName === undefined) return;
      shown = progress.id;
      out.write(`\r\x1b[2K${redact(uploadProgressLine(fileName, progress))}`);
    }
  });
  return () => {
    unsubscribe();
    clear();
  };
}
