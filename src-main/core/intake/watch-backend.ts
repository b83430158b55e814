// The one place chokidar is used. Its events are only hints for the readiness gate, so this keeps
// them raw: no awaitWriteFinish (it skips files found at start-up and watches size only), no
// initial events (the intake's own scan reconciles). Tests pass another factory through the
// intake's options to simulate a folder whose native events never arrive, or a watch limit.
import type { Stats } from 'node:fs';
import { watch } from 'chokidar';
import { z } from 'zod';

/** What chokidar's native (fs.watch) backend passes with a raw event: the directory watched. */
const RawEventDetails = z.object({ watchedPath: z.string() });

export type WatchMode = 'native' | 'polling';

export interface WatchEvents {
  /** A file appeared or changed; `stats` when the backend had them. */
  fileChanged(filePath: string, stats: Stats | undefined): void;
  fileRemoved(filePath: string): void;
  directoryRemoved(directoryPath: string): void;
  /**
   * Something happened to an entry of `directoryPath` whose name is not UTF-8. chokidar drops
   * such entries (it cannot stat the string it decoded, with U+FFFD), so only its raw event
   * tells; the intake reads that directory as bytes.
   */
  rawNameChanged(directoryPath: string): void;
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
    .on('raw', (_event, entryName, details) => {
      if (entryName?.includes('\uFFFD') !== true) return;
      const raw = RawEventDetails.safeParse(details);
      if (raw.success) request.events.rawNameChanged(raw.data.watchedPath);
    })
    .on('error', (error) => request.events.error(error));
  return { ready, close: () => watcher.close() };
};
