// The folder intake of the engine: watches every bound folder, routes each file to its
// administration and destination, passes it through the readiness gate and tells the engine,
// through callbacks, what it saw. It owns no durable state: the engine's `isKnown` is what keeps
// 50,000 already-handled files from being announced again at every start.
import { msg, type Message, type TreeRouteMessage } from '../../contract/messages/message.ts';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  UNROUTED_COMPANY_NUMBER,
  type CompanyNumber,
  type Destination,
  type FolderAvailability,
  type FolderBinding,
} from '../../contract/domain.ts';
import type { Logger } from '../logging/logger.ts';
import { createFolderWatch } from './folder-watch.ts';
import type { FolderWatch, FolderWatchTimings } from './folder-watch.ts';
import { isIgnoredRelativePath } from '../folders/ignored-names.ts';
import type { FolderOwnership } from '../folders/folder-owner.ts';
import { createReadinessGate } from './readiness-gate.ts';
import type { FileVersion, ReadinessClock } from './readiness-gate.ts';
import { giveReadableName } from './raw-names.ts';
import { routeAccountantTreePath } from './route-accountant-tree.ts';
import type { ResolveCategoryId, Route } from './route-accountant-tree.ts';
import { watchWithChokidar } from './watch-backend.ts';
import type { WatchFactory } from './watch-backend.ts';
import { errorCode } from './watch-limits.ts';

export interface IntakeFile {
  path: string;
  folderId: string;
  companyNumber: CompanyNumber;
  destination: Destination;
  sizeBytes: number;
  mtimeMs: number;
  /** When the intake gave the file its name (raw-names.ts): the name it had, as bytes in hex. */
  rawName?: string;
}

/**
 * A file whose name is not UTF-8 and could not be renamed (see onRawNameFailed): `path` is its
 * readable name in its folder, `rawName` the name's bytes in hex, `error` the system's code.
 */
export interface RawNameFailure extends IntakeFile {
  rawName: string;
  error: string;
}

/**
 * What the engine's callbacks may return. The intake never waits for a promise (it keeps
 * watching); a rejected one is logged, like a thrown error, so no handler can stop the intake.
 */
export type EngineAnswer = void | Promise<void>;

/** The settings that shape watching; `updateBindings` takes any subset of them. */
export interface IntakeTimings {
  stabilityWindowMs: number;
  pollingIntervalMs: number;
  rescanIntervalMs: number;
  forcePolling: boolean;
}

export interface FolderIntakeOptions extends IntakeTimings {
  bindings: FolderBinding[];
  resolveCategoryId: ResolveCategoryId;
  /**
   * True when the engine has taken this exact version (path, size, mtime) past the gate before
   * (ready or any later state). Asked before gating a file found by a scan or an event; must be
   * cheap and synchronous. Files merely seen or waiting must answer false, or they would never
   * become ready after a restart.
   */
  isKnown(path: string, sizeBytes: number, mtimeMs: number): boolean;
  /** First sight of a candidate (again after it changed once ready): detected / waiting. */
  onFileSeen(file: IntakeFile): EngineAnswer;
  /** Passed the gate: stable, readable, a PDF with its trailer. */
  onFileReady(file: IntakeFile): EngineAnswer;
  /** In an accountant tree, a file whose path leads to no destination; reported once a path. */
  onFileUnroutable(path: string, folderId: string, reason: TreeRouteMessage): EngineAnswer;
  /**
   * A file whose name is not UTF-8 could not be given its readable name (read-only share, no
   * permission): `path` is the readable name in its folder, `error` the system's code.
   */
  onRawNameFailed?(file: RawNameFailure): EngineAnswer;
  /** A file seen earlier was deleted before it became ready (never said for a vanished folder). */
  onFileRemoved(path: string, folderId: string): EngineAnswer;
  onAvailability(
    folderId: string,
    availability: FolderAvailability,
    reason: Message | null,
  ): EngineAnswer;
  logger: Logger;
  /** How long the native-events self-test waits for its probe. Default 5 s. */
  selfTestTimeoutMs?: number;
  /** Replaces chokidar; tests use it to simulate silent native events or watch limits. */
  watchFactory?: WatchFactory;
  /** The readiness gate's clock (stability windows and their retries); the real one by default. */
  readinessClock?: ReadinessClock;
  /** Who delivers each folder (folders/folder-owner.ts); absent: ownership is not asked. */
  ownership?: FolderOwnership;
}

export interface FolderIntake {
  /** Resolves once every folder is watched (its existing files seen) or known unavailable. */
  start(): Promise<void>;
  updateBindings(bindings: FolderBinding[], timings?: Partial<IntakeTimings>): Promise<void>;
  /** Scans every available folder now (after categories appear, or on the user's request). */
  rescan(): Promise<void>;
  /**
   * Gates a file again even if it was announced or is known: the engine calls it when a queued
   * file changed, or when the user retries one. A file that is gone is reported removed.
   */
  recheck(filePath: string): Promise<void>;
  /**
   * Checks now that every folder is there and still this installation's (it was taken over, or
   * the user took one over), instead of at the next presence check.
   */
  verifyPresence(): Promise<void>;
  /** Closes every watcher and timer; terminal. */
  stop(): Promise<void>;
}

const DEFAULT_SELF_TEST_TIMEOUT_MS = 5_000;

interface GateContext {
  folderId: string;
  companyNumber: CompanyNumber;
  destination: Destination;
}

interface WatchedFolder {
  binding: FolderBinding;
  root: string;
  /** Roots of other bindings inside this one, which own their files. */
  nestedRoots: string[];
  watch: FolderWatch | null;
}

function isInsideOrSame(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs;
}

export function createFolderIntake(options: FolderIntakeOptions): FolderIntake {
  const { logger } = options;
  const watchFactory = options.watchFactory ?? watchWithChokidar;
  const timings: IntakeTimings = {
    stabilityWindowMs: options.stabilityWindowMs,
    pollingIntervalMs: options.pollingIntervalMs,
    rescanIntervalMs: options.rescanIntervalMs,
    forcePolling: options.forcePolling,
  };
  const folderTimings = (): FolderWatchTimings => ({
    pollingIntervalMs: timings.pollingIntervalMs,
    rescanIntervalMs: timings.rescanIntervalMs,
    forcePolling: timings.forcePolling,
    selfTestTimeoutMs: options.selfTestTimeoutMs ?? DEFAULT_SELF_TEST_TIMEOUT_MS,
  });

  let bindings = options.bindings;
  const folders = new Map<string, WatchedFolder>();
  /** Versions announced ready this session, so no event or scan announces one twice. */
  const announced = new Map<string, { folderId: string; version: FileVersion }>();
  const unroutable = new Map<string, { folderId: string; reason: TreeRouteMessage }>();
  /**
   * Names this session gave to files whose names were not UTF-8 (path → the old name, hex), so
   * the row records it whichever comes first: the rename's watcher event or the intake's report.
   */
  const givenNames = new Map<string, string>();
  /** Files with names that are not UTF-8 being named or waiting to be (directory + hex). */
  const naming = new Map<string, NodeJS.Timeout | null>();
  let started = false;
  let stopped = false;
  /** The binding changes asked for so far, applied one after the other. */
  let bindingChanges: Promise<void> = Promise.resolve();

  /** A consumer's exception must not break the watcher that called it. */
  function reportToEngine<Args extends unknown[]>(
    name: string,
    callback: (...args: Args) => EngineAnswer,
    ...args: Args
  ): void {
    const fail = (error: unknown) =>
      logger.error(`intake: the engine's ${name} handler failed`, { error: String(error) });
    try {
      const answer = callback(...args);
      if (answer instanceof Promise) answer.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  const gate = createReadinessGate<GateContext>({
    stabilityWindowMs: () => timings.stabilityWindowMs,
    logger,
    clock: options.readinessClock,
    onReady(filePath, context, version) {
      if (stopped) return;
      announced.set(filePath, { folderId: context.folderId, version });
      reportToEngine('onFileReady', options.onFileReady, {
        path: filePath,
        ...context,
        ...version,
        ...rawNameOf(filePath),
      });
    },
    onVanished(filePath, context) {
      const folder = folders.get(context.folderId);
      if (folder?.watch == null) return;
      // Only a folder known to be still there may say a file in it was deleted.
      void folder.watch.verifyPresence().then((present) => {
        if (present && !stopped && folders.get(context.folderId) === folder) {
          reportToEngine('onFileRemoved', options.onFileRemoved, filePath, context.folderId);
        }
      });
    },
  });

  function rawNameOf(filePath: string): { rawName?: string } {
    const rawName = givenNames.get(filePath);
    return rawName === undefined ? {} : { rawName };
  }

  /** Gives a file whose name is not UTF-8 a readable one, then considers it like any file. */
  async function nameReadably(folder: WatchedFolder, directory: string, name: Buffer) {
    const key = `${directory}\0${name.toString('hex')}`;
    if (naming.has(key) || stopped) return;
    naming.set(key, null);
    const result = await giveReadableName(directory, name, timings.stabilityWindowMs, Date.now());
    naming.delete(key);
    if (stopped || folders.get(folder.binding.id) !== folder) return;
    switch (result.outcome) {
      case 'renamed': {
        givenNames.set(result.path, result.rawName);
        logger.info('intake: a file name that is not UTF-8 was given its readable form', {
          path: result.path,
          rawName: result.rawName,
        });
        const found = await statVersion(result.path).catch(() => 'gone' as const);
        if (typeof found === 'object') consider(folder, result.path, found, false);
        return;
      }
      case 'wait':
        naming.set(
          key,
          setTimeout(() => {
            naming.delete(key);
            void nameReadably(folder, directory, name);
          }, result.delayMs),
        );
        return;
      case 'gone':
        return;
      case 'failed': {
        logger.warn('intake: a file name that is not UTF-8 cannot be given its readable form', {
          path: result.shownPath,
          rawName: result.rawName,
          error: String(result.error),
        });
        const routed = route(folder, result.shownPath);
        if (options.onRawNameFailed === undefined || !routed.ok) return;
        reportToEngine('onRawNameFailed', options.onRawNameFailed, {
          path: result.shownPath,
          folderId: folder.binding.id,
          companyNumber: routed.companyNumber,
          destination: routed.destination,
          sizeBytes: result.sizeBytes,
          mtimeMs: result.mtimeMs,
          rawName: result.rawName,
          error: errorCode(result.error) ?? String(result.error),
        });
        return;
      }
    }
  }

  function route(folder: WatchedFolder, filePath: string): Route {
    const { binding } = folder;
    if (binding.mode === 'single') {
      return { ok: true, companyNumber: binding.companyNumber, destination: binding.destination };
    }
    if (binding.mode === 'e-invoice-inbox') {
      // Only the file's content names its administration: the send step reads it and routes.
      return {
        ok: true,
        companyNumber: UNROUTED_COMPANY_NUMBER,
        destination: { type: 'purchase' },
      };
    }
    return routeAccountantTreePath(folder.root, filePath, options.resolveCategoryId);
  }

  function forgetFolder(folderId: string): void {
    gate.cancelWhere((context) => context.folderId === folderId);
    for (const [filePath, entry] of announced) {
      if (entry.folderId === folderId) announced.delete(filePath);
    }
    for (const [filePath, entry] of unroutable) {
      if (entry.folderId === folderId) unroutable.delete(filePath);
    }
  }

  function consider(
    folder: WatchedFolder,
    filePath: string,
    version: FileVersion,
    force: boolean,
  ): void {
    if (stopped) return;
    if (gate.hint(filePath, version)) return;
    const folderId = folder.binding.id;
    const routed = route(folder, filePath);
    if (!routed.ok) {
      if (JSON.stringify(unroutable.get(filePath)?.reason) !== JSON.stringify(routed.reason)) {
        unroutable.set(filePath, { folderId, reason: routed.reason });
        reportToEngine(
          'onFileUnroutable',
          options.onFileUnroutable,
          filePath,
          folderId,
          routed.reason,
        );
      }
      return;
    }
    unroutable.delete(filePath);
    if (!force) {
      const previous = announced.get(filePath);
      if (previous !== undefined && sameVersion(previous.version, version)) return;
      if (options.isKnown(filePath, version.sizeBytes, version.mtimeMs)) return;
    }
    announced.delete(filePath);
    const context = {
      folderId,
      companyNumber: routed.companyNumber,
      destination: routed.destination,
    };
    reportToEngine('onFileSeen', options.onFileSeen, {
      path: filePath,
      ...context,
      ...version,
      ...rawNameOf(filePath),
    });
    gate.track(filePath, context, version);
  }

  async function statVersion(filePath: string): Promise<FileVersion | 'gone' | 'not-a-file'> {
    try {
      const stats = await stat(filePath);
      return stats.isFile() ? { sizeBytes: stats.size, mtimeMs: stats.mtimeMs } : 'not-a-file';
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'gone';
      throw error;
    }
  }

  function createWatch(folder: WatchedFolder): FolderWatch {
    const folderId = folder.binding.id;
    return createFolderWatch({
      folderPath: folder.root,
      isExcluded: (entryPath) => folder.nestedRoots.some((root) => isInsideOrSame(root, entryPath)),
      timings: folderTimings,
      watchFactory,
      logger,
      ownership: options.ownership ?? null,
      hooks: {
        candidate(filePath, version) {
          if (version !== null) {
            consider(folder, filePath, version, false);
            return;
          }
          void statVersion(filePath).then(
            (found) => {
              if (typeof found === 'object') consider(folder, filePath, found, false);
            },
            (error: unknown) =>
              logger.warn('intake: cannot stat a file', { path: filePath, error: String(error) }),
          );
        },
        rawName(directory, name) {
          void nameReadably(folder, directory, name);
        },
        fileRemoved(filePath) {
          givenNames.delete(filePath);
          announced.delete(filePath);
          unroutable.delete(filePath);
          // Let the gate find it gone once its window ends: a folder being deleted or unplugged
          // removes its files first, and must not read as a list of deletions.
          gate.hint(filePath, null);
        },
        availability(availability, reason) {
          reportToEngine('onAvailability', options.onAvailability, folderId, availability, reason);
        },
        wentAway() {
          forgetFolder(folderId);
        },
      },
    });
  }

  function planFolders(next: readonly FolderBinding[]): Map<string, WatchedFolder> {
    const planned = new Map<string, WatchedFolder>();
    const roots = next.map((binding) => path.resolve(binding.path));
    next.forEach((binding, index) => {
      const root = roots[index] as string;
      const nestedRoots = roots.filter(
        (other, otherIndex) =>
          otherIndex !== index && other !== root && isInsideOrSame(root, other),
      );
      planned.set(binding.id, { binding, root, nestedRoots, watch: null });
    });
    return planned;
  }

  function duplicateOf(folder: WatchedFolder, planned: Map<string, WatchedFolder>): string | null {
    for (const other of planned.values()) {
      if (other === folder) return null;
      if (other.root === folder.root) return other.binding.id;
    }
    return null;
  }

  async function startFolder(
    folder: WatchedFolder,
    planned: Map<string, WatchedFolder>,
  ): Promise<void> {
    folders.set(folder.binding.id, folder);
    if (duplicateOf(folder, planned) !== null) {
      reportToEngine(
        'onAvailability',
        options.onAvailability,
        folder.binding.id,
        'unavailable',
        msg('folder_watched_twice', { path: folder.root }),
      );
      return;
    }
    folder.watch = createWatch(folder);
    await folder.watch.start();
  }

  async function stopFolder(folder: WatchedFolder): Promise<void> {
    if (folders.get(folder.binding.id) === folder) folders.delete(folder.binding.id);
    await folder.watch?.stop();
    forgetFolder(folder.binding.id);
  }

  /**
   * Runs `change` after the changes asked for before it. A change that began while the last was
   * still stopping and starting watchers saw a half-updated map and started its own, and the
   * watchers it replaced kept running unowned (three quick changes of a folder's split mode left
   * three watchers, each reporting the folder's files).
   */
  function oneAtATime(change: () => Promise<void>): Promise<void> {
    const applied = bindingChanges.then(change);
    bindingChanges = applied.catch(() => undefined);
    return applied;
  }

  /** Stops the watchers of changed or removed bindings and starts those of new or changed ones. */
  async function applyBindings(
    nextBindings: FolderBinding[],
    nextTimings: Partial<IntakeTimings>,
  ): Promise<void> {
    if (stopped) return;
    const watchModeChanged =
      (nextTimings.pollingIntervalMs !== undefined &&
        nextTimings.pollingIntervalMs !== timings.pollingIntervalMs) ||
      (nextTimings.forcePolling !== undefined && nextTimings.forcePolling !== timings.forcePolling);
    const rescanChanged =
      nextTimings.rescanIntervalMs !== undefined &&
      nextTimings.rescanIntervalMs !== timings.rescanIntervalMs;
    Object.assign(timings, nextTimings);
    bindings = nextBindings;
    if (!started) return;

    const planned = planFolders(nextBindings);
    const stopping: Promise<void>[] = [];
    for (const [folderId, folder] of folders) {
      const next = planned.get(folderId);
      if (next === undefined || watchModeChanged || !sameFolder(folder, next)) {
        stopping.push(stopFolder(folder));
      } else {
        planned.set(folderId, folder);
        if (rescanChanged) folder.watch?.rescheduleRescan();
      }
    }
    await Promise.all(stopping);
    await Promise.all(
      [...planned.values()]
        .filter((folder) => folders.get(folder.binding.id) !== folder)
        .map((folder) => startFolder(folder, planned)),
    );
  }

  function sameFolder(a: WatchedFolder, b: WatchedFolder): boolean {
    return (
      JSON.stringify(a.binding) === JSON.stringify(b.binding) &&
      a.nestedRoots.join('\n') === b.nestedRoots.join('\n')
    );
  }

  function owningFolder(filePath: string): WatchedFolder | null {
    let owner: WatchedFolder | null = null;
    for (const folder of folders.values()) {
      if (folder.watch !== null && isInsideOrSame(folder.root, filePath)) {
        if (owner === null || folder.root.length > owner.root.length) owner = folder;
      }
    }
    return owner;
  }

  return {
    async start() {
      if (started || stopped) return;
      started = true;
      // Against no watcher yet, the bindings known when its turn comes all start.
      await oneAtATime(() => applyBindings(bindings, {}));
    },

    updateBindings(nextBindings, nextTimings = {}) {
      return oneAtATime(() => applyBindings(nextBindings, nextTimings));
    },

    async rescan() {
      await Promise.all([...folders.values()].map((folder) => folder.watch?.rescan()));
    },

    async verifyPresence() {
      await Promise.all([...folders.values()].map((folder) => folder.watch?.verifyPresence()));
    },

    async recheck(filePath) {
      const absolute = path.resolve(filePath);
      const folder = owningFolder(absolute);
      if (
        stopped ||
        folder === null ||
        isIgnoredRelativePath(path.relative(folder.root, absolute))
      ) {
        logger.debug('intake: recheck of a file outside the watched folders', { path: absolute });
        return;
      }
      announced.delete(absolute);
      unroutable.delete(absolute);
      const found = await statVersion(absolute);
      if (stopped) return;
      if (typeof found === 'object') {
        consider(folder, absolute, found, true);
      } else if (found === 'gone' && (await folder.watch?.verifyPresence()) === true && !stopped) {
        reportToEngine('onFileRemoved', options.onFileRemoved, absolute, folder.binding.id);
      }
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      // A change under way finishes first, so no watcher starts after the others were closed.
      await bindingChanges;
      gate.stop();
      for (const timer of naming.values()) if (timer !== null) clearTimeout(timer);
      naming.clear();
      await Promise.all([...folders.values()].map((folder) => stopFolder(folder)));
      announced.clear();
      unroutable.clear();
      givenNames.clear();
    },
  };
}
