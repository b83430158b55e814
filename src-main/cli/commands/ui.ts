// `ui`: the app's interface in the browser, served on a loopback port (the implementation is
// ui-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import { InvalidArgumentError, type Command } from 'commander';
import { msg } from '../../contract/messages/msg.ts';
import { inCliLanguage } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError(inCliLanguage(msg('cli_usage_port_invalid')));
  }
  return port;
}

export function registerUiCommand(program: Command, runtime: () => Promise<CliRuntime>): void {
  program
    .command('ui')
    .description(helpText('ui'))
    .option('--port <port>', helpText('ui_port'), parsePort)
    .option('--link', helpText('ui_link'))
    .option('--allow-plain-file', helpText('ui_allow_plain_file'))
    .action(async (flags: { port?: number; link?: boolean; allowPlainFile?: boolean }) => {
      const { serveUi } = await import('./ui-actions.ts');
      await serveUi(runtime, flags);
    });
}
