// Keeps the folder intake in step with the user's folders: starts it once the accountant trees
// are known (or the API is too slow), applies changed folders and watch timings, rebuilds the
// trees from the API now and then, and sends what the intake finds to the history's recorder.
import type { FolderBinding, Settings } from '../../contract/domain.ts';
import type { FolderOwnership } from '../folders/folder-owner.ts';
import type { WatchedFolders } from '../folders/watched-folders.ts';
import type { Logger } from '../logging/logger.ts';
import type { SettingsStore } from '../store/settings-store.ts';
import {
  createFolderIntake,
  type EngineAnswer,
  type FolderIntake,
  type IntakeFile,
  type RawNameFailure,
  type IntakeTimings,
} from './folder-intake.ts';

/** Where the intake's findings go: the queue's recorder, which writes them into the history. */
export interface IntakeSink {
  onFileSeen(file: IntakeFile): EngineAnswer;
  onFileReady(file: IntakeFile): EngineAnswer;
  onFileRemoved(filePath: string): EngineAnswer;
  /** A file whose name is not UTF-8 could not be renamed to its readable form (raw-names.ts). */
  onRawNameFailed(file: RawNameFailure): EngineAnswer;
  /**
   * Files waiting at the gate in a folder that is no longer bound: nobody watches them finish,
   * so they are dropped, never sent. Called after every change of folders.
   */
  dropUnwatched(boundFolderIds: ReadonlySet<string>): void;
  /** Paths caught between the gate's steps by the last stop: they are gated again. */
  waitingAtGate(): string[];
}

export interface WatchSupervisorOptions {
  settings: SettingsStore;
  folders: WatchedFolders;
  sink: IntakeSink;
  /** True when this exact version of a file went past the gate before (see FolderIntakeOptions). */
  isKnown(path: string, sizeBytes: number, mtimeMs: number): boolean;
  logger: Logger;
  /** How often accountant trees are rebuilt from the API (ms). */
  treeRefreshMs: number;
  /** Who delivers each folder: one owned by another installation is not watched here. */
  ownership: FolderOwnership;
}

/** The running intake's lifecycle; every method is safe to call before start() and after stop(). */
export interface WatchSupervisor {
  /** Watches every bound folder; resolves once each is watched or known unavailable. */
  start(): Promise<void>;
  /** Asks the API for the trees again and rescans (the user refreshed the administrations). */
  refreshTrees(): void;
  /** Gates one file again (it changed after its send, or its history write was missed). */
  recheck(filePath: string): void;
  /** Scans every folder again (the history accepts writes again). */
  rescan(): void;
  /** Checks every folder's presence and owner now (a take-over happened here or elsewhere). */
  verifyPresence(): void;
  /** Closes every watcher and timer; terminal. */
  stop(): Promise<void>;
}

/** Unroutable files make the trees refresh at most this often. */
const TREE_REFRESH_SPACING_MS = 30_000;
/** How long start() waits for the API before watching accountant trees anyway. */
const TREE_START_WAIT_MS = 10_000;
/** How long stop waits for background work (a tree being built, a rescan) to settle. */
const BACKGROUND_STOP_WAIT_MS = 10_000;

function intakeTimings(settings: Settings): IntakeTimings {
  return {
    stabilityWindowMs: settings.stabilityWindowMs,
    pollingIntervalMs: settings.pollingIntervalMs,
    rescanIntervalMs: settings.rescanIntervalMs,
    forcePolling: settings.forcePolling,
  };
}

/** What the intake depends on; other settings (say, the language) leave the watchers alone. */
function watchSetupKey(settings: Settings): string {
  return JSON.stringify([settings.folders, intakeTimings(settings)]);
}

export function createWatchSupervisor(options: WatchSupervisorOptions): WatchSupervisor {
  const { settings, folders, sink, logger } = options;
  let intake: FolderIntake | null = null;
  let stopped = false;
  let treeTimer: NodeJS.Timeout | null = null;
  let treeRefreshTimer: NodeJS.Timeout | null = null;
  let lastTreeRefresh = 0;
  let watchedSetup = watchSetupKey(settings.get());

  /** Work started in the background and not yet settled: stop waits for it. */
  const running = new Set<Promise<unknown>>();

  function inBackground(work: Promise<unknown>, what: string): void {
    const settled = work
      .catch((error: unknown) =>
        logger.error(`${what} failed`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => running.delete(settled));
    running.add(settled);
  }

  function boundIds(bindings: FolderBinding[]): ReadonlySet<string> {
    return new Set(bindings.map((binding) => binding.id));
  }

  function refreshTrees(): void {
    if (intake === null) return;
    inBackground(
      folders.refreshTrees().then(() => intake?.rescan()),
      'Refreshing the accountant trees',
    );
  }

  /**
   * A file the tree cannot route may name a category or an administration that is new, or whose
   * list is not loaded yet: ask the API again (at most every half minute) and look again.
   */
  function refreshTreesSoon(): void {
    if (treeRefreshTimer !== null || stopped) return;
    const wait = Math.max(0, lastTreeRefresh + TREE_REFRESH_SPACING_MS - Date.now());
    treeRefreshTimer = setTimeout(() => {
      treeRefreshTimer = null;
      lastTreeRefresh = Date.now();
      refreshTrees();
    }, wait);
  }

  const unsubscribeSettings = settings.onChange((current) => {
    const setup = watchSetupKey(current);
    if (intake === null || setup === watchedSetup) return;
    watchedSetup = setup;
    const watching = intake;
    inBackground(
      watching.updateBindings(current.folders, intakeTimings(current)).then(async () => {
        sink.dropUnwatched(boundIds(current.folders));
        await folders.refreshTrees();
        await watching.rescan();
      }),
      'Applying the changed folders',
    );
  });

  async function waitForTrees(): Promise<void> {
    if (!folders.bindings().some((binding) => binding.mode === 'accountant-tree')) return;
    // Archive files are routed by category names, which come from the API: wait for them a
    // while, but an unreachable API must not keep the other folders from being watched.
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      folders.refreshTrees(),
      new Promise((resolve) => (waited = setTimeout(resolve, TREE_START_WAIT_MS))),
    ]);
    clearTimeout(waited);
  }

  return {
    async start() {
      if (intake !== null || stopped) return;
      sink.dropUnwatched(boundIds(folders.bindings()));
      await waitForTrees();
      const current = settings.get();
      watchedSetup = watchSetupKey(current);
      const watching = createFolderIntake({
        ...intakeTimings(current),
        bindings: folders.bindings(),
        resolveCategoryId: (companyNumber, type, folderName) =>
          folders.resolveCategoryId(companyNumber, type, folderName),
        isKnown: options.isKnown,
        ownership: options.ownership,
        onFileSeen: (file) => {
          folders.noteRouted(file.folderId, file.path);
          return sink.onFileSeen(file);
        },
        onFileReady: (file) => sink.onFileReady(file),
        onFileUnroutable: (filePath, folderId, reason) => {
          logger.warn('A file in an accountant folder has no destination and is not sent', {
            path: filePath,
            reason,
          });
          folders.noteUnroutable(folderId, filePath, reason);
          refreshTreesSoon();
        },
        onFileRemoved: (filePath) => sink.onFileRemoved(filePath),
        onRawNameFailed: (file) => sink.onRawNameFailed(file),
        onAvailability: (folderId, availability, reason) => {
          if (availability === 'unavailable')
            logger.warn('A watched folder is unavailable', { folderId, reason });
          folders.setAvailability(folderId, availability, reason);
        },
        logger,
      });
      intake = watching;
      await watching.start();
      // Files caught mid-gate by the last stop are gated again, or forgotten if they are gone.
      for (const filePath of sink.waitingAtGate()) {
        inBackground(watching.recheck(filePath), 'A recheck');
      }
      treeTimer = setInterval(refreshTrees, options.treeRefreshMs);
    },

    refreshTrees,

    recheck(filePath) {
      if (intake !== null) inBackground(intake.recheck(filePath), 'A recheck');
    },

    rescan() {
      if (intake !== null) inBackground(intake.rescan(), 'A rescan');
    },

    verifyPresence() {
      if (intake !== null) inBackground(intake.verifyPresence(), 'A presence check');
    },

    async stop() {
      stopped = true;
      unsubscribeSettings();
      if (treeTimer) clearInterval(treeTimer);
      if (treeRefreshTimer) clearTimeout(treeRefreshTimer);
      // A tree being built must be done before the engine reports stopped: it creates folders
      // in the user's tree, which nothing may still be writing once the caller goes on. A scan
      // stuck on a dead share must not hold the stop for ever, hence the bound.
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(running),
        new Promise((resolve) => (bound = setTimeout(resolve, BACKGROUND_STOP_WAIT_MS))),
      ]);
      clearTimeout(bound);
      await intake?.stop();
    },
  };
}
