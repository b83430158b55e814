// The folders the user bound (kept in the settings, so every process sees the same list), what
// the intake says about each one, and the accountant trees built from the API.
import { msg, type Message, type TreeRouteMessage } from '../../contract/messages/message.ts';
import { stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pLimit from 'p-limit';
import { ApiError } from '../../contract/api-contract.ts';
import type {
  ArchiveCategories,
  CompanyNumber,
  Destination,
  FolderAvailability,
  FolderBinding,
  FolderSnapshot,
  FolderView,
  FolderSplit,
} from '../../contract/domain.ts';
import type { AdministrationsCache } from '../account/administrations-cache.ts';
import { languageOfLocale } from '../../contract/messages/render-message.ts';
import {
  resolveCategoryByFolderName,
  type ArchiveType,
  type TreeLanguage,
} from './accountant-tree-names.ts';
import { checkFolderMarker, writeFolderMarker } from './folder-marker.ts';
import type { FolderOwnership } from './folder-owner.ts';
import { materializeAccountantTree } from './materialize-accountant-tree.ts';
import type { Logger } from '../logging/logger.ts';
import type { FolderCounts } from '../store/history-repository.ts';
import type { SettingsStore } from '../store/settings-store.ts';

export interface WatchedFoldersOptions {
  settings: SettingsStore;
  administrations: AdministrationsCache;
  counts: () => Map<string, FolderCounts>;
  logger: Logger;
  onChanged: () => void;
  /** Who delivers each folder: removing a binding gives its folder up, taking over claims it. */
  ownership: FolderOwnership;
  /** The user took a folder over: the intake looks at it again now. */
  onTakenOver: () => void;
}

const NO_COUNTS: FolderCounts = { pending: 0, uploaded: 0, failed: 0 };
/**
 * The language a new tree's folders are named in: the app's language, or with "system" the
 * locale this process runs in (the user's, on the desktop and in a terminal).
 */
function preferredTreeLanguage(setting: string): TreeLanguage {
  if (setting === 'nl' || setting === 'fr' || setting === 'en') return setting;
  return languageOfLocale(Intl.DateTimeFormat().resolvedOptions().locale) ?? 'en';
}

/** Category lists fetched at once when an accountant tree is built. */
const CATEGORY_REQUESTS_AT_ONCE = 4;

async function requireFolder(folderPath: string): Promise<string> {
  const absolute = path.resolve(folderPath);
  const stats = await stat(absolute).catch(() => null);
  if (stats === null) {
    throw new ApiError('invalid_request', msg('folder_not_found', { path: absolute }));
  }
  if (!stats.isDirectory()) {
    throw new ApiError('invalid_request', msg('not_a_folder', { path: absolute }));
  }
  return absolute;
}

/**
 * The watched folders: the bindings in the settings plus what the intake reports about each.
 * Methods that answer a contract request throw ApiError (`invalid_request`, `conflict`,
 * `not_found`, `unavailable`) with a sentence for the user.
 */
export interface WatchedFolders {
  /** The bound folders as the settings hold them now. */
  bindings(): FolderBinding[];
  /** Every bound folder with its availability, the reason when it is not watched, and counts. */
  list(): FolderView[];
  /**
   * The list as it is now, numbered: each call gets a higher `revision` than every earlier one,
   * so whoever holds a snapshot can tell an older one that reaches it late (FolderSnapshot).
   * What contract answers and `folders.changed` events carry.
   */
  snapshot(): FolderSnapshot;
  /**
   * Binds a folder to one administration and destination; the administration (and category)
   * must be one the token reaches, unless Clearfacts cannot be asked. Returns the new snapshot.
   */
  add(request: {
    path: string;
    companyNumber: CompanyNumber;
    destination: Destination;
    /** How scanned batches found there are cut (issue #17), or `bundle:N` (#19); absent: off. */
    split?: FolderSplit;
  }): Promise<FolderSnapshot>;
  /**
   * Sets how a bound folder cuts scanned batches; applies to files that come in (or change) from
   * now on. Throws ApiError `not_found` for an unknown id. Returns the new snapshot.
   */
  setSplit(id: string, split: FolderSplit): FolderSnapshot;
  /** Binds an accountant tree and creates its folders from the API. Returns the new snapshot. */
  addTree(request: { path: string }): Promise<FolderSnapshot>;
  /**
   * Binds an accountant's e-invoice inbox: each e-invoice in it goes to the administration its
   * parties name (queue/e-invoice-routing.ts). Returns the new snapshot.
   */
  addInbox(request: { path: string }): Promise<FolderSnapshot>;
  /**
   * Unbinds a folder; its files stay where they are, and its owner marker is removed so another
   * installation may deliver it. Returns the new snapshot.
   */
  remove(id: string): FolderSnapshot;
  /**
   * Makes this installation the one that delivers a bound folder another installation owned
   * (folder-owner.ts). Throws ApiError `not_found` for an unknown id, `conflict` while that owner
   * is still active, `unavailable` when the marker cannot be written. Returns the snapshot.
   */
  takeOver(id: string): Promise<FolderSnapshot>;
  /** Rebuilds every accountant tree from the API, so new administrations and categories appear. */
  refreshTrees(): Promise<void>;
  /**
   * Once per installation, before the intake first judges the folders: every folder bound before
   * markers existed gets its marker if it is there, even empty (an SME whose scans are moved away
   * after upload), as Syncthing marks folders from before `.stfolder`. Then the settings'
   * `folderMarkersWritten` is set and this does nothing. Never throws.
   */
  markFoldersBoundBeforeMarkers(): Promise<void>;
  /** The category a tree folder stands for, from what is already known (routing is synchronous). */
  resolveCategoryId(companyNumber: string, type: ArchiveType, folderName: string): string | null;
  /** The intake's word on a folder: watching, polling, unavailable (with why), … */
  setAvailability(folderId: string, state: FolderAvailability, reason: Message | null): void;
  /** A file in a tree that is in no destination folder, so it is not sent. */
  noteUnroutable(folderId: string, filePath: string, reason: TreeRouteMessage): void;
  /** A file that was unroutable was routed after all (a category appeared, or it moved). */
  noteRouted(folderId: string, filePath: string): void;
}

export function createWatchedFolders(options: WatchedFoldersOptions): WatchedFolders {
  const { settings, administrations, logger } = options;
  const availability = new Map<string, { state: FolderAvailability; reason: Message | null }>();
  const unroutable = new Map<string, Map<string, TreeRouteMessage>>();
  let revision = 0;

  function bindings(): FolderBinding[] {
    return settings.get().folders;
  }

  function reasonFor(binding: FolderBinding): Message | null {
    const reported = availability.get(binding.id)?.reason ?? null;
    if (reported !== null) return reported;
    const stray = unroutable.get(binding.id);
    const first = stray === undefined ? undefined : [...stray.entries()][0];
    if (stray === undefined || first === undefined) return null;
    const [firstPath, reason] = first;
    return msg('stray_files', {
      count: stray.size,
      example: path.relative(binding.path, firstPath),
      reason,
    });
  }

  function list(): FolderView[] {
    const counts = options.counts();
    return bindings().map((binding) => ({
      binding,
      availability: availability.get(binding.id)?.state ?? 'starting',
      reason: reasonFor(binding),
      counts: counts.get(binding.id) ?? NO_COUNTS,
    }));
  }

  function snapshot(): FolderSnapshot {
    revision += 1;
    return { revision, folders: list() };
  }

  function ensureNotBound(absolute: string): void {
    const existing = bindings().find((binding) => path.resolve(binding.path) === absolute);
    if (existing) throw new ApiError('conflict', msg('folder_already_watched', { path: absolute }));
  }

  /** The administration must be one the token reaches; unreachable Clearfacts does not block. */
  async function checkDestination(companyNumber: CompanyNumber, destination: Destination) {
    let known;
    try {
      known = await administrations.list();
    } catch (error) {
      logger.info('Administrations could not be listed to check a new folder', {
        error: String(error),
      });
      return;
    }
    if (!known.some((administration) => administration.companyNumber === companyNumber)) {
      throw new ApiError('not_found', msg('administration_unreachable', { companyNumber }));
    }
    if (destination.type !== 'various' && destination.type !== 'permanent') return;
    const categories = await administrations.categories(companyNumber).catch(() => null);
    if (
      categories &&
      !categories[destination.type].some((category) => category.id === destination.categoryId)
    ) {
      throw new ApiError(
        'not_found',
        msg('category_unknown', {
          companyNumber,
          archiveType: destination.type,
          categoryId: destination.categoryId,
        }),
      );
    }
  }

  function save(next: FolderBinding[]): FolderSnapshot {
    settings.update({ folders: next });
    options.onChanged();
    return snapshot();
  }

  async function categoriesOf(
    companyNumbers: CompanyNumber[],
  ): Promise<Map<string, ArchiveCategories>> {
    const limit = pLimit(CATEGORY_REQUESTS_AT_ONCE);
    const loaded = await Promise.all(
      companyNumbers.map((companyNumber) =>
        limit(
          async () =>
            [companyNumber, await administrations.categories(companyNumber, true)] as const,
        ),
      ),
    );
    return new Map(loaded);
  }

  /**
   * The marker that later tells the bound folder from an empty mount point (folder-marker.ts).
   * A folder that cannot take it (read-only) is still bound: its files show it is there.
   */
  async function markFolder(folderPath: string): Promise<void> {
    await writeFolderMarker(folderPath).catch((error: unknown) =>
      logger.warn('The folder marker could not be written', {
        path: folderPath,
        error: String(error),
      }),
    );
  }

  /** Creates the folders of a tree for every administration and category the API lists. */
  async function materialize(root: string, refresh: boolean): Promise<void> {
    const listed = await administrations.list(refresh);
    const categories = await categoriesOf(
      listed.map((administration) => administration.companyNumber),
    );
    const result = await materializeAccountantTree(
      root,
      listed,
      categories,
      preferredTreeLanguage(settings.get().language),
    );
    if (result.created.length > 0) {
      logger.info('Accountant tree folders created', { root, created: result.created.length });
    }
    for (const problem of result.problems)
      logger.warn('An accountant tree folder could not be created', { problem });
  }

  return {
    bindings,
    list,
    snapshot,

    async add(request: {
      path: string;
      companyNumber: CompanyNumber;
      destination: Destination;
      split?: FolderSplit;
    }) {
      const absolute = await requireFolder(request.path);
      ensureNotBound(absolute);
      await markFolder(absolute);
      await checkDestination(request.companyNumber, request.destination);
      return save([
        ...bindings(),
        {
          id: randomUUID(),
          mode: 'single',
          path: absolute,
          companyNumber: request.companyNumber,
          destination: request.destination,
          ...(request.split === undefined || request.split === 'off'
            ? {}
            : { split: request.split }),
        },
      ]);
    },

    setSplit(id: string, split: FolderSplit): FolderSnapshot {
      const current = bindings();
      const target = current.find((binding) => binding.id === id);
      if (target === undefined) {
        throw new ApiError('not_found', msg('folder_id_unknown', { id }));
      }
      if (target.mode === 'e-invoice-inbox') {
        throw new ApiError('invalid_request', msg('inbox_never_splits', { path: target.path }));
      }
      return save(
        current.map((binding) => {
          if (binding.id !== id || binding.mode === 'e-invoice-inbox') return binding;
          if (split !== 'off') return { ...binding, split };
          const rest = { ...binding };
          delete rest.split;
          return rest;
        }),
      );
    },

    async addTree(request: { path: string }) {
      const absolute = await requireFolder(request.path);
      ensureNotBound(absolute);
      await markFolder(absolute);
      try {
        await materialize(absolute, true);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError(
          'unavailable',
          msg('tree_not_created'),
          error instanceof Error ? error.message : String(error),
        );
      }
      return save([...bindings(), { id: randomUUID(), mode: 'accountant-tree', path: absolute }]);
    },

    async addInbox(request: { path: string }) {
      const absolute = await requireFolder(request.path);
      ensureNotBound(absolute);
      await markFolder(absolute);
      return save([...bindings(), { id: randomUUID(), mode: 'e-invoice-inbox', path: absolute }]);
    },

    remove(id: string): FolderSnapshot {
      const current = bindings();
      if (!current.some((binding) => binding.id === id)) {
        throw new ApiError('not_found', msg('folder_id_unknown', { id }));
      }
      availability.delete(id);
      unroutable.delete(id);
      const removed = current.find((binding) => binding.id === id);
      if (removed !== undefined) void options.ownership.release(path.resolve(removed.path));
      return save(current.filter((binding) => binding.id !== id));
    },

    async takeOver(id: string): Promise<FolderSnapshot> {
      const target = bindings().find((binding) => binding.id === id);
      if (target === undefined) {
        throw new ApiError('not_found', msg('folder_id_unknown', { id }));
      }
      const folderPath = path.resolve(target.path);
      await options.ownership.takeOver(folderPath).catch((error: unknown) => {
        if (error instanceof ApiError) throw error;
        logger.warn('A folder could not be taken over', {
          folder: folderPath,
          error: String(error),
        });
        throw new ApiError('unavailable', msg('folder_unreachable', { path: folderPath }));
      });
      options.onTakenOver();
      return snapshot();
    },

    async markFoldersBoundBeforeMarkers(): Promise<void> {
      if (settings.get().folderMarkersWritten) return;
      for (const binding of bindings()) await markFolder(path.resolve(binding.path));
      settings.update({ folderMarkersWritten: true });
    },

    /** Rebuilds every accountant tree from the API, so new administrations and categories appear. */
    async refreshTrees(): Promise<void> {
      const trees = bindings().filter((binding) => binding.mode === 'accountant-tree');
      if (trees.length === 0) return;
      for (const tree of trees) {
        try {
          // An empty mount point or a folder made again is not the tree: build nothing into it.
          if ((await checkFolderMarker(path.resolve(tree.path))) === 'unmarked_empty') continue;
          await materialize(path.resolve(tree.path), false);
        } catch (error) {
          logger.warn('The accountant tree could not be refreshed', {
            root: tree.path,
            error: String(error),
          });
        }
      }
    },

    /** The category a tree folder stands for, from what is already known (routing is synchronous). */
    resolveCategoryId(companyNumber: string, type: ArchiveType, folderName: string): string | null {
      const known = administrations.knownCategories(companyNumber);
      return known ? resolveCategoryByFolderName(known[type], folderName) : null;
    },

    setAvailability(folderId: string, state: FolderAvailability, reason: Message | null): void {
      availability.set(folderId, { state, reason });
      options.onChanged();
    },

    noteUnroutable(folderId: string, filePath: string, reason: TreeRouteMessage): void {
      const stray = unroutable.get(folderId) ?? new Map<string, TreeRouteMessage>();
      stray.set(filePath, reason);
      unroutable.set(folderId, stray);
      options.onChanged();
    },

    /** A file that was unroutable was routed after all (a category appeared, or it moved). */
    noteRouted(folderId: string, filePath: string): void {
      if (unroutable.get(folderId)?.delete(filePath)) options.onChanged();
    },
  };
}
