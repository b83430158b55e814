// A node:test reporter that writes one JSON line per reported test, so the test command can end
// with one plain "N passed, N failed" line whatever the other reporters print — and can still
// count, and name what was running, when the run is killed at its deadline before node:test
// prints its summary. node:test reports a file's passes and failures in order, held back while an
// earlier test of that file still runs; its dequeue and complete events come as things happen, so
// they tell which top-level tests and files started and never ended.
import type { TestEvent } from 'node:test/reporters';
import type { TestOutcome } from './test-outcome.ts';

/** The first line of a failure's cause: enough to tell which assertion or deadline failed. */
function firstLine(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.split('\n', 1)[0] ?? '';
}

export default async function* totalsReporter(
  source: AsyncIterable<TestEvent>,
): AsyncGenerator<string> {
  for await (const event of source) {
    let outcome: TestOutcome | null = null;
    if (event.type === 'test:dequeue' && event.data.nesting === 0) {
      outcome = { kind: 'started', name: event.data.name, file: event.data.file ?? null };
    } else if (event.type === 'test:complete' && event.data.nesting === 0) {
      const { passed, error } = event.data.details;
      outcome = {
        kind: 'ended',
        name: event.data.name,
        file: event.data.file ?? null,
        error: passed ? null : firstLine(error),
        durationMs: event.data.details.duration_ms,
      };
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      if (event.data.details.type === 'suite') continue;
      const base = { name: event.data.name, file: event.data.file ?? null };
      if (event.data.skip !== undefined || event.data.todo !== undefined) {
        outcome = { kind: 'skipped', ...base };
      } else if (event.type === 'test:pass') {
        outcome = { kind: 'passed', ...base };
      } else {
        outcome = { kind: 'failed', ...base, error: firstLine(event.data.details.error) };
      }
    }
    if (outcome !== null) yield `${JSON.stringify(outcome)}\n`;
  }
}
