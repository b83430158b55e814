// The parent's handle on bench/engine-host.ts: spawns it with a configuration, and turns its IPC
// messages into promises (ready, idle, stopped) and a stream of stored uuids.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ENGINE_ENVIRONMENT } from '../../src-main/contract/engine-environment.ts';
import { ENGINE_V8_FLAGS } from '../../src-main/contract/engine-v8-flags.ts';
import { HostMessage, type EngineHostConfig, type ParentMessage } from './engine-messages.ts';

const hostScript = path.resolve(import.meta.dirname, '../engine-host.ts');

export type StoredMessage = Extract<HostMessage, { type: 'stored' }>;
export type SettledMessage = Extract<HostMessage, { type: 'settled' }>;
export type UploadingMessage = Extract<HostMessage, { type: 'uploading' }>;
export type SplitMessage = Extract<HostMessage, { type: 'split' }>;
export type ReadyMessage = Extract<HostMessage, { type: 'ready' }>;

export interface EngineProcess {
  pid: number;
  /** Epoch ms just before the process was spawned. */
  spawnedAt: number;
  ready: Promise<ReadyMessage>;
  onStored(listener: (message: StoredMessage) => void): void;
  onSettled(listener: (message: SettledMessage) => void): void;
  /** A file's check ended and its upload begins. */
  onUploading(listener: (message: UploadingMessage) => void): void;
  /** A batch's original was cut into its parts. */
  onSplit(listener: (message: SplitMessage) => void): void;
  whenIdle(): Promise<void>;
  /** Stops the engine cleanly and waits for the process to end. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export function startEngineProcess(config: EngineHostConfig): EngineProcess {
  const spawnedAt = Date.now();
  const child: ChildProcess = fork(hostScript, [], {
    // The engine's V8 flags and environment, as every shell starts it with (issue #13,
    // engine-v8-flags.ts; issue #17, engine-environment.ts).
    execArgv: [...process.execArgv, ...ENGINE_V8_FLAGS],
    env: { ...process.env, ...ENGINE_ENVIRONMENT, BENCH_ENGINE_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid === undefined) throw new Error('the engine host did not start');
  const storedListeners: ((message: StoredMessage) => void)[] = [];
  const settledListeners: ((message: SettledMessage) => void)[] = [];
  const uploadingListeners: ((message: UploadingMessage) => void)[] = [];
  const splitListeners: ((message: SplitMessage) => void)[] = [];
  const waiting = new Map<'idle' | 'stopped', () => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let failed: ((error: Error) => void) | null = null;
  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    failed = reject;
    child.on('message', (raw) => {
      const message = HostMessage.parse(raw);
      switch (message.type) {
        case 'ready':
          resolve(message);
          return;
        case 'stored':
          for (const listener of storedListeners) listener(message);
          return;
        case 'settled':
          for (const listener of settledListeners) listener(message);
          return;
        case 'uploading':
          for (const listener of uploadingListeners) listener(message);
          return;
        case 'split':
          for (const listener of splitListeners) listener(message);
          return;
        case 'idle':
        case 'stopped':
          waiting.get(message.type)?.();
          return;
        case 'error':
          reject(new Error(`engine host: ${message.message}`));
          return;
      }
    });
  });
  exited.then((code) => failed?.(new Error(`the engine host exited with ${code}`)));

  function ask(message: ParentMessage, answer: 'idle' | 'stopped'): Promise<void> {
    return new Promise((resolve) => {
      waiting.set(answer, resolve);
      child.send(message);
    });
  }

  return {
    pid: child.pid,
    spawnedAt,
    ready,
    onStored: (listener) => storedListeners.push(listener),
    onSettled: (listener) => settledListeners.push(listener),
    onUploading: (listener) => uploadingListeners.push(listener),
    onSplit: (listener) => splitListeners.push(listener),
    whenIdle: () => ask({ type: 'whenIdle' }, 'idle'),
    async stop() {
      if (child.exitCode === null && child.connected) await ask({ type: 'stop' }, 'stopped');
      await exited;
    },
    exited,
  };
}
