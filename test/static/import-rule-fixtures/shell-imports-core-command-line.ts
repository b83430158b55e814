// As src-main/cli/…: core's light entry, for what the command line needs before a command runs.
import { DEFAULT_CONFIG_DIR, redact } from '../core/command-line.ts';

export const configDir = DEFAULT_CONFIG_DIR;
export const hide = redact;
