// The composition root of core: the one service every transport (Electron IPC, loopback HTTP,
// the CLI) calls. It owns the store, the queue, the watchers and the Clearfacts client.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiHandlers, type EventListener } from '../contract/api-contract.ts';
import type { Failure } from '../contract/domain.ts';
import { createAdministrationsCache } from './account/administrations-cache.ts';
import type { ClearfactsClient } from './api/clearfacts-client.ts';
import { createClearfactsClient } from './api/clearfacts-graphql-client.ts';
import { withApiErrors } from './handlers/api-errors.ts';
import { checkDocument } from './documents/check-document.ts';
import { convertImageToPdf } from './documents/convert-image-to-pdf.ts';
import { createDropIntake } from './queue/drop-intake.ts';
import { acquireEngineLock, type EngineLock } from './control/engine-lock.ts';
import { startControlServer, type ControlServer } from './control/control-server.ts';
import { createEventHub } from './events/event-hub.ts';
import { createHistoryActions } from './queue/history-actions.ts';
import { createFolderIntake, type FolderIntake } from './intake/folder-intake.ts';
import { createIntakeRecorder } from './queue/intake-recorder.ts';
import { createFileLogger } from './logging/file-logger.ts';
import type { Logger } from './logging/logger.ts';
import { ACTIVE_STATES } from './store/file-lifecycle.ts';
import { DEFAULT_RETRY_TUNING } from './queue/retry-policy.ts';
import { createUploadQueue } from './queue/upload-queue.ts';
import type { TokenStore } from './account/token/token-store.ts';
import { createSession } from './account/session.ts';
import { createStatusTracker } from './events/status-tracker.ts';
import { openHeadlessSettingsStore } from './store/conf-settings-store.ts';
import { toHistoryEntry, type FileRecord } from './store/file-record.ts';
import { openHistoryDatabase } from './store/history-database.ts';
import { createHistoryRepository, type Transition } from './store/history-repository.ts';
import { describeStorageFault } from './store/storage-fault.ts';
import { createStorageGuard } from './store/storage-guard.ts';
import type { SettingsStore } from './store/settings-store.ts';
import { createWatchedFolders } from './folders/watched-folders.ts';

export interface EngineOptions {
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
  /**
   * Whether start() watches the bound folders (default true). `clearfacts-uploader upload` and
   * `retry` run the queue without them.
   */
  watchFolders?: boolean;
  /** Timing knobs for tests and the benchmark; the defaults are what users get. */
  tuning?: {
    /** Time allowed for a query, and for an upload's answer once its body is sent. */
    apiTimeoutMs?: number;
    retryBaseDelayMs?: number;
    retryMaxDelayMs?: number;
    /** How long stop() lets running sends finish before calling them off. Default 5 s. */
    stopGraceMs?: number;
    /** How often the token store is read again while no usable token is known. Default 5 s. */
    tokenRecheckMs?: number;
    /** How often a history that cannot be written is tried again. Default 5 s. */
    storageRecheckMs?: number;
    /** How often accountant trees are rebuilt from the API. Default 15 min. */
    treeRefreshMs?: number;
  };
  /** How the shell shows a file in the OS file manager; absent in the browser. */
  revealFile?: (path: string) => Promise<void>;
}

export interface Engine {
  readonly handlers: ApiHandlers;
  subscribe(listener: EventListener): () => void;
  /** Opens the history, recovers interrupted uploads, starts watching the bound folders. */
  start(): Promise<void>;
  /** Stops watching, lets running uploads finish (or records them unconfirmed), closes the store. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued, waiting or uploading (tests and `upload` use it). */
  whenIdle(): Promise<void>;
}

const INTERRUPTED: Failure = {
  code: 'transient',
  message:
    'The app stopped while this file was being sent, so it may have arrived. Check in Clearfacts, then resend it or mark it done.',
};
/** Administrations and categories are asked for again after this long. */
const ADMINISTRATIONS_TTL_MS = 10 * 60_000;
/** Unroutable files make the trees refresh at most this often. */
const TREE_REFRESH_SPACING_MS = 30_000;
/** How long start() waits for the API before watching accountant trees anyway. */
const TREE_START_WAIT_MS = 10_000;

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const { configDir } = options;
  const tuning = options.tuning ?? {};
  // File names and company numbers are the user's business: the folder is theirs alone.
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const ownedLogger = options.logger
    ? null
    : createFileLogger({ directory: path.join(configDir, 'logs'), level: 'info' });
  const logger: Logger = options.logger ?? (ownedLogger as Logger);
  const ownedSettings = options.settingsStore
    ? null
    : openHeadlessSettingsStore({ configDir, logger, watch: true });
  const settings: SettingsStore = options.settingsStore ?? (ownedSettings as SettingsStore);
  const apiUrl = () => options.apiUrl ?? settings.get().apiUrl;
  const stagingDir = path.join(configDir, 'staging');
  const databasePath = path.join(configDir, 'history.sqlite');

  const db = openHistoryDatabase(databasePath);
  const repository = createHistoryRepository(db);
  const hub = createEventHub({ logger });

  const clientFor = (getToken: () => Promise<string | null>): ClearfactsClient =>
    createClearfactsClient({
      apiUrl: apiUrl(),
      getToken,
      fetch: options.fetch ?? globalThis.fetch,
      ...(tuning.apiTimeoutMs === undefined ? {} : { timeoutMs: tuning.apiTimeoutMs }),
    });
  let clientApiUrl = apiUrl();
  let client = clientFor(() => session.getToken());
  const currentClient = (): ClearfactsClient => {
    if (apiUrl() !== clientApiUrl) {
      clientApiUrl = apiUrl();
      client = clientFor(() => session.getToken());
    }
    return client;
  };

  let foldersTimer: NodeJS.Timeout | null = null;
  function foldersChanged(): void {
    foldersTimer ??= setTimeout(() => {
      foldersTimer = null;
      hub.emit('folders.changed', { folders: folders.views() });
    }, 250);
  }

  function recorded(
    previous: Parameters<typeof status.noteTransition>[0],
    record: FileRecord,
  ): void {
    hub.historyChanged(toHistoryEntry(record));
    status.noteTransition(previous, record.state);
    if (record.folderId !== null) foldersChanged();
  }
  const onTransition = ({ previous, record }: Transition) => recorded(previous, record);
  const onInserted = (record: FileRecord) => recorded(null, record);

  const storage = createStorageGuard({
    probe: () => repository.probeWrite(),
    describe: (error) => describeStorageFault(error, databasePath),
    recheckMs: tuning.storageRecheckMs ?? 5_000,
    logger,
    onChange: (fault) => {
      queue.setStorageFault(fault);
      if (fault === null && intake !== null) {
        for (const missed of recorder.takeMissed())
          inBackground(intake.recheck(missed), 'A recheck');
        inBackground(intake.rescan(), 'A rescan');
      }
    },
  });

  const administrations = createAdministrationsCache({
    client: currentClient,
    ttlMs: ADMINISTRATIONS_TTL_MS,
  });

  async function explainRefusal(record: FileRecord, failure: Failure): Promise<Failure> {
    try {
      const listed = await administrations.list(true);
      if (!listed.some((administration) => administration.companyNumber === record.companyNumber)) {
        return {
          ...failure,
          code: 'unknown_administration',
          message: `Clearfacts refused the file: administration ${record.companyNumber} is not among those this token can reach. Check the folder's administration.`,
        };
      }
      const destination = record.destination;
      if (destination.type === 'various' || destination.type === 'permanent') {
        const categories = await administrations.categories(record.companyNumber, true);
        if (
          !categories[destination.type].some((category) => category.id === destination.categoryId)
        ) {
          return {
            ...failure,
            code: 'unknown_category',
            message: `Clearfacts refused the file: administration ${record.companyNumber} has no such ${destination.type} archive category any more. Pick another category for the folder.`,
          };
        }
      }
    } catch {
      // The refusal stands as Clearfacts gave it.
    }
    return failure;
  }

  const queue = createUploadQueue({
    repository,
    storage,
    documents: {
      check: checkDocument,
      convertToPdf: async (input, output) => void (await convertImageToPdf(input, output)),
    },
    client: currentClient,
    settings: () => settings.get(),
    retry: {
      baseDelayMs: tuning.retryBaseDelayMs ?? DEFAULT_RETRY_TUNING.baseDelayMs,
      maxDelayMs: tuning.retryMaxDelayMs ?? DEFAULT_RETRY_TUNING.maxDelayMs,
    },
    stagingDir,
    logger,
    onTransition,
    onHoldsChanged: () => {
      status.changed();
      if (queue.holds.auth !== null) session.tokenRefused();
    },
    explainRefusal,
    onChangedAfterSend: (filePath) => {
      if (intake !== null) inBackground(intake.recheck(filePath), 'A recheck');
    },
  });

  const status = createStatusTracker({
    counts: () => repository.countByState(),
    holds: () => queue.holds,
    runningCount: () => queue.runningCount(),
    emit: (snapshot) => hub.emit('status', snapshot),
  });

  const session = createSession({
    tokenStore: options.tokenStore,
    clientFor,
    apiUrl,
    ...(options.demoToken === undefined ? {} : { demoToken: options.demoToken }),
    logger,
    recheckMs: tuning.tokenRecheckMs ?? 5_000,
    onTokenUsable: (reason) => queue.setAuthHold(reason),
    onTokenChanged: () => administrations.clear(),
    onChanged: (info) => hub.emit('session.changed', info),
  });

  const folders = createWatchedFolders({
    settings,
    administrations,
    counts: () => repository.countByFolder(),
    logger,
    onChanged: foldersChanged,
  });

  const recorder = createIntakeRecorder({
    repository,
    storage,
    queue,
    bindings: () => folders.bindings(),
    logger,
    onInserted,
    onTransition,
    onForgotten: (record) => status.noteTransition(record.state, null),
  });

  const historyActions = createHistoryActions({
    repository,
    storage,
    queue,
    onTransition,
    ...(options.revealFile === undefined ? {} : { revealFile: options.revealFile }),
  });

  const drop = createDropIntake({
    repository,
    storage,
    queue,
    check: checkDocument,
    source: options.shell === 'cli' ? 'cli' : 'drop',
    onInserted,
  });

  /** Work started without waiting for it (timers, events): its failure is logged, never thrown. */
  function inBackground(work: Promise<unknown>, what: string): void {
    work.catch((error: unknown) =>
      logger.error(`${what} failed`, {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  let intake: FolderIntake | null = null;
  let lock: EngineLock | null = null;
  let control: ControlServer | null = null;
  let treeTimer: NodeJS.Timeout | null = null;
  let started = false;
  let stopped = false;

  /** Files seen in a folder that is no longer watched were the user's: they are finished. */
  function releaseOrphans(): void {
    const bound = new Set(folders.bindings().map((binding) => binding.id));
    for (const record of repository.inStates(['detected', 'waiting_stability'])) {
      if (record.folderId !== null && !bound.has(record.folderId)) {
        onTransition(storage.write(() => repository.transition(record.id, 'ready')));
      }
    }
    queue.poke();
  }

  function intakeTimings() {
    const current = settings.get();
    return {
      stabilityWindowMs: current.stabilityWindowMs,
      pollingIntervalMs: current.pollingIntervalMs,
      rescanIntervalMs: current.rescanIntervalMs,
      forcePolling: current.forcePolling,
    };
  }

  /**
   * A file the tree cannot route may name a category or an administration that is new, or whose
   * list is not loaded yet: ask the API again (at most every half minute) and look again.
   */
  let lastTreeRefresh = 0;
  let treeRefreshTimer: NodeJS.Timeout | null = null;
  function refreshTreesSoon(): void {
    if (treeRefreshTimer !== null) return;
    const wait = Math.max(0, lastTreeRefresh + TREE_REFRESH_SPACING_MS - Date.now());
    treeRefreshTimer = setTimeout(() => {
      treeRefreshTimer = null;
      lastTreeRefresh = Date.now();
      inBackground(
        folders.refreshTrees().then(() => intake?.rescan()),
        'Refreshing the accountant trees',
      );
    }, wait);
  }

  async function startWatching(): Promise<void> {
    if (folders.bindings().some((binding) => binding.mode === 'accountant-tree')) {
      // Archive files are routed by category names, which come from the API: wait for them a
      // while, but an unreachable API must not keep the other folders from being watched.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        folders.refreshTrees(),
        new Promise((resolve) => (waited = setTimeout(resolve, TREE_START_WAIT_MS))),
      ]);
      clearTimeout(waited);
    }
    const watching = createFolderIntake({
      ...intakeTimings(),
      bindings: folders.bindings(),
      resolveCategoryId: (companyNumber, type, folderName) =>
        folders.resolveCategoryId(companyNumber, type, folderName),
      isKnown: (filePath, sizeBytes, mtimeMs) => repository.isKnown(filePath, sizeBytes, mtimeMs),
      onFileSeen: (file) => {
        folders.noteRouted(file.folderId, file.path);
        recorder.onFileSeen(file);
      },
      onFileReady: (file) => recorder.onFileReady(file),
      onFileUnroutable: (filePath, folderId, reason) => {
        logger.warn('A file in an accountant folder has no destination and is not sent', {
          path: filePath,
          reason,
        });
        folders.noteUnroutable(folderId, filePath, reason);
        refreshTreesSoon();
      },
      onFileRemoved: (filePath) => recorder.onFileRemoved(filePath),
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
    for (const record of repository.inStates(['detected', 'waiting_stability'])) {
      inBackground(watching.recheck(record.path), 'A recheck');
    }
    treeTimer = setInterval(
      () =>
        inBackground(
          folders.refreshTrees().then(() => watching.rescan()),
          'Refreshing the accountant trees',
        ),
      tuning.treeRefreshMs ?? 15 * 60_000,
    );
  }

  let watchedSetup = JSON.stringify([settings.get().folders, intakeTimings()]);
  const unsubscribeSettings = settings.onChange((current) => {
    hub.emit('settings.changed', current);
    foldersChanged();
    queue.poke();
    // Only a change of folders or of watch timings concerns the intake (not, say, the language).
    const setup = JSON.stringify([current.folders, intakeTimings()]);
    if (intake === null || setup === watchedSetup) return;
    watchedSetup = setup;
    const watching = intake;
    inBackground(
      watching.updateBindings(current.folders, intakeTimings()).then(async () => {
        releaseOrphans();
        await folders.refreshTrees();
        await watching.rescan();
      }),
      'Applying the changed folders',
    );
  });

  async function requireToken(): Promise<void> {
    await session.load();
    if (!session.info().signedIn) {
      throw new ApiError('not_signed_in', 'Sign in with a Clearfacts token first.');
    }
  }

  const handlers: ApiHandlers = {
    'session.get': withApiErrors(async () => {
      await session.load();
      return session.info();
    }),
    'session.signIn': withApiErrors(({ token }) => session.signIn(token)),
    'session.signInDemo': withApiErrors(() => session.signInDemo()),
    'session.signOut': withApiErrors(() => session.signOut()),

    'administrations.list': withApiErrors(async ({ refresh }) => {
      await requireToken();
      const listed = await administrations.list(refresh);
      if (refresh && intake !== null) {
        inBackground(
          folders.refreshTrees().then(() => intake?.rescan()),
          'Refreshing the accountant trees',
        );
      }
      return listed;
    }),
    'administrations.categories': withApiErrors(async ({ companyNumber }) => {
      await requireToken();
      return administrations.categories(companyNumber);
    }),

    'folders.list': withApiErrors(async () => folders.views()),
    'folders.add': withApiErrors((request) => folders.add(request)),
    'folders.addTree': withApiErrors(async (request) => {
      await requireToken();
      return folders.addTree(request);
    }),
    'folders.remove': withApiErrors(async ({ id }) => folders.remove(id)),

    'drop.inspect': withApiErrors(({ paths }) =>
      drop.inspect(paths, { maxUploadBytes: settings.get().maxUploadBytes }),
    ),
    'drop.send': withApiErrors(async ({ paths, companyNumber, destination }) => {
      const entries = drop.send(paths, companyNumber, destination);
      settings.update({ lastDropTarget: { companyNumber, destination } });
      return entries;
    }),

    'history.query': withApiErrors(async ({ filter, offset, limit }) => {
      const { rows, total } = repository.query(filter, offset, limit);
      return { rows: rows.map(toHistoryEntry), total };
    }),
    'history.retry': withApiErrors(({ id }) => historyActions.retry(id)),
    'history.retryAllFailed': withApiErrors(async () => historyActions.retryAllFailed()),
    'history.resend': withApiErrors(async ({ id }) => historyActions.resend(id)),
    'history.markDone': withApiErrors(async ({ id }) => historyActions.markDone(id)),
    'history.reveal': withApiErrors(({ id }) => historyActions.reveal(id)),

    'queue.pause': withApiErrors(async () => {
      queue.pause();
      return status.snapshot();
    }),
    'queue.resume': withApiErrors(async () => {
      queue.resume();
      return status.snapshot();
    }),
    'status.get': withApiErrors(async () => status.snapshot()),

    'settings.get': withApiErrors(async () => settings.get()),
    'settings.update': withApiErrors(async (patch) => settings.update(patch)),

    'app.info': withApiErrors(async () => ({
      shell: options.shell === 'electron' ? ('electron' as const) : ('browser' as const),
      version: options.version,
      platform: process.platform,
      osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    })),
  };

  return {
    handlers,

    subscribe: (listener) => hub.subscribe(listener),

    async start(): Promise<void> {
      if (started || stopped) return;
      lock = acquireEngineLock(configDir);
      started = true;
      // No idempotency key exists: a send cut short by a crash may have arrived, so it is
      // never sent again without the user.
      for (const record of repository.inStates(['uploading'])) {
        onTransition(repository.transition(record.id, 'unconfirmed', { failure: INTERRUPTED }));
        logger.warn('A send was interrupted by the last stop: unconfirmed', { id: record.id });
      }
      rmSync(stagingDir, { recursive: true, force: true });
      mkdirSync(stagingDir, { recursive: true });
      const counts = repository.countByState();
      status.reset(ACTIVE_STATES.reduce((sum, state) => sum + counts[state], 0));
      // Other processes of this user reach the engine from here on (`upload` while `watch` runs).
      control = await startControlServer({
        configDir,
        engine: { handlers, subscribe: (listener) => hub.subscribe(listener) },
        version: options.version,
        shell: options.shell,
        logger,
      });
      await session.start();
      queue.start();
      if (options.watchFolders !== false) {
        releaseOrphans();
        await startWatching();
      }
      status.changed();
      logger.info('Engine started', { version: options.version, shell: options.shell });
    },

    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await control?.close();
      unsubscribeSettings();
      if (treeTimer) clearInterval(treeTimer);
      if (treeRefreshTimer) clearTimeout(treeRefreshTimer);
      if (foldersTimer) clearTimeout(foldersTimer);
      await intake?.stop();
      await queue.stop(tuning.stopGraceMs ?? 5_000);
      hub.flush();
      status.close();
      session.close();
      storage.close();
      hub.close();
      db.close();
      lock?.release();
      ownedSettings?.close();
      if (started) logger.info('Engine stopped');
      await ownedLogger?.close();
    },

    whenIdle: () => queue.whenIdle(),
  };
}
