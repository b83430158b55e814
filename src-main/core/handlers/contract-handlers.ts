// The contract's request channels, each answered by the stage that owns it. Every handler throws
// only ApiError (withApiErrors), so both transports and the control channel see the same errors.
import { ApiError, type ApiHandlers } from '../../contract/api-contract.ts';
import { msg } from '../../contract/messages/message.ts';
import type { AdministrationsCache } from '../account/administrations-cache.ts';
import type { Session } from '../account/session.ts';
import type { StatusTracker } from '../events/status-tracker.ts';
import { browseFolders, type BrowseRootsSource } from '../folders/folder-browser.ts';
import type { WatchedFolders } from '../folders/watched-folders.ts';
import type { FollowUp } from '../follow-up/follow-up.ts';
import type { WatchSupervisor } from '../intake/watch-supervisor.ts';
import type { DropIntake } from '../queue/drop-intake.ts';
import { expandDropPaths } from '../queue/drop-paths.ts';
import { resolve as resolvePath } from 'node:path';
import { createSeparatorSheetPdf } from '../split/separator-sheet.ts';
import type { HistoryActions } from '../queue/history-actions.ts';
import type { PreviewHistoryFile } from '../queue/history-preview.ts';
import type { UploadQueue } from '../queue/upload-queue.ts';
import { toHistoryEntry } from '../store/file-record.ts';
import type { HistoryRepository } from '../store/history-repository.ts';
import type { SettingsStore } from '../store/settings-store.ts';
import { withApiErrors } from './api-errors.ts';
import type { HealthReporter } from './health-report.ts';

/** The stages that answer requests, and what the host says about itself. */
export interface ContractHandlersOptions {
  session: Session;
  administrations: AdministrationsCache;
  folders: WatchedFolders;
  watching: WatchSupervisor;
  drop: DropIntake;
  history: HistoryRepository;
  historyActions: HistoryActions;
  /** History's preview of a file by its id (issue #14). */
  historyPreview: PreviewHistoryFile;
  queue: UploadQueue;
  status: StatusTracker;
  health: HealthReporter;
  followUp: FollowUp;
  settings: SettingsStore;
  app: { shell: 'electron' | 'browser' | 'cli'; version: string };
  /** Where `folders.browse` may list; this machine's home and drives by default. */
  browseRoots?: BrowseRootsSource;
}

/** One handler per contract channel (`src-main/contract/api-contract.ts`). */
export function createContractHandlers(options: ContractHandlersOptions): ApiHandlers {
  const { session, administrations, folders, watching, drop, settings, queue, status } = options;

  async function requireToken(): Promise<void> {
    await session.load();
    if (!session.info().signedIn) {
      throw new ApiError('not_signed_in', session.notSignedInReason());
    }
  }

  return {
    'session.get': withApiErrors(async ({ verify }) => {
      if (verify === true) return session.verify();
      await session.load();
      return session.info();
    }),
    'session.signIn': withApiErrors(({ token }) => session.signIn(token)),
    'session.signInDemo': withApiErrors(() => session.signInDemo()),
    'session.signOut': withApiErrors(() => session.signOut()),

    'administrations.list': withApiErrors(async ({ refresh }) => {
      await requireToken();
      const listed = await administrations.list(refresh);
      if (refresh) watching.refreshTrees();
      return listed;
    }),
    'administrations.categories': withApiErrors(async ({ companyNumber }) => {
      await requireToken();
      return administrations.categories(companyNumber);
    }),

    'folders.list': withApiErrors(async () => folders.snapshot()),
    'folders.add': withApiErrors((request) => folders.add(request)),
    'folders.addTree': withApiErrors(async (request) => {
      await requireToken();
      return folders.addTree(request);
    }),
    'folders.addInbox': withApiErrors((request) => folders.addInbox(request)),
    'folders.remove': withApiErrors(async ({ id }) => folders.remove(id)),
    'folders.takeOver': withApiErrors(async ({ id }) => folders.takeOver(id)),
    'folders.setSplit': withApiErrors(async ({ id, split }) => folders.setSplit(id, split)),
    'folders.browse': withApiErrors(({ path }) => browseFolders(path, options.browseRoots)),
    'separatorSheet.create': withApiErrors(async ({ sheet }) => ({
      pdfBase64: Buffer.from(await createSeparatorSheetPdf(sheet)).toString('base64'),
    })),

    'drop.inspect': withApiErrors(({ paths }) =>
      drop.inspect(paths, { maxUploadBytes: settings.get().maxUploadBytes }),
    ),
    'drop.previewSplit': withApiErrors(({ path, mode }) => drop.previewSplit(path, mode)),
    'drop.send': withApiErrors(async (request) => {
      const { paths, companyNumber, destination, split, splitChoices } = request;
      const entries = drop.send(
        await expandDropPaths(paths),
        companyNumber,
        destination,
        split ?? 'off',
        new Map(splitChoices?.map(({ path, choice }) => [resolvePath(path), choice])),
      );
      settings.update({ lastDropTarget: { companyNumber, destination } });
      return entries;
    }),

    'drop.combine': withApiErrors(async ({ paths, companyNumber, destination }) => {
      const entry = await drop.combine(paths, companyNumber, destination);
      settings.update({ lastDropTarget: { companyNumber, destination } });
      return entry;
    }),

    'history.query': withApiErrors(async ({ filter, offset, limit }) => {
      const { rows, total } = options.history.query(filter, offset, limit);
      return { rows: rows.map(toHistoryEntry), total };
    }),
    'history.retry': withApiErrors(({ id }) => options.historyActions.retry(id)),
    'history.retryAllFailed': withApiErrors(async () => options.historyActions.retryAllFailed()),
    'history.resend': withApiErrors(async ({ id }) => options.historyActions.resend(id)),
    'history.choose': withApiErrors(async ({ id, choice }) =>
      // A picked administration must be one the token reaches; the last list known will do.
      options.historyActions.choose(
        id,
        choice,
        choice.kind === 'send_to'
          ? await administrations.list().catch(() => administrations.knownAdministrations())
          : null,
      ),
    ),
    'history.markDone': withApiErrors(async ({ id }) => options.historyActions.markDone(id)),
    'history.incidents': withApiErrors(async () => options.historyActions.incidents()),
    'history.resendIncident': withApiErrors(async ({ incidentAt }) =>
      options.historyActions.resendIncident(incidentAt),
    ),
    'history.markIncidentDone': withApiErrors(async ({ incidentAt }) =>
      options.historyActions.markIncidentDone(incidentAt),
    ),
    'history.dismiss': withApiErrors(async ({ id }) => options.historyActions.dismiss(id)),
    'history.reveal': withApiErrors(({ id }) => options.historyActions.reveal(id)),
    'history.preview': withApiErrors(({ id }) => options.historyPreview(id)),

    'queue.pause': withApiErrors(async () => {
      queue.pause();
      return status.snapshot();
    }),
    'queue.resume': withApiErrors(async () => {
      queue.resume();
      return status.snapshot();
    }),
    'status.get': withApiErrors(async () => status.snapshot()),
    'health.get': withApiErrors(() => options.health.report()),

    'followUp.get': withApiErrors(async () => options.followUp.status()),
    'followUp.checkNow': withApiErrors(async ({ id }) => {
      const record = options.followUp.checkNow(id);
      if (record === null) throw new ApiError('not_found', msg('history_entry_unknown', { id }));
      return toHistoryEntry(record);
    }),

    'settings.get': withApiErrors(async () => settings.get()),
    'settings.update': withApiErrors(async (patch) => settings.update(patch)),

    'app.info': withApiErrors(async () => ({
      shell: options.app.shell === 'electron' ? ('electron' as const) : ('browser' as const),
      version: options.app.version,
      platform: process.platform,
      osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    })),
  };
}
