// Separator detection (issue #17): a 20-page 300 dpi scan, one JPEG per page with the app's own
// separator sheets among them, split in `separator` mode by the engine's split service (which
// starts its worker for each batch and ends it after, so each timed split includes that start),
// beside the check that only reads the file
// (type, SHA-256, pdf.js page count). Then the engine's peak RSS while it takes the same batch
// from a watched folder to its uploaded parts, beside the same engine idle.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { checkDocument } from '../../src-main/core/documents/check-document.ts';
import { createSplitService } from '../../src-main/core/split/split-service.ts';
import { manyPurchaseBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess } from '../lib/engine-process.ts';
import { peakResidentBytes, residentBytes } from '../lib/process-stats.ts';
import { scannedBatch, type ScannedBatch } from '../lib/scanned-batch-file.ts';

export interface SplitSpeedResult {
  pages: number;
  bytes: number;
  /** Each timed split's wall time divided by the batch's pages, ms. */
  splitMsPerPage: number[];
  /** Each timed check's wall time divided by the batch's pages, ms. */
  readMsPerPage: number[];
  idleRssBytes: number;
  /** The engine's peak RSS from the batch's arrival until its last part was uploaded. */
  peakRssBytes: number;
}

/** Lets start-up work finish, so the idle reading is the engine at rest. */
const SETTLE_MS = 2_000;
/** How long the engine may take to split the batch and upload its parts. */
const BATCH_DEADLINE_MS = 300_000;
const PAGES = 20;
const SEPARATOR_PAGES = [5, 11, 16];

async function timeSplits(batch: ScannedBatch, runs: number): Promise<number[]> {
  const service = createSplitService();
  try {
    const perPage: number[] = [];
    // A warm-up first (files read from disk, sharp loaded in this thread); every split, the
    // warm-up too, starts its worker (zxing's WASM, pdf-lib, sharp) and ends it, as the engine's do.
    for (let run = 0; run <= runs; run += 1) {
      const started = performance.now();
      const result = await service.split(batch.bytes.slice(), 'separator');
      const ms = performance.now() - started;
      if (
        result.outcome !== 'split' ||
        result.separatorPages.join() !== batch.separatorPages.join() ||
        result.parts.length !== batch.parts
      ) {
        throw new Error(`the batch split wrong: ${JSON.stringify(result, ['outcome', 'reason'])}`);
      }
      if (run > 0) perPage.push(ms / batch.pages);
    }
    return perPage;
  } finally {
    await service.close();
  }
}

async function timeChecks(filePath: string, pages: number, runs: number): Promise<number[]> {
  const options = { maxUploadBytes: 1024 ** 3 };
  await checkDocument(filePath, options);
  const perPage: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const check = await checkDocument(filePath, options);
    if (check.pages !== pages) throw new Error(`the check read ${check.pages} pages`);
    perPage.push((performance.now() - started) / pages);
  }
  return perPage;
}

async function enginePeak(
  emulator: EmulatorProcess,
  workDir: string,
  batch: ScannedBatch,
): Promise<{ idleRssBytes: number; peakRssBytes: number }> {
  const [binding] = manyPurchaseBindings(path.join(workDir, 'split-watched'), 1);
  if (binding === undefined) throw new Error('no binding');
  await mkdir(binding.path, { recursive: true });
  await emulator.reset();
  const engine = startEngineProcess({
    configDir: path.join(workDir, 'split-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: {},
    folders: [{ ...binding, split: 'separator' }],
  });
  try {
    await engine.ready;
    await engine.whenIdle();
    await delay(SETTLE_MS);
    const idleRssBytes = await residentBytes(engine.pid);
    // "5" resets the kernel's peak RSS (VmHWM) to the current RSS (proc(5), clear_refs).
    await writeFile(`/proc/${engine.pid}/clear_refs`, '5');
    const uploaded = new Promise<void>((resolve, reject) => {
      let parts = 0;
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${batch.parts} parts to be uploaded`)),
        BATCH_DEADLINE_MS,
      );
      engine.onStored(() => {
        parts += 1;
        if (parts < batch.parts) return;
        clearTimeout(timer);
        resolve();
      });
      engine.onSettled((message) => {
        clearTimeout(timer);
        reject(new Error(`${message.fileName} ended ${message.state}: ${message.reason}`));
      });
    });
    await writeFile(path.join(binding.path, 'Scan 0001.pdf'), batch.bytes);
    await uploaded;
    return { idleRssBytes, peakRssBytes: await peakResidentBytes(engine.pid) };
  } finally {
    await engine.stop();
  }
}

/** Splits the batch `runs` times after a warm-up, checks it as often, then runs it in an engine. */
export async function measureSplitSpeed(
  emulator: EmulatorProcess,
  workDir: string,
  runs: number,
): Promise<SplitSpeedResult> {
  const batch = await scannedBatch(PAGES, SEPARATOR_PAGES);
  const filePath = path.join(workDir, 'scan-20-pages.pdf');
  await writeFile(filePath, batch.bytes);
  const splitMsPerPage = await timeSplits(batch, runs);
  const readMsPerPage = await timeChecks(filePath, batch.pages, runs);
  const memory = await enginePeak(emulator, workDir, batch);
  return {
    pages: batch.pages,
    bytes: batch.bytes.length,
    splitMsPerPage,
    readMsPerPage,
    ...memory,
  };
}
