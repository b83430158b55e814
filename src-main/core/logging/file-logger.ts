// The headless logger: JSON lines from pino into a size-rotated file set (rotating-file-stream),
// so a machine that runs for months keeps a bounded, greppable log. Every message and field goes
// through the secret redactor before pino sees it, so no token can reach the file.
import { markInvisible } from '../../contract/file-names.ts';
import pino from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { redact, redactValue } from './secret-redactor.ts';
import type { LogFields, Logger } from './logger.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface FileLoggerOptions {
  directory: string;
  level: LogLevel;
  /** The live file; rotated copies are `<fileName>.1` (newest) to `.<keepFiles>`. */
  fileName?: string;
  /** Rotate once the live file passes this size. Default 5 MiB. */
  maxFileBytes?: number;
  /** Rotated files kept besides the live one. Default 5. */
  keepFiles?: number;
}

export type FileLogger = Logger & { close(): Promise<void> };

export const DEFAULT_LOG_FILE_NAME = 'clearfacts-uploader.log';

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const stream: RotatingFileStream = createStream(options.fileName ?? DEFAULT_LOG_FILE_NAME, {
    path: options.directory,
    size: `${options.maxFileBytes ?? 5 * 1024 * 1024}B`,
    rotate: options.keepFiles ?? 5,
    // File names and company numbers are the user's business: only the user reads the log.
    mode: 0o600,
  });
  let reportedStreamError = false;
  // A full disk or a removed log folder must never take the engine down with it.
  stream.on('error', (error) => {
    if (reportedStreamError) return;
    reportedStreamError = true;
    process.stderr.write(`Cannot write the log file: ${redact(error.message)}\n`);
  });

  const output = pino(
    { level: options.level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } },
    stream,
  );
  let closed = false;

  function write(level: LogLevel, message: string, fields?: LogFields): void {
    if (closed) return;
    const safeFields = fields === undefined ? {} : redactValue(fields);
    // JSON escapes control characters but not bidi ones, which would reorder a name on a
    // terminal reading the log; marked in the JSON text, they stay valid string content.
    const marked = JSON.parse(markInvisible(JSON.stringify(safeFields))) as Record<string, unknown>;
    output[level](marked, markInvisible(redact(message)));
  }

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((resolve) => {
        stream.end(() => resolve());
      });
    },
  };
}
