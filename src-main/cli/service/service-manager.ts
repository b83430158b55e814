// Installs, removes and inspects the service with the operating system's own manager: a systemd
// user unit on Linux, a launchd agent on macOS; on Windows it only prints the Task Scheduler
// commands. The managers are driven through their command-line tools (systemctl, loginctl,
// launchctl), whose output is their stable interface.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { msg } from '../../contract/messages/msg.ts';
import type { Message } from '../../contract/messages/message.ts';
import { inCliLanguage } from '../cli-language.ts';
import { renderLaunchdAgent } from './launchd-agent.ts';
import { LAUNCHD_LABEL, SERVICE_NAME, type ServiceSpec } from './service-spec.ts';
import { renderSystemdUnit } from './systemd-unit.ts';
import { WINDOWS_TASK_NAME, windowsTaskCommands } from './windows-task.ts';

/** What `service install` did, and what is left for the user when a step could not be done. */
export interface InstallReport {
  /** Where the definition was written; null where nothing is written (Windows). */
  written: string | null;
  /** Steps done, one message each. */
  done: Message[];
  /** Commands for the user to run, with why; empty when the service runs. */
  todo: Message[];
}

/** The manager's view of the service. */
export interface ServiceState {
  manager: 'systemd' | 'launchd' | 'task-scheduler';
  /** The definition file; null on Windows. */
  definition: string | null;
  installed: boolean;
  /** True when the manager reports the engine's process running. */
  running: boolean;
  /**
   * What the manager says, its own state words (`active`, `running`) kept as it writes them:
   * `cli_systemd_detail`, `cli_launchd_detail`, or why it could not be asked.
   */
  detail: Message;
  /** systemd only: whether the user's units run with nobody logged in; null elsewhere or unknown. */
  lingering: boolean | null;
}

/** One operating system's service manager. */
export interface ServiceManager {
  readonly manager: ServiceState['manager'];
  /** The definition's text for `spec`, as `install` would write it (or the commands to run). */
  render(spec: ServiceSpec): string;
  /** Writes the definition, then enables and starts it; throws only when it cannot be written. */
  install(spec: ServiceSpec, options: { linger: boolean }): Promise<InstallReport>;
  /** Stops, disables and deletes the service; done steps and leftovers as for install. */
  uninstall(): Promise<InstallReport>;
  status(): Promise<ServiceState>;
}

interface Ran {
  ok: boolean;
  stdout: string;
  /** stderr, or the spawn error's message when the tool is missing. */
  stderr: string;
}

/**
 * Runs a manager's tool. Its environment is ours without CLEARFACTS_TOKEN: the token must not
 * reach a child process, and systemctl and launchctl have no use for it.
 */
function runTool(command: string, args: string[]): Promise<Ran> {
  const env = { ...process.env };
  delete env.CLEARFACTS_TOKEN;
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({
        ok: error === null,
        stdout: stdout.toString(),
        stderr: (stderr.toString() || (error?.message ?? '')).replace(/\s+/g, ' ').trim(),
      });
    });
  });
}

const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
const shellLine = (words: string[]): string => words.map(shellWord).join(' ');

/** systemd's per-user unit folder: $XDG_CONFIG_HOME/systemd/user (systemd.unit(5), "UNIT FILE LOAD PATH"). */
function systemdUserUnitDir(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || path.join(homedir(), '.config');
  return path.join(configHome, 'systemd', 'user');
}

export function createSystemdManager(env: NodeJS.ProcessEnv = process.env): ServiceManager {
  const unitName = `${SERVICE_NAME}.service`;
  const unitPath = path.join(systemdUserUnitDir(env), unitName);
  const user = userInfo().username;
  const systemctl = (...args: string[]) => runTool('systemctl', ['--user', ...args]);

  async function lingering(): Promise<boolean | null> {
    const answer = await runTool('loginctl', ['show-user', user, '--property=Linger', '--value']);
    return answer.ok ? answer.stdout.trim() === 'yes' : null;
  }

  return {
    manager: 'systemd',
    render: renderSystemdUnit,

    async install(spec, options) {
      await mkdir(path.dirname(unitPath), { recursive: true });
      await writeFile(unitPath, renderSystemdUnit(spec), { mode: 0o644 });
      const done: Message[] = [msg('cli_service_wrote', { path: unitPath })];
      const todo: Message[] = [];
      const reload = await systemctl('daemon-reload');
      const enable = reload.ok ? await systemctl('enable', unitName) : reload;
      const restart = enable.ok ? await systemctl('restart', unitName) : enable;
      if (restart.ok) {
        done.push(msg('cli_systemd_started', { unit: unitName }));
      } else {
        todo.push(
          msg('cli_systemd_unreachable', { user, problem: restart.stderr, unit: unitName }),
        );
      }
      const linger = await lingering();
      if (linger === true) {
        done.push(msg('cli_systemd_lingering_on', { user }));
      } else if (options.linger) {
        const enabled = await runTool('loginctl', ['enable-linger', user]);
        if (enabled.ok) {
          done.push(msg('cli_systemd_lingering_turned_on', { user }));
        } else {
          todo.push(msg('cli_systemd_lingering_failed', { user, problem: enabled.stderr }));
        }
      } else {
        todo.push(msg('cli_systemd_lingering_off', { user }));
      }
      return { written: unitPath, done, todo };
    },

    async uninstall() {
      const done: Message[] = [];
      const todo: Message[] = [];
      const disable = await systemctl('disable', '--now', unitName);
      if (disable.ok) done.push(msg('cli_systemd_stopped', { unit: unitName }));
      else {
        todo.push(
          msg('cli_systemd_stop_failed', { user, problem: disable.stderr, unit: unitName }),
        );
      }
      await rm(unitPath, { force: true });
      done.push(msg('cli_service_removed', { path: unitPath }));
      await systemctl('daemon-reload');
      return { written: null, done, todo };
    },

    async status() {
      const shown = await systemctl(
        'show',
        unitName,
        '--property=ActiveState,SubState,ExecMainStatus,NRestarts',
      );
      const properties = new Map(
        shown.stdout
          .split('\n')
          .map((line) => line.split('='))
          .filter((pair): pair is [string, string] => pair.length === 2),
      );
      const active = properties.get('ActiveState');
      return {
        manager: 'systemd',
        definition: unitPath,
        installed: existsSync(unitPath),
        running: active === 'active',
        detail: shown.ok
          ? msg('cli_systemd_detail', {
              active: active ?? '?',
              sub: properties.get('SubState') ?? '?',
              exitStatus: properties.get('ExecMainStatus') ?? '?',
              restarts: properties.get('NRestarts') ?? '?',
            })
          : msg('cli_systemd_not_asked', { problem: shown.stderr }),
        lingering: await lingering(),
      };
    },
  };
}

export function createLaunchdManager(): ServiceManager {
  const plistPath = path.join(homedir(), 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
  const domain = `gui/${userInfo().uid}`;
  const launchctl = (...args: string[]) => runTool('launchctl', args);

  return {
    manager: 'launchd',
    render: renderLaunchdAgent,

    async install(spec) {
      await mkdir(path.dirname(plistPath), { recursive: true });
      await writeFile(plistPath, renderLaunchdAgent(spec), { mode: 0o644 });
      const done: Message[] = [msg('cli_service_wrote', { path: plistPath })];
      const todo: Message[] = [];
      // A loaded agent keeps its old definition until it is booted out.
      await launchctl('bootout', `${domain}/${LAUNCHD_LABEL}`);
      const loaded = await launchctl('bootstrap', domain, plistPath);
      if (loaded.ok) done.push(msg('cli_launchd_loaded', { label: LAUNCHD_LABEL, domain }));
      else {
        todo.push(
          msg('cli_launchd_load_failed', {
            problem: loaded.stderr,
            command: shellLine(['launchctl', 'bootstrap', domain, plistPath]),
          }),
        );
      }
      todo.push(msg('cli_launchd_login_only'));
      return { written: plistPath, done, todo };
    },

    async uninstall() {
      const done: Message[] = [];
      const todo: Message[] = [];
      const out = await launchctl('bootout', `${domain}/${LAUNCHD_LABEL}`);
      if (out.ok) done.push(msg('cli_launchd_unloaded', { label: LAUNCHD_LABEL }));
      await rm(plistPath, { force: true });
      done.push(msg('cli_service_removed', { path: plistPath }));
      return { written: null, done, todo };
    },

    async status() {
      const printed = await launchctl('print', `${domain}/${LAUNCHD_LABEL}`);
      const field = (name: string) =>
        new RegExp(`^\\s*${name} = (.+)$`, 'm').exec(printed.stdout)?.[1]?.trim();
      const state = field('state');
      return {
        manager: 'launchd',
        definition: plistPath,
        installed: existsSync(plistPath),
        running: state === 'running',
        detail: printed.ok
          ? msg('cli_launchd_detail', {
              launchdState: state ?? '?',
              exitCode: field('last exit code') ?? '?',
            })
          : msg('cli_launchd_not_loaded'),
        lingering: null,
      };
    },
  };
}

export function createWindowsTaskManager(): ServiceManager {
  const user = userInfo().username;
  const printed = (spec: ServiceSpec) =>
    msg('cli_windows_commands', windowsTaskCommands(spec, user));
  return {
    manager: 'task-scheduler',
    render: (spec) => inCliLanguage(printed(spec)),
    install(spec) {
      return Promise.resolve({ written: null, done: [], todo: [printed(spec)] });
    },
    uninstall() {
      return Promise.resolve({
        written: null,
        done: [],
        todo: [
          msg('cli_windows_remove', {
            command: `schtasks /Delete /TN "${WINDOWS_TASK_NAME}" /F`,
          }),
        ],
      });
    },
    status() {
      return Promise.resolve({
        manager: 'task-scheduler',
        definition: null,
        installed: false,
        running: false,
        detail: msg('cli_windows_not_asked', {
          command: `schtasks /Query /TN "${WINDOWS_TASK_NAME}" /V /FO LIST`,
        }),
        lingering: null,
      });
    },
  };
}

/** The manager of the platform this runs on; null where none is supported. */
export function serviceManagerFor(
  platform: NodeJS.Platform = process.platform,
): ServiceManager | null {
  switch (platform) {
    case 'linux':
      return createSystemdManager();
    case 'darwin':
      return createLaunchdManager();
    case 'win32':
      return createWindowsTaskManager();
    default:
      return null;
  }
}
