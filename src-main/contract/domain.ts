// The nouns that cross the boundary between core and every transport (IPC, loopback HTTP, CLI
// --json). Each one is a zod schema so the receiving side can validate what it is given.
import { z } from 'zod';
import { FOLDER_AVAILABILITIES, QUEUE_STATES } from './engine-states.ts';
import { FILE_STATES } from './file-states.ts';
import { Message, msg } from './messages/message.ts';
import { CompanyNumber } from './company-number.ts';
import { DEFAULT_API_URL } from './default-api-url.ts';
import { DESTINATION_TYPES } from './destination-types.ts';
import { CLEARFACTS_STATUSES, IN_CLEARFACTS_FILTERS } from './in-clearfacts-filters.ts';
import { FolderSplit, PageThumbnail, SplitPart } from './split-schemas.ts';

// Defined beside their rules, in modules light enough for a worker thread to load (the split
// worker validates its messages with them without this module's catalogue of messages).
export { CompanyNumber } from './company-number.ts';
export * from './split-schemas.ts';

/**
 * The administration of a file in an e-invoice inbox before its parties chose one (issue #18).
 * Its check digits are wrong (97 - 0 mod 97 is 97, not 00), so it is no company's number, and
 * the send step routes such a file, holds it or refuses it: it is never sent under this number.
 */
export const UNROUTED_COMPANY_NUMBER: CompanyNumber = '0000000000';

/** Where a document goes in Clearfacts: an invoice tray or an archive with its category. */
export const Destination = z.discriminatedUnion('type', [
  z.object({ type: z.literal('purchase') }),
  z.object({ type: z.literal('sale') }),
  z.object({ type: z.literal('various'), categoryId: z.string().min(1) }),
  z.object({ type: z.literal('permanent'), categoryId: z.string().min(1) }),
]);
export type Destination = z.infer<typeof Destination>;
export const DestinationType = z.enum(DESTINATION_TYPES);
export type DestinationType = z.infer<typeof DestinationType>;

/**
 * The states a file goes through. Every transition is written to the history before the next
 * step starts, so a crash can always be resumed from the last written state.
 */
export const FileState = z.enum(FILE_STATES);
export type FileState = z.infer<typeof FileState>;

/** The category of a failure: what the queue and the UI's filters go by. */
export const FailureCode = z.enum([
  'unsupported_type',
  'empty_file',
  'too_large',
  'pdf_encrypted',
  'pdf_corrupt',
  'file_incomplete',
  'pdf_no_pages',
  /** A page tree's /Count is not the number of pages it holds: readers disagree on its pages. */
  'pdf_page_count_mismatch',
  'pdf_needs_password',
  'pdf_incomplete',
  'pdf_unreadable',
  'pdf_xfa_only',
  'pdf_prefix_too_long',
  'check_over_budget',
  'xml_not_invoice',
  'xml_unreadable_encoding',
  'e_invoice_unsupported',
  'bank_statement',
  /** A file in an e-invoice inbox that is not an e-invoice: no party names its administration. */
  'not_e_invoice',
  /** A scanned batch in a separator folder whose every page is a separator sheet: nothing to send. */
  'only_separator_sheets',
  'conversion_failed',
  'file_missing',
  'file_unreadable',
  'server_refused',
  'unknown_administration',
  'unknown_category',
  'auth',
  'missing_scope',
  'transient',
  'storage',
  'after_upload_failed',
]);
export type FailureCode = z.infer<typeof FailureCode>;

/**
 * A failure: its category, the specific sentence as data, and a detail: Clearfacts' own words
 * when it gave a reason, else the app's technical detail (an error code, what the parser found).
 */
export const Failure = z.object({
  code: FailureCode,
  message: Message,
  /** Untranslated detail: whose words they are is `detailFrom`. */
  detail: z.string().optional(),
  /**
   * 'clearfacts' when `detail` is the text the Clearfacts API answered (a refusal's message,
   * redacted); absent when the app made it. Only then may a surface say "Clearfacts said".
   */
  detailFrom: z.literal('clearfacts').optional(),
});
export type Failure = z.infer<typeof Failure>;

export const DocumentKind = z.enum(['pdf', 'jpeg', 'xml', 'png', 'tiff', 'unknown']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A party of an e-invoice: the supplier (EN 16931 BG-4) or the customer (BG-7). */
export const EInvoiceParty = z.object({
  /** Legal registration name (BT-27 / BT-44), else the trading name (BT-28 / BT-45). */
  name: z.string().nullable(),
  /** Legal registration identifier (BT-30 / BT-47): for a Belgian party, the company number. */
  companyNumber: z.string().nullable(),
  /** VAT identifier (BT-31 / BT-48), e.g. BE0123456749. */
  vatNumber: z.string().nullable(),
  /**
   * Electronic address (BT-34 / BT-49) as `scheme:identifier`, e.g. `0208:0123456749`. Peppol
   * BIS 3 makes it where the invoice is delivered, which may be a service provider's or a head
   * office's: it names the party only when the party gives no legal identifier. Absent from
   * summaries read before it was kept (their companyNumber / vatNumber may then be the
   * endpoint's).
   */
  endpoint: z.string().nullable().optional(),
});
export type EInvoiceParty = z.infer<typeof EInvoiceParty>;

/**
 * What a structured e-invoice says about itself, read while streaming (UBL 2.1; Peppol BIS
 * Billing 3.0, UBL.BE and e-FFF are UBL customisations). `documentType`: a credit note by its
 * root element or type code 381 (UNTDID 1001); an invoice whose payable amount is negative is a
 * correction, never called a credit note.
 */
export const EInvoiceSummary = z.object({
  format: z.enum(['peppol-bis-3', 'ubl-be', 'e-fff', 'ubl']),
  documentType: z.enum(['invoice', 'credit_note', 'correction']),
  /** True when the file is a Peppol SBDH envelope and the inner invoice is what is sent. */
  envelope: z.boolean(),
  /** BT-1. */
  number: z.string().nullable(),
  /** BT-2 and BT-9, as written (YYYY-MM-DD). */
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** BT-115 as a number, and its currency (the amount's currencyID, else BT-5). */
  payableAmount: z.number().nullable(),
  currency: z.string().nullable(),
  supplier: EInvoiceParty,
  customer: EInvoiceParty,
  /** The visual (an embedded PDF) carried in the file, if any, with its decoded size. */
  embeddedPdfBytes: z.number().int().nullable(),
  /** SHA-256 of that embedded PDF, to recognise the same PDF beside the XML (absent before). */
  embeddedPdfSha256: z.string().nullable().optional(),
});
export type EInvoiceSummary = z.infer<typeof EInvoiceSummary>;

/**
 * What the user may do with a held file: send it to another administration (with the tray its
 * party role implies: the customer's purchases, the supplier's sales), or send it where it is.
 */
export const HoldChoice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('send_to'),
    companyNumber: CompanyNumber,
    /** The administration's name as Clearfacts lists it. */
    name: z.string(),
    destination: z.enum(['purchase', 'sale']),
  }),
  z.object({ kind: z.literal('send_here') }),
  /**
   * Offered where the invoice's parties name no administration the user can reach: the user
   * answers with a `send_to` of any reachable administration, never with this itself.
   */
  z.object({ kind: z.literal('pick_administration') }),
]);
export type HoldChoice = z.infer<typeof HoldChoice>;

/** The words of a choice, for a button or a CLI line. */
export function choiceMessage(choice: HoldChoice): Message {
  switch (choice.kind) {
    case 'send_to':
      return msg('choice_send_to', {
        name: choice.name,
        companyNumber: choice.companyNumber,
        destination: choice.destination,
      });
    case 'send_here':
      return msg('choice_send_here');
    case 'pick_administration':
      return msg('choice_pick_administration');
  }
}

/** Why a file waits for the user (state `held`, or a duplicate by its invoice), and the choices. */
export const FileHold = z.object({ reason: Message, choices: z.array(HoldChoice) });
export type FileHold = z.infer<typeof FileHold>;

export const UploadSource = z.enum(['watch', 'drop', 'cli']);
export type UploadSource = z.infer<typeof UploadSource>;

/**
 * What Clearfacts did with a delivered invoice, as `document(id)` last said: received (no
 * document date yet), processed (a date, payment state unknown or other), unpaid (processed,
 * paymentState UNPAID), paid (PAID), not_known (Clearfacts no longer knows the id: deleted
 * there). Archive documents have no such state and are never asked about.
 */
export const ClearfactsStatus = z.enum(CLEARFACTS_STATUSES);
export type ClearfactsStatus = z.infer<typeof ClearfactsStatus>;

export const InClearfacts = z.object({
  status: ClearfactsStatus,
  /** The document date Clearfacts set when processing it (YYYY-MM-DD), else null. */
  documentDate: z.string().nullable(),
  /** Clearfacts' paymentState as it said it (UNPAID, PAID, …), else null. */
  paymentState: z.string().nullable(),
  /** When Clearfacts was last asked (ISO). */
  checkedAt: z.string(),
});
export type InClearfacts = z.infer<typeof InClearfacts>;

/**
 * One file a combined document was made of (issue #19, bundling): its name and path, the pages
 * it gave (a JPEG or PNG gives one) and the SHA-256 (hex) of its bytes when they were combined.
 */
export const BundleSource = z.object({
  fileName: z.string(),
  path: z.string(),
  pages: z.number().int().min(1),
  sha256: z.string(),
});
export type BundleSource = z.infer<typeof BundleSource>;
/** What History filters "In Clearfacts" on: a status, not yet asked, or in the archive. */
export const InClearfactsFilter = z.enum(IN_CLEARFACTS_FILTERS);
export type InClearfactsFilter = z.infer<typeof InClearfactsFilter>;

/**
 * How far the upload of one history row has come: the file's bytes the request body handed to
 * fetch so far and the file's size, both in bytes (the multipart framing not counted). Live only,
 * at most a few a second per file plus the last one; never stored.
 */
export const UploadProgress = z.object({
  id: z.number().int(),
  sentBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type UploadProgress = z.infer<typeof UploadProgress>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  path: z.string(),
  fileName: z.string(),
  folderId: z.string().nullable(),
  source: UploadSource,
  companyNumber: CompanyNumber,
  destination: Destination,
  state: FileState,
  kind: DocumentKind.nullable(),
  sizeBytes: z.number().int().nullable(),
  /**
   * Bytes of the document as sent: differs from `sizeBytes` after a prefix strip, a PNG
   * conversion, an unwrapped envelope or for a split part; null before a send started (absent
   * from older peers).
   */
  sentBytes: z.number().int().nullable().optional(),
  sha256: z.string().nullable(),
  pages: z.number().int().nullable(),
  uuid: z.string().nullable(),
  failure: Failure.nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** Where the file was moved after upload, when it was. */
  archivedPath: z.string().nullable(),
  /** When the user dismissed this failure (absent from older peers). */
  dismissedAt: z.string().nullable().optional(),
  detectedAt: z.string(),
  updatedAt: z.string(),
  uploadedAt: z.string().nullable(),
  /** The e-invoice's summary, for XML invoices and credit notes (absent from older peers). */
  eInvoice: EInvoiceSummary.nullable().optional(),
  /** Why the file waits for the user, with the choices (absent from older peers). */
  hold: FileHold.nullable().optional(),
  /** Advice on an e-invoice (EN 16931 / Peppol BIS 3 rules it breaks); never stops a send. */
  advice: z.array(Message).optional(),
  /**
   * The outage (epoch ms it began) in which the file became unconfirmed; the files of one
   * incident are resent or marked done together (absent from older peers).
   */
  incidentAt: z.number().int().nullable().optional(),
  /**
   * The name's bytes (hex) as the file system gave them, when they were not valid UTF-8:
   * `fileName` is then that name decoded as Windows-1252 (absent from older peers).
   */
  rawName: z.string().nullable().optional(),
  /** What Clearfacts did with it, once asked (absent from older peers). */
  inClearfacts: InClearfacts.nullable().optional(),
  /** A part of a split batch: the original's history id (absent from older peers). */
  parentId: z.number().int().nullable().optional(),
  /** A part's pages in the original, 1-based and inclusive (absent: not a part). */
  pageRange: z.object({ first: z.number().int(), last: z.number().int() }).nullable().optional(),
  /** Why a batch was sent whole although its folder splits (absent: it was not). */
  splitNote: Message.nullable().optional(),
  /** A combined document: the files it was made of, in page order (absent: it is not one). */
  sources: z.array(BundleSource).nullable().optional(),
  /** A file combined into a document: that document's history id (absent: it was not). */
  bundleId: z.number().int().nullable().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * The files one outage made unconfirmed: their uploads left whole and no answer proved whether
 * Clearfacts stored them. `incidentAt` is the epoch ms the outage began (a stop mid-upload is
 * an outage too).
 */
export const UnconfirmedIncident = z.object({
  incidentAt: z.number().int(),
  files: z.array(HistoryEntry),
});
export type UnconfirmedIncident = z.infer<typeof UnconfirmedIncident>;

export const HistoryFilter = z.object({
  states: z.array(FileState).optional(),
  /** Only the parts of the split batch with this history id (issue #17). */
  parentId: z.number().int().optional(),
  companyNumber: CompanyNumber.optional(),
  destinationType: DestinationType.optional(),
  /** ISO dates (inclusive) on detectedAt. */
  from: z.string().optional(),
  to: z.string().optional(),
  /** Matches the file name, and an e-invoice's supplier, number or amount. */
  search: z.string().max(200).optional(),
  /** Part of the e-invoice supplier's name, company number or VAT number. */
  supplier: z.string().max(200).optional(),
  /** Part of the e-invoice number (BT-1). */
  invoiceNumber: z.string().max(200).optional(),
  /** Payable amount bounds (BT-115), inclusive. */
  amountMin: z.number().optional(),
  amountMax: z.number().optional(),
  /** Delivered rows by what Clearfacts did with them. */
  inClearfacts: InClearfactsFilter.optional(),
});
export type HistoryFilter = z.infer<typeof HistoryFilter>;

export const Administration = z.object({
  companyNumber: CompanyNumber,
  name: z.string(),
  accountManager: z.string().nullable(),
});
export type Administration = z.infer<typeof Administration>;

export const ArchiveCategory = z.object({ id: z.string(), name: z.string() });
export type ArchiveCategory = z.infer<typeof ArchiveCategory>;
export const ArchiveCategories = z.object({
  various: z.array(ArchiveCategory),
  permanent: z.array(ArchiveCategory),
});
export type ArchiveCategories = z.infer<typeof ArchiveCategories>;

/** A folder's scan session quiet window in seconds, or null when it does not bundle. */
export function bundleQuietSeconds(split: FolderSplit | undefined): number | null {
  return split?.startsWith('bundle:') === true ? Number(split.slice('bundle:'.length)) : null;
}

/**
 * What a batch would be cut into in a split mode, before it is sent: the choice as core would
 * make it, each part with a small picture of its first page (a `data:image/jpeg;base64,` URL,
 * at most 240 px on its long side); or no parts and `whole` saying why it would go as it is
 * (null: it is one document). `pages` is null when the PDF could not be read.
 */
export const SplitPreview = z.object({
  sha256: z.string(),
  pages: z.number().int().nullable(),
  separatorPages: z.array(z.number().int()),
  parts: z.array(SplitPart.extend({ thumbnail: z.string() })),
  /**
   * A picture (as a part's) of every page a part may start with once pages are moved: every page
   * that is not a separator page, in page order; empty when there are no parts.
   */
  pageThumbnails: z.array(PageThumbnail),
  whole: Message.nullable(),
});
export type SplitPreview = z.infer<typeof SplitPreview>;

/**
 * A watched folder: bound to one administration and destination, an accountant's root (the
 * path names the administration), or an accountant's e-invoice inbox (each e-invoice's parties
 * name it, issue #18).
 */
export const FolderBinding = z.discriminatedUnion('mode', [
  z.object({
    id: z.string(),
    mode: z.literal('single'),
    path: z.string(),
    companyNumber: CompanyNumber,
    destination: Destination,
    /** Absent: off. */
    split: FolderSplit.optional(),
  }),
  z.object({
    id: z.string(),
    mode: z.literal('accountant-tree'),
    path: z.string(),
    /** Absent: off. */
    split: FolderSplit.optional(),
  }),
  z.object({ id: z.string(), mode: z.literal('e-invoice-inbox'), path: z.string() }),
]);
export type FolderBinding = z.infer<typeof FolderBinding>;

export const FolderAvailability = z.enum(FOLDER_AVAILABILITIES);
export type FolderAvailability = z.infer<typeof FolderAvailability>;

export const FolderView = z.object({
  binding: FolderBinding,
  availability: FolderAvailability,
  /** Why a folder is unavailable or polled (missing drive, watch limit with its fix, …). */
  reason: Message.nullable(),
  counts: z.object({
    pending: z.number().int(),
    uploaded: z.number().int(),
    failed: z.number().int(),
  }),
});
export type FolderView = z.infer<typeof FolderView>;

/**
 * The bound folders as core read them at one moment. `revision` numbers the reads of one engine
 * run (1, 2, …): a snapshot with a higher revision was read later, so a screen holding one never
 * takes an older one back (answers and events travel apart, and in browser mode on different
 * connections: an event sent before the user's last change can arrive after its answer).
 */
export const FolderSnapshot = z.object({
  revision: z.number().int().nonnegative(),
  folders: z.array(FolderView),
});
export type FolderSnapshot = z.infer<typeof FolderSnapshot>;

export const AfterUpload = z.enum(['move', 'leave', 'delete']);
export type AfterUpload = z.infer<typeof AfterUpload>;
export const Language = z.enum(['system', 'nl', 'fr', 'en']);
export type Language = z.infer<typeof Language>;

export { DEFAULT_API_URL };

/**
 * Whether a URL's host is this machine: `localhost`, 127.0.0.0/8 (RFC 1122 §3.2.1.3) or `[::1]`
 * (RFC 4291 §2.5.3). Only there may the API be spoken to over plain http.
 */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Why an API address is refused, as a message naming it (its host only when it carries a user
 * name or password, so those are never repeated); null when it is fine. The token travels to it,
 * so anything but https off loopback (plain http over a network, `file:`, `javascript:`) is
 * refused, and so is a user name or password in it: fetch refuses such a URL on every request
 * (WHATWG Fetch, "Request constructor", step 5.4) and the password would stand in every error.
 */
export function apiUrlProblem(value: string): Message | null {
  if (!URL.canParse(value)) return msg('api_url_not_url', { url: value, example: DEFAULT_API_URL });
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') {
    return msg('api_url_credentials', { host: url.host });
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return isLoopbackUrl(url) ? null : msg('api_url_plain_http', { host: url.host });
  }
  return msg('api_url_scheme', { scheme: url.protocol });
}

/**
 * The Clearfacts GraphQL endpoint: an https URL, or http on loopback only (the emulator, a local
 * proxy), never with a user name or password (see apiUrlProblem). The issue's message is the
 * problem's code: surfaces say it with apiUrlProblem in the user's language.
 */
export const ApiUrl = z.string().superRefine((value, context) => {
  const problem = apiUrlProblem(value);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem.code });
});

/** Where a token may travel: the origin (scheme, host, port) of an API address. */
export function apiOrigin(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

/** What the user can change. Folders live here too, so electron-store and conf share one file. */
export const Settings = z.object({
  apiUrl: ApiUrl.default(DEFAULT_API_URL),
  concurrency: z.number().int().min(1).max(8).default(2),
  afterUpload: AfterUpload.default('move'),
  stabilityWindowMs: z.number().int().min(200).max(600_000).default(2_000),
  pollingIntervalMs: z.number().int().min(500).max(600_000).default(5_000),
  rescanIntervalMs: z.number().int().min(10_000).max(86_400_000).default(300_000),
  forcePolling: z.boolean().default(false),
  maxUploadBytes: z
    .number()
    .int()
    .min(1)
    .default(20 * 1024 * 1024),
  language: Language.default('system'),
  /**
   * x.xml and x.pdf side by side are one invoice when the PDF is the one embedded in the XML:
   * only the XML is sent (issue #18). Off: every file is sent on its own.
   */
  pairEInvoices: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /** Ask Clearfacts what it did with each delivered invoice (queries only). */
  followUp: z.boolean().default(true),
  folders: z.array(FolderBinding).default([]),
  /**
   * True once the folders bound before folder markers existed got theirs (core's
   * folders/folder-marker.ts): until then an empty bound folder is taken as it is, not as an
   * unmounted share. Kept by core, not shown to the user.
   */
  folderMarkersWritten: z.boolean().default(false),
  lastDropTarget: z
    .object({ companyNumber: CompanyNumber, destination: Destination })
    .nullable()
    .default(null),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.omit({ folders: true }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const Scope = z.enum([
  'read_administrations',
  'upload_document',
  'archive_read',
  'archive_actions',
]);
export type Scope = z.infer<typeof Scope>;

export const UserInfo = z.object({
  username: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});
export type UserInfo = z.infer<typeof UserInfo>;

export const TokenStorageInfo = z.object({
  /** e.g. 'safeStorage', 'keyring', 'environment', 'file'. */
  backend: z.string(),
  /** False where the secret is not really protected (plain file, Linux basic_text). */
  secure: z.boolean(),
  warning: Message.nullable(),
});
export type TokenStorageInfo = z.infer<typeof TokenStorageInfo>;

export const SessionInfo = z.object({
  signedIn: z.boolean(),
  user: UserInfo.nullable(),
  /**
   * Scopes the token was found to have. The API lists none: the read scopes are learned from how
   * it answers reads, the upload scopes only from the answer to a real upload.
   */
  scopes: z.array(Scope),
  /** Upload scopes not confirmed yet, either way: the UI says they are checked at the first upload. */
  uncheckedScopes: z.array(Scope),
  /** The API address in use: the one the process was started with, else the settings' one. */
  apiUrl: z.string(),
  /**
   * True when the process was started with its API address (--api-url, CLEARFACTS_API_URL): the
   * settings' address is then not used, and Settings shows `apiUrl` and where to change it.
   */
  apiUrlFromLaunch: z.boolean(),
  demoAvailable: z.boolean(),
  tokenStorage: TokenStorageInfo,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const QueueState = z.enum(QUEUE_STATES);
export type QueueState = z.infer<typeof QueueState>;

export const StatusSnapshot = z.object({
  state: QueueState,
  /** What explains a paused, offline or blocked queue, with the fix. */
  reason: Message.nullable(),
  missingScope: Scope.nullable(),
  pausedByUser: z.boolean(),
  counts: z.object({
    pending: z.number().int(),
    uploading: z.number().int(),
    uploaded: z.number().int(),
    failed: z.number().int(),
    /**
     * Files `held` for the user's choice (an e-invoice addressed to another administration):
     * nothing went wrong with them, so they are not in `failed`. Absent from older peers, whose
     * `failed` counted them.
     */
    held: z.number().int().optional(),
    unconfirmed: z.number().int(),
    duplicate: z.number().int(),
  }),
  /** The current batch: files finished out of files seen since the queue was last empty. */
  batch: z.object({ done: z.number().int(), total: z.number().int() }),
  /**
   * The history was lost or damaged and rebuilt in the last days (`history_rebuilt`, with its
   * path, what was wrong and how many deliveries came back); absent from older peers.
   */
  historyRebuilt: Message.nullable().optional(),
});
export type StatusSnapshot = z.infer<typeof StatusSnapshot>;

/**
 * How the bytes sent would differ from the file on disk (the file itself never changes): the
 * bytes before `%PDF-` left out, the invoice inside a Peppol envelope sent alone, or an image
 * converted to PDF. SHA-256 in hex of what is sent.
 */
export const SendingChange = z.discriminatedUnion('change', [
  z.object({
    change: z.literal('leave_out_prefix'),
    bytes: z.number().int(),
    sentSha256: z.string(),
  }),
  z.object({ change: z.literal('unwrap_envelope'), sentSha256: z.string() }),
  z.object({ change: z.literal('convert_to_pdf') }),
]);
export type SendingChange = z.infer<typeof SendingChange>;

export const InspectedFile = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  kind: DocumentKind,
  pages: z.number().int().nullable(),
  /** Set when the file would be refused, with the specific reason. */
  failure: Failure.nullable(),
  /** True when a PNG/TIFF will be converted to PDF before upload. */
  willConvert: z.boolean(),
  /** The e-invoice's summary, for XML invoices and credit notes (absent from older peers). */
  eInvoice: EInvoiceSummary.nullable().optional(),
  /** How the bytes sent would differ from the file (absent from older peers). */
  changes: z.array(SendingChange).optional(),
});
export type InspectedFile = z.infer<typeof InspectedFile>;

/** Why the queue is not sending (several can hold at once), with the message that explains it. */
export const QueueHold = z.object({
  kind: z.enum(['storage', 'auth', 'paused', 'scope', 'offline', 'rate_limit']),
  message: Message,
});
export type QueueHold = z.infer<typeof QueueHold>;

/** A watched folder as a monitor sees it: can files be picked up from it? */
export const FolderHealth = z.object({
  id: z.string(),
  path: z.string(),
  available: z.boolean(),
  /** The intake's word on the folder; null when no engine watches it (then read from the disk). */
  availability: FolderAvailability.nullable(),
  reason: Message.nullable(),
});
export type FolderHealth = z.infer<typeof FolderHealth>;

/**
 * Everything a monitoring script asks about: the queue (counts and every hold), the folders, the
 * last delivery and the last failure, and whether someone must act (`attention`).
 */
export const HealthReport = z.object({
  status: StatusSnapshot,
  holds: z.array(QueueHold),
  folders: z.array(FolderHealth),
  /** The most recent delivery: the file, when (ISO), its Clearfacts uuid. */
  lastUpload: z
    .object({ fileName: z.string(), path: z.string(), at: z.string(), uuid: z.string() })
    .nullable(),
  /** The most recently changed file with a failure: the file, when (ISO), why. */
  lastError: z
    .object({ fileName: z.string(), path: z.string(), at: z.string(), failure: Failure })
    .nullable(),
  /** Failed or unconfirmed files, an auth, scope or storage hold, or an unavailable folder. */
  attention: z.boolean(),
});
export type HealthReport = z.infer<typeof HealthReport>;

/**
 * Whether the follow-up asks Clearfacts now, and if not, why: the user turned it off, no
 * connection, the token was refused, the token lacks a scope (named in `reason`), or Clearfacts
 * asked us to slow down.
 */
export const FollowUpState = z.enum([
  'active',
  'off',
  'paused_offline',
  'paused_auth',
  'paused_scope',
  'paused_rate_limit',
]);
export type FollowUpState = z.infer<typeof FollowUpState>;

export const FollowUpStatus = z.object({
  state: FollowUpState,
  reason: Message.nullable(),
  /** Delivered invoices still being asked about. */
  followed: z.number().int(),
  /** Per administration: purchase invoices Clearfacts last called UNPAID. */
  unpaidPurchases: z.array(z.object({ companyNumber: CompanyNumber, count: z.number().int() })),
});
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;
