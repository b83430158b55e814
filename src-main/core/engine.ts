// The composition root of core: builds each stage in dependency order, connects them through the
// engine's signals, and hands every transport (Electron IPC, loopback HTTP, the CLI, the control
// channel) the same engine. It wires; the stages decide.
import { mkdirSync, rmSync } from 'node:fs';
import { prepareConfigDir } from './store/config-dir.ts';
import path from 'node:path';
import { ApiError, type ApiHandlers, type EventListener } from '../contract/api-contract.ts';
import { apiUrlProblem } from '../contract/domain.ts';
import { createAdministrationsCache } from './account/administrations-cache.ts';
import { chooseArchiveCategory } from './folders/category-choice.ts';
import { createRefusalExplainer } from './account/explain-refusal.ts';
import { authHoldReason, createSession, type UploadScope } from './account/session.ts';
import { createTokenOrigins } from './account/token/token-origins.ts';
import type { TokenStore } from './account/token/token-store.ts';
import { ClearfactsApiError, type ClearfactsClient } from './api/clearfacts-client.ts';
import { createClearfactsClient } from './api/clearfacts-graphql-client.ts';
import { createFollowUp } from './follow-up/follow-up.ts';
import { FOLLOW_UP_OFFSETS_MS } from './follow-up/follow-up-schedule.ts';
import { createFollowUpRecords } from './store/follow-up-records.ts';
import { acquireEngineLock, type EngineLock } from './store/engine-lock.ts';
import { checkDocument } from './documents/check-document.ts';
import { unwrapEnvelope } from './documents/e-invoice/unwrap-envelope.ts';
import { warmUblSchemaValidator } from './documents/e-invoice/ubl-schema-advice.ts';
import { convertImageToPdf } from './documents/convert-image-to-pdf.ts';
import { hashFile } from './documents/hash-file.ts';
import { writeWithoutPrefix } from './documents/strip-pdf-prefix.ts';
import { createEngineSignals } from './events/engine-signals.ts';
import { startControlServer, type ControlServer } from './control/control-server.ts';
import { createEventHub } from './events/event-hub.ts';
import { createClosableThrottle } from './events/closable-throttle.ts';
import { createStatusTracker } from './events/status-tracker.ts';
import { createFolderOwnership, type OwnerMarkerFs } from './folders/folder-owner.ts';
import type { BrowseRootsSource } from './folders/folder-browser.ts';
import { createWatchedFolders } from './folders/watched-folders.ts';
import { receivesEInvoices } from './folders/receives-e-invoices.ts';
import { createContractHandlers } from './handlers/contract-handlers.ts';
import { createHealthReporter } from './handlers/health-report.ts';
import { createWatchSupervisor } from './intake/watch-supervisor.ts';
import { createFileLogger } from './logging/file-logger.ts';
import type { Logger } from './logging/logger.ts';
import { finishInterruptedLocalSteps, recoverInterruptedSends } from './queue/crash-recovery.ts';
import { restoreSetAsideFiles } from './queue/set-aside-recovery.ts';
import { createDropIntake } from './queue/drop-intake.ts';
import { createHistoryActions } from './queue/history-actions.ts';
import { createHistoryPreview } from './queue/history-preview.ts';
import { createIntakeRecorder } from './queue/intake-recorder.ts';
import { createScanSessions } from './queue/scan-session.ts';
import { REAL_IDLE_TIMER, type IdleTimer } from './documents/idle-serial-queue.ts';
import { DEFAULT_RETRY_TUNING } from './queue/retry-policy.ts';
import { createUploadQueue } from './queue/upload-queue.ts';
import type { AfterUploadFs } from './queue/after-upload.ts';
import { removeUnreferencedBundles, type BundleWrite } from './queue/bundle-file.ts';
import { createSplitService } from './split/split-service.ts';
import { openHeadlessSettingsStore } from './store/conf-settings-store.ts';
import { ACTIVE_STATES } from './store/file-lifecycle.ts';
import { toHistoryEntry, type FileRecord } from './store/file-record.ts';
import type { Transition } from './store/history-repository.ts';
import { openHistory } from './store/open-history.ts';
import type { SettingsStore } from './store/settings-store.ts';
import { describeStorageFault } from './store/storage-fault.ts';
import { loadInstallation } from './store/installation.ts';
import { createStorageGuard } from './store/storage-guard.ts';

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
    /** How often the history is backed up (SQLite backup API). Default 1 h. */
    historyBackupMs?: number;
    /** Least time between two follow-up requests. Default 5 s. */
    followUpSpacingMs?: number;
    /** The follow-up's schedule, ms after delivery. Default 2 min, 15 min, 1 h, daily to 30 days. */
    followUpOffsetsMs?: readonly number[];
    /** How long a move after upload that failed for a passing reason waits. Default 1 min. */
    afterUploadRetryMs?: number;
    /**
     * How long history changes are gathered into one `history.changed`. Default 50 ms; tests set
     * 0 to see every change that is reported apart.
     */
    historyEventWindowMs?: number;
  };
  /**
   * The timer of scan sessions' quiet windows (issue #19, a folder's `bundle:N`); tests fire it
   * by hand instead of waiting N seconds. Node's (unref'd) by default.
   */
  scanSessionTimer?: IdleTimer;
  /** The after-upload step's file operations; tests inject a full disk. node:fs by default. */
  afterUploadFs?: AfterUploadFs;
  /** How a scan session's combined document is written; tests inject a full disk. */
  writeBundle?: BundleWrite;
  /**
   * Starts the UBL schema validator ahead of the first e-invoice; true once ready, false when it
   * could not start. The engine's own validator (warmUblSchemaValidator) unless a test gives
   * another.
   */
  warmSchemaValidator?: () => Promise<boolean>;
  /**
   * The folder owner markers' file operations; tests run a second installation's take-over in
   * the middle of a heartbeat. node:fs by default.
   */
  ownerMarkerFs?: OwnerMarkerFs;
  /** How the shell shows a file in the OS file manager; absent in the browser. */
  revealFile?: (path: string) => Promise<void>;
  /** Where `folders.browse` may list (tests); this machine's home folder and drives by default. */
  browseRoots?: BrowseRootsSource;
  /**
   * The clock of the folder owner markers' heartbeats and take-over rule (epoch ms); Date.now by
   * default. Tests move it to make an owner silent.
   */
  now?: () => number;
}

/** Core's one service: what every transport and shell calls. */
export interface Engine {
  /** One handler per contract channel; each throws only ApiError. */
  readonly handlers: ApiHandlers;
  /** Every contract event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Opens the history, recovers interrupted uploads, starts watching the bound folders. */
  start(): Promise<void>;
  /** Stops watching, lets running uploads finish (or records them unconfirmed), closes the store. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued, waiting or uploading (tests and `upload` use it). */
  whenIdle(): Promise<void>;
  /**
   * Tells the engine how to mint a single-use link to the page its process serves in the
   * browser (`ui` passes its bridge's newLink), so `ui --link` gets one over the control channel;
   * null when the page stops. Links are secrets: the engine hands them to the asking client only.
   */
  servePageLinks(mint: (() => string) | null): void;
}

/** Administrations and categories are asked for again after this long. */
const ADMINISTRATIONS_TTL_MS = 10 * 60_000;
/** Folder views are sent at most this often while files stream through. */
const FOLDERS_EVENT_SPACING_MS = 250;

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const { configDir } = options;
  const tuning = options.tuning ?? {};
  if (options.apiUrl !== undefined) {
    // The token travels to this address: the same rule as the settings' (https off loopback).
    // Named by its code only: a refused address may hold a password (apiUrlProblem).
    const problem = apiUrlProblem(options.apiUrl);
    if (problem !== null) {
      throw new Error(
        `The API address is refused (${problem.code}): the token travels only over https without a user name or password, or over plain http on this machine`,
      );
    }
  }
  prepareConfigDir(configDir);
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
  // One owner per watched folder: this config folder's installation, named in each folder it
  // delivers (folders/folder-owner.ts).
  const ownership = createFolderOwnership({
    installation: await loadInstallation(configDir),
    now: options.now ?? Date.now,
    isBound: (folderPath) =>
      settings.get().folders.some((binding) => path.resolve(binding.path) === folderPath),
    logger,
    ...(options.ownerMarkerFs === undefined ? {} : { fs: options.ownerMarkerFs }),
  });
  // Parts of split batches wait here until their batch is settled; kept across restarts.
  const partsDir = path.join(configDir, 'parts');
  // Blank pages a split leaves out (issue #19): kept for good, the user's to look at.
  const blankPagesDir = path.join(configDir, 'blank-pages');
  // Documents combined from several files (issue #19): kept until Clearfacts confirmed them.
  const bundlesDir = path.join(configDir, 'bundles');
  const splitService = createSplitService();
  const signals = createEngineSignals();
  const hub = createEventHub({
    logger,
    ...(tuning.historyEventWindowMs === undefined
      ? {}
      : { batchWindowMs: tuning.historyEventWindowMs }),
  });

  // store: nothing is sent before the history knows what Clearfacts already confirmed
  const { db, repository, backup, databasePath, rebuilt } = openHistory({
    configDir,
    logger,
    backupIntervalMs: tuning.historyBackupMs ?? 60 * 60_000,
  });
  const storage = createStorageGuard({
    probe: () => repository.probeWrite(),
    describe: (error) => describeStorageFault(error, databasePath),
    recheckMs: tuning.storageRecheckMs ?? 5_000,
    logger,
    onChange: (fault) => signals.emit('storageFault', fault),
  });
  const onTransition = ({ previous, record }: Transition) =>
    signals.emit('fileStateChanged', previous, record);
  const onInserted = (record: FileRecord) => signals.emit('fileStateChanged', null, record);

  // account and api
  const clientFor = (getToken: (forApiUrl: string) => Promise<string | null>) => {
    // The client asks for the token for its own address, fixed here: the session gives it only
    // when the token was entered for that origin.
    const clientApiUrl = apiUrl();
    return createClearfactsClient({
      apiUrl: clientApiUrl,
      getToken: () => getToken(clientApiUrl),
      fetch: options.fetch ?? globalThis.fetch,
      ...(tuning.apiTimeoutMs === undefined ? {} : { timeoutMs: tuning.apiTimeoutMs }),
    });
  };
  const session = createSession({
    tokenStore: options.tokenStore,
    clientFor,
    apiUrl,
    ...(options.apiUrl === undefined ? {} : { launchApiUrl: options.apiUrl }),
    tokenOrigins: createTokenOrigins(configDir),
    ...(options.demoToken === undefined ? {} : { demoToken: options.demoToken }),
    logger,
    recheckMs: tuning.tokenRecheckMs ?? 5_000,
    onTokenUsable: (reason) => signals.emit('tokenUsable', reason),
    onTokenChanged: () => signals.emit('tokenChanged'),
    onAddressChecked: (problem) => signals.emit('addressChecked', problem),
    onChanged: (info) => hub.emit('session.changed', info),
  });
  let client = clientFor((forApiUrl) => session.getToken(forApiUrl));
  let clientApiUrl = apiUrl();
  /** The client for the API address in use now (the settings may change it). */
  const currentClient = (): ClearfactsClient => {
    if (apiUrl() !== clientApiUrl) {
      clientApiUrl = apiUrl();
      client = clientFor((forApiUrl) => session.getToken(forApiUrl));
      session.addressChanged();
    }
    return client;
  };
  /** Passes an upload's outcome through, telling the session what it proved about the scope. */
  async function learnUploadScope<T>(scope: UploadScope, upload: Promise<T>): Promise<T> {
    try {
      const answer = await upload;
      session.noteUploadScope(scope, true);
      return answer;
    } catch (error) {
      if (error instanceof ClearfactsApiError && error.kind === 'missing_scope') {
        session.noteUploadScope(scope, false);
      }
      throw error;
    }
  }
  const administrations = createAdministrationsCache({
    client: currentClient,
    ttlMs: ADMINISTRATIONS_TTL_MS,
  });

  // queue
  const queue = createUploadQueue({
    repository,
    storage,
    documents: {
      check: checkDocument,
      convertToPdf: async (input, output) => void (await convertImageToPdf(input, output)),
      stripPrefix: writeWithoutPrefix,
      unwrapEnvelope,
      hash: (filePath) => hashFile(filePath),
    },
    // Clearfacts is the queue's one destination; its client's uploads and errors fit as they are.
    // Each answer also tells the session whether the token has the upload scope it needed: no
    // other call may learn that (a mutation is sent only to deliver a file).
    destination: {
      uploadInvoice: (request) =>
        learnUploadScope('upload_document', currentClient().uploadInvoice(request)),
      uploadArchive: (request) =>
        learnUploadScope('archive_actions', currentClient().uploadArchive(request)),
      failureOf: (error) => (error instanceof ClearfactsApiError ? error : null),
      probe: (signal) => currentClient().ping(signal),
    },
    onUploadProgress: (progress) => hub.emit('upload.progress', progress),
    settings: () => settings.get(),
    retry: {
      baseDelayMs: tuning.retryBaseDelayMs ?? DEFAULT_RETRY_TUNING.baseDelayMs,
      maxDelayMs: tuning.retryMaxDelayMs ?? DEFAULT_RETRY_TUNING.maxDelayMs,
    },
    stagingDir,
    partsDir,
    blankPagesDir,
    splitter: (bytes, mode, choice) => splitService.split(bytes, mode, choice),
    otherFileBegan: () => splitService.otherFileBegan(),
    beforePartSend: () => splitService.noOtherFile(),
    logger,
    onTransition,
    onInserted,
    onHoldsChanged: () => signals.emit('holdsChanged'),
    onTokenRefused: () => signals.emit('tokenRefused'),
    tokenRefusedReason: () => authHoldReason(options.tokenStore.info().backend),
    explainRefusal: createRefusalExplainer(administrations),
    onChangedAfterSend: (filePath) => signals.emit('changedAfterSend', filePath),
    // Routing e-invoices by their parties; when Clearfacts cannot be asked, the last list known.
    reachableAdministrations: () =>
      administrations.list().catch(() => administrations.knownAdministrations()),
    // A name missing from the list kept for ADMINISTRATIONS_TTL_MS is asked for again once: the
    // user may have created the category a sheet names since, and pressed Retry at once.
    archiveCategoryId: async (companyNumber, archiveType, given) => {
      const choose = async (refresh: boolean) =>
        chooseArchiveCategory(
          await administrations.categories(companyNumber, refresh),
          companyNumber,
          archiveType,
          given,
        );
      return choose(false).catch(async (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'invalid_request')) throw error;
        return choose(true);
      });
    },
    folderOwnedElsewhere: async (record) => {
      const binding = settings.get().folders.find((candidate) => candidate.id === record.folderId);
      if (binding === undefined) return false;
      const verdict = await ownership.check(path.resolve(binding.path));
      if (!verdict.owned) signals.emit('folderOwnerChanged');
      return !verdict.owned;
    },
    ...(options.afterUploadFs === undefined ? {} : { afterUploadFs: options.afterUploadFs }),
    ...(tuning.afterUploadRetryMs === undefined
      ? {}
      : { afterUploadRetryMs: tuning.afterUploadRetryMs }),
  });

  // status
  const status = createStatusTracker({
    counts: () => repository.countByState(),
    holds: () => queue.holds,
    runningCount: () => queue.runningCount(),
    emit: (snapshot) => hub.emit('status', snapshot),
    historyRebuilt: rebuilt,
  });

  // folders and intake
  const folders = createWatchedFolders({
    settings,
    administrations,
    counts: () => repository.countByFolder(),
    logger,
    onChanged: () => signals.emit('foldersChanged'),
    ownership,
    onTakenOver: () => signals.emit('folderOwnerChanged'),
  });
  const scanSessions = createScanSessions({
    repository,
    storage,
    queue,
    bindings: () => folders.bindings(),
    bundlesDir,
    logger,
    timer: options.scanSessionTimer ?? REAL_IDLE_TIMER,
    ...(options.writeBundle === undefined ? {} : { writeBundle: options.writeBundle }),
    onInserted,
    onTransition,
  });
  const recorder = createIntakeRecorder({
    repository,
    storage,
    queue,
    bindings: () => folders.bindings(),
    logger,
    onInserted,
    onTransition,
    onForgotten: (record) => signals.emit('fileForgotten', record),
    scanSessions,
  });
  const watching = createWatchSupervisor({
    settings,
    folders,
    sink: recorder,
    isKnown: (filePath, sizeBytes, mtimeMs) => repository.isKnown(filePath, sizeBytes, mtimeMs),
    logger,
    treeRefreshMs: tuning.treeRefreshMs ?? 15 * 60_000,
    ownership,
  });

  // what the user does with files
  const historyActions = createHistoryActions({
    repository,
    storage,
    queue,
    onTransition,
    ...(options.revealFile === undefined ? {} : { revealFile: options.revealFile }),
    retryScanSession: (record) => scanSessions.retryFailed(record),
  });
  const drop = createDropIntake({
    repository,
    storage,
    queue,
    check: checkDocument,
    source: options.shell === 'cli' ? 'cli' : 'drop',
    onInserted,
    previewSplit: (bytes, mode) => splitService.preview(bytes, mode),
    bundlesDir,
  });
  const historyPreview = createHistoryPreview({
    repository,
    pdfThumbnails: (bytes, maxPages) => splitService.thumbnails(bytes, maxPages),
  });
  // follow-up: what Clearfacts did with each delivered invoice (queries only)
  const followUpOffsets = tuning.followUpOffsetsMs ?? FOLLOW_UP_OFFSETS_MS;
  const followUp = createFollowUp({
    records: createFollowUpRecords(db, followUpOffsets[0] ?? 0),
    // The same client as the uploads, rebuilt only when the API address changes.
    lookUp: (uuids, signal) => currentClient().lookUpDocuments(uuids, signal),
    enabled: () => settings.get().followUp,
    logger,
    onChecked: (record) => hub.historyChanged(toHistoryEntry(record)),
    onTokenRefused: () => signals.emit('tokenRefused'),
    onStateChanged: () => hub.emit('followUp.changed', followUp.status()),
    offsetsMs: followUpOffsets,
    ...(tuning.followUpSpacingMs === undefined ? {} : { spacingMs: tuning.followUpSpacingMs }),
  });

  /** Set once the intake watches the folders; `watchFolders: false` engines never do. */
  let intakeRunning = false;
  const handlers = createContractHandlers({
    session,
    administrations,
    folders,
    watching,
    drop,
    history: repository,
    historyActions,
    historyPreview,
    queue,
    status,
    health: createHealthReporter({
      status,
      holds: () => queue.holds,
      folders,
      history: repository,
      // Until this engine's intake runs, only the disk can tell whether a folder is there.
      watching: () => intakeRunning,
      tokenProblem: async () => {
        await session.load();
        return session.info().signedIn ? null : session.notSignedInReason();
      },
      ownedElsewhere: async (folderPath) => {
        const verdict = await ownership.check(path.resolve(folderPath));
        return verdict.owned ? null : verdict.reason;
      },
    }),
    followUp,
    settings,
    app: { shell: options.shell, version: options.version },
    ...(options.browseRoots === undefined ? {} : { browseRoots: options.browseRoots }),
  });

  // reactions: every stage exists from here on
  // Closed when stop() begins: stages stopping after it still report folder changes, and the
  // folder list is read from the history that stop() closes.
  const foldersEvent = createClosableThrottle(
    () => hub.emit('folders.changed', folders.snapshot()),
    FOLDERS_EVENT_SPACING_MS,
  );
  signals.on('foldersChanged', () => foldersEvent.request());
  signals.on('fileStateChanged', (previous, record) => {
    hub.historyChanged(toHistoryEntry(record));
    status.noteTransition(previous, record.state);
    if (record.state === 'uploaded') followUp.lookForWork();
    if (record.folderId !== null) signals.emit('foldersChanged');
  });
  signals.on('fileForgotten', (record) => status.noteTransition(record.state, null));
  signals.on('storageFault', (fault) => {
    queue.setStorageFault(fault);
    if (fault !== null) return;
    for (const missed of recorder.takeMissed()) watching.recheck(missed);
    watching.rescan();
  });
  signals.on('holdsChanged', () => status.changed());
  signals.on('tokenRefused', () => session.tokenRefused());
  signals.on('tokenUsable', (reason) => {
    queue.setAuthHold(reason);
    if (reason === null) followUp.tokenUsable();
  });
  signals.on('tokenChanged', () => {
    administrations.clear();
    queue.tokenChanged();
  });
  signals.on('addressChecked', (problem) => queue.setAddressProblem(problem));
  signals.on('changedAfterSend', (filePath) => watching.recheck(filePath));
  signals.on('folderOwnerChanged', () => watching.verifyPresence());
  let followUpOn = settings.get().followUp;
  const unsubscribeSettings = settings.onChange((current) => {
    hub.emit('settings.changed', current);
    if (current.followUp !== followUpOn) {
      followUpOn = current.followUp;
      hub.emit('followUp.changed', followUp.status());
    }
    // A new address holds back a token not entered for it (currentClient tells the session).
    currentClient();
    signals.emit('foldersChanged');
    queue.lookForWork();
    followUp.lookForWork();
  });

  let lock: EngineLock | null = null;
  let control: ControlServer | null = null;
  let mintPageLink: (() => string) | null = null;
  /** The start under way, so a stop (Ctrl-C during start-up) waits for it and undoes all of it. */
  let starting: Promise<void> | null = null;
  let started = false;
  let stopped = false;

  /**
   * The first e-invoice would wait 2-4 s for the schema validator to start (Node, then both
   * schemas compiled): where one may come, it is started now, in the background. Start-up never
   * waits for it, and a validator that cannot start only leaves e-invoices unchecked, as before.
   */
  function warmValidatorForEInvoices(): void {
    if (!folders.bindings().some(receivesEInvoices)) return;
    const warm = options.warmSchemaValidator ?? warmUblSchemaValidator;
    void warm()
      .catch(() => false)
      .then((ready) => {
        if (!ready) logger.warn('The e-invoice schema validator could not be started ahead');
      });
  }

  async function startOnce(): Promise<void> {
    lock = acquireEngineLock(configDir);
    started = true;
    recoverInterruptedSends(repository, onTransition, logger);
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
    // Before anything can combine (control, sessions): a stop between writing a combined
    // document and its row left a file nothing would ever send or remove.
    await removeUnreferencedBundles(bundlesDir, repository, logger);
    const counts = repository.countByState();
    status.reset(ACTIVE_STATES.reduce((sum, state) => sum + counts[state], 0));
    // Other processes of this user reach the engine from here on (`upload` while `watch` runs).
    control = await startControlServer({
      configDir,
      engine: { handlers, subscribe: (listener) => hub.subscribe(listener) },
      version: options.version,
      shell: options.shell,
      logger,
      pageLink: () => mintPageLink?.() ?? null,
    });
    // Before the queue: what the after-upload steps left set aside is theirs to finish, or back.
    await restoreSetAsideFiles(
      settings.get().folders.map((binding) => binding.path),
      repository,
      logger,
      options.afterUploadFs,
    );
    await session.start();
    queue.start();
    void finishInterruptedLocalSteps(repository, queue, logger).then(() => queue.settleBatches());
    // Sessions the last stop left open (issue #19): their files are recorded; each waits again.
    scanSessions.resume();
    followUp.start();
    if (options.watchFolders !== false) {
      await folders.markFoldersBoundBeforeMarkers();
      await watching.start();
      intakeRunning = true;
      warmValidatorForEInvoices();
    }
    status.changed();
    logger.info('Engine started', { version: options.version, shell: options.shell });
  }

  return {
    handlers,

    subscribe: (listener) => hub.subscribe(listener),

    start(): Promise<void> {
      if (stopped) return Promise.resolve();
      starting ??= startOnce();
      return starting;
    },

    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await starting?.catch(() => {});
      await control?.close();
      unsubscribeSettings();
      foldersEvent.close();
      await watching.stop();
      await scanSessions.stop();
      await followUp.stop();
      await queue.stop(tuning.stopGraceMs ?? 5_000);
      await splitService.close();
      hub.flush();
      status.close();
      session.close();
      storage.close();
      hub.close();
      backup.stop();
      await backup.backUp();
      db.close();
      lock?.release();
      ownedSettings?.close();
      if (started) logger.info('Engine stopped');
      await ownedLogger?.close();
    },

    whenIdle: () => queue.whenIdle(),

    servePageLinks(mint) {
      mintPageLink = mint;
    },
  };
}
