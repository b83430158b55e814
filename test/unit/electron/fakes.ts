// Test doubles shared by the shell's unit tests: a logger that records, core's handlers where
// every channel fails loudly unless a test provides it, and a status snapshot builder.
import {
  requests,
  type ApiHandlers,
  type RequestChannel,
} from '../../../src-main/contract/api-contract.ts';
import type { StatusSnapshot } from '../../../src-main/contract/domain.ts';
import type { LogFields, Logger } from '../../../src-main/core/logging/logger.ts';

export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: LogFields;
}

export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const record =
    (level: LoggedLine['level']) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** Every handler throws "not expected" unless overridden; `calls` lists what was reached. */
export function fakeHandlers(overrides: Partial<ApiHandlers> = {}): {
  handlers: ApiHandlers;
  calls: Array<{ channel: RequestChannel; request: unknown }>;
} {
  const calls: Array<{ channel: RequestChannel; request: unknown }> = [];
  const entries = (Object.keys(requests) as RequestChannel[]).map((channel) => {
    const override = overrides[channel] as ((request: unknown) => Promise<unknown>) | undefined;
    const handler = async (request: unknown): Promise<unknown> => {
      calls.push({ channel, request });
      if (override === undefined) throw new Error(`${channel} was not expected in this test`);
      return override(request);
    };
    return [channel, handler] as const;
  });
  return { handlers: Object.fromEntries(entries) as ApiHandlers, calls };
}

export function status(overrides: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    state: 'idle',
    reason: null,
    missingScope: null,
    pausedByUser: false,
    counts: { pending: 0, uploading: 0, uploaded: 0, failed: 0, unconfirmed: 0, duplicate: 0 },
    batch: { done: 0, total: 0 },
    ...overrides,
  };
}
