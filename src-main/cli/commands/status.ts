// `status`: the engine's health and whether anything needs the user, for people and monitoring
// scripts (the implementation is status-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerStatusCommand(program: Command, runtime: () => Promise<CliRuntime>): void {
  program
    .command('status')
    .description(helpText('status'))
    .option('--json', helpText('status_json'))
    .action(async (flags: { json?: boolean }) => {
      const { showStatus } = await import('./status-actions.ts');
      await showStatus(runtime, flags);
    });
}
