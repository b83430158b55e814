// `token set | check | clear`: the Clearfacts token (the implementation is token-actions.ts,
// loaded when a command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerTokenCommands(program: Command, runtime: () => Promise<CliRuntime>): void {
  const token = program.command('token').description(helpText('token'));

  token
    .command('set')
    .description(helpText('token_set'))
    .option('--allow-plain-file', helpText('allow_plain_file'))
    .option('--json', helpText('json_result'))
    .action(async (options: { allowPlainFile?: boolean; json?: boolean }) => {
      const { setToken } = await import('./token-actions.ts');
      await setToken(runtime, options);
    });

  token
    .command('check')
    .description(helpText('token_check'))
    .option('--json', helpText('json_result'))
    .action(async (options: { json?: boolean }) => {
      const { checkToken } = await import('./token-actions.ts');
      await checkToken(runtime, options);
    });

  token
    .command('clear')
    .description(helpText('token_clear'))
    .action(async () => {
      const { clearToken } = await import('./token-actions.ts');
      await clearToken(runtime);
    });
}
