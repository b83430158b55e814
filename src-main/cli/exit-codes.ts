// The exit codes scripts can rely on, documented in `--help` (the `cli_help_exit_codes` text).
export const EXIT = {
  success: 0,
  /** Something failed: one or more files failed or are unconfirmed, or the command could not run. */
  failure: 1,
  /** The command line was wrong (unknown option, missing argument, invalid value). */
  usage: 2,
  /** No token, a token Clearfacts refuses, or one that lacks a scope the command needs. */
  auth: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one sentence with a chosen exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
