// The desktop shell's Logger: electron-log's file transport, size-rotated into a bounded set of
// files in `<userData>/logs`, every message and field passed through the secret redactor first.
// electron-log's Node entry is used on purpose: its Electron entry registers IPC listeners that
// would let any page write to the log, and the renderer has no reason to.
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { redact, redactValue, type LogFields, type Logger } from '../core/index.ts';

export type ElectronLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ElectronLoggerOptions {
  directory: string;
  level: ElectronLogLevel;
  /** Also print to stderr (development runs). */
  console: boolean;
  /** Rotate once the live file passes this size. Default 5 MiB. */
  maxFileBytes?: number;
  /** Rotated files kept besides the live one: main.1.log (newest) … main.<n>.log. Default 5. */
  keepFiles?: number;
}

export const LOG_FILE_NAME = 'main.log';

/** main.log → main.1.log → … → main.<keep>.log; the oldest falls off the end. */
export function rotateLogFiles(livePath: string, keep: number): void {
  const { dir, name, ext } = path.parse(livePath);
  const numbered = (index: number): string => path.join(dir, `${name}.${index}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let index = keep - 1; index >= 1; index -= 1) {
    try {
      renameSync(numbered(index), numbered(index + 1));
    } catch {
      // That generation does not exist yet.
    }
  }
  renameSync(livePath, numbered(1));
}

export function createElectronLogger(options: ElectronLoggerOptions): Logger {
  const log = electronLog.create({ logId: `clearfacts-${options.directory}` });
  const keep = options.keepFiles ?? 5;
  const file = log.transports.file;
  file.resolvePathFn = () => path.join(options.directory, LOG_FILE_NAME);
  file.level = options.level;
  file.maxSize = options.maxFileBytes ?? 5 * 1024 * 1024;
  // File names and company numbers are the user's business: only the user reads the log.
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  file.archiveLogFn = (oldFile) => {
    try {
      rotateLogFiles(oldFile.path, keep);
    } catch {
      // Rotation failed (the file is locked, on Windows): start it over rather than grow forever.
      oldFile.clear();
    }
  };
  log.transports.console.level = options.console ? options.level : false;
  for (const name of ['ipc', 'remote']) log.transports[name] = null;
  // Anything that reaches electron-log by another path (its error handler) is redacted too.
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }));

  function write(level: ElectronLogLevel, message: string, fields?: LogFields): void {
    const line = redact(message);
    if (fields === undefined || Object.keys(fields).length === 0) log[level](line);
    else log[level](line, JSON.stringify(redactValue(fields)));
  }

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
