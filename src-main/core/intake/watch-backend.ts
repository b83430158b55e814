// The one place chokidar is used. Its events are only hints for the readiness gate, so this keeps
// them raw: no awaitWriteFinish (it skips files found at start-up and watches size only), no
// initial events (the intake's own scan reconciles). Tests pass another factory through the
// intake's options to simulate a folder whose native events never arrive, or a watch limit.
import type { Stats } from 'node:fs';
import { watch } from 'chokidar';

export type WatchMode = 'native' | 'polling';

export interface WatchEvents {
  /** A file appeared or changed; `stats` when the backend had them. */
  fileChanged(filePath: string, stats: Stats | undefined): void;
  fileRemoved(filePath: string): void;
  directoryRemoved(directoryPath: string): void;
  error(error: unknown): void;
}

export interface WatchRequest {
  /** A real (symlink-free) absolute path. */
  root: string;
  mode: WatchMode;
  pollingIntervalMs: number;
  /** Tested on every path below the root; ignored directories are never descended into. */
  isIgnored(entryPath: string): boolean;
  events: WatchEvents;
}

export interface ActiveWatch {
  /** Resolves once the backend has subscribed to the whole tree. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export type WatchFactory = (request: WatchRequest) => ActiveWatch;

export const watchWithChokidar: WatchFactory = (request) => {
  const watcher = watch(request.root, {
    ignoreInitial: true,
    alwaysStat: true,
    followSymlinks: false,
    backend: request.mode === 'polling' ? 'polling' : 'auto',
    pollingInterval: request.pollingIntervalMs,
    pollingBinaryInterval: request.pollingIntervalMs,
    ignored: (entryPath: string) => entryPath !== request.root && request.isIgnored(entryPath),
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher
    .on('add', (filePath, stats) => request.events.fileChanged(filePath, stats))
    .on('change', (filePath, stats) => request.events.fileChanged(filePath, stats))
    .on('unlink', (filePath) => request.events.fileRemoved(filePath))
    .on('unlinkDir', (directoryPath) => request.events.directoryRemoved(directoryPath))
    .on('error', (error) => request.events.error(error));
  return { ready, close: () => watcher.close() };
};
