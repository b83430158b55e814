// The real engine (createEngine) on temp folders, against a real emulator over HTTP: helpers
// to bind folders, follow events, and check that the token is nowhere on disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { EventChannel, EventOf } from '../../../src-main/contract/api-contract.ts';
import type { HistoryEntry, Settings, StatusSnapshot } from '../../../src-main/contract/domain.ts';
import type { TokenStore } from '../../../src-main/core/account/token/token-store.ts';
import { createEngine, type Engine, type EngineOptions } from '../../../src-main/core/engine.ts';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.ts';
import { createMemoryTokenStore } from '../../../src-main/core/account/token/memory-token-store.ts';

/** Fast retries and short waits: the defaults users get are slower on purpose. */
export const FAST_TUNING = {
  apiTimeoutMs: 5_000,
  retryBaseDelayMs: 50,
  retryMaxDelayMs: 400,
  stopGraceMs: 1_000,
  tokenRecheckMs: 150,
  storageRecheckMs: 150,
} satisfies EngineOptions['tuning'];

export function tempDir(t: TestContext, label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cfu-${label}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startTestEmulator(
  t: TestContext,
  options: EmulatorOptions = {},
): Promise<Emulator> {
  const emulator = await startEmulator(options);
  t.after(() => emulator.close());
  return emulator;
}

export interface EngineUnderTest {
  engine: Engine;
  configDir: string;
  /** The latest version of every history row the events told about. */
  entries: Map<number, HistoryEntry>;
  status(): StatusSnapshot | null;
  /** Resolves once `condition` holds, re-checked at every event; fails after `timeoutMs`. */
  until(description: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
}

export async function startEngine(
  t: TestContext,
  options: {
    emulator: Emulator;
    token: string | null;
    settings?: Partial<Settings>;
    tuning?: EngineOptions['tuning'];
    configDir?: string;
    tokenStore?: TokenStore;
    start?: boolean;
  },
): Promise<EngineUnderTest> {
  const configDir = options.configDir ?? tempDir(t, 'engine');
  const engine = await createEngine({
    configDir,
    tokenStore: options.tokenStore ?? createMemoryTokenStore({ initial: options.token }),
    shell: 'cli',
    version: 'test',
    apiUrl: options.emulator.graphqlUrl,
    tuning: { ...FAST_TUNING, ...options.tuning },
  });
  t.after(() => engine.stop());
  const entries = new Map<number, HistoryEntry>();
  let latestStatus: StatusSnapshot | null = null;
  const checks = new Set<() => void>();
  engine.subscribe(<E extends EventChannel>(channel: E, payload: EventOf<E>) => {
    if (channel === 'history.changed') {
      for (const entry of (payload as EventOf<'history.changed'>).entries)
        entries.set(entry.id, entry);
    } else if (channel === 'status') {
      latestStatus = payload as StatusSnapshot;
    }
    for (const check of [...checks]) check();
  });
  await engine.handlers['settings.update']({ stabilityWindowMs: 400, ...options.settings });
  if (options.start !== false) await engine.start();

  return {
    engine,
    configDir,
    entries,
    status: () => latestStatus,
    until(description, condition, timeoutMs = 120_000) {
      if (condition()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        // Events re-check the condition at once; the poll sees what no event announces (a
        // folder the engine creates on disk).
        const poll = setInterval(() => check(), 50);
        const timer = setTimeout(() => {
          clearInterval(poll);
          checks.delete(check);
          reject(new Error(`timed out waiting until ${description}`));
        }, timeoutMs);
        const check = () => {
          if (!condition()) return;
          clearTimeout(timer);
          clearInterval(poll);
          checks.delete(check);
          resolve();
        };
        checks.add(check);
      });
    },
  };
}

export function folder(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function monthFolder(at = new Date()): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/**
 * The token is in no file under the config folder (settings, history and its WAL, logs) except
 * the token file the user consented to, which must then be private to them.
 */
export function assertTokenNowhere(
  configDir: string,
  token: string,
  allowedTokenFile?: string,
): void {
  const needle = Buffer.from(token);
  for (const file of filesUnder(configDir)) {
    if (file === allowedTokenFile) {
      assert.equal(statSync(file).mode & 0o077, 0, `${file} must be readable by its owner only`);
      continue;
    }
    assert.equal(readFileSync(file).includes(needle), false, `the token was found in ${file}`);
  }
}

/** Every log line the engine wrote, parsed (pino JSON lines). */
export function logLines(configDir: string): string[] {
  const logs = path.join(configDir, 'logs');
  return filesUnder(logs).flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean));
}
