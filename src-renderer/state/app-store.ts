// The state every screen shares (session, queue status, settings, folders, administrations),
// loaded once and then kept current by core's events. After the event stream was lost and came
// back, everything is asked for again, since events in between are gone.
import type { ApiError, ResponseOf } from '../../src-main/contract/api-contract.ts';
import type {
  Administration,
  ArchiveCategories,
  CompanyNumber,
  FolderSnapshot,
  FolderView,
  SessionInfo,
  Settings,
  StatusSnapshot,
} from '../../src-main/contract/domain.ts';
import type { AppApi } from '../api-client/app-api.ts';

export type AppInfo = ResponseOf<'app.info'>;

export type Loadable<T> =
  | { state: 'idle' }
  | { state: 'loading'; previous: T | null }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: ApiError | Error; previous: T | null };

export interface AppSnapshot {
  phase: 'loading' | 'ready' | 'error';
  error: ApiError | Error | null;
  appInfo: AppInfo | null;
  session: SessionInfo | null;
  status: StatusSnapshot | null;
  settings: Settings | null;
  folders: FolderView[] | null;
  administrations: Loadable<Administration[]>;
  connected: boolean;
  /** Bumped when history rows may have changed while events were lost. */
  resyncCount: number;
}

const INITIAL: AppSnapshot = {
  phase: 'loading',
  error: null,
  appInfo: null,
  session: null,
  status: null,
  settings: null,
  folders: null,
  administrations: { state: 'idle' },
  connected: true,
  resyncCount: 0,
};

export function loadedValue<T>(loadable: Loadable<T>): T | null {
  switch (loadable.state) {
    case 'ready':
      return loadable.value;
    case 'loading':
    case 'error':
      return loadable.previous;
    case 'idle':
      return null;
  }
}

export class AppStore {
  readonly api: AppApi;
  #snapshot: AppSnapshot = INITIAL;
  readonly #listeners = new Set<() => void>();
  #administrationsRequest = 0;
  readonly #categories = new Map<CompanyNumber, Promise<ArchiveCategories>>();
  /** The revision of the folders shown; -1 before any, and again once the connection is back. */
  #foldersRevision = -1;

  constructor(api: AppApi) {
    this.api = api;
  }

  getSnapshot = (): AppSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<AppSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }

  /** Loads everything and follows core's events; the returned function stops following. */
  start(): () => void {
    const stopEvents = this.api.subscribe((channel, payload) => {
      switch (channel) {
        case 'status':
          this.#set({ status: payload as StatusSnapshot });
          break;
        case 'session.changed':
          this.#applySession(payload as SessionInfo);
          break;
        case 'settings.changed':
          this.#set({ settings: payload as Settings });
          break;
        case 'folders.changed':
          this.applyFolders(payload as FolderSnapshot);
          break;
        case 'history.changed':
          break;
      }
    });
    const stopConnection = this.api.onConnectionChange((connected) => {
      this.#set({ connected });
      if (connected) {
        // The engine may have restarted, numbering its folder snapshots from 1 again.
        this.#foldersRevision = -1;
        void this.load().then(() => this.#set({ resyncCount: this.#snapshot.resyncCount + 1 }));
      }
    });
    void this.load();
    return () => {
      stopEvents();
      stopConnection();
    };
  }

  async load(): Promise<void> {
    try {
      const [appInfo, session, status, settings, folders] = await Promise.all([
        this.api.invoke('app.info', {}),
        this.api.invoke('session.get', {}),
        this.api.invoke('status.get', {}),
        this.api.invoke('settings.get', {}),
        this.api.invoke('folders.list', {}),
      ]);
      this.#set({ phase: 'ready', error: null, appInfo, status, settings });
      this.applyFolders(folders);
      this.#applySession(session);
    } catch (error) {
      if (this.#snapshot.phase !== 'ready') {
        this.#set({
          phase: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    }
  }

  #applySession(session: SessionInfo): void {
    const previous = this.#snapshot.session;
    const sameUser =
      previous !== null &&
      previous.signedIn === session.signedIn &&
      previous.user?.username === session.user?.username;
    this.#set({ session });
    if (!session.signedIn) this.#set({ administrations: { state: 'idle' } });
    else if (!sameUser || this.#snapshot.administrations.state === 'idle')
      void this.loadAdministrations();
  }

  async loadAdministrations(refresh = false): Promise<void> {
    const request = ++this.#administrationsRequest;
    this.#set({
      administrations: { state: 'loading', previous: loadedValue(this.#snapshot.administrations) },
    });
    try {
      const value = await this.api.invoke('administrations.list', { refresh });
      if (request === this.#administrationsRequest)
        this.#set({ administrations: { state: 'ready', value } });
    } catch (error) {
      if (request !== this.#administrationsRequest) return;
      this.#set({
        administrations: {
          state: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          previous: loadedValue(this.#snapshot.administrations),
        },
      });
    }
  }

  /** An administration's archive categories, asked for once per run (a failure is not kept). */
  categories(companyNumber: CompanyNumber): Promise<ArchiveCategories> {
    let pending = this.#categories.get(companyNumber);
    if (pending === undefined) {
      pending = this.api.invoke('administrations.categories', { companyNumber });
      pending.catch(() => this.#categories.delete(companyNumber));
      this.#categories.set(companyNumber, pending);
    }
    return pending;
  }

  /** Answers of requests that change shared state are applied at once, not only via events. */
  applySession(session: SessionInfo): void {
    this.#applySession(session);
  }
  applySettings(settings: Settings): void {
    this.#set({ settings });
  }
  /**
   * Shows a folders snapshot (an answer or a folders.changed event) unless the one shown is as
   * recent or more: an event sent before the user's last change can arrive after that change's
   * answer (browser mode carries them on different connections), and must not show the earlier
   * choice again, even for a moment.
   */
  applyFolders(snapshot: FolderSnapshot): void {
    if (snapshot.revision <= this.#foldersRevision) return;
    this.#foldersRevision = snapshot.revision;
    this.#set({ folders: snapshot.folders });
  }
  applyStatus(status: StatusSnapshot): void {
    this.#set({ status });
  }
}
