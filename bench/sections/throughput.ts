// Throughput and memory: a corpus dropped (renamed) into four watched folders of the engine, timed
// until every uuid is stored, against the bare baseline posting the same files to the same
// emulator with the same concurrency. The engine's peak RSS is the kernel's high-water mark.
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { runBaseline, type BaselineFile } from '../lib/baseline-uploader.ts';
import { fourBindings, type BenchBinding } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type StoredMessage } from '../lib/engine-process.ts';
import type { WrittenPdf } from '../lib/pdf-corpus.ts';
import { cpuMilliseconds, peakResidentBytes } from '../lib/process-stats.ts';

export interface BatchResult {
  files: number;
  bytes: number;
  elapsedMs: number;
  peakRssBytes: number | null;
  /** CPU time of the uploading side (the engine process, or the bare loop), in ms. */
  clientCpuMs: number;
  /** CPU time the emulator process spent on the same batch, in ms. */
  emulatorCpuMs: number;
  /** Where each file (in the order given) is now: the engine moved it to `_uploaded/`. */
  deliveredPaths: string[];
}

async function findMoved(bindings: readonly BenchBinding[], files: readonly WrittenPdf[]) {
  const byName = new Map<string, string>();
  for (const binding of bindings) {
    const uploaded = path.join(binding.path, '_uploaded');
    for (const entry of await readdir(uploaded, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) byName.set(entry.name, path.join(entry.parentPath, entry.name));
    }
  }
  return files.map((file) => {
    const moved = byName.get(file.name);
    if (moved === undefined) throw new Error(`${file.name} was not moved to _uploaded/`);
    return moved;
  });
}

function bindingOf(bindings: readonly BenchBinding[], index: number): BenchBinding {
  return bindings[index % bindings.length] as BenchBinding;
}

export async function measureBaseline(
  emulator: EmulatorProcess,
  files: readonly WrittenPdf[],
  concurrency: number,
  workDir: string,
): Promise<BatchResult> {
  const bindings = fourBindings(path.join(workDir, 'unused'));
  const posts: BaselineFile[] = files.map((file, index) => ({
    path: file.path,
    name: file.name,
    companyNumber: bindingOf(bindings, index).companyNumber,
    destination: bindingOf(bindings, index).destination,
  }));
  await emulator.reset();
  const emulatorCpuBefore = await cpuMilliseconds(emulator.pid);
  const cpuBefore = process.cpuUsage();
  const elapsedMs = await runBaseline(emulator.graphqlUrl, emulator.demoToken, posts, concurrency);
  const cpu = process.cpuUsage(cpuBefore);
  const emulatorCpuMs = (await cpuMilliseconds(emulator.pid)) - emulatorCpuBefore;
  const received = await emulator.uploads();
  if (received.length !== files.length) {
    throw new Error(`the baseline delivered ${received.length} of ${files.length} files`);
  }
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    elapsedMs,
    peakRssBytes: null,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    emulatorCpuMs,
    deliveredPaths: files.map((file) => file.path),
  };
}

export interface EngineBatchOptions {
  emulator: EmulatorProcess;
  files: readonly WrittenPdf[];
  workDir: string;
  label: string;
  concurrency: number;
  stabilityWindowMs: number;
}

/** Drops `files` into the watched folders of a fresh engine and waits for every uuid. */
export async function measureEngineBatch(options: EngineBatchOptions): Promise<BatchResult> {
  const { emulator, files } = options;
  const root = path.join(options.workDir, `${options.label}-watched`);
  const bindings = fourBindings(root);
  for (const binding of bindings) await mkdir(binding.path, { recursive: true });
  await emulator.reset();
  const engine = startEngineProcess({
    configDir: path.join(options.workDir, `${options.label}-config`),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: {
      concurrency: options.concurrency,
      stabilityWindowMs: options.stabilityWindowMs,
      afterUpload: 'move',
    },
    folders: bindings,
  });
  try {
    await engine.ready;
    const stored: StoredMessage[] = [];
    const problems: string[] = [];
    let allStored: () => void = () => {};
    const done = new Promise<void>((resolve) => (allStored = resolve));
    engine.onStored((message) => {
      stored.push(message);
      if (stored.length === files.length) allStored();
    });
    engine.onSettled((message) => {
      problems.push(`${message.fileName}: ${message.state} (${message.reason ?? 'no reason'})`);
      allStored();
    });

    const emulatorCpuBefore = await cpuMilliseconds(emulator.pid);
    const engineCpuBefore = await cpuMilliseconds(engine.pid);
    const droppedAt = Date.now();
    for (const [index, file] of files.entries()) {
      await rename(file.path, path.join(bindingOf(bindings, index).path, file.name));
    }
    await Promise.race([
      done,
      engine.exited.then((code) => {
        throw new Error(`the engine process exited (${code}) before every file was stored`);
      }),
    ]);
    if (problems.length > 0) {
      throw new Error(`the engine did not deliver every file:\n${problems.join('\n')}`);
    }
    const lastStoredAt = Math.max(...stored.map((message) => message.storedAt));
    const clientCpuMs = (await cpuMilliseconds(engine.pid)) - engineCpuBefore;
    const emulatorCpuMs = (await cpuMilliseconds(emulator.pid)) - emulatorCpuBefore;
    const peakRssBytes = await peakResidentBytes(engine.pid);

    const received = await emulator.uploads();
    const sent = new Set(received.map((upload) => upload.sha256));
    if (received.length !== files.length || sent.size !== files.length) {
      throw new Error(
        `the emulator received ${received.length} uploads (${sent.size} distinct) for ${files.length} files`,
      );
    }
    for (const message of stored) {
      if (message.sha256 === null || !sent.has(message.sha256)) {
        throw new Error(
          `${message.fileName} has a uuid but the emulator never received its content`,
        );
      }
    }
    return {
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.size, 0),
      elapsedMs: lastStoredAt - droppedAt,
      peakRssBytes,
      clientCpuMs,
      emulatorCpuMs,
      deliveredPaths: await findMoved(bindings, files),
    };
  } finally {
    await engine.stop();
  }
}
