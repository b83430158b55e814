// The end of `upload`, `retry` and `resend`: follow the files until each one has an outcome, print
// one line per file and a summary, and turn the outcome into an exit code. The engine may be this
// process's or one running elsewhere; if that one stops first, whoever runs the engine next (this
// process, if no one) sends the rest, and they are followed there.
import type { HistoryEntry, StatusSnapshot } from '../../contract/domain.ts';
import type { CliRuntime, EngineHandle } from '../cli-runtime.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { printEntry, printJson, printLine } from '../output.ts';
import { waitForFiles } from '../wait-for-files.ts';

export async function reportOutcome(
  runtime: CliRuntime,
  handle: EngineHandle,
  ids: readonly number[],
  json: boolean | undefined,
): Promise<ExitCode> {
  const finished: HistoryEntry[] = [];
  // A batch cut into parts (issue #17) is followed through its parts, then its own delivery.
  const followed = [...ids];
  const expanded = new Set<number>();
  let current = handle;
  let blocked: StatusSnapshot | null;
  for (;;) {
    const remaining = followed.filter((id) => !finished.some((entry) => entry.id === id));
    if (remaining.length === 0) {
      blocked = null;
      break;
    }
    const outcome = await waitForFiles(
      current.engine,
      remaining,
      (entry) => {
        if (!json) printEntry(entry);
        if (entry.state !== 'split') finished.push(entry);
      },
      undefined,
      current.kind === 'remote' ? current.engine.closed : undefined,
    );
    if (outcome.lost === null) {
      blocked = outcome.blocked;
      const batches = outcome.finished.filter((entry) => entry.state === 'split');
      const fresh = batches.filter((batch) => !expanded.has(batch.id));
      if (blocked !== null || fresh.length === 0) {
        // Every part has an outcome: a batch still split is held by a part that did not arrive.
        finished.push(...batches);
        break;
      }
      for (const batch of fresh) {
        expanded.add(batch.id);
        const parts = await current.engine.handlers['history.query']({
          filter: { parentId: batch.id },
          offset: 0,
          limit: 10_000,
        });
        followed.push(...parts.rows.map((part) => part.id));
      }
      // The batch itself is done once its parts are: it is looked at again after them.
      continue;
    }
    const waiting = followed.length - finished.length;
    current = await runtime.engineFor({ start: true, watchFolders: false });
    if (current.kind === 'local' && !current.started) {
      throw new CliError(
        inCliLanguage(msg('cli_engine_gone_queued', { reason: outcome.lost, count: waiting })),
        EXIT.failure,
      );
    }
    if (!json) {
      const params = { reason: outcome.lost, count: waiting };
      printLine(
        inCliLanguage(
          current.kind === 'local'
            ? msg('cli_engine_gone_here', params)
            : msg('cli_engine_gone_elsewhere', params),
        ),
      );
    }
  }
  if (json) printJson(finished);
  if (blocked) {
    const waiting = followed.length - finished.length;
    throw new CliError(
      `${inCliLanguage(blocked.reason ?? msg('cli_queue_blocked'))} ${inCliLanguage(msg('cli_stay_queued', { count: waiting }))}`,
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
      inCliLanguage(msg('cli_outcome', { uploaded, failed, unconfirmed, duplicate: duplicates })),
    );
    if (unconfirmed > 0) {
      printLine(inCliLanguage(msg('cli_check_unconfirmed')));
    }
  }
  return failed + unconfirmed > 0 ? EXIT.failure : EXIT.success;
}
