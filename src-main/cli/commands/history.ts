// `history`, `retry`, `resend`, `choose`, `dismiss` and `mark-done`: what happened to each file,
// and the user's say on the ones that did not arrive (the implementation is history-actions.ts,
// loaded when a command runs).
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { InvalidArgumentError, type Command } from 'commander';
import { FILE_STATES, stateOfWord, stateWord } from '../../contract/file-states.ts';
import type { FileState, InClearfactsFilter } from '../../contract/domain.ts';
import { IN_CLEARFACTS_FILTERS } from '../../contract/in-clearfacts-filters.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { destinationTypeOption } from './destination-options.ts';
import type { HistoryFlags } from './history-actions.ts';

/** The states `--status` offers, as typed: `moved` rather than `archived` (see `stateWord`). */
const STATUS_CHOICES = FILE_STATES.map(stateWord).join(', ');

function parseStates(value: string): FileState[] {
  return value.split(',').map((state) => {
    const parsed = stateOfWord(state.trim());
    if (parsed === null) {
      throw new InvalidArgumentError(
        inCliLanguage(msg('cli_usage_states_invalid', { value: state, choices: STATUS_CHOICES })),
      );
    }
    return parsed;
  });
}

function parseInClearfacts(value: string): InClearfactsFilter {
  const parsed = IN_CLEARFACTS_FILTERS.find((filter) => filter === value.trim());
  if (parsed === undefined) {
    throw new InvalidArgumentError(
      inCliLanguage(
        msg('cli_usage_in_clearfacts_invalid', {
          value,
          choices: IN_CLEARFACTS_FILTERS.join(', '),
        }),
      ),
    );
  }
  return parsed;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1_000) {
    throw new InvalidArgumentError(inCliLanguage(msg('cli_usage_limit_invalid')));
  }
  return limit;
}

export function registerHistoryCommands(
  program: Command,
  runtime: () => Promise<CliRuntime>,
): void {
  program
    .command('history')
    .description(helpText('history'))
    .option('--status <states>', `${helpText('history_status')} (${STATUS_CHOICES})`, parseStates)
    .option('--company <number>', helpText('history_company'))
    .option('--search <text>', helpText('history_search'))
    .option(
      '--in-clearfacts <state>',
      `${helpText('history_in_clearfacts')} (${IN_CLEARFACTS_FILTERS.join(', ')})`,
      parseInClearfacts,
    )
    .option('--limit <n>', helpText('history_limit'), parseLimit, 50)
    .option('--incidents', helpText('history_incidents'))
    .option('--json', helpText('history_json'))
    .action(async (flags: HistoryFlags) => {
      const { showHistory } = await import('./history-actions.ts');
      await showHistory(runtime, flags);
    });

  program
    .command('retry [id]')
    .description(helpText('retry'))
    .option('--all', helpText('retry_all'))
    .option('--json', helpText('json_outcomes'))
    .action(async (idText: string | undefined, flags: { all?: boolean; json?: boolean }) => {
      const { retry } = await import('./history-actions.ts');
      await retry(runtime, idText, flags);
    });

  program
    .command('resend [id]')
    .description(helpText('resend'))
    .option('--incident <outage>', helpText('incident'))
    .option('--json', helpText('json_outcome'))
    .action(async (idText: string | undefined, flags: { incident?: string; json?: boolean }) => {
      const { resend } = await import('./history-actions.ts');
      await resend(runtime, idText, flags);
    });

  program
    .command('choose <id>')
    .description(helpText('choose'))
    .option('--send-to <company>', helpText('choose_send_to'))
    .addOption(destinationTypeOption(helpText('choose_type'), ['purchase', 'sale']))
    .option('--here', helpText('choose_here'))
    .option('--json', helpText('json_outcome'))
    .action(
      async (
        idText: string,
        flags: { sendTo?: string; type?: string; here?: boolean; json?: boolean },
      ) => {
        const { choose } = await import('./history-actions.ts');
        await choose(runtime, idText, flags);
      },
    );

  program
    .command('dismiss <id>')
    .description(helpText('dismiss'))
    .action(async (idText: string) => {
      const { dismiss } = await import('./history-actions.ts');
      await dismiss(runtime, idText);
    });

  program
    .command('mark-done [id]')
    .description(helpText('mark_done'))
    .option('--incident <outage>', helpText('incident'))
    .action(async (idText: string | undefined, flags: { incident?: string }) => {
      const { markDone } = await import('./history-actions.ts');
      await markDone(runtime, idText, flags);
    });
}
