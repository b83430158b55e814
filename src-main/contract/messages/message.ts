// Every failure and notice core reports, as data: a code and the specifics the sentence needs
// (sizes in bytes, limits, names, paths, company numbers, scopes, times as epoch ms). Core never
// writes a sentence for the user; each surface renders these from the nl/fr/en catalogues, so a
// new situation is a new code here plus one line per catalogue.
import { z } from 'zod';
import { FOLDER_AVAILABILITIES, QUEUE_STATES } from '../engine-states.ts';
import { FILE_STATES } from '../file-states.ts';

/** Words that depend on the language: a param with one of these names holds a key of its table. */
export const TERM_TABLES = {
  fileType: [
    'exe',
    'elf',
    'macho',
    'msi',
    'zip',
    'rar',
    '7z',
    'gz',
    'tar',
    'docx',
    'xlsx',
    'pptx',
    'odt',
    'ods',
    'cfb',
    'rtf',
    'eml',
    'png',
    'gif',
    'bmp',
    'webp',
    'heic',
    'avif',
    'tif',
    'jpg',
    'pdf',
    'xml',
    'xml_invoice',
    'svg',
    'video',
    'audio',
    'sqlite',
    'html',
    'text',
    'binary',
    'other',
  ],
  archiveType: ['various', 'permanent'],
  subject: ['file', 'request'],
  networkProblem: [
    'reset',
    'refused',
    'aborted',
    'closed_while_sending',
    'closed',
    'dns',
    'timeout',
    'unreachable',
    'no_network',
    'other',
  ],
  historyProblem: ['missing', 'empty', 'damaged', 'incomplete'],
  storageProblem: [
    'full',
    'read_only',
    'cannot_open',
    'denied',
    'io_refused',
    'locked',
    'corrupt',
    'not_a_database',
    'read_only_disk',
    'io_error',
  ],
  state: FILE_STATES,
  action: ['retried', 'resent', 'marked_done', 'revealed', 'chosen', 'dismissed'],
  destination: ['purchase', 'sale'],
  /** EN 16931 / Peppol BIS 3 rules checked as advice on an e-invoice (e-invoice-advice.ts). */
  eInvoiceRule: [
    'br_01',
    'br_02',
    'br_03',
    'br_04',
    'br_05',
    'br_06',
    'br_07',
    'br_16',
    'br_co_15',
    'br_co_16',
    'peppol_r001',
    'peppol_r003',
    'peppol_common_r043',
  ],
  platformFix: ['darwin', 'linux', 'other'],
  queueState: QUEUE_STATES,
  folderAvailability: FOLDER_AVAILABILITIES,
  /** Which program runs the engine (`status`). */
  shell: ['electron', 'browser', 'cli'],
  /** The CLI's line labels (`status`, `check`), written without their colon. */
  cliLabel: [
    'engine',
    'queue',
    'history',
    'hold',
    'files',
    'folder',
    'last_upload',
    'last_error',
    'type',
    'change',
    'verdict',
  ],
  /** The CLI's table headers (`history`, `folders list`). */
  cliColumn: [
    'id',
    'state',
    'file',
    'to',
    'when',
    'in_clearfacts',
    'why',
    'path',
    'goes_to',
    'split',
    'pending',
    'uploaded',
    'failed',
  ],
} as const;
export type TermTable = keyof typeof TERM_TABLES;
export type Terms = { [T in TermTable]: Record<(typeof TERM_TABLES)[T][number], string> };

const term = <T extends TermTable>(table: T) => z.enum(TERM_TABLES[table]);

function message<C extends string, P extends z.ZodRawShape>(code: C, params: P) {
  return z.object({ code: z.literal(code), params: z.object(params).strict() });
}

const path = z.string();
const bytes = z.number().int().min(0);
const count = z.number().int().min(0);
const companyNumber = z.string();
const scope = z.string();
const status = z.number().int();
const seconds = z.number().min(0);

/** Why a file in an accountant tree cannot be routed; also shown inside a folder's reason. */
export const TreeRouteMessage = z.discriminatedUnion('code', [
  message('tree_file_in_root', {}),
  message('tree_file_in_administration', { companyNumber }),
  message('tree_unknown_tray', { folderName: z.string(), companyNumber }),
  message('tree_archive_needs_type', {}),
  message('tree_file_in_archive_type', { folderName: z.string() }),
  message('tree_unknown_category', {
    companyNumber,
    archiveType: term('archiveType'),
    folderName: z.string(),
  }),
  message('tree_folder_name_invalid', { folderName: z.string() }),
  message('tree_company_number_invalid', { folderName: z.string(), value: z.string() }),
]);
export type TreeRouteMessage = z.infer<typeof TreeRouteMessage>;

/** A sentence for the user, as data. Params are typed per code; see the catalogues for the text. */
export const Message = z.discriminatedUnion('code', [
  // Stored before messages were data: the English sentence an older version wrote in the history.
  message('legacy_text', { text: z.string() }),

  // documents/: checks by content, before anything is sent
  message('file_gone', {}),
  message('file_locked', {}),
  message('file_no_access', {}),
  message('not_a_file', {}),
  message('file_empty', {}),
  message('type_unsupported', { actual: term('fileType') }),
  message('type_unsupported_not_expected', {
    actual: term('fileType'),
    expected: term('fileType'),
  }),
  message('tiff_refused', {}),
  message('file_too_large', { sizeBytes: bytes, maxBytes: bytes }),
  message('png_damaged', {}),
  message('jpeg_incomplete', {}),
  message('pdf_encrypted', {}),
  message('pdf_no_pages', {}),
  message('pdf_incomplete_no_end_marker', {}),
  message('pdf_incomplete_in_update', {}),
  message('pdf_needs_password', {}),
  message('pdf_unreadable', {}),
  message('pdf_xfa_only', {}),
  message('pdf_prefix_too_long', { prefixBytes: z.number().int(), limitBytes: z.number().int() }),
  message('check_over_time', { limitSeconds: z.number() }),
  message('check_over_memory', { limitBytes: z.number() }),
  message('pdf_damaged', {}),
  message('pdf_incomplete', {}),
  message('xml_malformed', {}),
  message('xml_malformed_at', { line: z.number().int(), column: z.number().int() }),
  message('xml_bytes_not_in_encoding', { encoding: z.string() }),
  message('xml_no_single_root', {}),
  message('xml_html_page', {}),
  message('xml_other_document', { rootName: z.string() }),
  message('xml_invoice_wrong_namespace', {}),
  message('xml_credit_note_wrong_namespace', {}),
  message('xml_envelope_without_invoice', {}),
  message('xml_unreadable_encoding', { encoding: z.string() }),
  message('e_invoice_cii', {}),
  message('bank_statement_coda', {}),
  message('bank_statement_camt053', {}),

  // Issue #18: e-invoices routed to the right administration, paired, deduplicated and checked.
  // `administration` is the name (else the number) of the administration the file was meant for.
  message('e_invoice_customer_elsewhere', {
    name: z.string(),
    companyNumber,
    administration: z.string(),
  }),
  message('e_invoice_supplier_elsewhere', {
    name: z.string(),
    companyNumber,
    administration: z.string(),
  }),
  message('e_invoice_inbox_both_clients', { supplier: z.string(), customer: z.string() }),
  message('e_invoice_inbox_no_client', { supplier: z.string(), customer: z.string() }),
  message('e_invoice_inbox_number_twice', { companyNumber, names: z.string() }),
  message('e_invoice_inbox_no_numbers', {}),
  message('e_invoice_party_two_administrations', { name: z.string(), names: z.string() }),
  message('inbox_not_e_invoice', {}),
  message('e_invoice_already_sent', { fileName: z.string(), at: z.number() }),
  message('pdf_sent_with_xml', { fileName: z.string() }),
  message('pdf_differs_from_xml', { fileName: z.string() }),
  message('e_invoice_visual_already_sent', { fileName: z.string(), at: z.number() }),
  message('pdf_inside_unsent_xml', { fileName: z.string() }),
  message('pdf_beside_unsent_xml', { fileName: z.string() }),
  message('choice_send_to', { name: z.string(), companyNumber, destination: term('destination') }),
  message('choice_send_here', {}),
  message('e_invoice_advice', { eInvoiceRule: term('eInvoiceRule') }),
  message('hold_choice_unknown', { fileName: z.string() }),

  // queue/: what happened to a send
  message('file_removed_before_send', {}),
  message('file_permission_denied', {}),
  message('file_unreadable', {}),
  message('conversion_failed', {}),
  message('upload_unconfirmed', {}),
  message('send_interrupted', {}),
  message('retry_offline', {}),
  message('retry_http_status', { status }),
  message('retry_local', {}),
  message('gave_up_http_status', { status, attempts: count }),
  message('gave_up_local', { attempts: count }),
  message('after_upload_failed', {}),
  message('after_upload_folder_gone', { folder: path }),
  message('name_not_utf8_unrenamed', { path, error: z.string() }),
  message('after_upload_no_space', { folder: path }),
  message('after_upload_no_permission', { folder: path }),
  message('changed_after_send', {}),
  message('token_refused_hold', {}),
  message('token_refused_hold_env', { variable: z.string() }),
  message('scope_hold', { scope }),
  message('unknown_administration', { companyNumber }),
  message('unknown_category', { companyNumber, archiveType: term('archiveType') }),

  // api/: what a Clearfacts call answered
  message('api_no_token', {}),
  message('api_token_refused', { status }),
  message('api_token_refused_said', { status, serverMessage: z.string() }),
  message('api_missing_scope', { scope }),
  message('api_server_error', {}),
  message('api_refused', { subject: term('subject'), serverMessage: z.string() }),
  message('api_refused_status', { subject: term('subject'), status }),
  message('api_refused_too_large', { subject: term('subject') }),
  message('api_rate_limited', {}),
  message('api_rate_limited_for', { seconds }),
  message('api_unavailable_status', { status }),
  message('api_timeout_after_send', { seconds }),
  message('api_aborted_after_send', {}),
  message('api_timeout', { seconds }),
  message('api_request_stopped', {}),
  message('api_file_changed_while_sending', {}),
  message('api_network', { networkProblem: term('networkProblem') }),
  message('api_network_said', { problem: z.string() }),
  message('api_answer_not_understood', {}),
  message('api_answer_not_json', {}),
  message('api_upload_without_id', {}),
  message('api_status_after_send', { status }),
  message('api_network_after_send', { networkProblem: term('networkProblem') }),
  message('api_network_after_send_said', { problem: z.string() }),
  message('api_answer_broken_after_send', {}),
  message('api_user_unnamed', {}),

  // The queue's status
  message('no_token', {}),
  message('paused_by_user', {}),
  message('offline', {}),
  message('outage_probing', { count }),
  message('incident_resent', { count }),
  message('incident_marked_done', { count }),
  message('incident_unknown', { incident: z.number() }),
  message('incident_banner', { incident: z.number(), count }),
  message('incident_banner_undated', { count }),
  message('incident_guide', {}),
  message('rate_limited_until', { until: z.number() }),
  message('storage_fault', { databasePath: path, storageProblem: term('storageProblem') }),
  message('history_rebuilt', {
    databasePath: path,
    historyProblem: term('historyProblem'),
    restored: count,
  }),

  // account/: the session and where the token is kept
  message('not_signed_in', {}),
  message('token_malformed', {}),
  message('env_token_malformed', {}),
  message('token_not_accepted', {}),
  message('stored_token_not_accepted', {}),
  message('demo_unavailable', {}),
  message('token_file_unprotected', { filePath: path }),
  message('token_file_unusable', { filePath: path }),
  message('keyring_unusable', {}),
  message('keyring_failed', {}),
  message('token_store_failed', {}),
  message('safe_storage_unavailable', {}),
  message('safe_storage_basic_text', {}),
  message('safe_storage_session_only', {}),

  // Hardening (issue #12): the token bound to its API origin
  message('token_for_other_api', { tokenOrigin: z.string(), apiOrigin: z.string() }),

  // folders/ and intake/
  message('folder_not_found', { path }),
  message('not_a_folder', { path }),
  message('folder_already_watched', { path }),
  message('folder_watched_twice', { path }),
  message('folder_id_unknown', { id: z.string() }),
  message('inbox_never_splits', { path }),
  message('administration_unreachable', { companyNumber }),
  message('category_unknown', {
    companyNumber,
    archiveType: term('archiveType'),
    categoryId: z.string(),
  }),
  message('tree_not_created', {}),
  message('folder_moved', { path }),
  message('folder_missing', { path }),
  message('folder_no_permission', { path }),
  message('folder_unreachable', { path }),
  message('share_unmounted', { path }),
  message('folder_marker_missing', { path }),
  message('folder_not_responding', { path }),
  message('polling_forced', {}),
  message('polling_network', { fileSystem: z.string() }),
  message('polling_no_events', { seconds }),
  message('watch_limit_inotify', {}),
  message('watch_limit_open_files', { platformFix: term('platformFix') }),
  message('stray_files', { count, example: path, reason: TreeRouteMessage }),
  ...TreeRouteMessage.options,

  // What the user sees (issue 14, core and CLI): paths given to a drop or `upload`
  message('drop_path_missing', { path }),
  message('drop_path_not_a_file', { path }),
  message('drop_folder_empty', { path }),
  message('drop_too_many_files', { maxFiles: count }),
  // … and archive categories named on the command line
  message('category_name_unknown', {
    companyNumber,
    archiveType: term('archiveType'),
    name: z.string(),
    names: z.string(),
  }),
  message('category_name_ambiguous', {
    companyNumber,
    archiveType: term('archiveType'),
    name: z.string(),
    ids: z.string(),
  }),
  message('category_none', { companyNumber, archiveType: term('archiveType') }),

  // split/: separator sheets (the words printed on a sheet) and splitting scanned batches
  message('separator_sheet_heading', {}),
  message('separator_sheet_next', {}),
  message('separator_sheet_purchase', {}),
  message('separator_sheet_sale', {}),
  message('separator_sheet_various', { categoryId: z.string() }),
  message('separator_sheet_permanent', { categoryId: z.string() }),
  message('separator_sheet_company', { companyNumber }),
  message('separator_sheet_not_sent', {}),
  // … and what a batch's history row says about its split (issue #17)
  message('split_into_parts', { count, separatorPages: count }),
  message('split_whole_unreadable', {}),
  message('split_whole_part_mismatch', {
    firstPage: count,
    lastPage: count,
    expectedPages: count,
    foundPages: count.nullable(),
  }),
  message('split_whole_over_budget', { limitSeconds: seconds }),
  message('split_whole_stopped', {}),

  // handlers/ and store/: answers to a request
  message('history_entry_unknown', { id: z.number().int() }),
  message('history_action_refused', {
    fileName: z.string(),
    state: term('state'),
    action: term('action'),
  }),
  message('settings_invalid', {}),
  message('history_filter_invalid', {}),
  message('engine_busy', {}),
  message('request_invalid', {}),
  message('request_rejected', { problem: z.string() }),
  message('shell_unsupported', {}),
  message('uploader_unreachable', {}),
  message('bridge_link_used', {}),
  message('bridge_link_needed', {}),
  message('running_app_unreachable', { address: z.string(), reason: z.string() }),
  message('cli_api_unreachable', { address: z.string(), networkProblem: term('networkProblem') }),
  message('cli_api_unreachable_said', { address: z.string(), problem: z.string() }),
  message('running_app_no_answer', { channel: z.string(), reason: z.string() }),
  message('answer_breaks_contract', { channel: z.string() }),
  message('request_too_large', { channel: z.string() }),
  message('internal', {}),

  // follow-up (issue #16): what Clearfacts did with each delivered invoice
  message('follow_up_missing_scope', { scope }),
  message('follow_up_off', {}),
  message('follow_up_offline', {}),
  message('follow_up_rate_limited', {}),
  message('follow_up_token_refused', {}),
  message('follow_up_followed', { count }),
  message('cf_status_unchecked', {}),
  message('cf_status_received', {}),
  message('cf_status_processed', { date: z.string() }),
  message('cf_status_unpaid', { date: z.string() }),
  message('cf_status_paid', { date: z.string() }),
  message('cf_status_not_known', {}),
  message('cf_in_archive', { category: z.string() }),
  message('cf_checked_at', { at: z.number() }),
  message('cf_unpaid_purchases', { count }),
  // `count`: the file's pages (named count so the sentence takes its plural form).
  message('unconfirmed_guide', {
    sentAt: z.number(),
    size: bytes,
    count,
    fileName: z.string(),
  }),
  /** The config folder cannot be created or written (store/config-dir.ts). */
  message('config_dir_unwritable', { path: z.string(), configDir: z.string() }),
  // The CLI's own words (cli/): every line it prints for people, so nl and fr terminals read nl/fr.
  message('cli_error', { text: z.string() }),
  message('cli_stopped', {}),
  message('cli_engine_running', { shell: term('shell'), pid: count, version: z.string() }),
  message('cli_engine_not_running', { configDir: z.string() }),
  message('cli_queue_not_running', {}),
  message('cli_queue_not_running_waiting', { count }),
  message('cli_files_counts', {
    pending: count,
    uploading: count,
    uploaded: count,
    failed: count,
    unconfirmed: count,
    duplicate: count,
  }),
  message('cli_folder_present', {}),
  message('cli_none', {}),
  message('cli_last_upload', { fileName: z.string(), at: z.string(), uuid: z.string() }),
  message('cli_last_error', { fileName: z.string(), at: z.string(), text: z.string() }),
  message('cli_see_failed', {}),
  message('cli_more_rows', { shown: count, total: count }),
  message('cli_destination_archive', { archiveType: term('archiveType'), categoryId: z.string() }),
  message('cli_pages', { count }),
  message('cli_moved_to', { folder: z.string() }),
  message('cli_marked_done', {}),
  message('cli_retrying', {}),
  message('cli_duplicate_sent_before', { companyNumber: z.string(), id: count }),
  message('cli_resend_forces', { id: count }),
  message('cli_queued_again', { count }),
  message('cli_file_queued', { fileName: z.string() }),
  message('cli_file_marked_done', { fileName: z.string() }),
  message('cli_no_folders', {}),
  message('cli_folder_inbox', {}),
  message('cli_folder_tree', {}),
  message('cli_no_such_folder', { folder: z.string() }),
  message('cli_no_longer_watching', { folder: z.string() }),
  message('cli_check_kind', { fileType: term('fileType'), sizeBytes: bytes }),
  message('cli_check_kind_pages', { fileType: term('fileType'), count, sizeBytes: bytes }),
  message('cli_change_prefix', { bytes: count, sha256: z.string() }),
  message('cli_change_envelope', { sha256: z.string() }),
  message('cli_change_converted', {}),
  message('cli_would_be_sent', {}),
  message('cli_refused', { code: z.string(), text: z.string() }),
  message('cli_outcome', {
    uploaded: count,
    failed: count,
    unconfirmed: count,
    duplicate: count,
  }),
  message('cli_check_unconfirmed', {}),
]);
export type Message = z.infer<typeof Message>;
export type MessageCode = Message['code'];
/**
 * Each message by its code, resolved once. Looking a code up here is one indexed access, where
 * `Extract<Message, { code: C }>` walks every member of the union at every call: with a few
 * hundred codes that made type checking the project take ten minutes.
 */
type MessageByCode = { [M in Message as M['code']]: M };
export type MessageParams<C extends MessageCode> = MessageByCode[C]['params'];

/** Builds a Message, with params checked against the code by the compiler. */
export function msg<C extends MessageCode>(
  code: C,
  ...params: Record<string, never> extends MessageParams<C> ? [] : [MessageParams<C>]
): MessageByCode[C] {
  return { code, params: params[0] ?? {} } as MessageByCode[C];
}

/** Every code, in the order above: the catalogues and their tests walk this list. */
export const MESSAGE_CODES: readonly MessageCode[] = Message.options.map(
  (option) => option.shape.code.value,
);
