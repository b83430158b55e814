// `clearfacts-uploader`: the headless face of the engine. Every error ends as one sentence and
// an exit code scripts can rely on; a stack trace only with --debug. The program holds the
// commands' definitions only: a command loads its implementation, the runtime and core when it
// runs, so `--help` and usage errors load commander and the catalogues, not the engine's modules
// (and `status` or `upload` only what they use).
import { inCliLanguage } from './cli-language.ts';
import { CommanderError } from 'commander';
import { msg } from '../contract/messages/msg.ts';
import { DEFAULT_API_URL } from '../contract/default-api-url.ts';
import { redact, registerTypedTokens } from '../core/command-line.ts';
import type { CliRuntime, GlobalOptions } from './cli-runtime.ts';
import { buildProgram } from './cli-program.ts';
import { EXIT } from './exit-codes.ts';
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
