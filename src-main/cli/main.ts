// `clearfacts-uploader`: the headless face of the engine. Every error ends as one sentence and
// an exit code scripts can rely on; a stack trace only with --debug.
import { inCliLanguage } from './cli-language.ts';
import { unreachableSentence } from './unreachable-sentence.ts';
import { Command, CommanderError, Option } from 'commander';
import { ApiError } from '../contract/api-contract.ts';
import { msg } from '../contract/messages/message.ts';
import { DEFAULT_API_URL } from '../contract/domain.ts';
import {
  authHoldReason,
  ConfigDirUnwritableError,
  DEFAULT_CONFIG_DIR,
  TokenStoreError,
  tokenFromEnvironment,
  redact,
  registerTypedTokens,
  toApiError,
} from '../core/index.ts';
import {
  createCliRuntime,
  TUNING_ENVIRONMENT_VARIABLE,
  type CliRuntime,
  type GlobalOptions,
} from './cli-runtime.ts';
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
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import { helpText, speakCliLanguage } from './commander-language.ts';
import { stopRequested } from './stop-signal.ts';
import { flushStandardOutput } from './flush-output.ts';

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

function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof CommanderError) return EXIT.usage;
  if (error instanceof ConfigDirUnwritableError) return EXIT.usage;
  if (error instanceof TokenStoreError) {
    if (error.failure === 'given_token_unusable') return EXIT.auth;
    return error.failure === 'unavailable' ? EXIT.failure : EXIT.usage;
  }
  const apiError = toApiError(error);
  switch (apiError.code) {
    case 'auth':
    case 'not_signed_in':
    case 'missing_scope':
      return EXIT.auth;
    case 'invalid_request':
    case 'not_found':
    case 'conflict':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}

/**
 * The sentence for an error that ends a command. An unreachable Clearfacts names the address
 * tried and what to check: the engine's own words ("tried again later") are for a running queue,
 * and nothing is tried again once a command has ended.
 */
function sentenceOf(error: unknown, apiAddress: string): string {
  if (error instanceof TokenStoreError) return inCliLanguage(error.userMessage);
  if (error instanceof CliError) return error.message;
  if (error instanceof ConfigDirUnwritableError) return inCliLanguage(error.userMessage);
  const apiError = error instanceof ApiError ? error : toApiError(error);
  // A refused CLEARFACTS_TOKEN is changed where the variable is set: `token set` would not help.
  if (apiError.code === 'auth' && tokenFromEnvironment() !== null) {
    return inCliLanguage(authHoldReason('environment'));
  }
  return inCliLanguage(unreachableSentence(apiError, apiAddress) ?? apiError.userMessage);
}

function buildProgram(runtime: () => CliRuntime): Command {
  const program = speakCliLanguage(new Command('clearfacts-uploader'))
    .description(helpText('program'))
    .option('--config-dir <dir>', helpText('config_dir'), DEFAULT_CONFIG_DIR)
    .addOption(
      new Option('--api-url <url>', helpText('api_url')).default(undefined, DEFAULT_API_URL),
    )
    .option('--debug', helpText('debug'))
    .addHelpText(
      'after',
      `\n${inCliLanguage(msg('cli_help_exit_codes'))}\n\n${inCliLanguage(
        msg('cli_help_environment', {
          tuningVariable: TUNING_ENVIRONMENT_VARIABLE,
          example: JSON.stringify({ retryBaseDelayMs: 100, stopGraceMs: 1000 }),
        }),
      )}`,
    )
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
  // Before commander can echo a token typed as an argument in a usage error.
  registerTypedTokens(argv.slice(2));
  let runtime: CliRuntime | null = null;
  let debug = argv.includes('--debug');
  const program = buildProgram(() => {
    const global = program.opts<GlobalOptions>();
    debug = global.debug === true;
    runtime ??= createCliRuntime(global);
    return runtime;
  });
  try {
    const interrupted = stopRequested().then(() => 'interrupted' as const);
    const outcome = await Promise.race([
      program.parseAsync(argv).then(() => 'done' as const),
      interrupted,
    ]);
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
    if (error instanceof CommanderError) {
      // Commander already printed help, the version, or what was wrong with the command line.
      return error.exitCode === 0 ? EXIT.success : EXIT.usage;
    }
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
