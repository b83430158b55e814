// `clearfacts-uploader` as a user runs it (the integration tests' process harness) with the
// reliability suite's timings. A `watch --json` child is followed through its zod-checked event
// lines, so tests wait on what the engine reports.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { HistoryEntry, StatusSnapshot } from '../../../src-main/contract/domain.ts';
import {
  argumentsFor,
  childEnvironment,
  runCli as runCliProcess,
  type CliContext,
  type CliResult,
} from '../../integration/cli/cli-harness.ts';

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
export function runCli(target: CliTarget, args: readonly string[]): Promise<CliResult> {
  return runCliProcess({ tuning: RELIABILITY_TUNING, ...target }, args);
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
    env: childEnvironment({ tuning: RELIABILITY_TUNING, ...target }),
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
