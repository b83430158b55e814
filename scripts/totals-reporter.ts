// A node:test reporter that writes only the run's totals, so the test command can end with one
// plain "N passed, N failed" line whatever the other reporters print.
import type { TestEvent } from 'node:test/reporters';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

export default async function* totalsReporter(
  source: AsyncIterable<TestEvent>,
): AsyncGenerator<string> {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details.type === 'suite') continue;
    if (event.data.skip !== undefined || event.data.todo !== undefined) totals.skipped += 1;
    else if (event.type === 'test:pass') totals.passed += 1;
    else totals.failed += 1;
  }
  yield JSON.stringify(totals);
}
