// The end of `upload`, `retry` and `resend`: follow the files until each one has an outcome, print
// one line per file and a summary, and turn the outcome into an exit code. The engine may be this
// process's or one running elsewhere; if that one stops first, whoever runs the engine next (this
// process, if no one) sends the rest, and they are followed there.
import type { HistoryEntry, StatusSnapshot } from '../../contract/domain.ts';
import type { CliRuntime, EngineHandle } from '../cli-runtime.ts';
import { inCliLanguage } from '../cli-language.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { describeEntry, printJson, printLine } from '../output.ts';
import { waitForFiles } from '../wait-for-files.ts';

function files(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

export async function reportOutcome(
  runtime: CliRuntime,
  handle: EngineHandle,
  ids: readonly number[],
  json: boolean | undefined,
): Promise<ExitCode> {
  const finished: HistoryEntry[] = [];
  let current = handle;
  let blocked: StatusSnapshot | null;
  for (;;) {
    const remaining = ids.filter((id) => !finished.some((entry) => entry.id === id));
    const outcome = await waitForFiles(
      current.engine,
      remaining,
      (entry) => {
        finished.push(entry);
        if (!json) printLine(describeEntry(entry));
      },
      undefined,
      current.kind === 'remote' ? current.engine.closed : undefined,
    );
    if (outcome.lost === null) {
      blocked = outcome.blocked;
      break;
    }
    const waiting = ids.length - finished.length;
    current = await runtime.engineFor({ start: true, watchFolders: false });
    if (current.kind === 'local' && !current.started) {
      throw new CliError(
        `The engine that was sending these files is gone (${outcome.lost}). ${files(waiting)} stay queued and will be sent by the next run.`,
        EXIT.failure,
      );
    }
    if (!json) {
      printLine(
        `The engine that was sending these files is gone (${outcome.lost}); ${current.kind === 'local' ? 'this process' : 'the engine running now'} sends the other ${files(waiting)}.`,
      );
    }
  }
  if (json) printJson(finished);
  if (blocked) {
    const waiting = ids.length - finished.length;
    throw new CliError(
      `${blocked.reason === null ? 'The queue is blocked.' : inCliLanguage(blocked.reason)} ${files(waiting)} stay queued and will be sent by the next run.`,
      blocked.state === 'storage_error' ? EXIT.failure : EXIT.auth,
    );
  }
  const count = (predicate: (entry: HistoryEntry) => boolean) => finished.filter(predicate).length;
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
