// The end of `upload` and `retry`: follow the files until each one has an outcome, print one line
// per file and a summary, and turn the outcome into an exit code.
import { inCliLanguage } from '../cli-language.ts';
import type { HistoryEntry } from '../../contract/domain.ts';
import type { Engine } from '../../core/index.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { describeEntry, printJson, printLine } from '../output.ts';
import { waitForFiles } from '../wait-for-files.ts';

export async function reportOutcome(
  engine: Engine,
  ids: readonly number[],
  json: boolean | undefined,
): Promise<ExitCode> {
  const outcome = await waitForFiles(engine, ids, (entry) => {
    if (!json) printLine(describeEntry(entry));
  });
  if (json) printJson(outcome.finished);
  if (outcome.blocked) {
    const waiting = ids.length - outcome.finished.length;
    throw new CliError(
      `${outcome.blocked.reason === null ? 'The queue is blocked.' : inCliLanguage(outcome.blocked.reason)} ${waiting} file${waiting === 1 ? '' : 's'} stay queued and will be sent by the next run.`,
      outcome.blocked.state === 'storage_error' ? EXIT.failure : EXIT.auth,
    );
  }
  const count = (predicate: (entry: HistoryEntry) => boolean) =>
    outcome.finished.filter(predicate).length;
  const uploaded = count((entry) => entry.state === 'uploaded' || entry.state === 'archived');
  const failed = count((entry) => entry.state === 'failed');
  const unconfirmed = count((entry) => entry.state === 'unconfirmed');
  const duplicates = count((entry) => entry.state === 'duplicate');
  if (!json) {
    printLine(
      `${uploaded} uploaded, ${failed} failed, ${unconfirmed} unconfirmed, ${duplicates} duplicate${duplicates === 1 ? '' : 's'} (not sent again).`,
    );
    if (unconfirmed > 0) {
      printLine(
        'Check unconfirmed files in Clearfacts, then `clearfacts-uploader resend <id>` or `mark-done <id>`.',
      );
    }
  }
  return failed + unconfirmed > 0 ? EXIT.failure : EXIT.success;
}
