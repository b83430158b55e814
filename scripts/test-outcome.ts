// What the totals reporter writes, one JSON line each, and what the test command reads back.
import { z } from 'zod';

/**
 * One line of the totals reporter's file: a test file or top-level test started or ended (as it
 * happened), or a test's result (as node:test reported it).
 */
export const TestOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), name: z.string(), file: z.string().nullable() }),
  z.object({
    kind: z.literal('ended'),
    name: z.string(),
    file: z.string().nullable(),
    /** The first line of the failure's message; null when it passed. */
    error: z.string().nullable(),
    /** How long it ran, in ms, as node:test measured it. */
    durationMs: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal('passed'), name: z.string(), file: z.string().nullable() }),
  z.object({ kind: z.literal('skipped'), name: z.string(), file: z.string().nullable() }),
  z.object({
    kind: z.literal('failed'),
    name: z.string(),
    file: z.string().nullable(),
    /** The first line of the failure's message. */
    error: z.string(),
  }),
]);
export type TestOutcome = z.infer<typeof TestOutcome>;

/** The run's counts, the failures, and the files and top-level tests that started and never ended. */
export interface RunTotals {
  passed: number;
  failed: number;
  skipped: number;
  failures: { name: string; file: string | null; error: string }[];
  unfinished: { name: string; file: string | null }[];
  /** The test files whose processes ran longest, longest first, in ms. */
  slowestFiles: { file: string; durationMs: number }[];
}

/** How many of the slowest files the test command names after a run. */
export const SLOWEST_FILES_SHOWN = 10;

/**
 * Tallies the reporter's lines. A line that is not a whole outcome (the last one, cut by a kill)
 * is skipped. A file or top-level test is unfinished when it started and never ended.
 */
export function tallyOutcomes(lines: readonly string[]): RunTotals {
  const totals: RunTotals = {
    passed: 0,
    failed: 0,
    skipped: 0,
    failures: [],
    unfinished: [],
    slowestFiles: [],
  };
  const fileDurations = new Map<string, number>();
  const running = new Map<string, { name: string; file: string | null }>();
  const failures = new Map<string, { name: string; file: string | null; error: string }>();
  const key = (outcome: { name: string; file: string | null }): string =>
    `${outcome.file ?? ''}\u0000${outcome.name}`;
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const result = TestOutcome.safeParse(parsed);
    if (!result.success) continue;
    const outcome = result.data;
    if (outcome.kind === 'started')
      running.set(key(outcome), { name: outcome.name, file: outcome.file });
    else if (outcome.kind === 'ended') {
      running.delete(key(outcome));
      // A test file's own line (named by its path) times its whole process, start-up included.
      if (outcome.file !== null && outcome.file.endsWith(`/${outcome.name}`)) {
        fileDurations.set(outcome.file, outcome.durationMs);
      }
      // Known as it happened; its test:fail may still be held back behind a test that hangs.
      if (outcome.error !== null) failures.set(key(outcome), { ...outcome, error: outcome.error });
    } else if (outcome.kind === 'passed') totals.passed += 1;
    else if (outcome.kind === 'skipped') totals.skipped += 1;
    else {
      totals.failed += 1;
      failures.set(key(outcome), outcome);
    }
  }
  totals.failures = [...failures.values()].map(({ name, file, error }) => ({ name, file, error }));
  totals.unfinished = [...running.values()];
  totals.slowestFiles = [...fileDurations]
    .map(([file, durationMs]) => ({ file, durationMs }))
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, SLOWEST_FILES_SHOWN);
  return totals;
}
