// `ui`: the app's interface in the browser, served on a loopback port, for machines without the
// desktop app. The engine runs as with `watch`; when another process already runs it (`watch`,
// the desktop app), this process serves the page and forwards to that engine over its control
// channel, until either is stopped.
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/message.ts';
import { InvalidArgumentError, type Command } from 'commander';
import { startBrowserMode } from '../../bridge/browser-mode.ts';
import { EngineBusyError, type EngineApi, type RunningEngine } from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { printLine } from '../output.ts';
import { stopRequested } from '../stop-signal.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError(inCliLanguage(msg('cli_usage_port_invalid')));
  }
  return port;
}

/** The page is served in a browser by this process, whichever shell runs the engine. */
function servedInBrowser(engine: RunningEngine): EngineApi {
  return {
    handlers: {
      ...engine.handlers,
      'app.info': async (request) => ({
        ...(await engine.handlers['app.info'](request)),
        shell: 'browser',
      }),
    },
    subscribe: (listener) => engine.subscribe(listener),
  };
}

export function registerUiCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('ui')
    .description(helpText('ui'))
    .option('--port <port>', helpText('ui_port'), parsePort)
    .option('--link', helpText('ui_link'))
    .option('--allow-plain-file', helpText('ui_allow_plain_file'))
    .action(async (flags: { port?: number; link?: boolean; allowPlainFile?: boolean }) => {
      const cli = runtime();
      const handle = await cli.engineFor({
        start: true,
        watchFolders: true,
        shell: 'browser',
        consentToPlainFile: flags.allowPlainFile === true,
      });
      if (handle.kind === 'local' && !handle.started) throw new EngineBusyError(cli.configDir);
      const browser = await startBrowserMode({
        engine: handle.kind === 'remote' ? servedInBrowser(handle.engine) : handle.engine,
        configDir: cli.configDir,
        logger: cli.logger(),
        ...(flags.port === undefined ? {} : { port: flags.port }),
      });
      if (flags.link) {
        printLine(browser.url);
      } else {
        const forwarding =
          handle.kind === 'remote'
            ? ` It works with the engine already running (process ${handle.engine.about.pid}).`
            : '';
        printLine(
          `Open ${browser.url} in your browser (this address is private to you).${forwarding} Ctrl-C stops.`,
        );
      }
      const gone = await Promise.race([
        stopRequested().then(() => null),
        handle.kind === 'remote' ? handle.engine.closed : new Promise<never>(() => {}),
      ]);
      await browser.close();
      await cli.close();
      if (gone !== null) {
        throw new CliError(
          `The engine this page worked with is gone (${gone}), so the page stops too.`,
          EXIT.failure,
        );
      }
    });
}
