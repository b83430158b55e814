// `status`: the engine's health and whether anything needs the user, for people and monitoring
// scripts. The running engine answers for itself; when none runs, the history answers.
import type { Command } from 'commander';
import { msg } from '../../contract/messages/message.ts';
import { inCliLanguage, labeller } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { healthJson, printHealth, readHealth, STATUS_LABELS } from '../health.ts';
import { printJson, printLine } from '../output.ts';

export function registerStatusCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('status')
    .description(
      "the engine's health: queue counts, holds, folders, last upload and last error, and why the follow-up in Clearfacts is paused when it is; exits 1 when something needs you (failed or unconfirmed files, no usable token, a missing scope, a history that cannot be written, an unavailable folder)",
    )
    .option(
      '--json',
      'print it as JSON: { running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
    )
    .action(async (flags: { json?: boolean }) => {
      const cli = runtime();
      const answer = await readHealth(cli);
      if (flags.json) {
        printJson(healthJson(answer));
      } else {
        const { engine } = answer;
        printLine(
          labeller(STATUS_LABELS)(
            'engine',
            inCliLanguage(
              engine
                ? msg('cli_engine_running', {
                    shell: engine.shell,
                    pid: engine.pid,
                    version: engine.version,
                  })
                : msg('cli_engine_not_running', { configDir: cli.configDir }),
            ),
          ),
        );
        printHealth(answer);
      }
      process.exitCode = answer.health.attention ? EXIT.failure : EXIT.success;
    });
}
