// Runs `clearfacts-uploader` as users do: a separate Node 24 process on the bin shim, talking to
// a real emulator, with its own config folder (the one CLI process harness of the tests).
// Long-running `watch` children are followed through their --json event lines: `startWatch`
// keeps the rows and the status, `followWatch` offers every zod-checked line to a matcher (the
// reliability suites count with it).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { TestContext } from 'node:test';
import { z } from 'zod';
import assert from 'node:assert/strict';
import {
  HistoryEntry,
  StatusSnapshot,
  type FollowUpStatus,
  type HealthReport,
} from '../../src-main/contract/domain.ts';
import { openHeadlessSettingsStore } from '../../src-main/core/store/conf-settings-store.ts';
import { FAST_TUNING, TEST_STABILITY_MS } from './engine-harness.ts';
import { createRecordingLogger } from './recording-logger.ts';
import { createWaitList, withDeadline, type WaitList } from './waiting.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/clearfacts-uploader.js');

/** The in-process engine tests' timings, for a child process. */
export const CLI_TUNING = JSON.stringify(FAST_TUNING);

export interface CliContext {
  configDir: string;
  apiUrl: string;
  /** Passed as CLEARFACTS_TOKEN when set. */
  token?: string;
  /** Gives `apiUrl` as CLEARFACTS_API_URL instead of --api-url. */
  apiUrlInEnvironment?: boolean;
  /** Adds --debug. */
  debug?: boolean;
  /** The timing knobs (CLEARFACTS_UPLOADER_TUNING); CLI_TUNING when absent. */
  tuning?: string;
  /** The working folder of the child; the test's own when absent. */
  cwd?: string;
  /** Variables added to the child's environment (XDG_CONFIG_HOME for a service test). */
  env?: NodeJS.ProcessEnv;
  /** Run the child as this user (a test run as root needs another user to meet a permission). */
  user?: { uid: number; gid: number };
}

/** The environment of a child: no keyring (no D-Bus session), fast timings, maybe a token. */
export function childEnvironment(context: CliContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLEARFACTS_UPLOADER_TUNING: context.tuning ?? CLI_TUNING,
    ...context.env,
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.CLEARFACTS_TOKEN;
  if (context.token !== undefined) env.CLEARFACTS_TOKEN = context.token;
  if (context.apiUrlInEnvironment === true) env.CLEARFACTS_API_URL = context.apiUrl;
  return env;
}

export function argumentsFor(context: CliContext, args: readonly string[]): string[] {
  return [
    BIN,
    '--config-dir',
    context.configDir,
    ...(context.apiUrlInEnvironment === true ? [] : ['--api-url', context.apiUrl]),
    ...(context.debug === true ? ['--debug'] : []),
    ...args,
  ];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One command to its end; a command still running at the deadline (`timeoutMs`, default
 * WAIT_DEADLINE_MS) is killed and fails.
 */
export function runCli(
  context: CliContext,
  args: readonly string[],
  input = '',
  timeoutMs?: number,
): Promise<CliResult> {
  const child = spawn(process.execPath, argumentsFor(context, args), {
    env: childEnvironment(context),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(context.cwd === undefined ? {} : { cwd: context.cwd }),
    ...(context.user === undefined ? {} : context.user),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  child.stdin.end(input);
  return withDeadline(`\`${args.join(' ')}\` to finish`, finished, {
    detail: () => `stderr: ${stderr}`,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
}

/**
 * Gives the config folder at `configDir` a stability window of `windowMs` (TEST_STABILITY_MS by
 * default) before a child starts there: the 2 s default makes every watched file wait 2 s, and a
 * file that never gets its end (a broken PDF) five windows, 10 s.
 */
export function useStabilityWindow(configDir: string, windowMs = TEST_STABILITY_MS): void {
  const settings = openHeadlessSettingsStore({ configDir, logger: createRecordingLogger() });
  settings.update({ stabilityWindowMs: windowMs });
  settings.close();
}

/**
 * Binds `folder` as a purchase folder of the administration with `companyNumber` through
 * `folders add` (plus `extraArgs`, e.g. `['--split', 'page']`), and fails the test when the command
 * does not exit 0.
 */
export async function addPurchaseFolder(
  context: CliContext,
  folder: string,
  companyNumber: string,
  extraArgs: readonly string[] = [],
): Promise<void> {
  const added = await runCli(context, [
    'folders',
    'add',
    folder,
    '--company',
    companyNumber,
    '--type',
    'purchase',
    ...extraArgs,
  ]);
  assert.equal(added.code, 0, added.stderr);
}

export interface HealthJson extends HealthReport {
  running: boolean;
  followUp: FollowUpStatus;
}

/** Runs `status --json`, which must have nothing to complain about on stderr. */
export async function health(
  context: CliContext,
): Promise<{ code: number | null; json: HealthJson }> {
  const result = await runCli(context, ['status', '--json']);
  assert.equal(result.stderr, '', 'status has nothing to complain about');
  return { code: result.code, json: JSON.parse(result.stdout) as HealthJson };
}

/** `token set` into the consented 0600 file (the children have no keyring). */
export async function tokenSet(context: CliContext, token: string): Promise<void> {
  const set = await runCli(context, ['token', 'set', '--allow-plain-file'], `${token}\n`);
  assert.equal(set.code, 0, set.stderr);
}

/** A long-running command (`ui`), with its output left to the caller. */
export type CliChild = ChildProcessByStdio<null, Readable, Readable>;

export function spawnCli(context: CliContext, args: string[]): CliChild {
  return spawn(process.execPath, argumentsFor(context, args), {
    env: childEnvironment(context),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(context.cwd === undefined ? {} : { cwd: context.cwd }),
  });
}

/**
 * What a spawned command writes to stdout and stderr, gathered as it comes, with a wait list
 * woken by every piece (`waits.until(…, () => output().includes(…) || undefined)`).
 */
export function gatherOutput(child: CliChild): { output: () => string; waits: WaitList } {
  let output = '';
  const waits = createWaitList();
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      waits.wake();
    });
  }
  return { output: () => output, waits };
}

export interface WatchEvent extends Partial<StatusSnapshot> {
  event: string;
  entries?: HistoryEntry[];
}

export interface WatchProcess {
  child: CliChild;
  events: WatchEvent[];
  /** The latest version of every row the child told about. */
  entries: Map<number, HistoryEntry>;
  /** The latest status the child told about. */
  status(): WatchEvent | null;
  /** Resolves once `condition` holds over the events seen so far; fails after `timeoutMs`. */
  until(description: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startWatch(t: TestContext, context: CliContext): WatchProcess {
  const child = spawnCli(context, ['watch', '--json']);
  const events: WatchEvent[] = [];
  const entries = new Map<number, HistoryEntry>();
  const waits = createWaitList();
  let latestStatus: WatchEvent | null = null;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as WatchEvent;
    events.push(event);
    for (const entry of event.entries ?? []) entries.set(entry.id, entry);
    if (event.event === 'status') latestStatus = event;
    waits.wake();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) =>
    child.on('exit', (code, signal) => {
      waits.wake();
      waits.abandon(`the watch process ended (stderr: ${stderr})`);
      resolve({ code, signal, stderr });
    }),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    events,
    entries,
    status: () => latestStatus,
    exited,
    until(description, condition, timeoutMs) {
      return waits
        .until(description, () => (condition() ? true : undefined), {
          detail: () => `stderr: ${stderr}`,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        })
        .then(() => {});
    },
  };
}

export const RELIABILITY_TUNING = JSON.stringify({
  apiTimeoutMs: 5_000,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 300,
  stopGraceMs: 500,
  tokenRecheckMs: 200,
  storageRecheckMs: 200,
});

export interface CliTarget extends CliContext {
  token: string;
}

/** One CLI command in its own process, with the reliability suite's timings. */
export function runReliableCli(target: CliTarget, args: readonly string[]): Promise<CliResult> {
  return runCli({ tuning: RELIABILITY_TUNING, ...target }, args);
}

const WatchLine = z.discriminatedUnion('event', [
  z.object({ event: z.literal('history.changed'), entries: z.array(HistoryEntry) }),
  StatusSnapshot.extend({ event: z.literal('status') }),
  z
    .object({
      event: z.enum([
        'folders.changed',
        'session.changed',
        'settings.changed',
        'followUp.changed',
        'upload.progress',
      ]),
    })
    .loose(),
]);
export type WatchLine = z.infer<typeof WatchLine>;

export interface FollowedWatch {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every line of stdout and stderr, for the token scan and for failure messages. */
  output: string[];
  /**
   * Resolves with the first event (now or later) for which `match` returns true; fails when the
   * process ends first or the deadline passes.
   */
  until(what: string, match: (line: WatchLine) => boolean): Promise<WatchLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A `watch --json` child with the reliability suite's timings, every line offered to `until`. */
export function followWatch(target: CliTarget): FollowedWatch {
  const child = spawn(process.execPath, argumentsFor(target, ['watch', '--json']), {
    env: childEnvironment({ tuning: RELIABILITY_TUNING, ...target }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const seen: WatchLine[] = [];
  const waits = createWaitList();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      waits.abandon(`watch ended (${code ?? signal})`);
      resolve({ code, signal });
    }),
  );
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  createInterface({ input: child.stdout }).on('line', (line) => {
    output.push(line);
    let parsed: WatchLine;
    try {
      parsed = WatchLine.parse(JSON.parse(line));
    } catch {
      return;
    }
    seen.push(parsed);
    waits.wake();
  });
  return {
    child,
    output,
    exited,
    until(what, match) {
      // Each line is offered to `match` once: callers count with it.
      let next = 0;
      return waits.until(
        what,
        () => {
          for (; next < seen.length; next += 1) {
            const line = seen[next] as WatchLine;
            if (match(line)) return line;
          }
          return undefined;
        },
        { detail: () => `last output:\n${output.slice(-15).join('\n')}` },
      );
    },
  };
}

/**
 * Runs `watch` until the file named `fileName` is held for the user's choice, stops it (SIGTERM)
 * and gives that row's id, for the commands that answer a hold (`history`, `choose`, `dismiss`).
 */
export async function watchUntilHeld(
  t: TestContext,
  context: CliContext,
  fileName: string,
): Promise<number> {
  const watch = startWatch(t, context);
  const held = () =>
    [...watch.entries.values()].find(
      (entry) => entry.fileName === fileName && entry.state === 'held',
    );
  await watch.until(`${fileName} held`, () => held() !== undefined);
  const id = held()?.id ?? -1;
  watch.child.kill('SIGTERM');
  await watch.exited;
  return id;
}
