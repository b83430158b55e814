// `history`, `retry`, `resend`, `choose`, `dismiss` and `mark-done`: what happened to each file,
// and the user's say on the ones that did not arrive (the commands are defined in history.ts).
import { showRawName } from '../../contract/file-names.ts';
import { cliTerm, inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import type { ApiHandlers } from '../../contract/api-contract.ts';
import type {
  FileState,
  InClearfactsFilter,
  ArchiveCategories,
  CompanyNumber,
  HistoryEntry,
  HistoryFilter,
  HoldChoice,
} from '../../contract/domain.ts';
import {
  archiveCategoryName,
  inClearfactsMessage,
  inClearfactsView,
} from '../../contract/in-clearfacts.ts';
import { incidentHeading } from '../../contract/incidents.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { followUpNotice } from '../follow-up-notice.ts';
import {
  describeTarget,
  printEntry,
  historyReason,
  printJson,
  printLine,
  printTable,
  stateLabel,
} from '../output.ts';
import { parseCompanyNumber } from './administrations-actions.ts';
import { reportOutcome } from './send-and-report.ts';

type Runtime = () => Promise<CliRuntime>;

/** A history id given to retry, resend or mark-done; called inside actions, so a CliError. */
function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new CliError(inCliLanguage(msg('cli_usage_history_id', { value })), EXIT.usage);
  }
  return id;
}

/**
 * An outage given to resend or mark-done with --incident: the number `history --incidents`
 * prints (the epoch ms it began; 0 for files from before outages were recorded).
 */
function parseIncident(value: string): number {
  const incidentAt = Number(value);
  if (!Number.isSafeInteger(incidentAt) || incidentAt < 0) {
    throw new CliError(inCliLanguage(msg('cli_usage_outage', { value })), EXIT.usage);
  }
  return incidentAt;
}

/** Exactly one of a history id and --incident, as resend and mark-done take them. */
function idOrIncident(
  idText: string | undefined,
  incidentText: string | undefined,
): { id: number } | { incidentAt: number } {
  if ((idText === undefined) === (incidentText === undefined)) {
    throw new CliError(inCliLanguage(msg('cli_usage_id_or_incident')), EXIT.usage);
  }
  return idText !== undefined
    ? { id: parseId(idText) }
    : { incidentAt: parseIncident(incidentText ?? '') };
}

/**
 * `history --incidents`: each outage's unconfirmed files under its heading, the way to check
 * them in Clearfacts, and the two commands that decide on all of them.
 */
async function printIncidents(runtime: Runtime, json: boolean): Promise<void> {
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  const incidents = await engine.handlers['history.incidents']({});
  if (json) {
    printJson({ incidents });
    return;
  }
  if (incidents.length === 0) {
    printLine(inCliLanguage(msg('cli_no_incidents')));
    return;
  }
  for (const incident of incidents) {
    printLine(`${inCliLanguage(incidentHeading(incident))} [--incident ${incident.incidentAt}]`);
    printLine(inCliLanguage(msg('incident_guide')));
    printTable(
      (['id', 'file', 'to', 'sent'] as const).map((column) => cliTerm('cliColumn', column)),
      incident.files.map((entry) => [
        String(entry.id),
        entry.fileName,
        describeTarget(entry),
        entry.updatedAt.replace('T', ' ').slice(0, 19),
      ]),
    );
    printLine(
      `mark-done --incident ${incident.incidentAt}  |  resend --incident ${incident.incidentAt}`,
    );
    printLine('');
  }
}

/** `choose`'s flags: exactly one of --here and --send-to (with --type purchase|sale). */
function parseChoice(flags: { sendTo?: string; type?: string; here?: boolean }): HoldChoice {
  if (flags.here === true && flags.sendTo === undefined) return { kind: 'send_here' };
  if (flags.here !== true && flags.sendTo !== undefined) {
    if (flags.type !== 'purchase' && flags.type !== 'sale') {
      throw new CliError(inCliLanguage(msg('cli_usage_send_to_type')), EXIT.usage);
    }
    const companyNumber = parseCompanyNumber(flags.sendTo);
    return { kind: 'send_to', companyNumber, name: companyNumber, destination: flags.type };
  }
  throw new CliError(inCliLanguage(msg('cli_usage_here_or_send_to')), EXIT.usage);
}

/**
 * What Clearfacts last said about a delivered file, in the CLI's language ('' before a uuid);
 * an archive document's category by its name when `categories` knows it.
 */
function inClearfactsCell(
  entry: HistoryEntry,
  categories: ReadonlyMap<CompanyNumber, ArchiveCategories>,
): string {
  const message = inClearfactsMessage(entry, categoryNameOf(entry, categories));
  return message === null ? '' : inCliLanguage(message);
}

/** The bytes the upload carried (issue #14 finding 12), in the CLI's language; '' before a send. */
function sizeSentCell(entry: HistoryEntry): string {
  const sentBytes = entry.sentBytes ?? null;
  return sentBytes === null ? '' : inCliLanguage(msg('cli_size_sent', { sizeBytes: sentBytes }));
}

/** The name of `entry`'s archive category when `categories` knows it. */
function categoryNameOf(
  entry: HistoryEntry,
  categories: ReadonlyMap<CompanyNumber, ArchiveCategories>,
): string | undefined {
  const { destination } = entry;
  const known = categories.get(entry.companyNumber);
  return known !== undefined && 'categoryId' in destination
    ? archiveCategoryName(known, destination.categoryId)
    : undefined;
}

/**
 * The archive categories of the administrations of `rows`' archive documents. One that cannot be
 * read (offline, no token) is left out: its rows then show the category id.
 */
async function categoriesOfArchiveRows(
  engine: { handlers: Pick<ApiHandlers, 'administrations.categories'> },
  rows: readonly HistoryEntry[],
): Promise<Map<CompanyNumber, ArchiveCategories>> {
  const companies = new Set(
    rows
      .filter((entry) => inClearfactsMessage(entry)?.code === 'cf_in_archive')
      .map((entry) => entry.companyNumber),
  );
  const found = new Map<CompanyNumber, ArchiveCategories>();
  for (const companyNumber of companies) {
    try {
      found.set(
        companyNumber,
        await engine.handlers['administrations.categories']({ companyNumber }),
      );
    } catch {
      // The id stands in for the name; the history is still printed.
    }
  }
  return found;
}

/** `history`'s flags, as its option parsers leave them. */
export interface HistoryFlags {
  status?: FileState[];
  company?: string;
  search?: string;
  inClearfacts?: InClearfactsFilter;
  limit: number;
  incidents?: boolean;
  json?: boolean;
}

/** `history [filters] [--json]`, or `history --incidents`. */
export async function showHistory(runtime: Runtime, flags: HistoryFlags): Promise<void> {
  if (flags.incidents === true) {
    await printIncidents(runtime, flags.json === true);
    return;
  }
  const filter: HistoryFilter = {
    ...(flags.status ? { states: flags.status } : {}),
    ...(flags.company ? { companyNumber: parseCompanyNumber(flags.company) } : {}),
    ...(flags.search ? { search: flags.search } : {}),
    ...(flags.inClearfacts ? { inClearfacts: flags.inClearfacts } : {}),
  };
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  const [{ rows, total }, followUp] = await Promise.all([
    engine.handlers['history.query']({ filter, offset: 0, limit: flags.limit }),
    engine.handlers['followUp.get']({}),
  ]);
  const categories = await categoriesOfArchiveRows(engine, rows);
  if (flags.json) {
    // `inClearfacts` as the History cell shows it: null exactly where the cell is empty.
    printJson({
      rows: rows.map((entry) => ({
        ...entry,
        inClearfacts: inClearfactsView(entry, categoryNameOf(entry, categories)),
      })),
      total,
      followUp,
    });
    return;
  }
  printTable(
    (['id', 'state', 'file', 'to', 'when', 'size_sent', 'in_clearfacts', 'why'] as const).map(
      (column) => cliTerm('cliColumn', column),
    ),
    rows.map((entry) => [
      String(entry.id),
      stateLabel(entry),
      entry.rawName === null || entry.rawName === undefined
        ? entry.fileName
        : `${entry.fileName} ${inCliLanguage(msg('cli_raw_name', { name: showRawName(entry.rawName) }))}`,
      describeTarget(entry),
      entry.updatedAt.replace('T', ' ').slice(0, 19),
      sizeSentCell(entry),
      inClearfactsCell(entry, categories),
      historyReason(entry),
    ]),
  );
  if (total > rows.length)
    printLine(inCliLanguage(msg('cli_more_rows', { shown: rows.length, total })));
  // Advice notes (e-invoice rules, the UBL schema, a PDF sent without its XML) are warnings
  // the History screen shows on the row: here one line each, under the table.
  // A combined document (issue #19: Drop's "Combine", a scan session) lists its files.
  for (const entry of rows) {
    const combined =
      entry.sources === null || entry.sources === undefined
        ? []
        : [
            msg('combined_from', {
              count: entry.sources.length,
              names: entry.sources.map((source) => source.fileName).join(', '),
            }),
          ];
    for (const note of [...combined, ...(entry.advice ?? [])]) {
      printLine(`${String(entry.id).padStart(5)} ${entry.fileName}: ${inCliLanguage(note)}`);
    }
  }
  // A held file waits for the user: its choices, each with the command that makes it.
  for (const entry of rows) {
    if (entry.state === 'held' && (entry.dismissedAt ?? null) === null) {
      printEntry(entry);
    }
  }
  // The IN CLEARFACTS column is as fresh as the follow-up: say when it is not asking.
  const notice = followUpNotice(followUp);
  if (notice !== null) printLine(notice);
}

/** `retry <id> | --all [--json]`: sends failed files again and follows them. */
export async function retry(
  runtime: Runtime,
  idText: string | undefined,
  flags: { all?: boolean; json?: boolean },
): Promise<void> {
  if ((idText === undefined) === (flags.all !== true)) {
    throw new CliError(inCliLanguage(msg('cli_usage_id_or_all')), EXIT.usage);
  }
  const cli = await runtime();
  const handle = await cli.engineFor({ start: true, watchFolders: false });
  const { engine } = handle;
  let ids: number[];
  if (idText !== undefined) {
    ids = [(await engine.handlers['history.retry']({ id: parseId(idText) })).id];
  } else {
    const failed = await engine.handlers['history.query']({
      filter: { states: ['failed'] },
      offset: 0,
      limit: 1_000,
    });
    ids = failed.rows.map((entry) => entry.id);
    await engine.handlers['history.retryAllFailed']({});
  }
  if (handle.kind === 'local' && !handle.started) {
    printLine(inCliLanguage(msg('cli_queued_again', { count: ids.length })));
    return;
  }
  process.exitCode = await reportOutcome(cli, handle, ids, flags.json);
}

/** `resend <id> | --incident <outage> [--json]`: sends unconfirmed or duplicate files again. */
export async function resend(
  runtime: Runtime,
  idText: string | undefined,
  flags: { incident?: string; json?: boolean },
): Promise<void> {
  const target = idOrIncident(idText, flags.incident);
  const cli = await runtime();
  const handle = await cli.engineFor({ start: true, watchFolders: false });
  const { handlers } = handle.engine;
  let ids: number[];
  if ('id' in target) {
    ids = [(await handlers['history.resend'](target)).id];
  } else {
    const incident = (await handlers['history.incidents']({})).find(
      (candidate) => candidate.incidentAt === target.incidentAt,
    );
    ids = incident?.files.map((entry) => entry.id) ?? [];
    // Asked even when the list came back empty: core then says no such outage is open.
    const { count } = await handlers['history.resendIncident'](target);
    printLine(inCliLanguage(msg('incident_resent', { count })));
  }
  if (handle.kind === 'local' && !handle.started) {
    printLine(inCliLanguage(msg('cli_queued_again', { count: ids.length })));
    return;
  }
  process.exitCode = await reportOutcome(cli, handle, ids, flags.json);
}

/** `choose <id> --here | --send-to <company> --type purchase|sale [--json]`: a held file's way. */
export async function choose(
  runtime: Runtime,
  idText: string,
  flags: { sendTo?: string; type?: string; here?: boolean; json?: boolean },
): Promise<void> {
  const id = parseId(idText);
  const choice = parseChoice(flags);
  const cli = await runtime();
  const handle = await cli.engineFor({ start: true, watchFolders: false });
  const current = await handle.engine.handlers['history.query']({
    filter: { states: ['held'] },
    offset: 0,
    limit: 1_000,
  });
  // The name travels with the choice; the engine checks the choice is one it offered.
  const offered = current.rows
    .find((entry) => entry.id === id)
    ?.hold?.choices.find(
      (candidate) =>
        candidate.kind === choice.kind &&
        (candidate.kind !== 'send_to' ||
          (choice.kind === 'send_to' &&
            candidate.companyNumber === choice.companyNumber &&
            candidate.destination === choice.destination)),
    );
  const entry = await handle.engine.handlers['history.choose']({
    id,
    choice: offered ?? choice,
  });
  if (handle.kind === 'local' && !handle.started) {
    printLine(inCliLanguage(msg('cli_file_queued', { fileName: entry.fileName })));
    return;
  }
  process.exitCode = await reportOutcome(cli, handle, [entry.id], flags.json);
}

/** `dismiss <id>`: a failed or held file the user will not send. */
export async function dismiss(runtime: Runtime, idText: string): Promise<void> {
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  const entry = await engine.handlers['history.dismiss']({ id: parseId(idText) });
  printLine(inCliLanguage(msg('cli_file_dismissed', { fileName: entry.fileName })));
}

/** `mark-done <id> | --incident <outage>`: unconfirmed files Clearfacts did get. */
export async function markDone(
  runtime: Runtime,
  idText: string | undefined,
  flags: { incident?: string },
): Promise<void> {
  const target = idOrIncident(idText, flags.incident);
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  if ('id' in target) {
    const entry = await engine.handlers['history.markDone'](target);
    printLine(inCliLanguage(msg('cli_file_marked_done', { fileName: entry.fileName })));
    return;
  }
  const { count } = await engine.handlers['history.markIncidentDone'](target);
  printLine(inCliLanguage(msg('incident_marked_done', { count })));
}
