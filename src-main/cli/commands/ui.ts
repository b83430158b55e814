// `ui`: the app's interface in the browser, served on a loopback port, for machines without the
// desktop app. The engine runs as with `watch`.
import { InvalidArgumentError, type Command } from 'commander';
import { startBrowserMode } from '../../bridge/browser-mode.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { printLine } from '../output.ts';
import { stopRequested } from '../stop-signal.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  }
  return port;
}

export function registerUiCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('ui')
    .description('open the app in your browser (loopback only) while the engine runs')
    .option('--port <port>', 'the local port (default: any free one)', parsePort)
    .option(
      '--allow-plain-file',
      'where no system keyring exists, agree to keep a token you sign in with in <config-dir>/token (not encrypted)',
    )
    .action(async (flags: { port?: number; allowPlainFile?: boolean }) => {
      const cli = runtime();
      const engine = await cli.engine({
        watchFolders: true,
        shell: 'browser',
        consentToPlainFile: flags.allowPlainFile === true,
      });
      await engine.start();
      const browser = await startBrowserMode({
        engine,
        configDir: cli.configDir,
        logger: cli.logger(),
        ...(flags.port === undefined ? {} : { port: flags.port }),
      });
      printLine(
        `Open ${browser.url} in your browser (this address is private to you). Ctrl-C stops.`,
      );
      await stopRequested();
      await browser.close();
      await cli.close();
    });
}
