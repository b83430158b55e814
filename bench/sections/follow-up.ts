// The follow-up (issue #16) with 10,000 delivered invoices in the history: while all are due, how
// many `document(id)` requests reach the emulator and how far apart (the engine's default pacing,
// 5 s, 50 per request); then, with all checked and none due until tomorrow, the engine's idle CPU
// beside the same engine and history with the follow-up turned off (following must not cost
// anything while nothing is due).
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { openHistoryDatabase } from '../../src-main/core/store/history-database.ts';
import { manyPurchaseBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess } from '../lib/engine-process.ts';
import type { EngineHostConfig } from '../lib/engine-messages.ts';
import { findHistoryDatabase } from '../lib/find-history-database.ts';
import { cpuMilliseconds } from '../lib/process-stats.ts';
import { seedDeliveredRows, type DeliveredRow } from '../lib/seed-history.ts';

export interface FollowUpResult {
  followed: number;
  windowMs: number;
  /** `document(id)` requests in the window, and the ids they asked for. */
  requests: number;
  idsAsked: number;
  /** Shortest gap between two requests, ms (null with fewer than two). */
  shortestGapMs: number | null;
  /** Share of one core while following (requests going out). */
  followingCore: number;
  /** Share of one core with every invoice followed but none due. */
  idleCore: number;
  /** The same engine and history with the follow-up turned off. */
  offCore: number;
  idleMs: number;
}

/** Lets start-up work finish before measuring. */
const SETTLE_MS = 3_000;

async function cpuShare(pid: number, durationMs: number): Promise<number> {
  const before = await cpuMilliseconds(pid);
  const started = performance.now();
  await delay(durationMs);
  const after = await cpuMilliseconds(pid);
  return (after - before) / (performance.now() - started);
}

/** The engine's share of one core once started and idle, over `idleMs`. */
async function idleShare(config: EngineHostConfig, idleMs: number): Promise<number> {
  const engine = startEngineProcess(config);
  try {
    await engine.ready;
    await engine.whenIdle();
    await delay(SETTLE_MS);
    return await cpuShare(engine.pid, idleMs);
  } finally {
    await engine.stop();
  }
}

export async function measureFollowUp(
  emulator: EmulatorProcess,
  workDir: string,
  followed: number,
  windowMs: number,
  idleMs: number,
): Promise<FollowUpResult> {
  const [first] = manyPurchaseBindings(path.join(workDir, 'follow-up-watched'), 1);
  if (first === undefined) throw new Error('no binding for the follow-up run');
  const binding = first;
  await mkdir(binding.path, { recursive: true });
  const config: EngineHostConfig = {
    configDir: path.join(workDir, 'follow-up-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: {},
    folders: [binding],
  };
  // A first run creates the history; then it is filled with delivered invoices.
  const creating = startEngineProcess(config);
  const ready = await creating.ready;
  await creating.whenIdle();
  await creating.stop();
  const folderId = ready.folders.find((folder) => folder.path === binding.path)?.id ?? 'f';
  function* delivered(): Generator<DeliveredRow> {
    for (let index = 0; index < followed; index += 1) {
      const fileName = `followed-${String(index).padStart(6, '0')}.pdf`;
      yield {
        path: path.join(binding.path, fileName),
        fileName,
        folderId,
        watchRoot: binding.path,
        companyNumber: binding.companyNumber,
        destination: { type: 'purchase' },
        sizeBytes: 100_000,
        mtimeMs: Date.now() - index,
        sha256: createHash('sha256').update(fileName).digest('hex'),
        pages: 1,
        archivedPath: path.join(binding.path, '_uploaded', fileName),
      };
    }
  }
  const databaseFile = await findHistoryDatabase(config.configDir);
  seedDeliveredRows(databaseFile, delivered());
  const setNextCheck = (at: number): void => {
    const db = openHistoryDatabase(databaseFile);
    try {
      db.prepare('UPDATE files SET cf_next_check_at = ?, cf_done = 0').run(at);
    } finally {
      db.close();
    }
  };

  // Every invoice due now.
  setNextCheck(Date.now());
  await emulator.reset();
  const following = startEngineProcess(config);
  let followingCore: number;
  let requests: { at: number; ids: string[] }[];
  try {
    await following.ready;
    const started = Date.now();
    followingCore = await cpuShare(following.pid, windowMs);
    requests = (await emulator.documentRequests()).filter((request) => request.at >= started);
  } finally {
    await following.stop();
  }
  const gaps = requests.slice(1).map((request, index) => request.at - (requests[index]?.at ?? 0));

  // None due until tomorrow; then the same with the follow-up off.
  setNextCheck(Date.now() + 86_400_000);
  const idleCore = await idleShare(config, idleMs);
  const offCore = await idleShare(
    { ...config, settings: { ...config.settings, followUp: false } },
    idleMs,
  );
  return {
    followed,
    windowMs,
    requests: requests.length,
    idsAsked: requests.reduce((sum, request) => sum + request.ids.length, 0),
    shortestGapMs: gaps.length === 0 ? null : Math.min(...gaps),
    followingCore,
    idleCore,
    offCore,
    idleMs,
  };
}
