// The systemd user unit (systemd.unit(5), systemd.service(5), systemd.exec(5)). Plain text with
// systemd's own quoting rules, which no maintained npm package renders: written here.
import {
  NO_RESTART_EXIT_CODE,
  RESTART_DELAY_SECONDS,
  serviceCommand,
  serviceEnvironment,
  type ServiceSpec,
} from './service-spec.ts';

/**
 * One word of a unit setting, double-quoted. systemd.syntax(7): inside quotes `\` and `"` are
 * backslash-escaped; `%` starts a specifier everywhere (systemd.unit(5), "SPECIFIERS"), so it is
 * doubled; on a command line `$` expands a variable (systemd.service(5), "COMMAND LINES"), so it
 * is doubled there too. Throws on a control character: a unit setting is one line.
 */
export function quoteForSystemd(word: string, context: 'command' | 'environment'): string {
  if ([...word].some((character) => character.charCodeAt(0) < 0x20 || character === '\u007f')) {
    throw new Error(`A service setting cannot hold a control character: ${JSON.stringify(word)}`);
  }
  const escaped = word.replace(/[\\"%$]/g, (character) => {
    if (character === '%') return '%%';
    if (character === '$') return context === 'command' ? '$$' : '$';
    return `\\${character}`;
  });
  return `"${escaped}"`;
}

/**
 * The unit file's text. It restarts the engine after a failure, but not after exit code 3 (no
 * token or a refused one: a restart cannot fix that), and its stdout (each file's progress, which
 * the rotating log in `<configDir>/logs` already holds) is discarded; stderr, which only a failed
 * start writes to, goes to the journal.
 */
export function renderSystemdUnit(spec: ServiceSpec): string {
  const environment = Object.entries(serviceEnvironment(spec)).map(
    ([name, value]) => `Environment=${quoteForSystemd(`${name}=${value}`, 'environment')}`,
  );
  return [
    '# Written by `clearfacts-uploader service install`; `clearfacts-uploader service uninstall` removes it.',
    '[Unit]',
    'Description=Clearfacts Uploader: sends the documents in the watched folders to Clearfacts',
    '',
    '[Service]',
    'Type=exec',
    `ExecStart=${serviceCommand(spec)
      .map((word) => quoteForSystemd(word, 'command'))
      .join(' ')}`,
    ...environment,
    'Restart=on-failure',
    `RestartSec=${RESTART_DELAY_SECONDS}`,
    `RestartPreventExitStatus=${NO_RESTART_EXIT_CODE}`,
    '# The engine logs to the rotating log in the config folder; the journal gets only stderr.',
    'StandardOutput=null',
    'StandardError=journal',
    '# SIGTERM lets running sends finish (stopGraceMs) before the engine exits.',
    'KillSignal=SIGTERM',
    'TimeoutStopSec=60',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}
