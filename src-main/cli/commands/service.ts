// `service install | uninstall | status`: the engine (`watch`) as a service of the operating
// system, for the always-on office machine: a systemd user unit, a launchd agent, or the Task
// Scheduler commands to run on Windows.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { healthJson, printHealth, readHealth } from '../health.ts';
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
      `Running as a service is supported on Linux (systemd), macOS (launchd) and Windows (Task Scheduler), not on ${process.platform}.`,
      EXIT.usage,
    );
  }
  return manager;
}

/**
 * The service runs this Node and this script on the chosen config folder. The token is not
 * copied into the definition: the service reads it where `token set` stored it, or from the file
 * given with --token-file (or CLEARFACTS_TOKEN_FILE).
 */
function specFor(cli: CliRuntime, tokenFile: string | undefined): ServiceSpec {
  const script = process.argv[1];
  if (script === undefined)
    throw new CliError('The command’s own script path is unknown.', EXIT.failure);
  const chosenTokenFile = tokenFile ?? process.env.CLEARFACTS_TOKEN_FILE;
  if (chosenTokenFile !== undefined && !existsSync(chosenTokenFile)) {
    throw new CliError(`The token file ${chosenTokenFile} does not exist.`, EXIT.usage);
  }
  return {
    node: process.execPath,
    script: realpathSync(script),
    configDir: cli.configDir,
    ...(cli.apiUrl === undefined ? {} : { apiUrl: cli.apiUrl }),
    ...(chosenTokenFile === undefined ? {} : { tokenFile: path.resolve(chosenTokenFile) }),
  };
}

function printReport(report: InstallReport): void {
  for (const line of report.done) printLine(line);
  for (const line of report.todo) printLine(`To do: ${line}`);
}

export function registerServiceCommands(program: Command, runtime: () => CliRuntime): void {
  const service = program
    .command('service')
    .description('run `watch` as a service of this machine (systemd, launchd, Task Scheduler)');

  service
    .command('install')
    .description(
      'write the service definition for this config folder, enable and start it (on Windows: print the commands)',
    )
    .option(
      '--token-file <path>',
      'the service reads the token from this file (CLEARFACTS_TOKEN_FILE), e.g. a systemd credential',
    )
    .option('--no-linger', 'systemd: do not turn lingering on (the service then stops at logout)')
    .option('--print', 'print the definition instead of installing it')
    .action(async (flags: { tokenFile?: string; linger: boolean; print?: boolean }) => {
      const cli = runtime();
      const manager = requireManager();
      const spec = specFor(cli, flags.tokenFile);
      if (flags.print) {
        process.stdout.write(manager.render(spec));
        return;
      }
      if (process.env.CLEARFACTS_TOKEN !== undefined && spec.tokenFile === undefined) {
        printLine(
          'Note: CLEARFACTS_TOKEN is not copied into the service (a service definition is no place for a secret). Store the token with `clearfacts-uploader token set`, or pass --token-file.',
        );
      }
      const report = await manager.install(spec, { linger: flags.linger });
      printReport(report);
      printLine(
        `The service logs to ${path.join(cli.configDir, 'logs')}; check on it with \`clearfacts-uploader service status\`.`,
      );
      if (manager.manager !== 'task-scheduler' && report.todo.length > 0) {
        process.exitCode = EXIT.failure;
      }
    });

  service
    .command('uninstall')
    .description('stop the service and remove its definition')
    .action(async () => {
      const manager = requireManager();
      const report = await manager.uninstall();
      printReport(report);
      // The service may still run: the same rule as install's (Windows only ever prints).
      if (manager.manager !== 'task-scheduler' && report.todo.length > 0) {
        process.exitCode = EXIT.failure;
      }
    });

  service
    .command('status')
    .description(
      "the service manager's view and the engine's health (as `status`); exits 1 when the service is not running or something needs you",
    )
    .option(
      '--json',
      'print it as JSON: { service, running, engine, status, holds, folders, lastUpload, lastError, attention }',
    )
    .action(async (flags: { json?: boolean }) => {
      const cli = runtime();
      const state = await requireManager().status();
      const answer = await readHealth(cli);
      if (flags.json) {
        printJson({ service: state, ...healthJson(answer) });
      } else {
        printLine(
          `Service: ${state.installed ? 'installed' : 'not installed'}${state.definition ? ` (${state.definition})` : ''}; ${state.detail}`,
        );
        if (state.lingering === false) {
          printLine('Lingering is off: the service stops when you log out.');
        }
        printLine(
          `Engine:  ${answer.engine === null ? 'not running' : `running (process ${answer.engine.pid}, version ${answer.engine.version})`}`,
        );
        printHealth(answer);
      }
      process.exitCode = state.running && !answer.health.attention ? EXIT.success : EXIT.failure;
    });
}
