// `status`: the engine's health and whether anything needs the user, for people and monitoring
// scripts. The running engine answers for itself; when none runs, the history answers.
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import { labeller } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { engineLine, healthJson, printHealth, readHealth, STATUS_LABELS } from '../health.ts';
import { printJson, printLine } from '../output.ts';

export function registerStatusCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('status')
    .description(helpText('status'))
    .option('--json', helpText('status_json'))
    .action(async (flags: { json?: boolean }) => {
      const cli = runtime();
      const answer = await readHealth(cli);
      if (flags.json) {
        printJson(healthJson(answer));
      } else {
        printLine(labeller(STATUS_LABELS)('engine', engineLine(answer.engine, cli.configDir)));
        printHealth(answer);
      }
      process.exitCode = answer.health.attention ? EXIT.failure : EXIT.success;
    });
}
