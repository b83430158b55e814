// A logger that keeps lines in memory, for the few places a test opens an engine part directly.
import type { Logger } from '../../../src-main/core/logging/logger.ts';

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : JSON.stringify(fields)}`);
  };
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
  };
}
