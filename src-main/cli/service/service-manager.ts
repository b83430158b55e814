// Installs, removes and inspects the service with the operating system's own manager: a systemd
// user unit on Linux, a launchd agent on macOS; on Windows it only prints the Task Scheduler
// commands. The managers are driven through their command-line tools (systemctl, loginctl,
// launchctl), whose output is their stable interface.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { renderLaunchdAgent } from './launchd-agent.ts';
import { LAUNCHD_LABEL, SERVICE_NAME, type ServiceSpec } from './service-spec.ts';
import { renderSystemdUnit } from './systemd-unit.ts';
import { WINDOWS_TASK_NAME, windowsTaskCommands } from './windows-task.ts';

/** What `service install` did, and what is left for the user when a step could not be done. */
export interface InstallReport {
  /** Where the definition was written; null where nothing is written (Windows). */
  written: string | null;
  /** Steps done, one sentence each. */
  done: string[];
  /** Commands for the user to run, with why; empty when the service runs. */
  todo: string[];
}

/** The manager's view of the service. */
export interface ServiceState {
  manager: 'systemd' | 'launchd' | 'task-scheduler';
  /** The definition file; null on Windows. */
  definition: string | null;
  installed: boolean;
  /** True when the manager reports the engine's process running. */
  running: boolean;
  /** The manager's own words: `active (running)`, `state = running, last exit code = 0`… */
  detail: string;
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
      const done = [`Wrote ${unitPath}.`];
      const todo: string[] = [];
      const reload = await systemctl('daemon-reload');
      const enable = reload.ok ? await systemctl('enable', unitName) : reload;
      const restart = enable.ok ? await systemctl('restart', unitName) : enable;
      if (restart.ok) {
        done.push(`Enabled and started ${unitName} (systemctl --user).`);
      } else {
        todo.push(
          `systemd could not be reached for ${user} (${restart.stderr}). In a login session of ${user}, run: systemctl --user daemon-reload && systemctl --user enable --now ${unitName}`,
        );
      }
      const linger = await lingering();
      if (linger === true) {
        done.push(`Lingering is on for ${user}: the service runs with nobody logged in.`);
      } else if (options.linger) {
        const enabled = await runTool('loginctl', ['enable-linger', user]);
        if (enabled.ok) {
          done.push(`Turned lingering on for ${user}, so the service runs with nobody logged in.`);
        } else {
          todo.push(
            `A user service stops when ${user} logs out unless lingering is on, and it could not be turned on (${enabled.stderr}). Run as root: loginctl enable-linger ${user}`,
          );
        }
      } else {
        todo.push(
          `Lingering is off: the service runs only while ${user} is logged in. To run it with nobody logged in: loginctl enable-linger ${user}`,
        );
      }
      return { written: unitPath, done, todo };
    },

    async uninstall() {
      const done: string[] = [];
      const todo: string[] = [];
      const disable = await systemctl('disable', '--now', unitName);
      if (disable.ok) done.push(`Stopped and disabled ${unitName}.`);
      else {
        todo.push(
          `systemd could not stop ${unitName} (${disable.stderr}). In a login session of ${user}, run: systemctl --user disable --now ${unitName}`,
        );
      }
      await rm(unitPath, { force: true });
      done.push(`Removed ${unitPath}.`);
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
          ? `${active ?? 'unknown'} (${properties.get('SubState') ?? 'unknown'}), last exit status ${properties.get('ExecMainStatus') ?? '?'}, restarted ${properties.get('NRestarts') ?? '?'} times`
          : `systemd cannot be asked (${shown.stderr})`,
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
      const done = [`Wrote ${plistPath}.`];
      const todo: string[] = [];
      // A loaded agent keeps its old definition until it is booted out.
      await launchctl('bootout', `${domain}/${LAUNCHD_LABEL}`);
      const loaded = await launchctl('bootstrap', domain, plistPath);
      if (loaded.ok) done.push(`Loaded and started ${LAUNCHD_LABEL} (launchctl ${domain}).`);
      else {
        todo.push(
          `launchd did not load the agent (${loaded.stderr}). In a login session, run: ${shellLine(['launchctl', 'bootstrap', domain, plistPath])}`,
        );
      }
      todo.push(
        'A launch agent runs while you are logged in (macOS keeps it running behind the login window after a restart only with automatic login).',
      );
      return { written: plistPath, done, todo };
    },

    async uninstall() {
      const done: string[] = [];
      const todo: string[] = [];
      const out = await launchctl('bootout', `${domain}/${LAUNCHD_LABEL}`);
      if (out.ok) done.push(`Stopped and unloaded ${LAUNCHD_LABEL}.`);
      await rm(plistPath, { force: true });
      done.push(`Removed ${plistPath}.`);
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
          ? `state = ${state ?? 'unknown'}, last exit code = ${field('last exit code') ?? '?'}`
          : 'not loaded',
        lingering: null,
      };
    },
  };
}

export function createWindowsTaskManager(): ServiceManager {
  const user = userInfo().username;
  const printed = (spec: ServiceSpec) => {
    const commands = windowsTaskCommands(spec, user);
    return [
      'Run in an administrator command prompt (it asks for your Windows password, so the task runs with nobody logged in):',
      `  ${commands.create}`,
      `  ${commands.run}`,
      'See it with:',
      `  ${commands.query}`,
      'Remove it with:',
      `  ${commands.remove}`,
      '',
    ].join('\n');
  };
  return {
    manager: 'task-scheduler',
    render: printed,
    install(spec) {
      return Promise.resolve({ written: null, done: [], todo: [printed(spec)] });
    },
    uninstall() {
      return Promise.resolve({
        written: null,
        done: [],
        todo: [
          `Run in an administrator command prompt: schtasks /Delete /TN "${WINDOWS_TASK_NAME}" /F`,
        ],
      });
    },
    status() {
      return Promise.resolve({
        manager: 'task-scheduler',
        definition: null,
        installed: false,
        running: false,
        detail: `Task Scheduler is not asked from here: run schtasks /Query /TN "${WINDOWS_TASK_NAME}" /V /FO LIST`,
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
