// `service install | uninstall | status`: the engine (`watch`) as a service of the operating
// system, for the always-on office machine: a systemd user unit, a launchd agent, or the Task
// Scheduler commands to run on Windows (the commands are defined in service.ts).
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { STATUS_LABELS } from '../../contract/messages/term-tables.ts';
import { engineLine, healthJson, printHealth, readHealth } from '../health.ts';
import { inCliLanguage, labeller } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { createTokenFileEnvStore, TokenStoreError } from '../../core/index.ts';
import { printJson, printLine } from '../output.ts';
import {
  serviceManagerFor,
  type InstallReport,
  type ServiceManager,
} from '../service/service-manager.ts';
import type { ServiceSpec } from '../service/service-spec.ts';

function requireManager(): ServiceManager {
  const manager = serviceManagerFor();
  if (manager === null) {
    throw new CliError(
      inCliLanguage(msg('cli_service_unsupported', { platform: process.platform })),
      EXIT.usage,
    );
  }
  return manager;
}

/**
 * Reads the token file as the service will, so that a file that holds no token (made, but the
 * token not yet pasted in) is said now, naming it, instead of by a service that will not start.
 * Throws a CliError with exit code 3 (authentication), as `watch` would end.
 */
async function requireTokenIn(tokenFile: string): Promise<void> {
  try {
    await createTokenFileEnvStore({ CLEARFACTS_TOKEN_FILE: tokenFile }).load();
  } catch (error) {
    if (error instanceof TokenStoreError) {
      throw new CliError(inCliLanguage(error.userMessage), EXIT.auth);
    }
    throw error;
  }
}

/**
 * The service runs this Node and this script on the chosen config folder. The token is not
 * copied into the definition: the service reads it where `token set` stored it, or from the file
 * given with --token-file (or CLEARFACTS_TOKEN_FILE), which must hold one.
 */
async function specFor(cli: CliRuntime, tokenFile: string | undefined): Promise<ServiceSpec> {
  const script = process.argv[1];
  if (script === undefined) {
    throw new CliError(inCliLanguage(msg('cli_service_no_script')), EXIT.failure);
  }
  const chosenTokenFile = tokenFile ?? process.env.CLEARFACTS_TOKEN_FILE;
  if (chosenTokenFile !== undefined && !existsSync(chosenTokenFile)) {
    throw new CliError(
      inCliLanguage(msg('cli_service_token_file_missing', { path: chosenTokenFile })),
      EXIT.usage,
    );
  }
  if (chosenTokenFile !== undefined) await requireTokenIn(chosenTokenFile);
  return {
    node: process.execPath,
    script: realpathSync(script),
    configDir: cli.configDir,
    ...(cli.apiUrl === undefined ? {} : { apiUrl: cli.apiUrl }),
    ...(chosenTokenFile === undefined ? {} : { tokenFile: path.resolve(chosenTokenFile) }),
  };
}

function printReport(report: InstallReport): void {
  for (const done of report.done) printLine(inCliLanguage(done));
  for (const todo of report.todo) {
    printLine(inCliLanguage(msg('cli_service_to_do', { text: inCliLanguage(todo) })));
  }
}

type Runtime = () => Promise<CliRuntime>;

/** `service install [--token-file …] [--no-linger] [--print]`. */
export async function installService(
  runtime: Runtime,
  flags: { tokenFile?: string; linger: boolean; print?: boolean },
): Promise<void> {
  const cli = await runtime();
  const manager = requireManager();
  const spec = await specFor(cli, flags.tokenFile);
  if (flags.print) {
    process.stdout.write(manager.render(spec));
    return;
  }
  if (process.env.CLEARFACTS_TOKEN !== undefined && spec.tokenFile === undefined) {
    printLine(inCliLanguage(msg('cli_service_env_token_not_copied')));
  }
  const report = await manager.install(spec, { linger: flags.linger });
  printReport(report);
  printLine(inCliLanguage(msg('cli_service_logs', { folder: path.join(cli.configDir, 'logs') })));
  if (manager.manager !== 'task-scheduler' && report.todo.length > 0) {
    process.exitCode = EXIT.failure;
  }
}

/** `service uninstall`. */
export async function uninstallService(): Promise<void> {
  const manager = requireManager();
  const report = await manager.uninstall();
  printReport(report);
  // The service may still run: the same rule as install's (Windows only ever prints).
  if (manager.manager !== 'task-scheduler' && report.todo.length > 0) {
    process.exitCode = EXIT.failure;
  }
}

/** `service status [--json]`: the service's state and the engine's health. */
export async function showServiceStatus(
  runtime: Runtime,
  flags: { json?: boolean },
): Promise<void> {
  const cli = await runtime();
  const state = await requireManager().status();
  const answer = await readHealth(cli);
  if (flags.json) {
    printJson({ service: state, ...healthJson(answer) });
  } else {
    const line = labeller(STATUS_LABELS);
    const installed =
      state.definition === null
        ? msg('cli_service_not_asked')
        : state.installed
          ? msg('cli_service_installed', { definition: state.definition })
          : msg('cli_service_not_installed');
    printLine(line('service', `${inCliLanguage(installed)}; ${inCliLanguage(state.detail)}`));
    if (state.lingering === false) {
      printLine(inCliLanguage(msg('cli_service_lingering_off')));
    }
    printLine(line('engine', engineLine(answer.engine, cli.configDir)));
    printHealth(answer);
  }
  process.exitCode = state.running && !answer.health.attention ? EXIT.success : EXIT.failure;
}
