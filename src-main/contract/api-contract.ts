// The one API between the renderer and core, after GitHub Desktop's ipc-shared.ts: every request
// channel with the schema of its argument and of its answer, and every event core pushes.
// Both transports (Electron IPC, loopback HTTP) carry exactly these, validated on arrival.
import { z } from 'zod';
import {
  Administration,
  ArchiveCategories,
  CompanyNumber,
  Destination,
  Failure,
  FolderSnapshot,
  FollowUpStatus,
  HealthReport,
  HistoryEntry,
  HistoryFilter,
  HoldChoice,
  InspectedFile,
  SessionInfo,
  SeparatorSheet,
  Settings,
  SettingsPatch,
  SplitChoice,
  SplitMode,
  FolderSplit,
  SplitPreview,
  StatusSnapshot,
  UploadProgress,
  UnconfirmedIncident,
} from './domain.ts';
import { FolderListing } from './folder-listing.ts';
import { HistoryPreview } from './history-preview.ts';
import { Message } from './messages/message.ts';
import { renderMessage } from './messages/render-message.ts';

const Empty = z.object({}).strict();
const EntryId = z.object({ id: z.number().int() });
/** An outage, by the epoch ms it began (HistoryEntry.incidentAt). */
const IncidentId = z.object({ incidentAt: z.number().int() });

export const requests = {
  /** With `verify`, asks Clearfacts again who the token belongs to and what it may do. */
  'session.get': {
    request: z.object({ verify: z.boolean().optional() }).strict(),
    response: SessionInfo,
  },
  /** Checks the token live, stores it only when Clearfacts accepts it. */
  'session.signIn': { request: z.object({ token: z.string() }), response: SessionInfo },
  'session.signInDemo': { request: Empty, response: SessionInfo },
  'session.signOut': { request: Empty, response: SessionInfo },

  'administrations.list': {
    request: z.object({ refresh: z.boolean().default(false) }),
    response: z.array(Administration),
  },
  'administrations.categories': {
    request: z.object({ companyNumber: CompanyNumber }),
    response: ArchiveCategories,
  },

  'folders.list': { request: Empty, response: FolderSnapshot },
  'folders.add': {
    request: z.object({
      path: z.string().min(1),
      companyNumber: CompanyNumber,
      destination: Destination,
      /** How scanned batches are cut (issue #17), or a scan session bundled (#19); absent: off. */
      split: FolderSplit.optional(),
    }),
    response: FolderSnapshot,
  },
  /** Sets a bound folder's split mode (issue #17) or scan session bundling (issue #19). */
  'folders.setSplit': {
    request: z.object({ id: z.string(), split: FolderSplit }),
    response: FolderSnapshot,
  },
  'folders.addTree': {
    request: z.object({ path: z.string().min(1) }),
    response: FolderSnapshot,
  },
  /** An accountant's e-invoice inbox: each e-invoice goes where its parties say (issue #18). */
  'folders.addInbox': {
    request: z.object({ path: z.string().min(1) }),
    response: FolderSnapshot,
  },
  'folders.remove': { request: z.object({ id: z.string() }), response: FolderSnapshot },
  /**
   * This installation delivers a bound folder another installation owned, once that one is
   * silent (issue #10, one owner per folder; `conflict` while it is active).
   */
  'folders.takeOver': { request: z.object({ id: z.string() }), response: FolderSnapshot },
  /**
   * The subfolders of `path`, which must lie under the user's home or a mounted drive (absent:
   * the roots alone), for the Add-folder form where the shell has no folder dialog (browser
   * mode). Refused (`invalid_request`) for any other path, `not_found` for a missing one.
   */
  'folders.browse': {
    request: z.object({ path: z.string().min(1).max(4_096).optional() }).strict(),
    response: FolderListing,
  },

  /** Type and page count of files before they are sent (drop window). */
  'drop.inspect': {
    request: z.object({ paths: z.array(z.string()).min(1).max(10_000) }),
    response: z.array(InspectedFile),
  },
  'drop.send': {
    request: z.object({
      paths: z.array(z.string()).min(1).max(10_000),
      companyNumber: CompanyNumber,
      destination: Destination,
      /** Cut scanned batches in this mode before sending (issue #17); absent: off. */
      split: SplitMode.optional(),
      /**
       * The parts the user confirmed in the split preview, per path (issue #19); a batch not
       * listed is cut as `split` decides when its turn comes.
       */
      splitChoices: z
        .array(z.object({ path: z.string(), choice: SplitChoice }))
        .max(10_000)
        .optional(),
    }),
    response: z.array(HistoryEntry),
  },
  /**
   * The files, in this order (PDF pages as they are, a JPEG or PNG as one page), combined into
   * one PDF and queued as one document (issue #19, bundling); the files are not changed or
   * moved. `invalid_request` names a file that cannot be combined, and nothing is queued.
   */
  'drop.combine': {
    request: z.object({
      paths: z.array(z.string()).min(2).max(500),
      companyNumber: CompanyNumber,
      destination: Destination,
    }),
    response: HistoryEntry,
  },
  /** What one PDF would be cut into in a split mode, with a picture of each part (issue #19). */
  'drop.previewSplit': {
    request: z.object({ path: z.string().min(1), mode: SplitMode }),
    response: SplitPreview,
  },
  /** A printable separator sheet (issue #17): a one-page PDF, base64, captioned in nl, fr, en. */
  'separatorSheet.create': {
    request: z.object({ sheet: SeparatorSheet }),
    response: z.object({ pdfBase64: z.string() }),
  },

  'history.query': {
    request: z.object({
      filter: HistoryFilter.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1_000).default(200),
    }),
    response: z.object({ rows: z.array(HistoryEntry), total: z.number().int() }),
  },
  /** Failed or duplicate: check again and queue. */
  'history.retry': { request: EntryId, response: HistoryEntry },
  'history.retryAllFailed': { request: Empty, response: z.object({ count: z.number().int() }) },
  /** Unconfirmed or duplicate: send again, on the user's say. */
  'history.resend': { request: EntryId, response: HistoryEntry },
  /** Unconfirmed: the user saw it arrive in Clearfacts. */
  'history.markDone': { request: EntryId, response: HistoryEntry },
  /**
   * Unconfirmed files grouped by the outage that made them unconfirmed (newest first), so the
   * user decides once per outage.
   */
  'history.incidents': { request: Empty, response: z.array(UnconfirmedIncident) },
  /** "I checked Clearfacts: resend these N": every unconfirmed file of one outage is sent again. */
  'history.resendIncident': {
    request: IncidentId,
    response: z.object({ count: z.number().int() }),
  },
  /** "Mark these N done": every unconfirmed file of one outage counts as uploaded. */
  'history.markIncidentDone': {
    request: IncidentId,
    response: z.object({ count: z.number().int() }),
  },
  /**
   * Failed or held: keep the row as a record, no longer counted as failed or needing attention (a
   * held row stays held, unsent, with its choices).
   */
  'history.dismiss': { request: EntryId, response: HistoryEntry },
  /** Held: the user's choice, one of those the row offers; the file is queued accordingly. */
  'history.choose': {
    request: z.object({ id: z.number().int(), choice: HoldChoice }),
    response: HistoryEntry,
  },
  /** Show the local file in the OS file manager (desktop); answers the path it revealed. */
  'history.reveal': { request: EntryId, response: z.object({ path: z.string() }) },
  /**
   * What the file looks like (issue #14): a PDF's first pages, a picture, an e-invoice's summary,
   * or why it cannot be shown. By history id only: core reads the path the history holds.
   */
  'history.preview': {
    request: z.object({ id: z.number().int() }).strict(),
    response: HistoryPreview,
  },

  /** The follow-up's state and the unpaid purchase invoices per administration. */
  'followUp.get': { request: Empty, response: FollowUpStatus },
  /** The user opened this row: ask Clearfacts about it once more, soon. */
  'followUp.checkNow': { request: EntryId, response: HistoryEntry },
  'queue.pause': { request: Empty, response: StatusSnapshot },
  'queue.resume': { request: Empty, response: StatusSnapshot },
  'status.get': { request: Empty, response: StatusSnapshot },
  /** Read-only: the status with every hold, the folders, the last upload and the last error. */
  'health.get': { request: Empty, response: HealthReport },

  'settings.get': { request: Empty, response: Settings },
  'settings.update': { request: SettingsPatch, response: Settings },

  /** Which shell hosts the renderer: the browser cannot pick folders or reveal files. */
  'app.info': {
    request: Empty,
    response: z.object({
      shell: z.enum(['electron', 'browser']),
      version: z.string(),
      platform: z.string(),
      osLocale: z.string(),
    }),
  },
} as const;

export const events = {
  status: StatusSnapshot,
  /** Rows inserted or changed, in the order they changed. */
  'history.changed': z.object({ entries: z.array(HistoryEntry) }),
  'folders.changed': FolderSnapshot,
  'session.changed': SessionInfo,
  'settings.changed': Settings,
  /**
   * The follow-up paused (offline, refused token, missing scope, rate-limited), resumed, or was
   * turned off or on: the same status `followUp.get` answers, so a screen can show it live.
   */
  'followUp.changed': FollowUpStatus,
  /** The bytes sent of a file being uploaded, throttled (queue/upload-progress.ts); not stored. */
  'upload.progress': UploadProgress,
} as const;

export type RequestChannel = keyof typeof requests;
export type RequestOf<C extends RequestChannel> = z.input<(typeof requests)[C]['request']>;
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requests)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requests)[C]['response']>;
export type EventChannel = keyof typeof events;
export type EventOf<E extends EventChannel> = z.output<(typeof events)[E]>;

/** What core implements and every transport exposes: one async function per channel. */
export type ApiHandlers = {
  [C in RequestChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export type EventListener = <E extends EventChannel>(channel: E, payload: EventOf<E>) => void;

/**
 * An error that crosses a transport: a stable category for the UI, the specific message as data
 * (every surface renders it in its language) and, optionally, technical words (untranslated).
 */
export const ApiErrorBody = z.object({
  code: z.enum([
    'invalid_request',
    'not_signed_in',
    'auth',
    'missing_scope',
    'not_found',
    'conflict',
    'unavailable',
    'unsupported_in_shell',
    'internal',
  ]),
  message: Message,
  detail: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * Thrown by handlers and rethrown by every transport's client. It takes a Message, never a
 * sentence: the UI renders `userMessage`; `message` is its English rendering, for logs only.
 */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly userMessage: Message;
  readonly detail: string | undefined;
  constructor(code: ApiErrorBody['code'], userMessage: Message, detail?: string) {
    super(renderMessage(userMessage, 'en'));
    this.name = 'ApiError';
    this.code = code;
    this.userMessage = userMessage;
    this.detail = detail;
  }

  /** The form that travels (InvokeResult), with `detail` only when there is one. */
  toBody(): ApiErrorBody {
    return this.detail === undefined
      ? { code: this.code, message: this.userMessage }
      : { code: this.code, message: this.userMessage, detail: this.detail };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.detail);
  }
}

/** The client side of the contract, whichever transport carries it. */
export interface ApiClient {
  invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  subscribe(listener: EventListener): () => void;
}

/**
 * How an answer travels over either transport: Electron's ipcRenderer.invoke drops the fields of
 * a thrown error, so handlers' errors are carried as data and rethrown as ApiError by the client.
 */
export const InvokeResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);
export type InvokeResult = z.infer<typeof InvokeResult>;

/** What the Electron preload exposes as `window.clearfactsBridge` (contextBridge), and nothing else. */
export interface PreloadBridge {
  invoke(channel: RequestChannel, request: unknown): Promise<InvokeResult>;
  subscribe(listener: (channel: EventChannel, payload: unknown) => void): () => void;
  /** Absolute path of a dropped File (webUtils.getPathForFile); empty when it has none. */
  pathForFile(file: File): string;
  /**
   * The shell's native folder dialog: the chosen folder, or null when the user cancelled.
   * Optional so a preload without it still type-checks; the renderer then asks for a typed path.
   */
  pickFolder?(): Promise<string | null>;
}

/**
 * Browser mode only: files dropped in a browser have no path, so their bytes are POSTed to the
 * loopback bridge (`/api/files`), which stages them on disk and answers one of these per file.
 * The staged paths are then used with `drop.inspect` and `drop.send` like any other path.
 */
export const StagedFile = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), name: z.string(), path: z.string() }),
  z.object({ ok: z.literal(false), name: z.string(), failure: Failure }),
]);
export type StagedFile = z.infer<typeof StagedFile>;
export const StagedFiles = z.object({ files: z.array(StagedFile) });
export type StagedFiles = z.infer<typeof StagedFiles>;

export function isRequestChannel(value: string): value is RequestChannel {
  return Object.hasOwn(requests, value);
}
