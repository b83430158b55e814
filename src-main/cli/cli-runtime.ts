// What every command needs, built from the global options: the config folder, a logger, the
// token store and an engine: the one already running with the config folder (reached over its
// control channel), or one of this process. Timing knobs come only from
// CLEARFACTS_UPLOADER_TUNING (tests and the benchmark), never from the command line users see.
import { inCliLanguage, useSettingsLanguage } from './cli-language.ts';
import path from 'node:path';
import { z } from 'zod';
import { appVersion } from './app-version.ts';
import { apiUrlProblem, DEFAULT_API_URL } from '../contract/domain.ts';
import {
  DEFAULT_CONFIG_DIR,
  createFileLogger,
  createHeadlessTokenStore,
  EngineBusyError,
  type Engine,
  type EngineOptions,
  type FileLogger,
  type RunningEngine,
  type TokenStore,
} from '../core/index.ts';
import { CliError, EXIT } from './exit-codes.ts';
import { TUNING_ENVIRONMENT_VARIABLE } from './tuning-variable.ts';

const Tuning = z
  .object({
    apiTimeoutMs: z.number().int().positive(),
    retryBaseDelayMs: z.number().int().positive(),
    retryMaxDelayMs: z.number().int().positive(),
    stopGraceMs: z.number().int().nonnegative(),
    tokenRecheckMs: z.number().int().positive(),
    storageRecheckMs: z.number().int().positive(),
    treeRefreshMs: z.number().int().positive(),
    followUpSpacingMs: z.number().int().positive(),
    historyEventWindowMs: z.number().int().nonnegative(),
    // The follow-up's schedule reads the first offset still ahead: it must be ascending.
    followUpOffsetsMs: z
      .array(z.number().int().nonnegative())
      .min(1)
      .refine(
        (offsets) =>
          offsets.every((offset, index) => index === 0 || offset > (offsets[index - 1] ?? 0)),
        {
          message: 'must be ascending',
        },
      ),
  })
  .partial()
  .strict();

export interface GlobalOptions {
  configDir?: string;
  apiUrl?: string;
  debug?: boolean;
}

function readTuning(env: NodeJS.ProcessEnv): EngineOptions['tuning'] {
  const raw = env[TUNING_ENVIRONMENT_VARIABLE];
  if (raw === undefined || raw.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CliError(`${TUNING_ENVIRONMENT_VARIABLE} is not valid JSON.`, EXIT.usage);
  }
  const parsed = Tuning.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${TUNING_ENVIRONMENT_VARIABLE} is invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      EXIT.usage,
    );
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
}

export interface EngineChoice {
  watchFolders?: boolean;
  consentToPlainFile?: boolean;
  /** 'browser' for `ui`, where files come from the drop window. */
  shell?: 'cli' | 'browser';
}

/** The engine a command works with, and where it runs. */
export type EngineHandle =
  | { kind: 'remote'; engine: RunningEngine }
  /** `started` is false when not asked for, or when an engine without a channel holds the lock. */
  | { kind: 'local'; engine: Engine; started: boolean };

/**
 * How long a command waits for an engine that holds engine.lock to answer on its channel (it is
 * starting, or stopping and letting its sends finish) before it gives up on it.
 */
const BUSY_WAIT_MS = 10_000;
const BUSY_POLL_MS = 100;

export interface CliRuntime {
  readonly configDir: string;
  readonly apiUrl: string | undefined;
  /**
   * The Clearfacts address in use: --api-url, else the settings' once an engine has read them,
   * else the default. Named in the sentence for an unreachable Clearfacts.
   */
  apiAddress(): string;
  readonly debug: boolean;
  readonly version: string;
  logger(): FileLogger;
  tokenStore(options?: { consentToPlainFile?: boolean }): Promise<TokenStore>;
  /** An engine of this process, not started. */
  engine(options?: EngineChoice): Promise<Engine>;
  /** The engine another process runs with this config folder, or null when none answers. */
  runningEngine(): Promise<RunningEngine | null>;
  /**
   * The engine another process runs with this config folder, else one of this process: started
   * when `start` is set (it then sends what is queued), left unstarted otherwise. When the lock
   * is held but nobody answers for BUSY_WAIT_MS (an engine of a version without the control
   * channel), the local engine is handed back unstarted.
   */
  engineFor(options: EngineChoice & { start: boolean }): Promise<EngineHandle>;
  /** Stops what was opened (engines, connections, logger); safe to call more than once. */
  close(): Promise<void>;
}

export function createCliRuntime(
  global: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
): CliRuntime {
  const configDir = path.resolve(global.configDir ?? DEFAULT_CONFIG_DIR);
  const tuning = readTuning(env);
  let logger: FileLogger | null = null;
  const opened: Engine[] = [];
  const connections: RunningEngine[] = [];
  let closing: Promise<void> | null = null;
  let settingsApiUrl: string | null = null;
  // The address given at start-up: --api-url, else CLEARFACTS_API_URL (as the desktop app reads it).
  const givenApiUrl = global.apiUrl ?? (env.CLEARFACTS_API_URL || undefined);
  if (givenApiUrl !== undefined) {
    const problem = apiUrlProblem(givenApiUrl);
    if (problem !== null) throw new CliError(inCliLanguage(problem), EXIT.usage);
  }

  const runtime: CliRuntime = {
    configDir,
    apiUrl: givenApiUrl,
    apiAddress: () => givenApiUrl ?? settingsApiUrl ?? DEFAULT_API_URL,
    debug: global.debug === true,
    version: appVersion(),

    logger() {
      logger ??= createFileLogger({
        directory: path.join(configDir, 'logs'),
        level: global.debug === true ? 'debug' : 'info',
      });
      return logger;
    },

    tokenStore(options = {}) {
      return createHeadlessTokenStore({
        configDir,
        consentToPlainFile: options.consentToPlainFile === true,
        env,
      });
    },

    async engine(options = {}) {
      // Loaded on first use: `--help` and usage errors answer without loading the engine.
      const { createEngine } = await import('../core/index.ts');
      const engine = await createEngine({
        configDir,
        tokenStore: await runtime.tokenStore(options),
        logger: runtime.logger(),
        shell: options.shell ?? 'cli',
        version: runtime.version,
        ...(givenApiUrl === undefined ? {} : { apiUrl: givenApiUrl }),
        ...(tuning === undefined ? {} : { tuning }),
        watchFolders: options.watchFolders ?? true,
      });
      opened.push(engine);
      const settings = await engine.handlers['settings.get']({});
      useSettingsLanguage(settings.language);
      settingsApiUrl = settings.apiUrl;
      return engine;
    },

    async runningEngine() {
      // Loaded on first use, like the engine.
      const { connectToRunningEngine } = await import('../core/index.ts');
      const remote = await connectToRunningEngine(configDir);
      if (remote !== null) connections.push(remote);
      return remote;
    },

    async engineFor({ start, ...choice }) {
      const running = await runtime.runningEngine();
      if (running !== null) return { kind: 'remote', engine: running };
      const engine = await runtime.engine(choice);
      if (!start) return { kind: 'local', engine, started: false };
      const deadline = Date.now() + BUSY_WAIT_MS;
      for (;;) {
        try {
          await engine.start();
          return { kind: 'local', engine, started: true };
        } catch (error) {
          if (!(error instanceof EngineBusyError)) throw error;
        }
        // The lock is held: its engine is opening its channel, or stopping and freeing the lock.
        const answered = await runtime.runningEngine();
        if (answered !== null) return { kind: 'remote', engine: answered };
        if (Date.now() >= deadline) return { kind: 'local', engine, started: false };
        await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
      }
    },

    close() {
      closing ??= (async () => {
        for (const connection of connections.splice(0)) connection.close();
        for (const engine of opened.splice(0)) await engine.stop();
        await logger?.close();
        logger = null;
      })();
      return closing;
    },
  };
  return runtime;
}
