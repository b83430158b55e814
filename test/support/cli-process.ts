// `clearfacts-uploader` as a user runs it (the integration tests' process harness) with the
// reliability suite's timings. A `watch --json` child is followed through its zod-checked event
// lines, so tests wait on what the engine reports.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { HistoryEntry, StatusSnapshot } from '../../src-main/contract/domain.ts';
import {
  argumentsFor,
  childEnvironment,
  runCli as runCliProcess,
  type CliContext,
  type CliResult,
} from '../integration/cli/cli-harness.ts';
import { createWaitList } from './waiting.ts';

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
  /**
   * Resolves with the first event (now or later) for which `match` returns true; fails when the
   * process ends first or the deadline passes.
   */
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
