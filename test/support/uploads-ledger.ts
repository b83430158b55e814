// Who received what: the emulator's uploads counted by content, to compare with the history.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ReceivedUpload } from '../emulator/index.ts';

export async function sha256OfFile(filePath: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(filePath))
    .digest('hex');
}

export function countBySha(uploads: readonly ReceivedUpload[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const upload of uploads) counts.set(upload.sha256, (counts.get(upload.sha256) ?? 0) + 1);
  return counts;
}
