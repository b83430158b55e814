// `clearfacts-uploader` as a user runs it: a separate Node 24 process on the bin shim, with its own
// config folder and the documented timing knobs (CLEARFACTS_UPLOADER_TUNING). A `watch --json`
// child is followed through its event lines, so tests wait on what the engine reports.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { HistoryEntry, StatusSnapshot } from '../../../src-main/contract/domain.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/clearfacts-uploader.js');

export const RELIABILITY_TUNING = {
  apiTimeoutMs: 5_000,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 300,
  stopGraceMs: 500,
  tokenRecheckMs: 200,
  storageRecheckMs: 200,
};

export interface CliTarget {
  configDir: string;
  apiUrl: string;
  /** Given as CLEARFACTS_TOKEN. */
  token: string;
  debug?: boolean;
}

function environment(target: CliTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLEARFACTS_TOKEN: target.token,
    CLEARFACTS_UPLOADER_TUNING: JSON.stringify(RELIABILITY_TUNING),
  };
  // No keyring on a test machine: a D-Bus session would make the token store try one.
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

function argumentsFor(target: CliTarget, args: readonly string[]): string[] {
  return [
    BIN,
    '--config-dir',
    target.configDir,
    '--api-url',
    target.apiUrl,
    ...(target.debug === true ? ['--debug'] : []),
    ...args,
  ];
}

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(target: CliTarget, args: readonly string[]): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argumentsFor(target, args), {
      env: environment(target),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const WatchLine = z.discriminatedUnion('event', [
  z.object({ event: z.literal('history.changed'), entries: z.array(HistoryEntry) }),
  StatusSnapshot.extend({ event: z.literal('status') }),
  z.object({ event: z.enum(['folders.changed', 'session.changed', 'settings.changed']) }).loose(),
]);
export type WatchLine = z.infer<typeof WatchLine>;

export interface WatchProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every line of stdout and stderr, for the token scan and for failure messages. */
  output: string[];
  /** Resolves with the first event (now or later) for which `match` returns true. */
  until(what: string, match: (line: WatchLine) => boolean): Promise<WatchLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWatch(target: CliTarget): WatchProcess {
  const child = spawn(process.execPath, argumentsFor(target, ['watch', '--json']), {
    env: environment(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const seen: WatchLine[] = [];
  const waiters = new Set<{
    match: (line: WatchLine) => boolean;
    resolve: (line: WatchLine) => void;
  }>();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
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
    for (const waiter of waiters) {
      if (waiter.match(parsed)) {
        waiters.delete(waiter);
        waiter.resolve(parsed);
      }
    }
  });
  return {
    child,
    output,
    exited,
    until(what, match) {
      const already = seen.find(match);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        void exited.then(({ code, signal }) => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          reject(
            new Error(
              `watch ended (${code ?? signal}) before ${what}; last output:\n${output.slice(-15).join('\n')}`,
            ),
          );
        });
      });
    },
  };
}
