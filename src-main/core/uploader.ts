// The composition root of core: the one service every transport (Electron IPC, loopback HTTP,
// the CLI) calls. It owns the store, the queue, the watchers and the Clearfacts client.
import type { ApiHandlers, EventListener } from '../contract/api-contract.ts';
import type { Logger } from './logging/logger.ts';
import type { TokenStore } from './secrets/token-store.ts';
import type { SettingsStore } from './store/settings-store.ts';

export interface UploaderOptions {
  /** Holds the history database, logs and (headless) settings. */
  configDir: string;
  tokenStore: TokenStore;
  /** Defaults to a conf-backed store in configDir; the desktop shell passes electron-store. */
  settingsStore?: SettingsStore;
  /** Defaults to globalThis.fetch; the desktop shell passes Electron's net.fetch. */
  fetch?: typeof globalThis.fetch;
  /** Defaults to the rotating file logger in configDir/logs. */
  logger?: Logger;
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  /** Overrides the settings' API URL for this run (CLI --api-url, the demo). */
  apiUrl?: string;
  /** Offered as "Try the demo" when the app runs against the embedded emulator. */
  demoToken?: string;
  /** Timing knobs for tests and the benchmark; the defaults are what users get. */
  tuning?: {
    /** Time allowed for a query, and for an upload's answer once its body is sent. */
    apiTimeoutMs?: number;
    retryBaseDelayMs?: number;
    retryMaxDelayMs?: number;
  };
  /** How the shell shows a file in the OS file manager; absent in the browser. */
  revealFile?: (path: string) => Promise<void>;
}

export interface Uploader {
  readonly handlers: ApiHandlers;
  subscribe(listener: EventListener): () => void;
  /** Opens the history, recovers interrupted uploads, starts watching the bound folders. */
  start(): Promise<void>;
  /** Stops watching, lets running uploads finish (or records them unconfirmed), closes the store. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued, waiting or uploading (tests and `upload` use it). */
  whenIdle(): Promise<void>;
}
