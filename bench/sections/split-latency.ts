// A 200-page batch does not block other folders (issue #17): the latency of one small file in a
// second watched folder that gets one every half second, the way a busy office's files arrive,
// in rounds: first with nothing else going on (its usual figures), then while a 200-page 300 dpi
// batch in the first folder is split, until its parts are uploaded; then the next round. Only
// files written after a batch's stability window and uploaded before that batch was cut count as
// "during the split". The stream's first file starts the check's worker and is not counted: in a
// folder this busy the worker is always running.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fourBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type StoredMessage } from '../lib/engine-process.ts';
import { writePaddedPdf } from '../lib/pdf-corpus.ts';
import { scannedBatch } from '../lib/scanned-batch-file.ts';

export interface SplitLatencyResult {
  batchPages: number;
  /** How many parts each batch is cut into. */
  batchParts: number;
  batchBytes: number;
  stabilityWindowMs: number;
  /**
   * Write → uuid stored minus the stability window, ms, with no batch in the engine: the files of
   * each round before its batch is written (after the previous batch's parts were uploaded).
   */
  usualMs: number[];
  /** The same for the files written and uploaded while a batch was being split. */
  duringSplitMs: number[];
  /**
   * The same for the files the batch's cut found under way or waiting, and those written until
   * its last part was stored: they share the send slots and the check's worker with its parts.
   */
  whilePartsSentMs: number[];
  /** Each batch's write → its original cut into parts, ms. */
  splitMs: number[];
}

const BATCH_PAGES = 200;
/**
 * A "next document" sheet every tenth page (19 sheets, 20 parts), one page earlier in each next
 * batch so that no batch is a duplicate of the one before.
 */
function separatorPages(round: number): number[] {
  return Array.from({ length: 19 }, (_, index) => (index + 1) * 10 - round);
}
/** How many parts a batch is cut into. */
const BATCH_PARTS = 20;
/** The batch is about 90 MB (one 300 dpi JPEG per page); the default limit is 20 MiB. */
const MAX_UPLOAD_BYTES = 256 * 1024 ** 2;
/** How long one small file may take from write to uuid. */
const FILE_DEADLINE_MS = 120_000;
/** How long a batch may take to be split and its parts uploaded. */
const SPLIT_DEADLINE_MS = 900_000;
/**
 * A small file is written this often, whether or not the one before was uploaded: about 30
 * samples during one 17 s split, where one file after another gave 6 and the p95 was simply the
 * slowest file.
 */
const PACE_MS = 500;

/** Files started every PACE_MS until stopped. */
interface PacedStream<T> {
  /** Every file started so far, in order. */
  started: Promise<T>[];
  /** Resolves once `count` files have been started, or rejects at the deadline. */
  reach(count: number): Promise<void>;
  /** Starts no more files; resolves with every result, in the order started. */
  stop(): Promise<T[]>;
}

function startPacedStream<T>(oneFile: () => Promise<T>): PacedStream<T> {
  const started: Promise<T>[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      started.push(oneFile());
      await delay(PACE_MS);
    }
  })();
  return {
    started,
    async reach(count) {
      const deadline = Date.now() + (count + 10) * PACE_MS * 4;
      while (started.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} small files`);
        await delay(PACE_MS / 5);
      }
    },
    async stop() {
      running = false;
      await loop;
      return Promise.all(started);
    },
  };
}

export async function measureSplitLatency(
  emulator: EmulatorProcess,
  workDir: string,
  usualFiles: number,
  batches: number,
  stabilityWindowMs: number,
): Promise<SplitLatencyResult> {
  const [batchFolder, smallFolder] = fourBindings(path.join(workDir, 'split-latency-watched'));
  if (batchFolder === undefined || smallFolder === undefined) throw new Error('no bindings');
  await mkdir(batchFolder.path, { recursive: true });
  await mkdir(smallFolder.path, { recursive: true });
  const batchFiles = await Promise.all(
    Array.from({ length: batches }, (_, round) => scannedBatch(BATCH_PAGES, separatorPages(round))),
  );
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
  async function oneFile(): Promise<{ ms: number; storedAt: number; writtenAt: number }> {
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
    return {
      ms: message.storedAt - writtenAt - stabilityWindowMs,
      storedAt: message.storedAt,
      writtenAt,
    };
  }
  try {
    await engine.ready;
    engine.onStored((message) => waiting.get(message.fileName)?.resolve(message));
    engine.onSettled((message) =>
      waiting
        .get(message.fileName)
        ?.reject(new Error(`${message.fileName} ended ${message.state}: ${message.reason}`)),
    );
    const cuts = new Map<string, (splitAt: number) => void>();
    engine.onSplit((message) => cuts.get(message.fileName)?.(message.splitAt));
    const partsStored = new Map<string, (storedAt: number) => void>();
    engine.onStored((message) => {
      const batchName = /^(Scan \d+) \(p\./.exec(message.fileName)?.[1];
      if (batchName !== undefined) partsStored.get(batchName)?.(message.storedAt);
    });

    const stream = startPacedStream(oneFile);
    await stream.reach(1);
    await stream.started[0];
    /**
     * Epoch ms: when each round's usual files began, when its batch was written and cut, and when
     * its last part was stored.
     */
    const rounds: { usualFrom: number; writtenAt: number; cutAt: number; partsAt: number }[] = [];
    for (const [round, batch] of batchFiles.entries()) {
      const usualFrom = Date.now();
      const usualUntil = stream.started.length + usualFiles;
      await stream.reach(usualUntil);
      await Promise.all(stream.started.slice(0, usualUntil));
      const batchName = `Scan ${String(round + 1).padStart(4, '0')}`;
      const done = new Promise<{ cutAt: number; partsAt: number }>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${batchName}.pdf to be split and sent`)),
          SPLIT_DEADLINE_MS,
        );
        let cutAt = 0;
        let parts = 0;
        cuts.set(`${batchName}.pdf`, (splitAt) => (cutAt = splitAt));
        partsStored.set(batchName, (storedAt) => {
          parts += 1;
          if (parts < BATCH_PARTS) return;
          clearTimeout(timer);
          resolve({ cutAt, partsAt: storedAt });
        });
      });
      const writtenAt = Date.now();
      await writeFile(path.join(batchFolder.path, `${batchName}.pdf`), batch.bytes);
      rounds.push({ usualFrom, writtenAt, ...(await done) });
    }
    const samples = await stream.stop();
    const duringSplitMs = samples
      .filter((sample) =>
        rounds.some(
          (round) =>
            sample.writtenAt >= round.writtenAt + stabilityWindowMs &&
            sample.storedAt <= round.cutAt,
        ),
      )
      .map((sample) => sample.ms);
    const [firstBatch] = batchFiles;
    return {
      batchPages: BATCH_PAGES,
      batchParts: BATCH_PARTS,
      batchBytes: firstBatch?.bytes.length ?? 0,
      stabilityWindowMs,
      usualMs: samples
        .filter((sample) =>
          rounds.some(
            (round) => sample.writtenAt >= round.usualFrom && sample.storedAt < round.writtenAt,
          ),
        )
        .map((sample) => sample.ms),
      duringSplitMs,
      whilePartsSentMs: samples
        .filter((sample) =>
          rounds.some(
            (round) =>
              sample.writtenAt >= round.writtenAt + stabilityWindowMs &&
              sample.storedAt > round.cutAt &&
              sample.writtenAt <= round.partsAt,
          ),
        )
        .map((sample) => sample.ms),
      splitMs: rounds.map((round) => round.cutAt - round.writtenAt),
    };
  } finally {
    await engine.stop();
  }
}
