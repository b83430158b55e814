// A small in-memory stand-in for core's Engine, so the bridge and the api-client can be tested
// over real HTTP without SQLite, watchers or the emulator. It implements the whole ApiHandlers
// type; behaviour beyond what the tests need answers plainly.
import { msg } from '../../../src-main/contract/messages/index.ts';
import {
  ApiError,
  type ApiHandlers,
  type EventChannel,
  type EventListener,
  type EventOf,
} from '../../../src-main/contract/api-contract.ts';
import {
  Settings,
  type FolderSnapshot,
  type HistoryEntry,
  type InspectedFile,
  type SessionInfo,
  type StatusSnapshot,
} from '../../../src-main/contract/domain.ts';
import type { Engine } from '../../../src-main/core/engine.ts';

export const GOOD_TOKEN = 'g'.repeat(80);

/** The fake binds no folder: every folders.* answer is this one snapshot. */
const NO_FOLDERS: FolderSnapshot = { revision: 1, folders: [] };

export interface FakeEngine extends Engine {
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  calls: { channel: string; request: unknown }[];
}

export interface FakeEngineOptions {
  /** Starts signed in, as after a token was stored on an earlier run. */
  signedIn?: boolean;
  /** How many history rows to answer with, generated on demand (newest first). */
  historyRows?: number;
}

/** The row at `offset` of a generated history of `total` rows, newest first. */
function generatedEntry(total: number, offset: number): HistoryEntry {
  const id = total - offset;
  const at = new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString();
  return {
    id,
    path: `/scans/scan-${String(id).padStart(5, '0')}.pdf`,
    fileName: `scan-${String(id).padStart(5, '0')}.pdf`,
    folderId: null,
    source: 'watch',
    companyNumber: '0403170701',
    destination: { type: 'purchase' },
    state: id % 50 === 0 ? 'failed' : 'archived',
    kind: 'pdf',
    sizeBytes: 40_000 + id,
    sha256: null,
    pages: 1 + (id % 7),
    uuid: id % 50 === 0 ? null : `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    failure:
      id % 50 === 0
        ? { code: 'pdf_corrupt', message: msg('legacy_text', { text: 'The PDF is damaged.' }) }
        : null,
    attempts: 1,
    nextAttemptAt: null,
    archivedPath: null,
    detectedAt: at,
    updatedAt: at,
    uploadedAt: id % 50 === 0 ? null : at,
  };
}

export function createFakeEngine(options: FakeEngineOptions = {}): FakeEngine {
  const historyRows = options.historyRows ?? 0;
  const listeners = new Set<EventListener>();
  const calls: { channel: string; request: unknown }[] = [];
  let settings = Settings.parse({});
  let session: SessionInfo = {
    signedIn: options.signedIn === true,
    user:
      options.signedIn === true
        ? { username: 'anna@example.be', email: 'anna@example.be', name: 'Anna Peeters' }
        : null,
    scopes: options.signedIn === true ? ['read_administrations', 'upload_document'] : [],
    uncheckedScopes: options.signedIn === true ? ['archive_actions'] : [],
    apiUrl: settings.apiUrl,
    apiUrlFromLaunch: false,
    demoAvailable: false,
    tokenStorage: { backend: 'memory', secure: true, warning: null },
  };
  const status: StatusSnapshot = {
    state: 'idle',
    reason: null,
    missingScope: null,
    pausedByUser: false,
    counts: { pending: 0, uploading: 0, uploaded: 0, failed: 0, unconfirmed: 0, duplicate: 0 },
    batch: { done: 0, total: 0 },
  };

  function record<T>(channel: string, request: unknown, answer: T): Promise<T> {
    calls.push({ channel, request });
    return Promise.resolve(answer);
  }

  const handlers: ApiHandlers = {
    'session.get': (request) => record('session.get', request, session),
    'session.signIn': (request) => {
      calls.push({ channel: 'session.signIn', request: { token: '<redacted>' } });
      if (request.token !== GOOD_TOKEN) {
        return Promise.reject(
          new ApiError(
            'auth',
            msg('legacy_text', { text: 'Clearfacts refused the token (HTTP 401).' }),
          ),
        );
      }
      session = {
        ...session,
        signedIn: true,
        user: { username: 'anna@example.be', email: 'anna@example.be', name: 'Anna Peeters' },
        scopes: ['read_administrations', 'upload_document'],
      };
      return Promise.resolve(session);
    },
    'session.signInDemo': () =>
      Promise.reject(new ApiError('unavailable', msg('legacy_text', { text: 'no demo here' }))),
    'session.signOut': (request) =>
      record('session.signOut', request, { ...session, signedIn: false }),
    'administrations.list': (request) =>
      record('administrations.list', request, [
        { companyNumber: '0403170701', name: 'Bakkerij Janssens BV', accountManager: null },
      ]),
    'administrations.categories': (request) =>
      record('administrations.categories', request, { various: [], permanent: [] }),
    'folders.list': (request) => record('folders.list', request, NO_FOLDERS),
    'folders.add': (request) => record('folders.add', request, NO_FOLDERS),
    'folders.addTree': (request) => record('folders.addTree', request, NO_FOLDERS),
    'folders.addInbox': (request) => record('folders.addInbox', request, NO_FOLDERS),
    'folders.remove': () =>
      Promise.reject(
        new ApiError('not_found', msg('legacy_text', { text: 'There is no such folder.' })),
      ),
    'drop.inspect': (request) =>
      record(
        'drop.inspect',
        request,
        request.paths.map((path): InspectedFile => ({
          path,
          fileName: path.split('/').pop() ?? path,
          sizeBytes: 1,
          kind: 'pdf',
          pages: 1,
          failure: null,
          willConvert: false,
        })),
      ),
    'drop.send': (request) => record('drop.send', request, []),
    'drop.combine': (request) => record('drop.combine', request, generatedEntry(1, 0)),
    'drop.previewSplit': (request) =>
      record('drop.previewSplit', request, {
        sha256: '',
        pages: null,
        separatorPages: [],
        parts: [],
        pageThumbnails: [],
        whole: null,
      }),
    'folders.setSplit': (request) => record('folders.setSplit', request, NO_FOLDERS),
    'folders.takeOver': (request) => record('folders.takeOver', request, NO_FOLDERS),
    'folders.browse': (request) =>
      record('folders.browse', request, {
        path: null,
        parent: null,
        folders: [],
        truncated: false,
        roots: [],
      }),
    'separatorSheet.create': (request) =>
      record('separatorSheet.create', request, { pdfBase64: '' }),
    'history.query': (request) => {
      const end = Math.min(request.offset + request.limit, historyRows);
      const rows: HistoryEntry[] = [];
      for (let offset = request.offset; offset < end; offset++)
        rows.push(generatedEntry(historyRows, offset));
      return record('history.query', request, { rows, total: historyRows });
    },
    'history.retry': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.retryAllFailed': (request) => record('history.retryAllFailed', request, { count: 0 }),
    'history.resend': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.choose': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.markDone': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.incidents': (request) => record('history.incidents', request, []),
    'history.resendIncident': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such outage' }))),
    'history.markIncidentDone': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such outage' }))),
    'history.dismiss': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.reveal': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'history.preview': () =>
      Promise.reject(new ApiError('not_found', msg('legacy_text', { text: 'no such entry' }))),
    'queue.pause': (request) =>
      record('queue.pause', request, { ...status, state: 'paused', pausedByUser: true }),
    'queue.resume': (request) => record('queue.resume', request, status),
    'status.get': (request) => record('status.get', request, status),
    'followUp.get': (request) =>
      record('followUp.get', request, {
        state: 'active',
        reason: null,
        followed: 0,
        unpaidPurchases: [],
      }),
    'followUp.checkNow': () => Promise.reject(new Error('not in the fake engine')),
    'health.get': (request) =>
      record('health.get', request, {
        status,
        holds: [],
        folders: [],
        lastUpload: null,
        lastError: null,
        attention: false,
      }),
    'settings.get': (request) => record('settings.get', request, settings),
    'settings.update': (request) => {
      settings = { ...settings, ...request };
      return record('settings.update', request, settings);
    },
    'app.info': (request) =>
      record('app.info', request, {
        shell: 'browser' as const,
        version: '0.0.0-test',
        platform: 'linux',
        osLocale: 'en-US',
      }),
  };

  return {
    handlers,
    calls,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(channel, payload) {
      for (const listener of listeners) listener(channel, payload);
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    whenIdle: () => Promise.resolve(),
    servePageLinks: () => {},
  };
}
