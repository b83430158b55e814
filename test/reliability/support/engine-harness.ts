// One real engine in the test process against a real emulator: temp folders, chokidar, SQLite,
// HTTP. Tests wait on the engine's own events (history.changed, status, folders.changed) and on
// the emulator's onUpload, never on the clock; a deadline only turns a hang into a clear failure.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventListener } from '../../../src-main/contract/api-contract.ts';
import type {
  Destination,
  FolderView,
  HistoryEntry,
  SettingsPatch,
  StatusSnapshot,
} from '../../../src-main/contract/domain.ts';
import type { Logger } from '../../../src-main/core/logging/logger.ts';
import type { TokenStore } from '../../../src-main/core/account/token/token-store.ts';
import { createEngine, type Engine, type EngineOptions } from '../../../src-main/core/engine.ts';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.ts';

/** Long enough for a loaded 2-core machine; only reached when something is really stuck. */
export const EVENT_DEADLINE_MS = 120_000;

/** Retries and timeouts short enough for a suite, long enough not to be timing-fragile. */
export const FAST_TUNING: NonNullable<EngineOptions['tuning']> = {
  apiTimeoutMs: 2_000,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 300,
};

/** The shortest stability window the settings allow. */
export const SHORT_STABILITY_MS = 200;

export function memoryTokenStore(initial: string | null): TokenStore & { saved: string[] } {
  let token = initial;
  const saved: string[] = [];
  return {
    saved,
    load: () => Promise.resolve(token),
    save: (value) => {
      token = value;
      saved.push(value);
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      return Promise.resolve();
    },
    info: () => ({ backend: 'memory', secure: true, warning: null }),
  };
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export interface EngineHarness {
  root: string;
  configDir: string;
  emulator: Emulator;
  engine: Engine;
  /** The latest version of every history row the engine announced. */
  entries: Map<number, HistoryEntry>;
  status(): StatusSnapshot | null;
  folders(): FolderView[];
  /** Resolves with the first row (latest version) that matches, now or later. */
  waitForEntry(what: string, match: (entry: HistoryEntry) => boolean): Promise<HistoryEntry>;
  /** `deadlineMs`: shorter where the engine reacts to the very next write (storage faults). */
  waitForStatus(
    what: string,
    match: (status: StatusSnapshot) => boolean,
    deadlineMs?: number,
  ): Promise<StatusSnapshot>;
  waitForFolders(what: string, match: (folders: FolderView[]) => boolean): Promise<FolderView[]>;
  /** Makes and binds a folder under root. */
  addFolder(name: string, companyNumber: string, destination: Destination): Promise<string>;
  allHistory(): Promise<HistoryEntry[]>;
  /** Stops the engine, the emulator and any proxy, keeping every file for inspection. */
  stop(): Promise<void>;
  /** stop(), then removes the temp folders. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: SettingsPatch;
  emulator?: EmulatorOptions;
  /** Where the config dir goes (a size-limited mount, say); a temp folder by default. */
  configDir?: string;
  tokenStore?: TokenStore;
  signIn?: boolean;
  /** The engine's logger; the rotating file logger in the config dir by default. */
  logger?: Logger;
  /** Puts something (a rewriting proxy) between the engine and the emulator. */
  wrapApi?: (emulatorOrigin: string) => Promise<{ origin: string; close(): Promise<void> }>;
}

export async function startEngineHarness(options: HarnessOptions = {}): Promise<EngineHarness> {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-reliability-'));
  const configDir = options.configDir ?? path.join(root, 'config');
  await mkdir(configDir, { recursive: true });
  const emulator = await startEmulator(options.emulator);
  const proxy = options.wrapApi === undefined ? null : await options.wrapApi(emulator.origin);
  const engine = await createEngine({
    configDir,
    tokenStore: options.tokenStore ?? memoryTokenStore(emulator.demoToken),
    shell: 'cli',
    version: 'reliability-test',
    apiUrl: proxy === null ? emulator.graphqlUrl : `${proxy.origin}/graphql`,
    tuning: FAST_TUNING,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });

  const entries = new Map<number, HistoryEntry>();
  let status: StatusSnapshot | null = null;
  let folders: FolderView[] = [];
  const waiters = new Set<Waiter>();
  const wake = () => {
    for (const waiter of waiters) {
      if (waiter.check()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const listener: EventListener = (channel, payload) => {
    if (channel === 'history.changed') {
      for (const entry of (payload as { entries: HistoryEntry[] }).entries) {
        entries.set(entry.id, entry);
      }
    } else if (channel === 'status') {
      status = payload as StatusSnapshot;
    } else if (channel === 'folders.changed') {
      folders = (payload as { folders: FolderView[] }).folders;
    }
    wake();
  };
  const unsubscribe = engine.subscribe(listener);

  function waitFor<T>(
    what: string,
    probe: () => T | undefined,
    deadlineMs = EVENT_DEADLINE_MS,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let found: T | undefined;
      const waiter: Waiter = {
        check: () => (found = probe()) !== undefined,
        resolve: () => {
          clearTimeout(deadline);
          resolve(found as T);
        },
      };
      const deadline = setTimeout(() => {
        waiters.delete(waiter);
        const states = [...entries.values()].map((entry) => `${entry.fileName}: ${entry.state}`);
        reject(
          new Error(
            `no event brought "${what}" within ${deadlineMs} ms; status ${JSON.stringify(status)}; rows: ${states.join(', ')}`,
          ),
        );
      }, deadlineMs);
      if (waiter.check()) waiter.resolve();
      else waiters.add(waiter);
    });
  }

  await engine.start();
  if (options.signIn === true) {
    await engine.handlers['session.signIn']({ token: emulator.demoToken });
  }
  await engine.handlers['settings.update']({
    stabilityWindowMs: SHORT_STABILITY_MS,
    ...options.settings,
  });
  status = await engine.handlers['status.get']({});

  let stopped = false;
  const harness: EngineHarness = {
    root,
    configDir,
    emulator,
    engine,
    entries,
    status: () => status,
    folders: () => folders,
    waitForEntry: (what, match) =>
      waitFor(what, () => [...entries.values()].find((entry) => match(entry))),
    waitForStatus: (what, match, deadlineMs) =>
      waitFor(what, () => (status !== null && match(status) ? status : undefined), deadlineMs),
    waitForFolders: (what, match) => waitFor(what, () => (match(folders) ? folders : undefined)),
    async addFolder(name, companyNumber, destination) {
      const folderPath = path.join(root, name);
      await mkdir(folderPath, { recursive: true });
      folders = await engine.handlers['folders.add']({
        path: folderPath,
        companyNumber,
        destination,
      });
      await harness.waitForFolders(`${name} watched`, (views) =>
        views.some(
          (view) =>
            view.binding.path === folderPath &&
            (view.availability === 'watching' || view.availability === 'polling'),
        ),
      );
      return folderPath;
    },
    async allHistory() {
      const rows: HistoryEntry[] = [];
      for (let offset = 0; ; offset += 1_000) {
        const page = await engine.handlers['history.query']({ filter: {}, offset, limit: 1_000 });
        rows.push(...page.rows);
        if (rows.length >= page.total || page.rows.length === 0) return rows;
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      await engine.stop();
      await proxy?.close();
      await emulator.close();
    },
    async close() {
      await harness.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Delivered and finished locally, or handed to the user: nothing further happens without them.
 * `uploaded` is settled only when moving the file afterwards failed; otherwise it is on its way
 * to `archived`.
 */
export function isSettled(entry: HistoryEntry): boolean {
  switch (entry.state) {
    case 'archived':
    case 'failed':
    case 'duplicate':
    case 'unconfirmed':
      return true;
    case 'uploaded':
      return entry.failure?.code === 'after_upload_failed';
    default:
      return false;
  }
}
