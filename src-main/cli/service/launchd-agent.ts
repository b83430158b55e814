// The launchd agent (launchd.plist(5)) for macOS: an XML property list of strings, booleans and
// one dictionary, rendered here rather than with a plist library because that fixed shape needs
// only XML escaping (see the report on the `plist` package).
import path from 'node:path';
import {
  LAUNCHD_LABEL,
  NO_RESTART_EXIT_CODE,
  RESTART_DELAY_SECONDS,
  serviceCommand,
  serviceEnvironment,
  type ServiceSpec,
} from './service-spec.ts';

/** Text as XML character data: `&`, `<` and `>` escaped; control characters refused. */
export function escapeXml(text: string): string {
  // XML 1.0 allows tab, line feed and carriage return, and no other C0 control character.
  const forbidden = [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  });
  if (forbidden) {
    throw new Error(`A property list cannot hold a control character: ${JSON.stringify(text)}`);
  }
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const string = (value: string): string => `<string>${escapeXml(value)}</string>`;
const key = (name: string): string => `<key>${name}</key>`;

/**
 * The shell script launchd runs (`/bin/sh -c SCRIPT name command…`): the command as a child, its
 * exit code passed on except NO_RESTART_EXIT_CODE, which becomes 0. launchd has no equivalent of
 * systemd's RestartPreventExitStatus, and KeepAlive/SuccessfulExit=false restarts after every
 * failed exit: without this, an agent without a usable token restarted every ThrottleInterval
 * seconds forever, growing service-stderr.log. SIGTERM (launchd's stop) and SIGINT/SIGHUP are
 * passed to the command, and the script waits for it to end (POSIX sh: `wait` returns early
 * when a trapped signal arrives).
 */
export const LAUNCHD_EXIT_WRAPPER = [
  '"$@" & child=$!',
  `trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP`,
  'wait "$child"; code=$?',
  'while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done',
  `if [ "$code" -eq ${NO_RESTART_EXIT_CODE} ]; then exit 0; fi`,
  'exit "$code"',
].join('\n');

/**
 * The agent's property list. The command runs under LAUNCHD_EXIT_WRAPPER, so that launchd
 * restarts it after a failure (at most once per ThrottleInterval seconds) but not after exit code
 * 3 (no usable token: a restart cannot help). stdout is discarded (the rotating log in
 * `<configDir>/logs` has every event); stderr, written only by a failed start, goes to
 * `<configDir>/service-stderr.log`.
 */
export function renderLaunchdAgent(spec: ServiceSpec): string {
  const environment = Object.entries(serviceEnvironment(spec));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `  ${key('Label')}`,
    `  ${string(LAUNCHD_LABEL)}`,
    `  ${key('ProgramArguments')}`,
    '  <array>',
    ...['/bin/sh', '-c', LAUNCHD_EXIT_WRAPPER, 'clearfacts-uploader', ...serviceCommand(spec)].map(
      (word) => `    ${string(word)}`,
    ),
    '  </array>',
    ...(environment.length === 0
      ? []
      : [
          `  ${key('EnvironmentVariables')}`,
          '  <dict>',
          ...environment.flatMap(([name, value]) => [`    ${key(name)}`, `    ${string(value)}`]),
          '  </dict>',
        ]),
    `  ${key('RunAtLoad')}`,
    '  <true/>',
    `  ${key('KeepAlive')}`,
    '  <dict>',
    `    ${key('SuccessfulExit')}`,
    '    <false/>',
    '  </dict>',
    `  ${key('ThrottleInterval')}`,
    `  <integer>${RESTART_DELAY_SECONDS}</integer>`,
    `  ${key('ExitTimeOut')}`,
    '  <integer>60</integer>',
    `  ${key('StandardOutPath')}`,
    `  ${string('/dev/null')}`,
    `  ${key('StandardErrorPath')}`,
    `  ${string(path.join(spec.configDir, 'service-stderr.log'))}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
