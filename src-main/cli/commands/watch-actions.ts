// `watch`: runs the engine on the watched folders until Ctrl-C or SIGTERM, showing each file
// (defined in watch.ts).
import { ApiError } from '../../contract/api-contract.ts';
import type { Engine } from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import type { Message } from '../../contract/messages/message.ts';
import { unreachableSentence } from '../unreachable-sentence.ts';
import { createLiveView } from '../live-view.ts';
import { stopRequested } from '../stop-signal.ts';

/**
 * Ends `watch` before it starts when there is no token or Clearfacts refuses it: ApiError `auth`
 * or `not_signed_in`, which the CLI reports with exit code 3, the code a service unit does not
 * restart on (RestartPreventExitStatus=3). An unreachable Clearfacts is no reason not to start:
 * the queue waits for it, and says so at once (else nothing would be said until a file arrived).
 * A token refused later, while running, holds the queue instead. Returns what to say at start:
 * an address that cannot be Clearfacts' (api_not_graphql: the address, what it answered), said
 * before anything else since no file can be delivered until it is corrected; or an unreachable
 * Clearfacts, said after the folders; or null.
 */
async function requireUsableToken(
  engine: Engine,
  apiAddress: string,
): Promise<{ kind: 'not_graphql' | 'unreachable'; message: Message } | null> {
  try {
    await engine.handlers['session.get']({ verify: true });
    return null;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'auth' || error.code === 'not_signed_in')) {
      throw error;
    }
    if (!(error instanceof ApiError)) return null;
    if (error.userMessage.code === 'api_not_graphql') {
      return { kind: 'not_graphql', message: error.userMessage };
    }
    const unreachable = unreachableSentence(error, apiAddress);
    return unreachable === null ? null : { kind: 'unreachable', message: unreachable };
  }
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
    const startProblem = await requireUsableToken(engine, cli.apiAddress());
    if (startProblem?.kind === 'not_graphql') view.warn(inCliLanguage(startProblem.message));
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
    if (startProblem?.kind === 'unreachable') {
      view.note(inCliLanguage(startProblem.message));
      view.note(inCliLanguage(msg('cli_watch_waits_for_api')));
    }
    const signal = await stopRequested();
    view.note(inCliLanguage(msg('cli_watch_stopping', { signal })));
    await cli.close();
  } finally {
    // The terminal gets its cursor back whatever happened.
    view.stop();
  }
}
