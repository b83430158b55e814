// The exit codes scripts can rely on, documented in `--help`.
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

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  failure, or partial failure (a file failed or is unconfirmed)
  2  bad usage (unknown option, missing or invalid argument)
  3  authentication: no token, a token Clearfacts refuses, or a missing scope`;

/** An error the CLI reports as one sentence with a chosen exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
