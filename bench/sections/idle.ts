// Idle cost: CPU of the engine watching many empty folders with nothing happening, with native
// events and with polling, beside a bare Node process that only keeps a timer (the floor).
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { manyPurchaseBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type EngineProcess } from '../lib/engine-process.ts';
import { cpuMilliseconds } from '../lib/process-stats.ts';

export interface IdleResult {
  folders: number;
  durationMs: number;
  /** Share of one core, 0..1. */
  nativeCore: number;
  pollingCore: number;
  bareNodeCore: number;
}

/** Lets start-up work (scans, the native-events self-test) finish before measuring. */
const SETTLE_MS = 3_000;

export async function measureIdle(
  emulator: EmulatorProcess,
  workDir: string,
  folders: number,
  durationMs: number,
): Promise<IdleResult> {
  const bindings = manyPurchaseBindings(path.join(workDir, 'idle-watched'), folders);
  for (const binding of bindings) await mkdir(binding.path, { recursive: true });
  const start = (name: string, forcePolling: boolean): EngineProcess =>
    startEngineProcess({
      configDir: path.join(workDir, `idle-${name}-config`),
      apiUrl: emulator.graphqlUrl,
      token: emulator.demoToken,
      settings: { forcePolling },
      folders: bindings,
    });
  const native = start('native', false);
  const polling = start('polling', true);
  const bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const bareExited = new Promise((resolve) => bare.once('exit', resolve));
  try {
    await Promise.all([native.ready, polling.ready]);
    await Promise.all([native.whenIdle(), polling.whenIdle()]);
    await delay(SETTLE_MS);
    const pids = [native.pid, polling.pid, bare.pid ?? 0];
    const before = await Promise.all(pids.map((pid) => cpuMilliseconds(pid)));
    const started = performance.now();
    await delay(durationMs);
    const after = await Promise.all(pids.map((pid) => cpuMilliseconds(pid)));
    const elapsed = performance.now() - started;
    const share = (index: number) => ((after[index] ?? 0) - (before[index] ?? 0)) / elapsed;
    return {
      folders,
      durationMs: elapsed,
      nativeCore: share(0),
      pollingCore: share(1),
      bareNodeCore: share(2),
    };
  } finally {
    bare.kill();
    await Promise.all([native.stop(), polling.stop(), bareExited]);
  }
}
