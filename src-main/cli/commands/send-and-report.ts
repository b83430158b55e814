// The end of `upload`, `retry` and `resend`: follow the files until each one has an outcome, print
// one line per file and a summary, and turn the outcome into an exit code. The engine may be this
// process's or one running elsewhere; if that one stops first, whoever runs the engine next (this
// process, if no one) sends the rest, and they are followed there.
import type { HistoryEntry, StatusSnapshot } from '../../contract/domain.ts';
import type { ControlEndMessage } from '../../contract/messages/message.ts';
import type { CliRuntime, EngineHandle } from '../cli-runtime.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { printEntry, printJson, printLine } from '../output.ts';
import { waitForFiles } from '../wait-for-files.ts';

/** The engine's end, for an engine of another process (see waitForFiles). */
function gone(handle: EngineHandle): Promise<ControlEndMessage> | undefined {
  return handle.kind === 'remote' ? handle.engine.closed : undefined;
}

/**
 * The expanded batches to wait for until they leave `split`: those not final yet whose every
 * part is uploaded, so the engine settles them (settleBatches). A batch with a duplicate part is
 * not waited for: only a duplicate of confirmed content settles it.
 */
function batchesToSettle(
  followed: readonly number[],
  expanded: ReadonlySet<number>,
  finished: readonly HistoryEntry[],
): number[] {
  return [...expanded].filter((id) => {
    if (finished.some((entry) => entry.id === id)) return false;
    const parts = finished.filter((entry) => entry.parentId === id);
    return (
      parts.length > 0 &&
      followed.includes(id) &&
      parts.every((part) => part.state === 'uploaded' || part.state === 'archived')
    );
  });
}

export async function reportOutcome(
  runtime: CliRuntime,
  handle: EngineHandle,
  ids: readonly number[],
  json: boolean | undefined,
): Promise<ExitCode> {
  const finished: HistoryEntry[] = [];
  const isFinal = (id: number) => finished.some((entry) => entry.id === id);
  // A batch cut into parts (issue #17) is followed through its parts, then its own delivery.
  const followed = [...ids];
  const expanded = new Set<number>();
  let current = handle;
  let blocked: StatusSnapshot | null = null;
  // The last state heard of each file: a batch left `split` is reported as that.
  const lastSeen = new Map<number, HistoryEntry>();
  const report = (entry: HistoryEntry) => {
    lastSeen.set(entry.id, entry);
    if (!json) printEntry(entry);
    if (entry.state !== 'split') finished.push(entry);
  };
  for (;;) {
    // A batch already expanded is waited for once its parts are (below), not named again.
    const remaining = followed.filter((id) => !isFinal(id) && !expanded.has(id));
    const settling = remaining.length > 0 ? [] : batchesToSettle(followed, expanded, finished);
    if (remaining.length === 0 && settling.length === 0) break;
    const outcome =
      remaining.length > 0
        ? await waitForFiles(current.engine, remaining, report, undefined, gone(current))
        : await waitForFiles(
            current.engine,
            settling,
            report,
            undefined,
            gone(current),
            (entry) => entry.state !== 'split',
          );
    if (outcome.lost === null) {
      blocked = outcome.blocked;
      if (blocked !== null) break;
      // A batch is one whose row is `split`, or delivered without a uuid of its own: its parts
      // may all have been delivered (and it settled) before it was seen cut.
      const fresh = outcome.finished.filter(
        (entry) =>
          !expanded.has(entry.id) &&
          (entry.state === 'split' ||
            ((entry.state === 'uploaded' || entry.state === 'archived') &&
              entry.uuid === null &&
              (entry.bundleId ?? null) === null)),
      );
      for (const batch of fresh) {
        expanded.add(batch.id);
        const parts = await current.engine.handlers['history.query']({
          filter: { parentId: batch.id },
          offset: 0,
          limit: 10_000,
        });
        followed.push(...parts.rows.map((part) => part.id));
      }
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
  // A batch still split after its parts: a part that did not arrive holds it.
  for (const id of expanded) {
    const entry = lastSeen.get(id);
    if (!isFinal(id) && entry !== undefined) finished.push(entry);
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
