// Runs `clearfacts-uploader` as users do: a separate Node 24 process on the bin shim, talking to
// a real emulator, with its own config folder. Long-running `watch` children are followed through
// their --json event lines.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { TestContext } from 'node:test';
import type { HistoryEntry, StatusSnapshot } from '../../../src-main/contract/domain.ts';
import { FAST_TUNING } from '../../support/engine-harness.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/clearfacts-uploader.js');

/** The in-process engine tests' timings, for a child process. */
export const CLI_TUNING = JSON.stringify(FAST_TUNING);

export interface CliContext {
  configDir: string;
  apiUrl: string;
  /** Passed as CLEARFACTS_TOKEN when set. */
  token?: string;
  /** Adds --debug. */
  debug?: boolean;
  /** The timing knobs (CLEARFACTS_UPLOADER_TUNING); CLI_TUNING when absent. */
  tuning?: string;
  /** The working folder of the child; the test's own when absent. */
  cwd?: string;
  /** Variables added to the child's environment (XDG_CONFIG_HOME for a service test). */
  env?: NodeJS.ProcessEnv;
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
  return env;
}

export function argumentsFor(context: CliContext, args: readonly string[]): string[] {
  return [
    BIN,
    '--config-dir',
    context.configDir,
    '--api-url',
    context.apiUrl,
    ...(context.debug === true ? ['--debug'] : []),
    ...args,
  ];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One command to its end; a command still running at the deadline is killed and fails. */
export function runCli(
  context: CliContext,
  args: readonly string[],
  input = '',
): Promise<CliResult> {
  const child = spawn(process.execPath, argumentsFor(context, args), {
    env: childEnvironment(context),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(context.cwd === undefined ? {} : { cwd: context.cwd }),
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
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
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
