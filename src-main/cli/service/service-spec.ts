// What a service definition runs, whatever the service manager: this Node 24 and this
// `clearfacts-uploader` script, `watch` on one config folder. The token is never part of it: the
// service finds it where `token set` stored it, or in the file CLEARFACTS_TOKEN_FILE names.
import { ENGINE_ENVIRONMENT } from '../../contract/engine-environment.ts';
import { ENGINE_V8_FLAGS } from '../../contract/engine-v8-flags.ts';
import { EXIT } from '../exit-codes.ts';

/** The systemd unit's name (without `.service`) and the Windows task's name. */
export const SERVICE_NAME = 'clearfacts-uploader';
/** The launchd agent's label: reverse DNS, as launchd.plist(5) asks. */
export const LAUNCHD_LABEL = 'be.clearfacts.uploader';
/** The exit code after which restarting cannot help: no token or a refused one (exit-codes.ts). */
export const NO_RESTART_EXIT_CODE = EXIT.auth;
/** Seconds between a failure and the restart: long enough not to hammer the API or the log. */
export const RESTART_DELAY_SECONDS = 10;

/** Everything a service definition needs; paths are absolute. */
export interface ServiceSpec {
  /** The Node.js 24 executable (`process.execPath` of the installing command). */
  node: string;
  /** The `clearfacts-uploader` script, symlinks resolved (bin/clearfacts-uploader.js). */
  script: string;
  /** Settings, history and the rotating log in `<configDir>/logs`. */
  configDir: string;
  /** `--api-url`, when the service must talk to another endpoint than Clearfacts' own. */
  apiUrl?: string;
  /** A file holding the token, passed as CLEARFACTS_TOKEN_FILE; its path, never its content. */
  tokenFile?: string;
}

/** The command line the service runs, program first; with the engine's V8 flags (issue #13). */
export function serviceCommand(spec: ServiceSpec): string[] {
  return [
    spec.node,
    ...ENGINE_V8_FLAGS,
    spec.script,
    '--config-dir',
    spec.configDir,
    ...(spec.apiUrl === undefined ? [] : ['--api-url', spec.apiUrl]),
    'watch',
  ];
}

/**
 * The service's own environment: the engine's (engine-environment.ts, issue #17) and the token
 * file's path, when one is given.
 */
export function serviceEnvironment(spec: ServiceSpec): Record<string, string> {
  return {
    ...ENGINE_ENVIRONMENT,
    ...(spec.tokenFile === undefined ? {} : { CLEARFACTS_TOKEN_FILE: spec.tokenFile }),
  };
}
