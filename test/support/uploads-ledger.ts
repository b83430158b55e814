// Who received what: the emulator's uploads counted by content, to compare with the history.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { HistoryEntry } from '../../src-main/contract/domain.ts';
import type { Engine } from '../../src-main/core/engine.ts';
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

/**
 * What the user does with each unconfirmed file after checking Clearfacts: marks it done when
 * Clearfacts holds its content (`received`, counts by SHA-256), else sends it again. Returns the
 * ids marked done and the names sent again.
 */
export async function settleUnconfirmed(
  engine: Engine,
  unconfirmed: readonly HistoryEntry[],
  received: ReadonlyMap<string, number>,
): Promise<{ markedDone: Set<number>; resent: Set<string> }> {
  const markedDone = new Set<number>();
  const resent = new Set<string>();
  for (const entry of unconfirmed) {
    if ((received.get(entry.sha256 ?? '') ?? 0) > 0) {
      markedDone.add(entry.id);
      await engine.handlers['history.markDone']({ id: entry.id });
    } else {
      resent.add(entry.fileName);
      await engine.handlers['history.resend']({ id: entry.id });
    }
  }
  return { markedDone, resent };
}

/**
 * Whether `entry` is `fileName` delivered for good: archived, or uploaded and left in place because
 * its after-upload step failed or the user marked it done (`markedDone`, from settleUnconfirmed).
 */
export function deliveredForGood(
  entry: HistoryEntry,
  fileName: string,
  markedDone: ReadonlySet<number>,
): boolean {
  return (
    entry.fileName === fileName &&
    (entry.state === 'archived' ||
      (entry.state === 'uploaded' &&
        (entry.failure?.code === 'after_upload_failed' || markedDone.has(entry.id))))
  );
}
