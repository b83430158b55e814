// `service install | uninstall | status`: the engine (`watch`) as a service of the operating
// system (the implementation is service-actions.ts, loaded when a command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerServiceCommands(
  program: Command,
  runtime: () => Promise<CliRuntime>,
): void {
  const service = program.command('service').description(helpText('service'));

  service
    .command('install')
    .description(helpText('service_install'))
    .option('--token-file <path>', helpText('service_token_file'))
    .option('--no-linger', helpText('service_no_linger'))
    .option('--print', helpText('service_print'))
    .action(async (flags: { tokenFile?: string; linger: boolean; print?: boolean }) => {
      const { installService } = await import('./service-actions.ts');
      await installService(runtime, flags);
    });

  service
    .command('uninstall')
    .description(helpText('service_uninstall'))
    .action(async () => {
      const { uninstallService } = await import('./service-actions.ts');
      await uninstallService();
    });

  service
    .command('status')
    .description(helpText('service_status'))
    .option('--json', helpText('service_status_json'))
    .action(async (flags: { json?: boolean }) => {
      const { showServiceStatus } = await import('./service-actions.ts');
      await showServiceStatus(runtime, flags);
    });
}
