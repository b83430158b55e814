// The `clearfacts-uploader` program: its global options, its commands and its help, in the CLI's
// language when it is built (main.ts builds it before the settings are read, so the help speaks
// the terminal's language; the help-words test builds it once per language). A command loads its
// implementation, the runtime and core only when it runs.
import { Command, Option } from 'commander';
import { msg } from '../contract/messages/msg.ts';
import { DEFAULT_API_URL } from '../contract/default-api-url.ts';
import { DEFAULT_CONFIG_DIR } from '../core/command-line.ts';
import type { CliRuntime } from './cli-runtime.ts';
import { inCliLanguage } from './cli-language.ts';
import { registerAdministrationCommands } from './commands/administrations.ts';
import { registerCheckCommand } from './commands/check.ts';
import { registerFolderCommands } from './commands/folders.ts';
import { registerHistoryCommands } from './commands/history.ts';
import { registerSeparatorSheetCommand } from './commands/separator-sheet.ts';
import { registerStatusCommand } from './commands/status.ts';
import { registerTokenCommands } from './commands/token.ts';
import { registerServiceCommands } from './commands/service.ts';
import { registerUiCommand } from './commands/ui.ts';
import { registerUploadCommand } from './commands/upload.ts';
import { registerWatchCommand } from './commands/watch.ts';
import { helpText, speakCliLanguage } from './commander-language.ts';
import { formatHelpSection } from './help-section.ts';
import { TUNING_ENVIRONMENT_VARIABLE } from './tuning-variable.ts';
import { appVersion } from './app-version.ts';

/**
 * The program with every command, speaking the CLI's language of now. `runtime` gives a command
 * its runtime when it runs; `writeErr` receives what commander writes to stderr (it must redact
 * it: commander echoes what was typed). Commander's exits are thrown (`exitOverride`).
 */
export function buildProgram(
  runtime: () => Promise<CliRuntime>,
  writeErr: (text: string) => void,
): Command {
  const program = speakCliLanguage(new Command('clearfacts-uploader'), writeErr)
    .description(helpText('program'))
    .option('--config-dir <dir>', helpText('config_dir'), DEFAULT_CONFIG_DIR)
    .addOption(
      new Option('--api-url <url>', helpText('api_url')).default(undefined, DEFAULT_API_URL),
    )
    .option('--debug', helpText('debug'))
    .version(appVersion(), '-V, --version', helpText('version'))
    .addHelpText('after', ({ command, error }) => {
      const environment = msg('cli_help_environment', {
        tuningVariable: TUNING_ENVIRONMENT_VARIABLE,
        example: JSON.stringify({ retryBaseDelayMs: 100, stopGraceMs: 1000 }),
      });
      return [msg('cli_help_exit_codes'), environment]
        .map((section) => formatHelpSection(command, error, inCliLanguage(section)))
        .map((section) => `\n${section}`)
        .join('\n');
    })
    .exitOverride();
  registerTokenCommands(program, runtime);
  registerAdministrationCommands(program, runtime);
  registerFolderCommands(program, runtime);
  registerUploadCommand(program, runtime);
  registerCheckCommand(program, runtime);
  registerWatchCommand(program, runtime);
  registerHistoryCommands(program, runtime);
  registerStatusCommand(program, runtime);
  registerSeparatorSheetCommand(program, runtime);
  registerUiCommand(program, runtime);
  registerServiceCommands(program, runtime);
  for (const command of program.commands) command.exitOverride();
  return program;
}
