// `watch`: runs the engine on the watched folders until Ctrl-C or SIGTERM (the implementation is
// watch-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerWatchCommand(program: Command, runtime: () => Promise<CliRuntime>): void {
  program
    .command('watch')
    .description(helpText('watch'))
    .option('--json', helpText('watch_json'))
    .action(async (flags: { json?: boolean }) => {
      const { watchFolders } = await import('./watch-actions.ts');
      await watchFolders(runtime, flags);
    });
}
