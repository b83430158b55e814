// `ui`: the app's interface in the browser, served on a loopback port, for machines without the
// desktop app. The engine runs as with `watch`; when another process already runs it (`watch`,
// the desktop app), this process serves the page and forwards to that engine over its control
// channel, until either is stopped. `ui --link` starts nothing: it asks the running `ui` over
// the control channel for a fresh single-use link, prints it and ends. (Defined in ui.ts.)
import { startBrowserMode } from '../../bridge/browser-mode.ts';
import { msg } from '../../contract/messages/msg.ts';
import { EngineBusyError, type EngineApi, type RunningEngine } from '../../core/index.ts';
import { inCliLanguage } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { printLine } from '../output.ts';
import { stopRequested } from '../stop-signal.ts';

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

/**
 * `ui --link`: a new single-use link to the page the running `ui` serves, on one line. Nothing
 * is started: with no engine running, or one that serves no page (`watch`, the desktop app), a
 * CliError says so and what to run. The link is printed only, never logged.
 */
async function printLinkOfRunningPage(cli: CliRuntime): Promise<void> {
  const running = await cli.runningEngine();
  if (running === null) {
    throw new CliError(
      inCliLanguage(msg('cli_ui_link_nothing_running', { configDir: cli.configDir })),
      EXIT.failure,
    );
  }
  const link = await running.newPageLink();
  await cli.close();
  if (link === null) {
    throw new CliError(
      inCliLanguage(
        msg('cli_ui_link_no_page', { shell: running.about.shell, pid: running.about.pid }),
      ),
      EXIT.failure,
    );
  }
  printLine(link);
}

/** `ui [--port …] [--allow-plain-file]`, or `ui --link`. */
export async function serveUi(
  runtime: () => Promise<CliRuntime>,
  flags: { port?: number; link?: boolean; allowPlainFile?: boolean },
): Promise<void> {
  const cli = await runtime();
  if (flags.link) {
    await printLinkOfRunningPage(cli);
    return;
  }
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
  // `ui --link` asks the engine's control channel; a forwarding `ui` offers the engine its
  // page's links, so the answer is a link also when `watch` or a service runs the engine.
  handle.engine.servePageLinks(browser.newLink);
  printLine(
    inCliLanguage(
      handle.kind === 'remote'
        ? msg('cli_ui_open_forwarding', { url: browser.url, pid: handle.engine.about.pid })
        : msg('cli_ui_open', { url: browser.url }),
    ),
  );
  const gone = await Promise.race([
    stopRequested().then(() => null),
    handle.kind === 'remote' ? handle.engine.closed : new Promise<never>(() => {}),
  ]);
  if (handle.kind === 'local') handle.engine.servePageLinks(null);
  await browser.close();
  await cli.close();
  if (gone !== null) {
    throw new CliError(inCliLanguage(msg('cli_ui_engine_gone', { reason: gone })), EXIT.failure);
  }
}
