// `history`, `retry`, `resend`, `choose` and `mark-done`: what happened to each file, and the user's say
// on the ones that did not arrive.
import { cliTerm, inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/message.ts';
import { InvalidArgumentError, type Command } from 'commander';
import {
  FileState,
  InClearfactsFilter,
  type HistoryFilter,
  type HoldChoice,
} from '../../contract/domain.ts';
import { inClearfactsMessage } from '../../contract/in-clearfacts.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { describeDestination, printJson, printLine, printTable, stateLabel } from '../output.ts';
import { parseCompanyNumber } from './administrations.ts';
import { reportOutcome } from './send-and-report.ts';

/** A history id given to retry, resend or mark-done; called inside actions, so a CliError. */
function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new CliError(
      `"${value}" is not a history id: an id is a whole number (see \`history\`).`,
      EXIT.usage,
    );
  }
  return id;
}

/** `choose`'s flags: exactly one of --here and --send-to (with --type purchase|sale). */
function parseChoice(flags: { sendTo?: string; type?: string; here?: boolean }): HoldChoice {
  if (flags.here === true && flags.sendTo === undefined) return { kind: 'send_here' };
  if (flags.here !== true && flags.sendTo !== undefined) {
    if (flags.type !== 'purchase' && flags.type !== 'sale') {
      throw new CliError('With --send-to, give --type purchase or --type sale.', EXIT.usage);
    }
    const companyNumber = parseCompanyNumber(flags.sendTo);
    return { kind: 'send_to', companyNumber, name: companyNumber, destination: flags.type };
  }
  throw new CliError('Give either --here or --send-to <company> --type <type>.', EXIT.usage);
}

function parseStates(value: string): FileState[] {
  return value.split(',').map((state) => {
    const parsed = FileState.safeParse(state.trim());
    if (!parsed.success) {
      throw new InvalidArgumentError(
        `"${state}" is not a state; use ${FileState.options.join(', ')}.`,
      );
    }
    return parsed.data;
  });
}

function parseInClearfacts(value: string): InClearfactsFilter {
  const parsed = InClearfactsFilter.safeParse(value.trim());
  if (!parsed.success) {
    throw new InvalidArgumentError(
      `"${value}" is not a Clearfacts state; use ${InClearfactsFilter.options.join(', ')}.`,
    );
  }
  return parsed.data;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1_000) {
    throw new InvalidArgumentError('the limit is a whole number from 1 to 1000.');
  }
  return limit;
}

/** What Clearfacts last said about a delivered file, in the CLI's language ('' before a uuid). */
function inClearfactsCell(entry: Parameters<typeof inClearfactsMessage>[0]): string {
  const message = inClearfactsMessage(entry);
  return message === null ? '' : inCliLanguage(message);
}

export function registerHistoryCommands(program: Command, runtime: () => CliRuntime): void {
  program
    .command('history')
    .description('what happened to each file, newest first')
    .option(
      '--status <states>',
      `only these states, comma-separated (${FileState.options.join(', ')})`,
      parseStates,
    )
    .option('--company <number>', 'only this administration')
    .option('--search <text>', 'only file names containing this text')
    .option(
      '--in-clearfacts <state>',
      `only files Clearfacts last called this (${InClearfactsFilter.options.join(', ')})`,
      parseInClearfacts,
    )
    .option('--limit <n>', 'at most this many files (1-1000)', parseLimit, 50)
    .option('--json', 'print the files as JSON (inClearfacts: what Clearfacts last said)')
    .action(
      async (flags: {
        status?: FileState[];
        company?: string;
        search?: string;
        inClearfacts?: InClearfactsFilter;
        limit: number;
        json?: boolean;
      }) => {
        const filter: HistoryFilter = {
          ...(flags.status ? { states: flags.status } : {}),
          ...(flags.company ? { companyNumber: parseCompanyNumber(flags.company) } : {}),
          ...(flags.search ? { search: flags.search } : {}),
          ...(flags.inClearfacts ? { inClearfacts: flags.inClearfacts } : {}),
        };
        const { engine } = await runtime().engineFor({ start: false, watchFolders: false });
        const { rows, total } = await engine.handlers['history.query']({
          filter,
          offset: 0,
          limit: flags.limit,
        });
        if (flags.json) {
          printJson({ rows, total });
          return;
        }
        printTable(
          (['id', 'state', 'file', 'to', 'when', 'in_clearfacts', 'why'] as const).map((column) =>
            cliTerm('cliColumn', column),
          ),
          rows.map((entry) => [
            String(entry.id),
            stateLabel(entry),
            entry.fileName,
            `${entry.companyNumber} ${describeDestination(entry.destination)}`,
            entry.updatedAt.replace('T', ' ').slice(0, 19),
            inClearfactsCell(entry),
            entry.failure
              ? inCliLanguage(entry.failure.message)
              : entry.uuid
                ? `uuid ${entry.uuid}`
                : '',
          ]),
        );
        if (total > rows.length)
          printLine(inCliLanguage(msg('cli_more_rows', { shown: rows.length, total })));
      },
    );

  program
    .command('retry [id]')
    .description('check a failed or duplicate file again and send it (--all: every failed file)')
    .option('--all', 'every failed file')
    .option('--json', 'print the outcome of every file as JSON')
    .action(async (idText: string | undefined, flags: { all?: boolean; json?: boolean }) => {
      if ((idText === undefined) === (flags.all !== true)) {
        throw new CliError('Give either a file id or --all.', EXIT.usage);
      }
      const cli = runtime();
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
    });

  program
    .command('resend <id>')
    .description(
      'send an unconfirmed or duplicate file again, although it may already be in Clearfacts',
    )
    .option('--json', 'print the outcome as JSON')
    .action(async (idText: string, flags: { json?: boolean }) => {
      const cli = runtime();
      const handle = await cli.engineFor({ start: true, watchFolders: false });
      const entry = await handle.engine.handlers['history.resend']({ id: parseId(idText) });
      if (handle.kind === 'local' && !handle.started) {
        printLine(inCliLanguage(msg('cli_file_queued_again', { fileName: entry.fileName })));
        return;
      }
      process.exitCode = await reportOutcome(cli, handle, [entry.id], flags.json);
    });

  program
    .command('choose <id>')
    .description(
      'send a held e-invoice: to the administration it names (--send-to with --type), or where it is (--here)',
    )
    .option('--send-to <company>', 'company number of the administration to send it to')
    .option('--type <type>', 'purchase or sale, with --send-to')
    .option('--here', 'send it where it is anyway')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        idText: string,
        flags: { sendTo?: string; type?: string; here?: boolean; json?: boolean },
      ) => {
        const id = parseId(idText);
        const choice = parseChoice(flags);
        const cli = runtime();
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
              (candidate.kind === 'send_here' ||
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
      },
    );

  program
    .command('mark-done <id>')
    .description('record an unconfirmed file as arrived (you saw it in Clearfacts)')
    .action(async (idText: string) => {
      const { engine } = await runtime().engineFor({ start: false, watchFolders: false });
      const entry = await engine.handlers['history.markDone']({ id: parseId(idText) });
      printLine(inCliLanguage(msg('cli_file_marked_done', { fileName: entry.fileName })));
    });
}
