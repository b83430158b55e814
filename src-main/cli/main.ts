// `clearfacts-uploader`: the headless face of the engine. Every error ends as one sentence and
// an exit code scripts can rely on; a stack trace only with --debug. The program holds the
// commands' definitions only: a command loads its implementation, the runtime and core when it
// runs, so `--help` and usage errors load commander and the catalogues, not the engine's modules
// (and `status` or `upload` only what they use).
import { inCliLanguage } from './cli-language.ts';
import { Command, CommanderError, Option } from 'commander';
import { msg } from '../contract/messages/msg.ts';
import { DEFAULT_API_URL } from '../contract/default-api-url.ts';
import { DEFAULT_CONFIG_DIR, redact, registerTypedTokens } from '../core/command-line.ts';
import type { CliRuntime, GlobalOptions } from './cli-runtime.ts';
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
import { EXIT } from './exit-codes.ts';
import { helpText, speakCliLanguage } from './commander-language.ts';
import { formatHelpSection } from './help-section.ts';
import { stopRequested } from './stop-signal.ts';
import { flushStandardOutput } from './flush-output.ts';
import { TUNING_ENVIRONMENT_VARIABLE } from './tuning-variable.ts';
import { appVersion } from './app-version.ts';

/**
 * A reader that stops early (`categories … | head`) closes the pipe: what is left to print has
 * nobody to read it, which is not a failure of the command. Without a listener Node throws the
 * EPIPE as an uncaught error with its stack.
 */
function ignoreClosedReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

function buildProgram(
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
  registerSeparatorSheetCommand(program);
  registerUiCommand(program, runtime);
  registerServiceCommands(program, runtime);
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<number> {
  ignoreClosedReader(process.stdout);
  ignoreClosedReader(process.stderr);
  let runtime: CliRuntime | null = null;
  let debug = argv.includes('--debug');
  // What commander writes to stderr waits until the typed tokens are known to the redactor.
  const saidByCommander: string[] = [];
  const program = buildProgram(
    async () => {
      const global = program.opts<GlobalOptions>();
      debug = global.debug === true;
      const { createCliRuntime } = await import('./cli-runtime.ts');
      runtime ??= createCliRuntime(global);
      return runtime;
    },
    (text) => saidByCommander.push(text),
  );
  // Before a command can print or log a token typed as an argument.
  program.hook('preAction', () => registerTypedTokens(argv.slice(2)));
  const sayCommanderText = async (): Promise<void> => {
    if (saidByCommander.length === 0) return;
    await registerTypedTokens(argv.slice(2));
    process.stderr.write(redact(saidByCommander.splice(0).join('')));
  };
  try {
    const interrupted = stopRequested().then(() => 'interrupted' as const);
    const outcome = await Promise.race([
      program.parseAsync(argv).then(() => 'done' as const),
      interrupted,
    ]);
    await sayCommanderText();
    if (
      outcome === 'interrupted' &&
      !program.args.includes('watch') &&
      !program.args.includes('ui')
    ) {
      process.stderr.write(`${inCliLanguage(msg('cli_stopped'))}\n`);
      process.exitCode = EXIT.failure;
    }
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.success;
  } catch (error) {
    await sayCommanderText();
    if (error instanceof CommanderError) {
      // Commander already printed help, the version, or what was wrong with the command line.
      return error.exitCode === 0 ? EXIT.success : EXIT.usage;
    }
    await registerTypedTokens(argv.slice(2));
    const { exitCodeOf, sentenceOf } = await import('./command-error.ts');
    const address = (runtime as CliRuntime | null)?.apiAddress() ?? DEFAULT_API_URL;
    process.stderr.write(
      `${redact(inCliLanguage(msg('cli_error', { text: sentenceOf(error, address) })))}\n`,
    );
    if (debug && error instanceof Error && error.stack) {
      process.stderr.write(`${redact(error.stack)}\n`);
    }
    return exitCodeOf(error);
  } finally {
    // `runtime` is assigned inside the program's callback, which TypeScript cannot follow.
    await (runtime as CliRuntime | null)?.close();
  }
}

process.exitCode = await main(process.argv);
// Watchers, sockets or a keyring client may still hold the event loop; the work is done once
// what was written has left the process.
await flushStandardOutput();
process.exit(process.exitCode);
