// The UBL 2.1 schema validator, run in a child process of its own (ubl-schema-process.ts), one
// file at a time, under a time budget per file. libxml2's WebAssembly memory and the compiled
// schemas cost about 35 MB; in the engine they would break the recognition issue's budget (the
// engine's peak while checking an e-invoice stays within 25 MB of its idle RSS, issue #13), so
// they live in a process the engine starts with the first e-invoice, keeps while e-invoices
// arrive (the schemas compile once, at its start) and ends after an idle minute. Over budget or
// crashed, the validator is ended (which frees all it holds) and the file's validation says why;
// it never decides whether a file is sent: the schema is advice.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createIdleSerialQueue, REAL_IDLE_TIMER, type IdleTimer } from '../idle-serial-queue.ts';
import { siblingModuleUrl } from '../worker-slot.ts';
import {
  SchemaReply,
  type SchemaError,
  type SchemaRequest,
  type UblRoot,
} from './ubl-schema-protocol.ts';

/** Why a file's copy was not validated. */
export type SchemaSkipReason =
  /** The validator took longer than the budget's timeMs on this file, and was ended. */
  | 'over_time'
  /** The validator did not start, crashed or exited: nothing says the file caused it. */
  | 'stopped'
  /** libxml2 could not parse the copy as XML. */
  | 'unreadable';

/** What validating one copy gives. */
export type SchemaValidation =
  | { outcome: 'checked'; errors: SchemaError[] }
  | { outcome: 'unchecked'; reason: SchemaSkipReason };

/** Per-file limits of the validator process. */
export interface SchemaValidatorBudget {
  /** Milliseconds from sending a copy to its answer; the start is not counted (startDeadlineMs). */
  timeMs: number;
  /**
   * Resident memory (bytes) the validator may keep after a file; above it the validator is
   * replaced before the next file. Measured at about 95 MB with both schemas compiled.
   */
  memoryBytes: number;
}

export const DEFAULT_SCHEMA_VALIDATOR_BUDGET: SchemaValidatorBudget = {
  // Validating a 1 Mi-character copy takes well under a second; 10 s allows a loaded machine.
  timeMs: 10_000,
  memoryBytes: 256 * 1024 * 1024,
};

/** When the validator process starts and stops, and what it runs. */
export interface SchemaValidatorLifetime {
  /** How long the validator stays after its last file (a batch of e-invoices arrives over seconds). */
  idleMs: number;
  timer: IdleTimer;
  /** The child's module: ubl-schema-process, or a stand-in in tests. */
  module: URL;
  /**
   * Milliseconds a new validator has to say it is ready (start Node, compile both schemas); not
   * counted in a file's time budget.
   */
  startDeadlineMs: number;
}

export const DEFAULT_SCHEMA_VALIDATOR_LIFETIME: SchemaValidatorLifetime = {
  idleMs: 60_000,
  timer: REAL_IDLE_TIMER,
  module: siblingModuleUrl(import.meta.url, 'ubl-schema-process'),
  // Starting Node and compiling both schemas takes about a second idle; a busy machine more.
  startDeadlineMs: 60_000,
};
/** V8 heap of the validator (MiB): its JavaScript is small; libxml2's memory is WebAssembly's. */
const VALIDATOR_HEAP_MB = 64;

/**
 * The child's whole environment: nothing of the engine's (the token may be in it,
 * CLEARFACTS_TOKEN); Windows needs SystemRoot for its sockets, and Electron's binary runs as
 * Node only when told.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (process.platform === 'win32' && process.env.SystemRoot !== undefined) {
    env.SystemRoot = process.env.SystemRoot;
  }
  if (process.versions.electron !== undefined) env.ELECTRON_RUN_AS_NODE = '1';
  return env;
}

/** A started validator: the process, and whether it said it is ready. */
interface Started {
  child: ChildProcess;
  ready: Promise<boolean>;
  exited: Promise<void>;
}

function start(module: URL, startDeadlineMs: number): Started {
  const child = fork(fileURLToPath(module), [], {
    env: childEnvironment(),
    execArgv: [`--max-old-space-size=${VALIDATOR_HEAP_MB}`],
    serialization: 'json',
    // Its output would be the CLI's own; it has nothing to say but its answers.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  // Idle, the validator must not keep a CLI run alive; a file under way holds it by its timer.
  child.unref();
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    // A failed spawn emits 'error' and no 'exit'.
    child.once('error', () => resolve());
  });
  const ready = new Promise<boolean>((resolve) => {
    const deadline = setTimeout(() => done(false), startDeadlineMs);
    const onMessage = (message: unknown) => {
      const reply = SchemaReply.safeParse(message);
      if (reply.success && 'ready' in reply.data) done(true);
    };
    function done(started: boolean) {
      clearTimeout(deadline);
      child.off('message', onMessage);
      resolve(started);
    }
    child.on('message', onMessage);
    void exited.then(() => done(false));
  });
  return { child, ready, exited };
}

/** Validates copies in the validator process. Never rejects: a failure is an `unchecked` outcome. */
export interface UblSchemaService {
  /** Validates `xml` (a copy without its attachment) against the `root` schema. */
  validate(xml: string, root: UblRoot): Promise<SchemaValidation>;
  /**
   * Starts the validator ahead of the first file (starting Node and compiling the schemas takes
   * 2-4 s), so that file does not wait for it; the idle period runs from when it is ready, as
   * after a file. Resolves true once it is ready, false when it failed to start (then files are
   * not validated for an idle period, as when a file's start failed); never rejects.
   */
  warm(): Promise<boolean>;
  /** Ends the validator after the file under way; a later validate starts a new one. */
  close(): Promise<void>;
  /** The validator's process id while it runs (from the first file until the idle period ends). */
  runningPid(): number | null;
}

/** A service with no validator yet; the first file starts it. */
export function createUblSchemaService(
  budget: SchemaValidatorBudget = DEFAULT_SCHEMA_VALIDATOR_BUDGET,
  lifetime: SchemaValidatorLifetime = DEFAULT_SCHEMA_VALIDATOR_LIFETIME,
): UblSchemaService {
  let current: Started | null = null;
  let nextId = 1;
  /**
   * Set (the idle timer's handle) when a validator did not start, until the idle period passed:
   * meanwhile files are not validated. Else every e-invoice would wait the start deadline for a
   * new validator in turn, holding the queue's slots, and no file, PDFs included, would move.
   */
  let startFailed: unknown = null;

  async function stop(started: Started): Promise<void> {
    if (current === started) current = null;
    // Held while it ends, so a caller awaiting this is not left behind by an emptied event loop.
    started.child.ref();
    started.child.kill('SIGKILL');
    await started.exited;
  }

  /** One file at a time: the budget is per file, and the validator is one thread anyway. */
  const queue = createIdleSerialQueue({
    idleMs: lifetime.idleMs,
    timer: lifetime.timer,
    isRunning: () => current !== null,
    onIdle: () => {
      if (current !== null) void stop(current);
    },
  });

  /** The running validator, started when none runs; null when it could not start. */
  async function ready(): Promise<Started | null> {
    if (startFailed !== null) return null;
    const started = (current ??= start(lifetime.module, lifetime.startDeadlineMs));
    if (await started.ready) return started;
    await stop(started);
    startFailed = lifetime.timer.setTimeout(() => {
      startFailed = null;
    }, lifetime.idleMs);
    return null;
  }

  async function validateOne(xml: string, root: UblRoot): Promise<SchemaValidation> {
    const started = await ready();
    if (started === null) return { outcome: 'unchecked', reason: 'stopped' };
    const id = nextId++;
    const { child } = started;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SchemaValidation, end: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (end) void stop(started).finally(() => resolve(result));
        else resolve(result);
      };
      const onMessage = (message: unknown) => {
        const reply = SchemaReply.safeParse(message);
        if (!reply.success || !('id' in reply.data) || reply.data.id !== id) return;
        const { outcome, errors, rssBytes } = reply.data;
        finish(
          outcome === 'checked' ? { outcome, errors } : { outcome: 'unchecked', reason: outcome },
          // Grown past its budget: the next file gets a fresh validator.
          rssBytes > budget.memoryBytes,
        );
      };
      const onExit = () => finish({ outcome: 'unchecked', reason: 'stopped' }, true);
      const timer = setTimeout(
        () => finish({ outcome: 'unchecked', reason: 'over_time' }, true),
        budget.timeMs,
      );
      child.on('message', onMessage);
      child.once('exit', onExit);
      const request: SchemaRequest = { id, root, xml };
      // A validator that exited since it said it was ready cannot take the file.
      if (!child.connected) return onExit();
      child.send(request, (error) => {
        if (error !== null) onExit();
      });
    });
  }

  return {
    validate: (xml, root) => queue.run(() => validateOne(xml, root)),
    warm: () => queue.run(async () => (await ready()) !== null).catch(() => false),
    async close() {
      await queue.drain();
      if (startFailed !== null) lifetime.timer.clearTimeout(startFailed);
      startFailed = null;
      if (current !== null) await stop(current);
    },
    runningPid: () => current?.child.pid ?? null,
  };
}
