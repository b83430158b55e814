// A 200-page batch does not block other folders (issue #17): the latency of one small file
// written into a second watched folder, first with nothing else going on (its usual figures),
// then again and again while the first folder's 200-page 300 dpi batch is split. Only files
// written after the batch's stability window and uploaded before the batch was cut count as
// "during the split".
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fourBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type StoredMessage } from '../lib/engine-process.ts';
import { writePaddedPdf } from '../lib/pdf-corpus.ts';
import { scannedBatch } from '../lib/scanned-batch-file.ts';

export interface SplitLatencyResult {
  batchPages: number;
  batchBytes: number;
  stabilityWindowMs: number;
  /** Write → uuid stored minus the stability window, ms, with no batch in the engine. */
  usualMs: number[];
  /** The same for the files written and uploaded while the batch was being split. */
  duringSplitMs: number[];
  /** Batch written → its original cut into parts, ms. */
  splitMs: number;
}

const BATCH_PAGES = 200;
/** A "next document" sheet every tenth page: 19 sheets, 20 parts. */
const SEPARATOR_PAGES = Array.from({ length: 19 }, (_, index) => (index + 1) * 10);
/** The batch is about 90 MB (one 300 dpi JPEG per page); the default limit is 20 MiB. */
const MAX_UPLOAD_BYTES = 256 * 1024 ** 2;
/** How long one small file may take from write to uuid. */
const FILE_DEADLINE_MS = 120_000;
/** How long the batch may take to be split. */
const SPLIT_DEADLINE_MS = 900_000;

export async function measureSplitLatency(
  emulator: EmulatorProcess,
  workDir: string,
  usualFiles: number,
  stabilityWindowMs: number,
): Promise<SplitLatencyResult> {
  const [batchFolder, smallFolder] = fourBindings(path.join(workDir, 'split-latency-watched'));
  if (batchFolder === undefined || smallFolder === undefined) throw new Error('no bindings');
  await mkdir(batchFolder.path, { recursive: true });
  await mkdir(smallFolder.path, { recursive: true });
  const batch = await scannedBatch(BATCH_PAGES, SEPARATOR_PAGES);
  await emulator.reset();
  const engine = startEngineProcess({
    configDir: path.join(workDir, 'split-latency-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: { stabilityWindowMs, afterUpload: 'leave', maxUploadBytes: MAX_UPLOAD_BYTES },
    folders: [{ ...batchFolder, split: 'separator' }, smallFolder],
  });
  const smallPath = smallFolder.path;
  const waiting = new Map<
    string,
    { resolve: (message: StoredMessage) => void; reject: (error: Error) => void }
  >();
  let written = 0;
  /** Writes one 200 KB PDF into the small folder; resolves with its write → uuid time. */
  async function oneFile(): Promise<{ ms: number; storedAt: number }> {
    const index = written++;
    const name = `small-${String(index).padStart(4, '0')}.pdf`;
    const stored = new Promise<StoredMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${name} to be uploaded`)),
        FILE_DEADLINE_MS,
      );
      waiting.set(name, {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    await writePaddedPdf(path.join(smallPath, name), {
      pages: 2,
      bytes: 200_000,
      id: `split-latency-${index}-${Date.now()}`,
      poolOffset: index * 7_919,
    });
    const writtenAt = Date.now();
    const message = await stored;
    return { ms: message.storedAt - writtenAt - stabilityWindowMs, storedAt: message.storedAt };
  }
  try {
    await engine.ready;
    engine.onStored((message) => waiting.get(message.fileName)?.resolve(message));
    engine.onSettled((message) =>
      waiting
        .get(message.fileName)
        ?.reject(new Error(`${message.fileName} ended ${message.state}: ${message.reason}`)),
    );
    const usualMs: number[] = [];
    for (let index = 0; index < usualFiles; index += 1) usualMs.push((await oneFile()).ms);

    // Set by the engine's message, read by the loop below.
    const cut: { at: number | null } = { at: null };
    const split = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for the 200-page batch to be split')),
        SPLIT_DEADLINE_MS,
      );
      engine.onSplit((message) => {
        clearTimeout(timer);
        cut.at = message.splitAt;
        resolve(message.splitAt);
      });
    });
    // Awaited after the loop; until then its rejection must not count as unhandled.
    split.catch(() => undefined);
    const batchWrittenAt = Date.now();
    await writeFile(path.join(batchFolder.path, 'Scan 0200.pdf'), batch.bytes);
    const duringSplitMs: number[] = [];
    while (cut.at === null && Date.now() < batchWrittenAt + SPLIT_DEADLINE_MS) {
      const startedAt = Date.now();
      const sample = await oneFile();
      const afterWindow = startedAt >= batchWrittenAt + stabilityWindowMs;
      if (afterWindow && (cut.at === null || sample.storedAt <= cut.at)) {
        duringSplitMs.push(sample.ms);
      }
    }
    return {
      batchPages: batch.pages,
      batchBytes: batch.bytes.length,
      stabilityWindowMs,
      usualMs,
      duringSplitMs,
      splitMs: (await split) - batchWrittenAt,
    };
  } finally {
    await engine.stop();
  }
}
