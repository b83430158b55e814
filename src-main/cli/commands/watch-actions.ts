// `watch`: runs the engine on the watched folders until Ctrl-C or SIGTERM, showing each file
// (defined in watch.ts).
import { ApiError } from '../../contract/api-contract.ts';
import type { Engine } from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import type { Message } from '../../contract/messages/message.ts';
import { createLiveView } from '../live-view.ts';
import { stopRequested } from '../stop-signal.ts';

/**
 * Ends `watch` before it starts when there is no token or Clearfacts refuses it: ApiError `auth`
 * or `not_signed_in`, which the CLI reports with exit code 3, the code a service unit does not
 * restart on (RestartPreventExitStatus=3). An unreachable Clearfacts is no reason not to start:
 * the queue waits for it. A token refused later, while running, holds the queue instead. Returns
 * why the API address cannot be Clearfacts' (api_not_graphql: the address, what it answered),
 * to be said at once, or null.
 */
async function requireUsableToken(engine: Engine): Promise<Message | null> {
  try {
    await engine.handlers['session.get']({ verify: true });
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'auth' || error.code === 'not_signed_in')) {
      throw error;
    }
    if (error instanceof ApiError && error.userMessage.code === 'api_not_graphql') {
      return error.userMessage;
    }
  }
  return null;
}

/** Runs the engine until a stop is asked; `--json` writes one event per line. */
export async function watchFolders(
  runtime: () => Promise<CliRuntime>,
  flags: { json?: boolean },
): Promise<void> {
  const cli = await runtime();
  const mode = flags.json
    ? 'json'
    : process.stdout.isTTY && process.stderr.isTTY
      ? 'terminal'
      : 'lines';
  const view = createLiveView(mode);
  try {
    const engine = await cli.engine({ watchFolders: true });
    const addressProblem = await requireUsableToken(engine);
    // Said before anything else: no file can be delivered until the address is corrected.
    if (addressProblem !== null) view.warn(inCliLanguage(addressProblem));
    engine.subscribe((channel, payload) => view.show(channel, payload));
    await engine.start();
    const { folders } = await engine.handlers['folders.list']({});
    view.note(
      inCliLanguage(
        folders.length === 0
          ? msg('cli_watch_no_folders')
          : msg('cli_watch_watching', { count: folders.length, configDir: cli.configDir }),
      ),
    );
    const signal = await stopRequested();
    view.note(inCliLanguage(msg('cli_watch_stopping', { signal })));
    await cli.close();
  } finally {
    // The terminal gets its cursor back whatever happened.
    view.stop();
  }
}
