// One real engine (createEngine) in the test process against a real emulator over HTTP: temp
// folders, chokidar, SQLite. Tests wait on the engine's own events (history.changed, status,
// folders.changed) and on the emulator's onUpload, never on the clock; a deadline only turns a
// hang into a failure that says what never came. Also the checks every engine test makes on
// what the engine leaves on disk (the token nowhere, the log lines).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { EventListener } from '../../src-main/contract/api-contract.ts';
import type {
  Destination,
  FolderView,
  HistoryEntry,
  SettingsPatch,
  StatusSnapshot,
} from '../../src-main/contract/domain.ts';
import { createMemoryTokenStore } from '../../src-main/core/account/token/memory-token-store.ts';
import type { TokenStore } from '../../src-main/core/account/token/token-store.ts';
import { createEngine, type Engine, type EngineOptions } from '../../src-main/core/engine.ts';
import type { Logger } from '../../src-main/core/logging/logger.ts';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.ts';
import { createWaitList } from './waiting.ts';

/**
 * Retries and timeouts short enough for a suite, long enough not to be timing-fragile on a
 * loaded 2-core machine; the defaults users get are slower on purpose. The CLI tests hand the
 * same knobs to their child processes.
 */
export const FAST_TUNING = {
  apiTimeoutMs: 5_000,
  retryBaseDelayMs: 50,
  retryMaxDelayMs: 400,
  stopGraceMs: 1_000,
  tokenRecheckMs: 150,
  storageRecheckMs: 150,
} satisfies EngineOptions['tuning'];

/**
 * Short, but longer than the pauses of the tests that write a file in chunks (about 250 ms), so
 * a file is not taken while it is still being written.
 */
export const TEST_STABILITY_MS = 400;

export interface EngineHarness {
  /** A temp folder of the harness's own (watched folders, the config dir), removed by close(). */
  root: string;
  configDir: string;
  emulator: Emulator;
  engine: Engine;
  /** The latest version of every history row the engine announced. */
  entries: Map<number, HistoryEntry>;
  status(): StatusSnapshot | null;
  folders(): FolderView[];
  /**
   * Resolves once `condition` holds, re-checked at every event and every 100 ms; fails after
   * `timeoutMs`.
   */
  until(description: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the first row (latest version) that matches, now or later. */
  waitForEntry(what: string, match: (entry: HistoryEntry) => boolean): Promise<HistoryEntry>;
  /** `deadlineMs`: shorter where the engine reacts to the very next write (storage faults). */
  waitForStatus(
    what: string,
    match: (status: StatusSnapshot) => boolean,
    deadlineMs?: number,
  ): Promise<StatusSnapshot>;
  waitForFolders(what: string, match: (folders: FolderView[]) => boolean): Promise<FolderView[]>;
  /** Makes and binds a folder under root, and waits until it is watched. */
  addFolder(name: string, companyNumber: string, destination: Destination): Promise<string>;
  allHistory(): Promise<HistoryEntry[]>;
  /** Stops the engine, and the emulator and proxy it started, keeping every file for inspection. */
  stop(): Promise<void>;
  /** stop(), then removes root. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The test's own emulator, left running at stop(); else the harness starts and stops one. */
  emulator?: Emulator;
  /** For the emulator the harness starts. */
  emulatorOptions?: EmulatorOptions;
  /** What an in-memory token store starts with; the emulator's demo token by default. */
  token?: string | null;
  tokenStore?: TokenStore;
  /** Applied before the engine starts, over a short stability window. */
  settings?: SettingsPatch;
  /** Over FAST_TUNING. */
  tuning?: EngineOptions['tuning'];
  /** Where the config dir goes (a size-limited mount, say); under root by default. */
  configDir?: string;
  /** False leaves starting the engine to the test (files present before it starts). */
  start?: boolean;
  /** Signs in with the emulator's demo token once started (start is not false). */
  signIn?: boolean;
  /** The engine's logger; the rotating file logger in the config dir by default. */
  logger?: Logger;
  /** The after-upload step's file operations (test/support/failing-moves.ts: a full disk). */
  afterUploadFs?: EngineOptions['afterUploadFs'];
  /** The folder owner markers' file operations (a second installation's take-over mid-write). */
  ownerMarkerFs?: EngineOptions['ownerMarkerFs'];
  /** The engine's clock for folder owner heartbeats (EngineOptions.now). */
  now?: () => number;
  /**
   * Starts the schema validator ahead (EngineOptions.warmSchemaValidator). By default nothing is
   * started ahead: each test file's first engine would start a real validator (Node and both UBL
   * schemas, about a second of CPU) for tests that send no e-invoice; one that does starts it on
   * demand, as before the warm-up. schema-validator-warm.test.ts tests the warm-up itself.
   */
  warmSchemaValidator?: EngineOptions['warmSchemaValidator'];
  /** Scan sessions' quiet window timer (test/support/manual-idle-timer.ts fires it by hand). */
  scanSessionTimer?: EngineOptions['scanSessionTimer'];
  /** How scan sessions' combined documents are written (a full disk). */
  writeBundle?: EngineOptions['writeBundle'];
  /** Puts something (a rewriting proxy) between the engine and the emulator. */
  wrapApi?: (emulatorOrigin: string) => Promise<{ origin: string; close(): Promise<void> }>;
}

export async function startEngineHarness(options: HarnessOptions = {}): Promise<EngineHarness> {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-engine-'));
  const configDir = options.configDir ?? path.join(root, 'config');
  await mkdir(configDir, { recursive: true });
  const emulator = options.emulator ?? (await startEmulator(options.emulatorOptions));
  const proxy = options.wrapApi === undefined ? null : await options.wrapApi(emulator.origin);
  const engine = await createEngine({
    configDir,
    tokenStore:
      options.tokenStore ??
      createMemoryTokenStore({
        initial: options.token === undefined ? emulator.demoToken : options.token,
      }),
    shell: 'cli',
    version: 'test',
    apiUrl: proxy === null ? emulator.graphqlUrl : `${proxy.origin}/graphql`,
    tuning: { ...FAST_TUNING, ...options.tuning },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.afterUploadFs === undefined ? {} : { afterUploadFs: options.afterUploadFs }),
    ...(options.ownerMarkerFs === undefined ? {} : { ownerMarkerFs: options.ownerMarkerFs }),
    ...(options.now === undefined ? {} : { now: options.now }),
    warmSchemaValidator: options.warmSchemaValidator ?? (() => Promise.resolve(true)),
    ...(options.scanSessionTimer === undefined
      ? {}
      : { scanSessionTimer: options.scanSessionTimer }),
    ...(options.writeBundle === undefined ? {} : { writeBundle: options.writeBundle }),
  });

  const entries = new Map<number, HistoryEntry>();
  let status: StatusSnapshot | null = null;
  let folders: FolderView[] = [];
  // Conditions may read the disk or the emulator, which announce nothing: re-checked often too.
  const waits = createWaitList({ recheckMs: 100 });
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
    waits.wake();
  };
  const unsubscribe = engine.subscribe(listener);

  /** What the engine had said when a wait ran out: enough to see where it stopped. */
  const seenSoFar = () => {
    const rows = [...entries.values()].map((entry) => `${entry.fileName}: ${entry.state}`);
    const shown = rows.length > 50 ? [...rows.slice(0, 50), `… ${rows.length - 50} more`] : rows;
    return `status ${JSON.stringify(status)}; rows: ${shown.join(', ')}`;
  };
  const waitFor = <T>(what: string, probe: () => T | undefined, timeoutMs?: number) =>
    waits.until(what, probe, {
      detail: seenSoFar,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });

  await engine.handlers['settings.update']({
    stabilityWindowMs: TEST_STABILITY_MS,
    ...options.settings,
  });
  if (options.start !== false) {
    await engine.start();
    if (options.signIn === true) {
      await engine.handlers['session.signIn']({ token: emulator.demoToken });
    }
    status = await engine.handlers['status.get']({});
  }

  let stopped = false;
  const harness: EngineHarness = {
    root,
    configDir,
    emulator,
    engine,
    entries,
    status: () => status,
    folders: () => folders,
    until: (description, condition, timeoutMs) =>
      waitFor(description, () => (condition() ? true : undefined), timeoutMs).then(() => {}),
    waitForEntry: (what, match) =>
      waitFor(what, () => [...entries.values()].find((entry) => match(entry))),
    waitForStatus: (what, match, deadlineMs) =>
      waitFor(what, () => (status !== null && match(status) ? status : undefined), deadlineMs),
    waitForFolders: (what, match) => waitFor(what, () => (match(folders) ? folders : undefined)),
    async addFolder(name, companyNumber, destination) {
      const folderPath = path.join(root, name);
      await mkdir(folderPath, { recursive: true });
      ({ folders } = await engine.handlers['folders.add']({
        path: folderPath,
        companyNumber,
        destination,
      }));
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
      waits.cancel();
      await engine.stop();
      await proxy?.close();
      if (options.emulator === undefined) await emulator.close();
    },
    async close() {
      await harness.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}

/** startEngineHarness, closed when the test ends. */
export async function startEngine(
  t: TestContext,
  options: HarnessOptions = {},
): Promise<EngineHarness> {
  const harness = await startEngineHarness(options);
  t.after(() => harness.close());
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
