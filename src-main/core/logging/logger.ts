// The logging interface core writes to. The headless implementation is pino to a rotating file;
// the desktop shell passes one backed by electron-log. Both redact every registered secret.
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
