// Every failure and notice core reports, as data: a code and the specifics the sentence needs
// (sizes in bytes, limits, names, paths, company numbers, scopes, times as epoch ms). Core never
// writes a sentence for the user; each surface renders these from the nl/fr/en catalogues, so a
// new situation is a new code here plus one line per catalogue.
import { z } from 'zod';
import { TERM_TABLES, type TermTable } from './term-tables.ts';

export { TERM_TABLES, type TermTable, type Terms } from './term-tables.ts';
export { msg, type MessageParams } from './msg.ts';

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

/**
 * Why the connection to the engine running in another process ended or could not be made
 * (core/control/control-client.ts); shown inside the "unreachable", "no answer" and "gone" lines.
 */
export const ControlEndMessage = z.discriminatedUnion('code', [
  message('control_engine_stopped', {}),
  message('control_closed_here', {}),
  /** `errorCode`: the socket's error code (ECONNRESET, EACCES, …). */
  message('control_connection_failed', { errorCode: z.string() }),
  message('control_no_accept', { timeoutMs: count }),
  message('control_no_hello', { timeoutMs: count }),
  message('control_protocol_mismatch', { theirs: z.number().int(), ours: z.number().int() }),
  message('control_engine_broke_protocol', { controlFault: term('controlFault') }),
  message('control_engine_hung_up', { controlFault: term('controlFault') }),
  /** An engine too old to name its reason: its own words, as it sent them. */
  message('control_engine_hung_up_said', { detail: z.string() }),
]);
export type ControlEndMessage = z.infer<typeof ControlEndMessage>;
/** How one end of the control channel broke the protocol: a key of the `controlFault` table. */
export type ControlFault = (typeof TERM_TABLES.controlFault)[number];
/** A network or user-space file system that needs polling (`polling_network`). */
export type FileSystemKind = (typeof TERM_TABLES.fileSystem)[number];

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
  /** An XML file over the upload limit: what makes an e-invoice that large is its embedded PDF. */
  message('xml_too_large', { sizeBytes: bytes, maxBytes: bytes }),
  message('png_damaged', {}),
  message('jpeg_incomplete', {}),
  message('pdf_encrypted', {}),
  message('pdf_no_pages', {}),
  message('pdf_page_count_mismatch', {
    declaredPages: z.number().int(),
    foundPages: z.number().int(),
  }),
  message('pdf_page_tree_miscounted', {}),
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
  message('xml_nested_too_deep', { limit: z.number().int() }),
  message('xml_markup_too_long', { limitKiB: z.number().int() }),
  /** A DOCTYPE that declares entities (e-invoice/stream-xml.ts): never expanded, never sent. */
  message('xml_declares_entities', {}),
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
  message('e_invoice_endpoint_other_administration', {
    party: z.string(),
    endpoint: z.string(),
  }),
  message('inbox_not_e_invoice', {}),
  message('e_invoice_already_sent', { fileName: z.string(), at: z.number() }),
  message('pdf_sent_with_xml', { fileName: z.string() }),
  message('pdf_differs_from_xml', { fileName: z.string() }),
  message('e_invoice_visual_already_sent', { fileName: z.string(), at: z.number() }),
  message('pdf_inside_unsent_xml', { fileName: z.string() }),
  message('pdf_beside_unsent_xml', { fileName: z.string() }),
  message('pdf_waits_for_xml', { fileName: z.string() }),
  message('pdf_sent_without_xml', { fileName: z.string() }),
  message('choice_send_to', { name: z.string(), companyNumber, destination: term('destination') }),
  message('choice_send_here', {}),
  message('choice_pick_administration', {}),
  message('e_invoice_advice', { eInvoiceRule: term('eInvoiceRule') }),
  message('ubl_xsd_invalid', { line: count, element: z.string(), xsdProblem: term('xsdProblem') }),
  message('ubl_xsd_unchecked', { xsdSkipReason: term('xsdSkipReason') }),
  message('hold_choice_unknown', { fileName: z.string() }),
  message('hold_choice_name_administration', { fileName: z.string() }),

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
  message('changed_after_send', { uuid: z.string() }),
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
  message('api_not_graphql', {
    address: z.string(),
    status,
    endpointAnswer: term('endpointAnswer'),
    example: z.string(),
  }),
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
  message('token_file_env_unreadable', { filePath: path, errorCode: z.string() }),
  message('token_file_env_malformed', { filePath: path }),
  message('keyring_unusable', {}),
  message('keyring_failed', {}),
  message('token_store_failed', {}),
  // Token stores (core/account/token/, electron/): what failed, naming the file or variable.
  message('token_from_env_read_only', { variable: z.string() }),
  message('token_from_env_file_read_only', { variable: z.string() }),
  /** `errorCode`: the system's name for the problem (EROFS, EACCES, ENOSPC, …). */
  message('token_file_read_failed', { filePath: path, errorCode: z.string() }),
  message('token_file_write_failed', { filePath: path, errorCode: z.string() }),
  message('token_file_remove_failed', { filePath: path, errorCode: z.string() }),
  message('token_file_damaged', { filePath: path }),
  message('token_in_file_malformed', { filePath: path }),
  message('token_in_keyring_malformed', {}),
  /** `problem`: what the keyring said when it was probed ('' when nothing was said). */
  message('token_plain_file_consent', { filePath: path, problem: z.string() }),
  /** `problem`: the keyring's own words (redacted). */
  message('keyring_failed_said', { problem: z.string() }),
  message('safe_storage_cannot_decrypt', {}),
  message('safe_storage_decrypt_failed', { problem: z.string() }),
  message('safe_storage_unavailable', {}),
  message('safe_storage_basic_text', {}),
  message('safe_storage_session_only', {}),

  // Hardening (issue #12): the token bound to its API origin
  message('token_for_other_api', { tokenOrigin: z.string(), apiOrigin: z.string() }),

  // folders/ and intake/
  message('folder_not_found', { path }),
  /** The folder browser (`folders.browse`) lists only under the home folder and mounted drives. */
  message('folder_browse_outside', { path }),
  message('folder_browse_not_absolute', { path }),
  message('folder_browse_unreadable', { path }),
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
  message('folder_owned_elsewhere', {
    path,
    user: z.string(),
    machine: z.string(),
    configDir: z.string(),
    at: z.number(),
  }),
  message('folder_owner_active', {
    path,
    user: z.string(),
    machine: z.string(),
    configDir: z.string(),
    at: z.number(),
  }),
  message('folder_taken_over', {
    path,
    user: z.string(),
    machine: z.string(),
    configDir: z.string(),
    at: z.number(),
  }),
  message('folder_owner_unrecorded', { path }),
  message('folder_not_responding', { path }),
  message('polling_forced', {}),
  message('polling_network', { fileSystem: term('fileSystem') }),
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
  // … and files combined into one document (issue #19, bundling)
  message('combine_not_pdf_or_image', { fileName: z.string() }),
  message('combine_unreadable', { fileName: z.string() }),
  // A scan session's combined document that could not be written (a full or read-only disk).
  message('scan_session_not_written', { folder: path, storageProblem: term('storageProblem') }),
  message('scan_session_not_written_other', { folder: path }),
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
  // A combined document's files (issue #19), as the CLI's `history` lists them under its table.
  message('combined_from', { count, names: z.string() }),
  message('split_whole_unreadable', {}),
  message('split_whole_part_mismatch', {
    firstPage: count,
    lastPage: count,
    expectedPages: count,
    foundPages: count.nullable(),
  }),
  message('split_whole_over_budget', { limitSeconds: seconds }),
  message('split_whole_stopped', {}),
  // … and a batch cut as the user chose in the split preview (issue #19)
  message('split_whole_choice_mismatch', {}),
  message('split_whole_changed_since_preview', {}),
  message('split_only_separators', { count }),
  // … and a batch cut on blank pages, which are kept in a file of their own (issue #19)
  message('split_into_parts_blank', { count, blankPages: count, path }),
  // … and a batch sent uncut without its blank pages (split mode `blank-backs`, issue #19);
  // `count` is the number of blank pages left out
  message('split_blank_backs_left_out', { count, path }),
  message('split_only_blank_pages', { count }),

  // handlers/ and store/: answers to a request
  message('history_entry_unknown', { id: z.number().int() }),
  // History's preview of a file (issue #14): gone from where the history last saw it, not
  // readable (or not a picture pdf.js, sharp or the e-invoice reader can make), or of a kind
  // that has no picture (an XML that is no e-invoice, a TIFF)
  message('history_preview_missing', { path }),
  message('history_preview_unreadable', { path }),
  message('history_preview_unsupported', { fileName: z.string() }),
  message('history_action_refused', {
    fileName: z.string(),
    state: term('state'),
    action: term('action'),
  }),
  message('settings_invalid', {}),
  message('history_filter_invalid', {}),
  message('engine_busy', {}),
  message('request_invalid', {}),
  // A request core's dispatcher refuses: the channel, and the argument fields that failed.
  message('request_channel_unknown', { channel: z.string() }),
  message('request_arguments_invalid', { channel: z.string(), fields: z.string() }),
  // The browser-mode bridge's refusals (bridge/): each names the host, origin, path or limit.
  message('bridge_starting', {}),
  message('bridge_host_refused', { host: z.string() }),
  message('bridge_origin_refused', { origin: z.string() }),
  message('bridge_not_from_app', { path }),
  message('bridge_session_missing', { path }),
  message('bridge_session_unknown', { path }),
  message('bridge_not_json_type', { path }),
  message('bridge_body_too_large', { path, maxBytes: bytes }),
  message('bridge_body_not_json', { path }),
  message('bridge_channel_name_invalid', { path }),
  message('bridge_no_route', { method: z.string(), path }),
  message('bridge_not_found', { path }),
  message('staging_not_multipart', { path }),
  message('staging_no_files', { path }),
  message('staging_failed', { path }),
  message('shell_unsupported', {}),
  message('uploader_unreachable', {}),
  message('bridge_link_used', {}),
  message('bridge_link_needed', {}),
  message('running_app_unreachable', { address: z.string(), reason: ControlEndMessage }),
  message('cli_api_unreachable', { address: z.string(), networkProblem: term('networkProblem') }),
  message('cli_api_unreachable_said', { address: z.string(), problem: z.string() }),
  message('running_app_no_answer', { channel: z.string(), reason: ControlEndMessage }),
  ...ControlEndMessage.options,
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
  /** An API address the token may not travel to (contract/domain.ts apiUrlProblem). */
  message('api_url_not_url', { url: z.string(), example: z.string() }),
  message('api_url_plain_http', { host: z.string() }),
  message('api_url_scheme', { scheme: z.string() }),
  message('api_url_credentials', { host: z.string() }),
  /** The config folder cannot be created or written (store/config-dir.ts). */
  message('config_dir_unwritable', { path: z.string(), configDir: z.string() }),
  // The CLI's own words (cli/): every line it prints for people, so nl and fr terminals read nl/fr.
  message('cli_error', { text: z.string() }),
  message('cli_stopped', {}),
  message('cli_engine_running', { shell: term('shell'), pid: count, version: z.string() }),
  message('cli_engine_not_running', { configDir: z.string() }),
  /** `ui`: the page's private link (a secret; printed to the user only). */
  message('cli_ui_open', { url: z.string() }),
  message('cli_ui_open_forwarding', { url: z.string(), pid: count }),
  message('cli_ui_engine_gone', { reason: ControlEndMessage }),
  /** `ui --link`: nothing runs with the config folder, or what runs serves no page. */
  message('cli_ui_link_nothing_running', { configDir: z.string() }),
  message('cli_ui_link_no_page', { shell: term('shell'), pid: count }),
  message('cli_queue_not_running', {}),
  message('cli_queue_not_running_waiting', { count }),
  message('cli_files_counts', {
    pending: count,
    uploading: count,
    uploaded: count,
    failed: count,
    held: count,
    unconfirmed: count,
    duplicate: count,
  }),
  message('cli_folder_present', {}),
  message('cli_none', {}),
  message('cli_last_upload', { fileName: z.string(), at: z.number(), uuid: z.string() }),
  message('cli_last_error', { fileName: z.string(), at: z.number(), text: z.string() }),
  message('cli_see_failed', {}),
  message('cli_see_held', {}),
  message('cli_more_rows', { shown: count, total: count }),
  message('cli_destination_archive', { archiveType: term('archiveType'), categoryId: z.string() }),
  message('cli_pages', { count }),
  message('cli_moved_to', { folder: z.string() }),
  message('cli_marked_done', {}),
  message('cli_combined_into', { id: count }),
  message('cli_retrying', {}),
  message('cli_duplicate_sent_before', { companyNumber: z.string(), id: count }),
  message('cli_resend_forces', { id: count }),
  message('cli_queued_again', { count }),
  message('cli_file_queued', { fileName: z.string() }),
  message('cli_file_marked_done', { fileName: z.string() }),
  message('cli_file_dismissed', { fileName: z.string() }),
  message('cli_dismiss_choice', {}),
  message('cli_e_invoice', {
    eInvoiceKind: term('eInvoiceKind'),
    number: z.string(),
    supplier: z.string(),
  }),
  message('cli_e_invoice_no_number', { eInvoiceKind: term('eInvoiceKind'), supplier: z.string() }),
  message('cli_no_folders', {}),
  message('cli_folder_inbox', {}),
  message('cli_folder_tree', {}),
  message('cli_no_such_folder', { folder: z.string() }),
  message('cli_no_longer_watching', { folder: z.string() }),
  message('cli_folder_taken_over', { folder: z.string() }),
  message('cli_raw_name', { name: z.string() }),
  /** `history`'s SIZE SENT cell: the bytes an upload carried, in the language's number format. */
  message('cli_size_sent', { sizeBytes: bytes }),
  message('cli_bytes_sent', { sizeBytes: bytes }),
  message('cli_check_kind', { fileType: term('fileType'), sizeBytes: bytes }),
  message('cli_check_kind_pages', { fileType: term('fileType'), count, sizeBytes: bytes }),
  message('cli_change_prefix', { bytes: count, sha256: z.string() }),
  message('cli_change_envelope', { sha256: z.string() }),
  message('cli_change_converted', {}),
  message('cli_would_be_sent', {}),
  message('cli_refused', { code: z.string(), text: z.string() }),
  /** `check` on an e-invoice: what it is (cli_e_invoice, rendered) and its payable amount. */
  message('cli_check_e_invoice_total', {
    description: z.string(),
    amount: z.number(),
    currency: z.string(),
  }),
  message('cli_check_route_purchase', { companyNumber: z.string() }),
  message('cli_check_route_sale', { companyNumber: z.string() }),
  message('cli_check_route_none', {}),
  message('cli_check_schema_valid', {}),
  message('cli_check_schema_invalid', {}),
  message('cli_check_schema_unchecked', {}),
  message('cli_check_schema_envelope', {}),
  message('cli_outcome', {
    uploaded: count,
    failed: count,
    unconfirmed: count,
    duplicate: count,
  }),
  message('cli_check_unconfirmed', {}),
  // The help's closing sections, and what is wrong with a command line (commander's errors).
  message('cli_help_exit_codes', {}),
  message('cli_help_environment', { tuningVariable: z.string(), example: z.string() }),
  message('cli_help_after_error', {}),
  message('cli_usage_unknown_option', { option: z.string() }),
  message('cli_usage_unknown_command', { command: z.string() }),
  message('cli_usage_did_you_mean', { suggestion: z.string() }),
  message('cli_usage_missing_argument', { argument: z.string() }),
  message('cli_usage_option_missing_argument', { option: z.string() }),
  message('cli_usage_missing_option', { option: z.string() }),
  message('cli_usage_too_many_arguments', { received: z.string() }),
  message('cli_usage_invalid_value', { option: z.string(), value: z.string(), reason: z.string() }),
  message('cli_usage_choices', { choices: z.string() }),
  message('cli_usage_split_invalid', {}),
  message('cli_usage_folder_split_invalid', {}),
  message('cli_usage_states_invalid', { value: z.string(), choices: z.string() }),
  message('cli_usage_in_clearfacts_invalid', { value: z.string(), choices: z.string() }),
  message('cli_usage_limit_invalid', {}),
  message('cli_usage_port_invalid', {}),
  message('cli_usage_history_id', { value: z.string() }),
  message('cli_usage_outage', { value: z.string() }),
  message('cli_usage_id_or_incident', {}),
  message('cli_usage_id_or_all', {}),
  message('cli_usage_send_to_type', {}),
  message('cli_usage_here_or_send_to', {}),
  message('cli_usage_category_not_here', {}),
  message('cli_usage_category_needed', { typeValue: z.string(), companyNumber }),
  message('cli_usage_company_check_digits', { value: z.string() }),
  message('cli_usage_company_form', { value: z.string() }),
  // `separator-sheet`: which options fit which kind of sheet, and where the PDF goes.
  message('cli_usage_sheet_next_alone', {}),
  message('cli_usage_sheet_no_category', { sheetType: z.string() }),
  message('cli_usage_sheet_needs_category', { sheetType: z.string() }),
  message('cli_usage_sheet_category_invalid', { value: z.string() }),
  message('cli_sheet_not_to_terminal', {}),
  // A sheet's category is checked against the administration's list when it can be read.
  message('cli_sheet_category_unchecked', {
    category: z.string(),
    companyNumber,
    reason: z.string(),
  }),
  message('cli_sheet_category_unchecked_no_company', { category: z.string() }),
  message('cli_no_incidents', {}),
  message('cli_no_categories', { companyNumber }),
  // `token set | check | clear`: the prompt, the answers and the token's storage.
  message('cli_token_prompt', {}),
  message('cli_token_empty', {}),
  message('cli_token_plain_question', { configDir: z.string() }),
  message('cli_token_plain_refused', {}),
  /** `user`: the username (or cli_token_unknown_user), then ` <e-mail>` when Clearfacts gave one. */
  message('cli_token_stored', { backend: z.string(), user: z.string() }),
  message('cli_token_unknown_user', {}),
  message('cli_token_no_scopes', {}),
  message('cli_token_not_encrypted', {}),
  message('cli_token_not_set', {}),
  message('cli_token_removed', { backend: z.string() }),
  // `upload`, `retry`, `resend`: the engine sending the files stopped, or the queue is blocked.
  message('cli_engine_gone_queued', { reason: ControlEndMessage, count }),
  message('cli_engine_gone_here', { reason: ControlEndMessage, count }),
  message('cli_engine_gone_elsewhere', { reason: ControlEndMessage, count }),
  message('cli_queue_blocked', {}),
  message('cli_stay_queued', { count }),
  // `watch`'s live view.
  message('cli_watch_no_folders', {}),
  message('cli_watch_watching', { count, configDir: z.string() }),
  message('cli_watch_waits_for_api', {}),
  message('cli_watch_stopping', { signal: z.string() }),
  message('cli_watch_progress', {}),
  /** The file being uploaded and its bytes sent so far, live (`upload`, `watch`). */
  message('cli_upload_progress', { fileName: z.string(), sentBytes: bytes, totalBytes: bytes }),
  // `service install | uninstall | status`: the manager's steps and state (cli/service/).
  message('cli_service_unsupported', { platform: z.string() }),
  message('cli_service_no_script', {}),
  message('cli_service_token_file_missing', { path: z.string() }),
  message('cli_service_env_token_not_copied', {}),
  message('cli_service_to_do', { text: z.string() }),
  message('cli_service_logs', { folder: z.string() }),
  message('cli_service_installed', { definition: z.string() }),
  message('cli_service_not_installed', {}),
  message('cli_service_not_asked', {}),
  message('cli_service_lingering_off', {}),
  message('cli_service_wrote', { path: z.string() }),
  message('cli_service_removed', { path: z.string() }),
  message('cli_systemd_started', { unit: z.string() }),
  message('cli_systemd_unreachable', { user: z.string(), problem: z.string(), unit: z.string() }),
  message('cli_systemd_lingering_on', { user: z.string() }),
  message('cli_systemd_lingering_turned_on', { user: z.string() }),
  message('cli_systemd_lingering_failed', { user: z.string(), problem: z.string() }),
  message('cli_systemd_lingering_off', { user: z.string() }),
  message('cli_systemd_stopped', { unit: z.string() }),
  message('cli_systemd_stop_failed', { user: z.string(), problem: z.string(), unit: z.string() }),
  message('cli_systemd_detail', {
    active: z.string(),
    sub: z.string(),
    exitStatus: z.string(),
    restarts: z.string(),
  }),
  message('cli_systemd_not_asked', { problem: z.string() }),
  message('cli_launchd_loaded', { label: z.string(), domain: z.string() }),
  message('cli_launchd_load_failed', { problem: z.string(), command: z.string() }),
  message('cli_launchd_login_only', {}),
  message('cli_launchd_unloaded', { label: z.string() }),
  message('cli_launchd_detail', { launchdState: z.string(), exitCode: z.string() }),
  message('cli_launchd_not_loaded', {}),
  message('cli_windows_commands', {
    create: z.string(),
    run: z.string(),
    query: z.string(),
    remove: z.string(),
  }),
  message('cli_windows_remove', { command: z.string() }),
  message('cli_windows_not_asked', { command: z.string() }),
]);
export type Message = z.infer<typeof Message>;
export type MessageCode = Message['code'];

/** Every code, in the order above: the catalogues and their tests walk this list. */
export const MESSAGE_CODES: readonly MessageCode[] = Message.options.map(
  (option) => option.shape.code.value,
);
