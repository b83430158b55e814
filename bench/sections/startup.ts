// Start-up with a long history: files the engine already delivered, still on disk (left in place)
// and in the history. Timed from spawning the engine to watching every folder and having
// reconciled them; bytes read by the process prove unchanged files are not hashed again.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { manyPurchaseBindings, type BenchBinding } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type ReadyMessage } from '../lib/engine-process.ts';
import type { EngineHostConfig } from '../lib/engine-messages.ts';
import { findHistoryDatabase } from '../lib/find-history-database.ts';
import { writePaddedPdf } from '../lib/pdf-corpus.ts';
import { bytesRead, residentBytes } from '../lib/process-stats.ts';
import { seedDeliveredRows, type DeliveredRow } from '../lib/seed-history.ts';

/**
 * Runs the engine once on empty folders so it writes its settings, binds the folders and creates
 * the history; what it reads until idle is the control for the real start-up.
 */
async function configure(
  config: EngineHostConfig,
): Promise<{ ready: ReadyMessage; bytesRead: number }> {
  for (const folder of config.folders) await mkdir(folder.path, { recursive: true });
  const engine = startEngineProcess(config);
  try {
    const ready = await engine.ready;
    await engine.whenIdle();
    return { ready, bytesRead: await bytesRead(engine.pid) };
  } finally {
    await engine.stop();
  }
}

function folderIdOf(ready: ReadyMessage, binding: BenchBinding): string {
  const found = ready.folders.find((folder) => folder.path === binding.path);
  if (found === undefined) throw new Error(`the engine did not bind ${binding.path}`);
  return found.id;
}

export interface StartupResult {
  files: number;
  filesBytes: number;
  spawnToReadyMs: number;
  spawnToIdleMs: number;
  bytesReadAtIdle: number;
  /** The same engine starting on the same, empty, folders. */
  controlBytesRead: number;
  uploadsDuringStart: number;
}

export async function measureStartup(
  emulator: EmulatorProcess,
  workDir: string,
  files: number,
): Promise<StartupResult> {
  const bindings = manyPurchaseBindings(path.join(workDir, 'startup-watched'), 10);
  const config: EngineHostConfig = {
    configDir: path.join(workDir, 'startup-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: { afterUpload: 'leave' },
    folders: bindings,
  };
  const control = await configure(config);
  const { ready } = control;

  const rows: DeliveredRow[] = [];
  let filesBytes = 0;
  for (let index = 0; index < files; index += 1) {
    const binding = bindings[index % bindings.length] as BenchBinding;
    const fileName = `delivered-${String(index).padStart(6, '0')}.pdf`;
    const filePath = path.join(binding.path, fileName);
    await writePaddedPdf(filePath, {
      pages: 1,
      bytes: 16_000,
      id: `startup-${index}`,
      poolOffset: index * 4_099,
    });
    const bytes = await readFile(filePath);
    const stats = await stat(filePath);
    filesBytes += bytes.length;
    rows.push({
      path: filePath,
      fileName,
      folderId: folderIdOf(ready, binding),
      watchRoot: binding.path,
      companyNumber: binding.companyNumber,
      destination: binding.destination,
      sizeBytes: stats.size,
      mtimeMs: stats.mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: 1,
      archivedPath: null,
    });
  }
  seedDeliveredRows(await findHistoryDatabase(config.configDir), rows);

  await emulator.reset();
  const engine = startEngineProcess(config);
  try {
    const restarted = await engine.ready;
    await engine.whenIdle();
    const idleAt = Date.now();
    const bytesReadAtIdle = await bytesRead(engine.pid);
    return {
      files,
      filesBytes,
      spawnToReadyMs: restarted.readyAt - engine.spawnedAt,
      spawnToIdleMs: idleAt - engine.spawnedAt,
      bytesReadAtIdle,
      controlBytesRead: control.bytesRead,
      uploadsDuringStart: (await emulator.uploads()).length,
    };
  } finally {
    await engine.stop();
  }
}

export interface HistoryMemoryResult {
  rows: number;
  emptyRssBytes: number;
  fullRssBytes: number;
}

/** RSS of an idle engine with an empty history, then with `rows` delivered files in it. */
export async function measureHistoryMemory(
  emulator: EmulatorProcess,
  workDir: string,
  rows: number,
): Promise<HistoryMemoryResult> {
  const binding = manyPurchaseBindings(path.join(workDir, 'history-watched'), 1)[0];
  if (binding === undefined) throw new Error('no binding for the history run');
  const folder: BenchBinding = binding;
  const config: EngineHostConfig = {
    configDir: path.join(workDir, 'history-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: {},
    folders: [binding],
  };
  await mkdir(binding.path, { recursive: true });
  const idleRss = async (): Promise<{ rss: number; ready: ReadyMessage }> => {
    const engine = startEngineProcess(config);
    try {
      const ready = await engine.ready;
      await engine.whenIdle();
      return { rss: await residentBytes(engine.pid), ready };
    } finally {
      await engine.stop();
    }
  };
  const empty = await idleRss();
  const folderId = folderIdOf(empty.ready, binding);
  function* delivered(): Generator<DeliveredRow> {
    for (let index = 0; index < rows; index += 1) {
      const fileName = `archived-${String(index).padStart(6, '0')}.pdf`;
      yield {
        path: path.join(folder.path, fileName),
        fileName,
        folderId,
        watchRoot: folder.path,
        companyNumber: folder.companyNumber,
        destination: folder.destination,
        sizeBytes: 150_000 + index,
        mtimeMs: Date.now() - index * 1_000,
        sha256: createHash('sha256').update(fileName).digest('hex'),
        pages: 1 + (index % 5),
        archivedPath: path.join(folder.path, '_uploaded', '2026-01', fileName),
      };
    }
  }
  seedDeliveredRows(await findHistoryDatabase(config.configDir), delivered());
  const full = await idleRss();
  return { rows, emptyRssBytes: empty.rss, fullRssBytes: full.rss };
}
