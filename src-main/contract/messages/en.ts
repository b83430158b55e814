// English, the reference language and the language of the logs. The sentences are the ones core
// wrote before messages became data, so support sees the same words as before.
import type { Catalogue } from './catalogue.ts';

const ACCEPTED =
  'Clearfacts accepts PDF, JPEG and UBL / Peppol BIS XML invoices; PNG images are converted to PDF.';
const SET_TOKEN = 'in Settings, or `clearfacts-uploader token set`';
const PUT_IT_IN =
  'put it in Purchase, Sales, Archive/Various/<category> or Archive/Permanent/<category>';

export const en: Catalogue = {
  messages: {
    legacy_text: '{{text}}',

    file_gone: 'The file is no longer there: it was moved or deleted.',
    file_locked: 'The file is locked by another program. It is checked again once it is released.',
    file_no_access:
      'The file cannot be read: check its permissions, or whether another program holds it.',
    not_a_file: 'This is a folder or a device, not a file.',
    file_empty: 'The file is empty (0 bytes): the scan or download did not finish.',
    type_unsupported: `This is {{actual}}. ${ACCEPTED}`,
    type_unsupported_not_expected: `This is {{actual}}, not {{expected}}. ${ACCEPTED}`,
    tiff_refused: `This is a TIFF image, which Clearfacts does not accept and this app cannot convert. Set the scanner to save PDF or JPEG. ${ACCEPTED}`,
    xml_too_large:
      'This XML file is {{sizeBytes, sizeAboveLimit}}; at most {{maxBytes, size}} can be uploaded. An e-invoice is this large because of the PDF embedded in it: ask the supplier for one with a smaller PDF, or upload the PDF on its own.',
    file_too_large:
      'The file is {{sizeBytes, sizeAboveLimit}}; at most {{maxBytes, size}} can be uploaded. Split it or scan at a lower resolution.',
    png_damaged:
      'This PNG image is incomplete or damaged (it may have been cut off while being saved), so it cannot be converted to PDF.',
    jpeg_incomplete:
      'This JPEG image is incomplete: it stops before its end marker, so it was cut off while being scanned or copied. It is sent once it is whole; if it stays like this, scan or save it again.',
    pdf_encrypted:
      'This PDF is password-protected or encrypted, so Clearfacts cannot read it. Save an unprotected copy (for example with "Print to PDF") and put that in the folder instead.',
    pdf_no_pages: 'This PDF has no pages, so there is nothing to send.',
    pdf_page_count_mismatch:
      'This PDF’s list of pages gives its number of pages as {{declaredPages, number}}, but the file holds {{foundPages, number}}, so PDF readers disagree on how many pages it has and Clearfacts could show a different count. Open it in a PDF reader and save it again, or print it to PDF, then put that copy in the folder.',
    pdf_page_tree_miscounted:
      'This PDF’s list of pages counts the pages of one of its parts wrongly, so PDF readers that go by those counts (the one in Firefox, for one) leave some of its pages out or show them twice, and Clearfacts could too. Open it in a PDF reader and save it again, or print it to PDF, then put that copy in the folder.',
    pdf_incomplete_no_end_marker:
      'This PDF stops before its end-of-file marker (%%EOF): it was cut off while being written, downloaded or copied, and its last pages may be missing. Copy it again from where it came from, or scan or save it again.',
    pdf_incomplete_in_update:
      'This PDF stops in the middle of a later addition to it (an incremental update without its end-of-file marker): it was cut off while being written or copied, and its last changes or pages may be missing. Copy it again from where it came from, or save it again.',
    pdf_needs_password:
      'This PDF needs a password to open, so Clearfacts cannot read it. Open it with its password and save a copy without one (for example with "Print to PDF"), and put that copy in the folder instead.',
    pdf_unreadable:
      'This app reads PDFs with the reader built into Firefox, and it could not read this file, even after trying to repair it. If it opens in your PDF reader, save a copy from there (for example with "Print to PDF"); otherwise scan or save it again.',
    pdf_xfa_only:
      'This PDF is a dynamic XFA form: its content is not in its pages (they only say "please wait" or similar), and Clearfacts reads pages. Open it in Adobe Acrobat Reader and print it to a PDF, then send that copy.',
    pdf_prefix_too_long:
      'This is a PDF, but {{prefixBytes, number}} bytes of something else come before its start (%PDF-). This app leaves out at most {{limitBytes, number}} such bytes before sending, and Clearfacts needs a PDF to start with %PDF-. Open it in a PDF reader and save it again, or print it to PDF, then put that copy here.',
    check_over_time:
      'Checking this PDF took longer than this app allows for one file ({{limitSeconds}} s). The file may be fine; this app stops there so the other files keep moving. Save a copy with "Print to PDF", or upload it on the Clearfacts website.',
    check_over_memory:
      'Checking this PDF needed more memory than this app allows for one file ({{limitBytes, size}}). The file may be fine; this app stops there to keep the computer responsive. Save a copy with "Print to PDF", or upload it on the Clearfacts website.',
    pdf_damaged: 'This PDF is damaged and cannot be read. Scan or save it again.',
    pdf_incomplete:
      'This PDF is incomplete: its end-of-file marker is missing, so it was cut off while being written or copied. Scan or save it again.',
    xml_malformed:
      'This XML file is not well-formed (it may be cut off or damaged), so it cannot be read as an invoice.',
    xml_malformed_at:
      'This XML file is not well-formed at line {{line}}, column {{column}} (perhaps cut off or damaged), so it cannot be read as an invoice.',
    xml_bytes_not_in_encoding:
      'This XML file contains bytes that are not valid {{encoding}}, the character encoding it declares (or UTF-8 when it declares none). Ask the sender for a file saved as UTF-8, or with the right encoding declaration.',
    xml_nested_too_deep:
      'This XML file nests its elements more than {{limit}} levels deep, far deeper than any invoice, so it is not read further (perhaps damaged, or made to overload the reader).',
    xml_declares_entities:
      'This XML file declares its own entities in a DOCTYPE. No e-invoice does that, and such declarations can make a reader expand text without end or read other files, so it is not read further and not sent. Ask the sender for the invoice without the DOCTYPE.',
    xml_markup_too_long:
      'This XML file has an attribute value, comment or name longer than {{limitKiB}} KiB, far longer than any invoice needs, so it is not read further. Ask the sender for the invoice without it.',
    xml_no_single_root: 'This XML file has no single root element, so it is not an invoice.',
    xml_html_page: 'This is an HTML page, not an XML invoice.',
    xml_other_document:
      'This XML file is a "{{rootName}}" document, not a UBL / Peppol BIS invoice or credit note.',
    xml_invoice_wrong_namespace:
      'This XML file has an Invoice root element, but not in the UBL 2 namespace (urn:oasis:names:specification:ubl:schema:xsd:Invoice-2), so it is not a UBL / Peppol BIS invoice.',
    xml_credit_note_wrong_namespace:
      'This XML file has an CreditNote root element, but not in the UBL 2 namespace (urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2), so it is not a UBL / Peppol BIS credit note.',

    xml_envelope_without_invoice:
      'This is a Peppol envelope (SBDH), but it does not carry a UBL invoice or credit note.',
    xml_unreadable_encoding:
      'This XML file declares the character encoding "{{encoding}}", which cannot be read. Save it as UTF-8.',
    e_invoice_cii:
      'This is a UN/CEFACT CII e-invoice (Factur-X / ZUGFeRD XML), which Clearfacts does not accept. Ask the supplier for the Peppol BIS 3 (UBL) version, or upload the PDF.',
    bank_statement_coda:
      'Not uploaded: this is a CODA bank statement. Clearfacts receives bank statements from CodaBox directly.',
    bank_statement_camt053:
      'Not uploaded: this is a camt.053 bank statement. Clearfacts receives bank statements from CodaBox directly.',
    // Issue #18: e-invoices routed, paired, deduplicated and checked
    e_invoice_customer_elsewhere:
      'This invoice is addressed to {{name}} ({{companyNumber}}), not to {{administration}}.',
    e_invoice_supplier_elsewhere:
      'This invoice was issued by {{name}} ({{companyNumber}}), not by {{administration}}, so it is not one of its sales.',
    e_invoice_inbox_both_clients:
      'Both the supplier ({{supplier}}) and the customer ({{customer}}) are administrations you can reach: choose where this invoice goes.',
    e_invoice_inbox_no_client:
      'Neither the supplier ({{supplier}}) nor the customer ({{customer}}) is an administration you can reach.',
    e_invoice_inbox_number_twice:
      'Several administrations you can reach have the company number {{companyNumber}} ({{names}}): choose the right one.',
    e_invoice_party_two_administrations:
      'This invoice names {{name}} with the numbers of more than one of your administrations ({{names}}): choose where it goes.',
    e_invoice_endpoint_other_administration:
      'This invoice names {{party}} as a party, with the Peppol address of {{endpoint}}, also one of your administrations: choose where it goes.',
    e_invoice_inbox_no_numbers:
      'This invoice names no Belgian company number for its supplier or its customer, so it cannot be routed.',
    inbox_not_e_invoice:
      'Not sent: only e-invoices (UBL XML) go from an e-invoice inbox, because their parties say which administration they belong to. Put this file in a client’s folder, or drop it on the right administration.',
    e_invoice_already_sent:
      'The same invoice (supplier, number and amount) was already sent to this administration on {{at, date}} as {{fileName}}.',
    pdf_sent_with_xml: 'Sent as part of {{fileName}}: this PDF is the one embedded in it.',
    pdf_differs_from_xml:
      '{{fileName}} was sent; this PDF differs from the one embedded in it. Send this too?',
    e_invoice_visual_already_sent:
      'The PDF embedded in this e-invoice was already sent to this administration on {{at, date}} as {{fileName}}: the same invoice.',
    pdf_inside_unsent_xml:
      'Not sent on its own: this PDF is the one embedded in {{fileName}}, which was not sent (see its row). The invoice goes with the XML.',
    pdf_beside_unsent_xml:
      '{{fileName}} was not sent (see its row); this PDF has its name but differs from the one embedded in it. Send this PDF here?',
    pdf_waits_for_xml:
      'Waiting for {{fileName}}: if this PDF is the one embedded in it, only the XML is sent.',
    pdf_sent_without_xml:
      'Sent on its own: {{fileName}} was still being written after the longest wait for it, so this PDF was not compared with it.',
    choice_send_to: 'Send to {{name}} ({{destination}})',
    choice_send_here: 'Send here anyway',
    choice_pick_administration: 'Choose the administration…',
    e_invoice_advice: 'Advice: {{eInvoiceRule}}',
    ubl_xsd_invalid: 'Advice: UBL 2.1 schema, line {{line, number}}, {{element}}: {{xsdProblem}}',
    ubl_xsd_unchecked: 'Advice: not checked against the UBL 2.1 schema: {{xsdSkipReason}}',
    hold_choice_unknown: '{{fileName}} does not offer that choice (any more).',
    hold_choice_name_administration:
      '{{fileName}}: choose the administration it goes to, and purchases or sales.',

    file_removed_before_send: 'The file was removed or renamed before it was sent.',
    file_permission_denied: 'The file cannot be read: check its permissions.',
    file_unreadable: 'The file could not be read.',
    conversion_failed: 'The image could not be converted to a PDF.',
    upload_unconfirmed:
      'The whole file was sent but Clearfacts did not answer in time, so it may have arrived. Check in Clearfacts, then resend it or mark it done.',
    send_interrupted:
      'The app stopped while this file was being sent, so it may have arrived. Check in Clearfacts, then resend it or mark it done.',
    retry_offline: 'Clearfacts could not be reached; it will be tried again.',
    retry_http_status: 'Clearfacts answered HTTP {{status}}; it will be tried again.',
    retry_local: 'Sending failed for a local reason; it will be tried again.',
    gave_up_http_status:
      'Clearfacts answered HTTP {{status}}; it will be tried again. Gave up after {{attempts}} attempts; retry it later.',
    gave_up_local:
      'Sending failed for a local reason; it will be tried again. Gave up after {{attempts}} attempts; retry it later.',
    after_upload_folder_gone:
      'The file was uploaded, but its folder ({{folder}}) was no longer there when it was to be moved or deleted (renamed, removed or disconnected). Check where the file is now.',
    after_upload_no_space:
      'Sent to Clearfacts (it will not be sent again), but there was no space left to move it into {{folder}}. It stays where it is, and moving it is tried again every minute until there is space.',
    after_upload_no_permission:
      'Sent to Clearfacts (it will not be sent again), but the app may not move it into {{folder}} (no permission, or a read-only or busy drive). It stays where it is, and moving it is tried again every minute.',
    name_not_utf8_unrenamed:
      'The name of this file is not valid UTF-8 (shown here as read in Windows-1252), and the app could not give it that readable name ({{error}}), which it needs to send it. Rename the file yourself, or let the app write to its folder.',
    after_upload_failed:
      'Sent to Clearfacts, but the file could not be moved or deleted afterwards; it stays where it is.',
    changed_after_send:
      'The file changed after it was sent, so it was left in place; the new version is checked as a new file. Clearfacts holds the version sent earlier as document {{uuid}}: if that one was incomplete or is not wanted, delete it there.',
    token_refused_hold: `Clearfacts no longer accepts the token (revoked or unknown). Set a new token to resume: ${SET_TOKEN}.`,
    token_refused_hold_env:
      'Clearfacts no longer accepts the token from the {{variable}} environment variable (revoked or unknown). Change {{variable}} where it is set (shell profile, service definition, scheduled task) and start again: while it is set, a token stored by the app is not used.',
    scope_hold:
      'The token lacks the {{scope}} scope, so files that need it are waiting. Create a token with {{scope}} in Clearfacts and set it to resume.',
    unknown_administration:
      "Clearfacts refused the file: administration {{companyNumber}} is not among those this token can reach. Check the folder's administration.",
    unknown_category:
      'Clearfacts refused the file: administration {{companyNumber}} has no such {{archiveType}} archive category any more. Pick another category for the folder.',

    api_no_token: 'No Clearfacts token is set: set a personal access token first.',
    api_token_refused:
      'Clearfacts did not accept the token (HTTP {{status}}). It is unknown, revoked or mistyped: set a new personal access token.',
    api_token_refused_said:
      'Clearfacts did not accept the token (HTTP {{status}}: {{serverMessage}}). It is unknown, revoked or mistyped: set a new personal access token.',
    api_missing_scope:
      'The token lacks the "{{scope}}" scope Clearfacts requires for this. Create a token with that scope in Clearfacts (profile menu, Integrations) and set it here.',
    api_server_error: 'Clearfacts reported an internal server error; this is tried again later.',
    api_refused: 'Clearfacts refused {{subject}}: {{serverMessage}}',
    api_refused_status: 'Clearfacts refused {{subject}} (HTTP {{status}}).',
    api_refused_too_large: 'Clearfacts refused {{subject}} as too large (HTTP 413).',
    api_rate_limited: 'Clearfacts asked to slow down (HTTP 429).',
    api_rate_limited_for:
      'Clearfacts asked to slow down (HTTP 429); trying again in {{seconds, number}} s.',
    api_unavailable_status:
      'Clearfacts is temporarily unavailable (HTTP {{status}}); this is tried again later.',
    api_timeout_after_send:
      'Clearfacts did not answer within {{seconds, number}} s, after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_aborted_after_send:
      'The upload was stopped before Clearfacts answered, after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_timeout:
      'Clearfacts did not answer within {{seconds, number}} s; this is tried again later.',
    api_request_stopped: 'The request was stopped.',
    api_file_changed_while_sending:
      'The file changed or became unreadable while it was being sent; it is checked again.',
    api_network:
      'Could not reach Clearfacts ({{networkProblem}}). Check the internet connection; this is tried again later.',
    api_network_said:
      'Could not reach Clearfacts ({{problem}}). Check the internet connection; this is tried again later.',
    api_answer_not_understood:
      'Clearfacts sent an answer that this app does not understand; this is tried again later.',
    api_answer_not_json:
      'The answer was not from Clearfacts (it was not JSON; a proxy or a login page may be in the way); this is tried again later.',
    api_status_after_send:
      'Clearfacts answered HTTP {{status}} after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_network_after_send:
      'The connection failed ({{networkProblem}}) after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_network_after_send_said:
      'The connection failed ({{problem}}) after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_answer_broken_after_send:
      'Clearfacts’ answer after the file was sent was cut off or could not be read: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_not_graphql:
      "{{address}} answered with {{endpointAnswer}} (HTTP {{status}}): that is not a GraphQL endpoint, so not Clearfacts' API. Clearfacts' API address ends in /graphql ({{example}}): check --api-url, CLEARFACTS_API_URL or the API address in the settings.",
    api_upload_without_id:
      'Clearfacts answered the upload without a document id: it may or may not have been stored. Check Clearfacts before sending it again.',
    api_user_unnamed:
      'Clearfacts answered the token check without naming the user; this is tried again later.',

    no_token: `No Clearfacts token is set. Set one to start sending: ${SET_TOKEN}.`,
    paused_by_user: 'Paused by you: resume to send again.',
    offline:
      'Clearfacts cannot be reached (no network, proxy or firewall). Files wait and are sent as soon as it answers again.',
    rate_limited_until: 'Clearfacts asked to slow down; sending resumes at {{until, time}}.',
    outage_probing: {
      one: 'Clearfacts did not confirm {{count, number}} upload. No new file is sent until Clearfacts answers normally again; it is asked every few seconds.',
      other:
        'Clearfacts did not confirm {{count, number}} uploads. No new file is sent until Clearfacts answers normally again; it is asked every few seconds.',
    },
    incident_resent: {
      one: '{{count, number}} file of this outage is sent again.',
      other: '{{count, number}} files of this outage are sent again.',
    },
    incident_marked_done: {
      one: '{{count, number}} file of this outage is recorded as uploaded; it will not be sent again.',
      other:
        '{{count, number}} files of this outage are recorded as uploaded; they will not be sent again.',
    },
    incident_unknown: 'No unconfirmed files belong to the outage of {{incident, time}}.',
    incident_banner: {
      one: 'Clearfacts did not confirm {{count, number}} upload during the outage that began {{incident, time}}.',
      other:
        'Clearfacts did not confirm {{count, number}} uploads during the outage that began {{incident, time}}.',
    },
    incident_banner_undated: {
      one: 'Clearfacts did not confirm {{count, number}} upload when the app stopped while sending.',
      other:
        'Clearfacts did not confirm {{count, number}} uploads when the app stopped while sending.',
    },
    incident_guide:
      'They may have arrived. To check: open each administration in Clearfacts and look in its inbox for these file names. If they are all there, mark them all done; if none is, send them all again; if only some are, decide file by file.',
    history_rebuilt:
      'The history database ({{databasePath}}) {{historyProblem}}. It was rebuilt from the last backup and the delivery journal: {{restored}} delivered files restored, so none of them is sent again.',
    storage_fault: 'The history database ({{databasePath}}) cannot be written: {{storageProblem}}.',

    not_signed_in: 'Sign in with a Clearfacts token first.',
    token_malformed:
      'This is not a Clearfacts token: a personal access token is exactly 80 characters (letters, digits and symbols, no spaces).',
    env_token_malformed:
      'The CLEARFACTS_TOKEN environment variable is not a Clearfacts token: a personal access token is exactly 80 characters (letters, digits and symbols, no spaces).',
    token_not_accepted:
      'Clearfacts does not accept this token: it is unknown or was revoked. Create a new one in Clearfacts and try again.',
    stored_token_not_accepted:
      'Clearfacts does not accept the stored token: it is unknown or was revoked. Create a new one in Clearfacts and set it again.',
    demo_unavailable:
      'The demo is only offered when the app runs against the built-in Clearfacts emulator.',
    token_file_unprotected:
      'The token is stored unencrypted in {{filePath}} (readable only by your user account, but not protected by a keyring). Anyone who can read your files can use it to upload to Clearfacts. Prefer the system keyring, or CLEARFACTS_TOKEN_FILE naming a file only you can read (other processes of your account can read an environment variable).',
    token_file_unusable: 'The token file {{filePath}} cannot be read or written.',
    token_file_env_unreadable:
      'CLEARFACTS_TOKEN_FILE names {{filePath}}, which cannot be read ({{errorCode}}). Put the token in that file, readable by the account the app runs as, or change CLEARFACTS_TOKEN_FILE where it is set (service definition, container, shell profile).',
    token_file_env_malformed:
      'The file {{filePath}} that CLEARFACTS_TOKEN_FILE names does not hold a Clearfacts token: a personal access token is exactly 80 characters (letters, digits and symbols, no spaces). Write only the token into that file.',
    keyring_unusable: 'The system keyring cannot be used here.',
    keyring_failed: 'The system keyring did not answer: the token could not be read or stored.',
    token_store_failed: 'The token could not be read or stored.',
    token_from_env_read_only:
      'The token comes from the {{variable}} environment variable, which takes precedence over any stored token: change or unset {{variable}} where it is set (shell profile, service definition, scheduled task) instead.',
    token_from_env_file_read_only:
      'The token comes from the file named by the {{variable}} environment variable: write the new token into that file, or unset {{variable}} where it is set (service definition, container, shell profile).',
    token_file_read_failed:
      'The token could not be read from {{filePath}} ({{errorCode}}). Check that this file can be read by your user account.',
    token_file_write_failed:
      'The token could not be written to {{filePath}} ({{errorCode}}). Check that its folder exists, can be written by your user account and is not on a read-only or full disk.',
    token_file_remove_failed:
      'The token file {{filePath}} could not be removed ({{errorCode}}). Check that its folder can be written by your user account.',
    token_file_damaged: 'The token file {{filePath}} is damaged: sign in again to replace it.',
    token_in_file_malformed:
      'The file {{filePath}} does not hold a Clearfacts token: a personal access token is exactly 80 characters (letters, digits and symbols, no spaces). Set the token again.',
    token_in_keyring_malformed:
      'The system keyring does not hold a Clearfacts token: a personal access token is exactly 80 characters (letters, digits and symbols, no spaces). Set the token again.',
    token_plain_file_consent:
      'No system keyring can be used here ({{problem}}). Storing the token in a plain file ({{filePath}}) needs your explicit agreement: agree to that, or put the token in a file only you can read and name that file in CLEARFACTS_TOKEN_FILE.',
    keyring_failed_said:
      'The system keyring did not answer ({{problem}}): the token could not be read or stored. Unlock the keyring, or name a file holding the token in CLEARFACTS_TOKEN_FILE.',
    safe_storage_cannot_decrypt:
      'The system keyring is not available, so the saved token cannot be decrypted. Unlock the keyring and restart the app, or sign in again.',
    safe_storage_decrypt_failed:
      'The saved token could not be decrypted ({{problem}}): the keyring may be locked or have changed. Unlock it and restart the app, or sign in again.',
    safe_storage_unavailable:
      'The system keyring is unavailable: the token cannot be saved, and you will have to sign in again after every restart.',
    safe_storage_basic_text:
      'No system keyring was found (GNOME Keyring or KWallet), so the token is stored with a fixed key that does not really protect it: anyone who can read your files can read it. Install and unlock a keyring to protect it.',
    safe_storage_session_only:
      'No system keyring was found: the token is kept in memory for this session only, and you will have to sign in again next time. Install and unlock GNOME Keyring or KWallet to store it safely.',

    // Hardening (issue #12): the token bound to its API origin
    token_for_other_api: `The token was entered for {{tokenOrigin}}, but the API address is now {{apiOrigin}}, so the token is not sent there. Enter the token again to use it with {{apiOrigin}}: ${SET_TOKEN}.`,

    folder_not_found: 'The folder {{path}} does not exist or cannot be read.',
    folder_browse_outside:
      'The folder browser shows only folders in your home folder and on mounted drives, not {{path}}.',
    folder_browse_not_absolute:
      '{{path}} is not a full folder path (it must start at a drive or at /).',
    folder_browse_unreadable:
      'The folder {{path}} cannot be opened: this user account may not read it.',
    not_a_folder: '{{path}} is not a folder.',
    folder_already_watched: 'The folder {{path}} is already watched.',
    folder_watched_twice:
      'The folder {{path}} is already watched by another binding; remove one of the two.',
    folder_id_unknown: 'No watched folder has the id {{id}}.',
    inbox_never_splits:
      'The folder {{path}} is an e-invoice inbox: its e-invoices are never split. Splitting is for folders a scanner writes to.',
    administration_unreachable:
      'Administration {{companyNumber}} is not among the administrations this token can reach.',
    category_unknown:
      'Administration {{companyNumber}} has no {{archiveType}} archive category {{categoryId}}.',
    tree_not_created: 'The accountant folders could not be created.',
    folder_moved:
      'The folder {{path}} is missing: it was moved, renamed or deleted. It is watched again as soon as it is back.',
    folder_missing:
      'The folder {{path}} is missing: the drive or network share that holds it is not connected, or it was moved. It is watched again as soon as it is back.',
    folder_no_permission: 'The app has no permission to read the folder {{path}}.',
    folder_unreachable:
      'The folder {{path}} cannot be reached: the drive or network share may be offline.',
    folder_marker_missing:
      '{{path}} is empty and lacks the marker the app wrote when it was bound (.clearfacts-folder): it looks like a drive or share that is not connected, or a folder renamed and made again. Nothing in it is taken as deleted and nothing is created in it. Connect the drive or share, or put the folder back; if this empty folder really is the one, remove it from the list and add it again.',
    folder_owned_elsewhere:
      'Another installation delivers {{path}}: {{user}} on {{machine}} (settings in {{configDir}}), last active {{at, datetime}}. This one does not send from it, so no file is sent twice. If that installation no longer runs, take the folder over.',
    folder_owner_active:
      '{{user}} on {{machine}} (settings in {{configDir}}) still delivers {{path}}: it was active {{at, datetime}}. Remove the folder there, or stop that installation, before taking it over.',
    folder_taken_over:
      'While this installation was stopped or asleep, {{user}} on {{machine}} (settings in {{configDir}}) took {{path}} over ({{at, datetime}}) and delivers it now. This one sends nothing from it, so no file is sent twice. Remove the folder from this installation, or take it back if that one no longer runs.',
    folder_owner_unrecorded:
      '{{path}} cannot be written to (a read-only share?), so this installation cannot note in it that it delivers it. Its files are sent as usual. If another installation, on this or another computer, also watches this folder, both send every file: remove the folder from all but one, or give this one write access.',
    share_unmounted:
      'The drive or network share mounted at {{path}} is no longer mounted. It is watched again as soon as it is back.',
    folder_not_responding:
      'The folder {{path}} does not respond: the network share may be offline. It is watched again as soon as it answers.',
    polling_forced: 'Polled because the setting to always poll watched folders is on.',
    polling_network:
      'Polled because the folder is on {{fileSystem}}, which does not report changes made by other computers.',
    polling_no_events:
      'Polled because the folder did not report a test file within {{seconds, number}} s, so its change notifications do not work here.',
    watch_limit_inotify:
      "Polled because Linux's limit on watched folders (inotify max_user_watches) is reached. To watch it live again, raise the limit: echo fs.inotify.max_user_watches=524288 | sudo tee -a /etc/sysctl.conf && sudo sysctl -p",
    watch_limit_open_files:
      "Polled because the system's limit on open files is reached. To watch it live again, {{platformFix}}.",
    stray_files: {
      one: '{{count, number}} file is not in a destination folder and not sent, e.g. {{example}}: {{reason}}.',
      other:
        '{{count, number}} files are not in a destination folder and not sent, e.g. {{example}}: {{reason}}.',
    },
    // What the user sees (issue 14, core and CLI): paths given to a drop or `upload`
    drop_path_missing: 'There is no file or folder at {{path}}: check the path. Nothing was sent.',
    drop_path_not_a_file:
      '{{path}} is neither a file nor a folder (a device or a socket). Nothing was sent.',
    drop_folder_empty: 'The folder {{path}} holds no documents to send. Nothing was sent.',
    combine_not_pdf_or_image:
      '{{fileName}} is not a PDF, JPEG or PNG, so it cannot be combined into one document. Nothing was sent.',
    combine_unreadable:
      '{{fileName}} could not be read to combine it (it may be encrypted or damaged). Nothing was sent.',
    scan_session_not_written:
      'The files of this scan session could not be combined: the combined document could not be written to {{folder}} ({{storageProblem}}). Nothing was sent and the files were left as they are; retry to combine them again.',
    scan_session_not_written_other:
      'The files of this scan session could not be combined: the combined document could not be written to {{folder}}. Nothing was sent and the files were left as they are; retry to combine them again.',
    drop_too_many_files:
      'One drop can hold at most {{maxFiles, number}} files. Nothing was received: drop them in smaller groups.',

    // … and archive categories named on the command line
    category_name_unknown:
      'Administration {{companyNumber}} has no {{archiveType}} archive category "{{name}}". Its {{archiveType}} categories: {{names}}.',
    category_name_ambiguous:
      'Administration {{companyNumber}} has more than one {{archiveType}} archive category "{{name}}": give its id instead ({{ids}}).',
    category_none: 'Administration {{companyNumber}} has no {{archiveType}} archive categories.',

    tree_file_in_root: `the file lies directly in the accountant folder; ${PUT_IT_IN} of an administration's folder`,
    tree_file_in_administration: `the file lies directly in the folder of administration {{companyNumber}}; ${PUT_IT_IN}`,
    tree_unknown_tray: `"{{folderName}}" is not one of the folders of administration {{companyNumber}}; ${PUT_IT_IN}`,
    tree_archive_needs_type:
      'files in Archive must go in Archive/Various/<category> or Archive/Permanent/<category>',
    tree_file_in_archive_type:
      'the file lies directly in {{folderName}}; put it in one of its category folders',
    tree_unknown_category:
      'administration {{companyNumber}} has no {{archiveType}} archive category named "{{folderName}}"',
    tree_folder_name_invalid:
      'the folder "{{folderName}}" is not named "<administration name> (<company number>)", e.g. "Bakkerij Peeters (0123456789)"',
    tree_company_number_invalid:
      '"{{value}}" in the folder name "{{folderName}}" is not a Belgian company number (0 followed by 9 digits)',

    // split/: separator sheets (the words printed on a sheet) and splitting scanned batches
    separator_sheet_heading: 'Separator sheet',
    separator_sheet_next: 'The pages after this sheet are a new document.',
    separator_sheet_purchase: 'The next document goes to Purchase invoices.',
    separator_sheet_sale: 'The next document goes to Sales invoices.',
    separator_sheet_various: 'The next document goes to Archive, Various, category {{categoryId}}.',
    separator_sheet_permanent:
      'The next document goes to Archive, Permanent, category {{categoryId}}.',
    separator_sheet_company: 'For administration {{companyNumber}}.',
    separator_sheet_not_sent:
      'This sheet is not sent. Put it in front of the document it announces.',
    combined_from: {
      one: 'Combined from {{count, number}} file: {{names}}',
      other: 'Combined from {{count, number}} files: {{names}}',
    },
    split_into_parts: {
      one: 'Cut into {{count, number}} document; {{separatorPages, number}} separator pages not sent. Moved once every part is uploaded.',
      other:
        'Cut into {{count, number}} documents; {{separatorPages, number}} separator pages not sent. Moved once every part is uploaded.',
    },
    split_whole_unreadable:
      'Sent whole although its folder splits: the PDF could not be opened to cut it (it may be encrypted or damaged).',
    split_whole_part_mismatch:
      'Sent whole although its folder splits: the part with pages {{firstPage, number}}–{{lastPage, number}} should have {{expectedPages, number}} pages but read back with {{foundPages, number}}.',
    split_whole_over_budget:
      'Sent whole although its folder splits: cutting it took longer than {{limitSeconds, number}} s.',
    split_whole_stopped:
      'Sent whole although its folder splits: the splitter stopped before it was done.',
    split_whole_choice_mismatch:
      'Sent whole: the parts chosen in the preview no longer fit this PDF (a page would have been left out).',
    split_whole_changed_since_preview:
      'Sent whole: the file changed after its parts were previewed, so the chosen parts may not fit it.',
    split_only_separators: {
      one: 'Not sent: its only page is a separator sheet, so it holds no document. Scan the sheet with the documents it separates.',
      other:
        'Not sent: all {{count, number}} pages are separator sheets, so it holds no document. Scan the sheets with the documents they separate.',
    },
    split_into_parts_blank: {
      one: 'Cut into {{count, number}} document; {{blankPages, number}} blank pages not sent, kept in {{path}}. Moved once every part is uploaded.',
      other:
        'Cut into {{count, number}} documents; {{blankPages, number}} blank pages not sent, kept in {{path}}. Moved once every part is uploaded.',
    },
    split_blank_backs_left_out: {
      one: 'Sent as one document without its blank page, which is kept in {{path}}. Moved once the document is uploaded.',
      other:
        'Sent as one document without its {{count, number}} blank pages, which are kept in {{path}}. Moved once the document is uploaded.',
    },
    split_only_blank_pages: {
      one: 'Not sent: its only page is blank, so it holds no document.',
      other: 'Not sent: all {{count, number}} pages are blank, so it holds no document.',
    },

    history_entry_unknown: 'There is no file {{id}} in the history.',
    history_preview_missing: 'The file is no longer at {{path}}, so it cannot be shown.',
    history_preview_unreadable: 'The file at {{path}} cannot be read to show it.',
    history_preview_unsupported: 'There is no preview for {{fileName}}.',
    history_action_refused: '{{fileName}} is {{state}}, so it cannot be {{action}}.',
    settings_invalid: 'These settings are not valid.',
    history_filter_invalid: 'This history filter is not valid.',
    engine_busy: 'Another uploader is already running on this configuration folder.',
    request_invalid: 'The request was not valid.',
    request_channel_unknown: 'There is no request “{{channel}}”.',
    request_arguments_invalid: 'The {{channel}} request was not valid (fields: {{fields}}).',
    bridge_starting: 'The uploader is still starting. Try again in a moment.',
    bridge_host_refused: 'This uploader does not answer for the address “{{host}}”.',
    bridge_origin_refused: 'Requests from {{origin}} are not allowed.',
    bridge_not_from_app: 'Only the uploader’s own page may ask for {{path}}.',
    bridge_session_missing:
      'This page has no session for {{path}}. Ask for a fresh link with “clearfacts-uploader ui --link”.',
    bridge_session_unknown:
      'This page’s session is not known for {{path}}. Ask for a fresh link with “clearfacts-uploader ui --link”.',
    bridge_not_json_type: 'The request to {{path}} must be sent as JSON.',
    bridge_body_too_large: 'The request to {{path}} is larger than {{maxBytes, size}}.',
    bridge_body_not_json: 'The request to {{path}} is not valid JSON.',
    bridge_channel_name_invalid: 'The request name in {{path}} is not valid.',
    bridge_no_route: 'The uploader has no {{method}} {{path}}.',
    bridge_not_found: 'There is no page {{path}}.',
    staging_not_multipart: 'Dropped files must reach {{path}} as a multipart form.',
    staging_no_files: 'The request to {{path}} carried no files.',
    staging_failed: 'The dropped files could not be received at {{path}}.',
    shell_unsupported: 'This is only possible in the desktop app.',
    uploader_unreachable: 'The uploader cannot be reached.',
    bridge_link_used:
      'This link was already used or is not valid. Ask for a fresh one with “clearfacts-uploader ui --link”.',
    bridge_link_needed:
      'This page was opened without its private link. Ask for a fresh one with “clearfacts-uploader ui --link”.',
    running_app_unreachable:
      'The Clearfacts Uploader running with this config folder cannot be reached at {{address}}: {{reason}}.',
    cli_api_unreachable:
      'Could not reach Clearfacts at {{address}} ({{networkProblem}}). Check that this address is right (--api-url, or the API address in the settings), that this machine is online, and that no proxy or firewall blocks it.',
    cli_api_unreachable_said:
      'Could not reach Clearfacts at {{address}} ({{problem}}). Check that this address is right (--api-url, or the API address in the settings), that this machine is online, and that no proxy or firewall blocks it.',
    control_engine_stopped: 'the engine stopped',
    control_closed_here: 'the connection was closed',
    control_connection_failed: 'the connection failed ({{errorCode}})',
    control_no_accept: 'it did not accept the connection within {{timeoutMs, number}} ms',
    control_no_hello: 'it did not say hello within {{timeoutMs, number}} ms',
    control_protocol_mismatch:
      'it speaks control protocol {{theirs}}, this program {{ours}}; update the older one',
    control_engine_broke_protocol: 'the engine sent something unexpected: {{controlFault}}',
    control_engine_hung_up: 'the engine hung up: {{controlFault}}',
    control_engine_hung_up_said: 'the engine hung up: “{{detail}}”',
    running_app_no_answer:
      'The running Clearfacts Uploader did not answer ({{channel}}): {{reason}}.',
    answer_breaks_contract: 'The answer to {{channel}} does not match the contract.',
    request_too_large: 'The {{channel}} request is too large to send.',
    internal: 'Something went wrong inside the uploader.',

    // follow-up (issue #16): what Clearfacts did with each delivered invoice
    follow_up_missing_scope:
      'Following up in Clearfacts is paused: the token lacks the "{{scope}}" scope. Create a token with that scope in Clearfacts (profile menu, Integrations) and set it here.',
    follow_up_off: 'Following up in Clearfacts is turned off (Settings).',
    follow_up_offline: 'Following up in Clearfacts is paused: Clearfacts cannot be reached.',
    follow_up_rate_limited: 'Clearfacts asked to slow down; following up resumes later.',
    follow_up_token_refused: 'Following up in Clearfacts is paused until a valid token is set.',
    follow_up_followed: {
      one: '{{count, number}} invoice followed in Clearfacts',
      other: '{{count, number}} invoices followed in Clearfacts',
    },
    cf_status_unchecked: 'Not checked yet',
    cf_status_received: 'Received',
    cf_status_processed: 'Processed · {{date, day}}',
    cf_status_unpaid: 'Processed · {{date, day}} · unpaid',
    cf_status_paid: 'Paid · {{date, day}}',
    cf_status_not_known: 'No longer known',
    cf_in_archive: 'In the archive · {{category}}',
    cf_checked_at: 'Checked {{at, datetime}}',
    cf_unpaid_purchases: {
      one: '{{count, number}} unpaid purchase invoice',
      other: '{{count, number}} unpaid purchase invoices',
    },
    unconfirmed_guide: {
      one: 'Sent {{sentAt, datetime}} ({{size, size}}, {{count, number}} page), but Clearfacts never confirmed it. To check: open this administration in Clearfacts and look in its inbox for "{{fileName}}". If it is there, choose Mark done; if not, choose Resend.',
      other:
        'Sent {{sentAt, datetime}} ({{size, size}}, {{count, number}} pages), but Clearfacts never confirmed it. To check: open this administration in Clearfacts and look in its inbox for "{{fileName}}". If it is there, choose Mark done; if not, choose Resend.',
    },
    // The CLI's own words.
    cli_error: 'Error: {{text}}',
    cli_stopped: 'Stopped. Files not sent yet stay queued for the next run.',
    cli_engine_running: 'running in {{shell}} (process {{pid}}, version {{version}})',
    cli_engine_not_running: 'not running (config folder {{configDir}})',
    cli_ui_open: 'Open {{url}} in your browser (this address is private to you). Ctrl-C stops.',
    cli_ui_open_forwarding:
      'Open {{url}} in your browser (this address is private to you). It works with the engine already running (process {{pid}}). Ctrl-C stops.',
    cli_ui_engine_gone:
      'The engine this page worked with is gone ({{reason}}), so the page stops too.',
    cli_ui_link_nothing_running:
      'No Clearfacts Uploader runs with the config folder {{configDir}}, so there is no page to link to. Run `clearfacts-uploader ui`: it starts one and prints its link.',
    cli_ui_link_no_page:
      'The Clearfacts Uploader running with this config folder ({{shell}}, process {{pid}}) serves no page in the browser, so it has no link to give. Run `clearfacts-uploader ui` without --link: it serves a page that works with the running engine and prints its link.',
    cli_queue_not_running: 'not running',
    cli_queue_not_running_waiting: {
      one: 'not running: {{count}} file waits for `watch`, `ui` or the desktop app',
      other: 'not running: {{count}} files wait for `watch`, `ui` or the desktop app',
    },
    cli_files_counts:
      '{{pending}} waiting, {{uploading}} sending, {{uploaded}} uploaded, {{failed}} failed, {{held}} waiting for your choice, {{unconfirmed}} unconfirmed, {{duplicate}} duplicate',
    cli_folder_present: 'present',
    cli_none: 'none',
    cli_last_upload: '{{fileName}} at {{at, time}} → {{uuid}}',
    cli_last_error: '{{fileName}} at {{at, time}}: {{text}}',
    cli_see_failed:
      'See them with `clearfacts-uploader history --status failed,unconfirmed`; then `retry`, `resend` or `mark-done`.',
    cli_see_held:
      'E-invoices addressed to another administration wait for your choice: see them with `clearfacts-uploader history --status held`; then `choose`.',
    cli_more_rows: '({{shown}} of {{total}}; use --limit or filters to see others)',
    cli_destination_archive: '{{archiveType}} ({{categoryId}})',
    cli_pages: { one: '{{count}} page', other: '{{count}} pages' },
    cli_moved_to: 'moved to {{folder}}',
    cli_marked_done: 'marked done',
    cli_combined_into: 'in combined document {{id}}',
    cli_retrying: 'retrying',
    cli_duplicate_sent_before:
      'the same content was already sent to {{companyNumber}}; not sent again (`resend {{id}}` forces it)',
    cli_resend_forces: '`resend {{id}}` forces it',
    cli_queued_again: {
      one: '{{count}} file queued again; the engine already running sends it.',
      other: '{{count}} files queued again; the engine already running sends them.',
    },
    cli_file_queued: '{{fileName}} queued; the engine already running sends it.',
    cli_file_dismissed: '{{fileName}} is dismissed: it is kept as a record and not sent.',
    cli_e_invoice: '{{eInvoiceKind}} {{number}} from {{supplier}}',
    cli_e_invoice_no_number: '{{eInvoiceKind}} from {{supplier}}',
    cli_dismiss_choice: 'Dismiss: keep it as a record, unsent',
    cli_file_marked_done: '{{fileName}} is recorded as uploaded; it will not be sent again.',
    cli_no_folders:
      'No folders are watched. Add one with `clearfacts-uploader folders add <path> …`.',
    cli_folder_inbox: "e-invoice inbox (by the invoice's parties)",
    cli_folder_tree: 'accountant tree (by folder)',
    cli_no_such_folder: 'No watched folder is {{folder}}: see `folders list`.',
    cli_no_longer_watching: 'No longer watching {{folder}}.',
    cli_folder_taken_over: 'This installation delivers {{folder}} from now on.',
    cli_raw_name: '(renamed from {{name}}: that name was not UTF-8)',
    cli_size_sent: '{{sizeBytes, size}}',
    cli_bytes_sent: '{{sizeBytes, size}} sent',
    cli_check_kind: '{{fileType}}, {{sizeBytes, size}}',
    cli_check_kind_pages: {
      one: '{{fileType}}, {{count}} page, {{sizeBytes, size}}',
      other: '{{fileType}}, {{count}} pages, {{sizeBytes, size}}',
    },
    cli_change_prefix:
      'the {{bytes}} byte(s) before %PDF- are left out of the copy sent (sha256 {{sha256}}); the file is not modified',
    cli_change_envelope:
      'the invoice inside the Peppol envelope is sent (sha256 {{sha256}}); the file is not modified',
    cli_change_converted: 'converted to PDF before sending; the file is not modified',
    cli_would_be_sent: 'would be sent',
    cli_refused: 'refused ({{code}}): {{text}}',
    cli_check_e_invoice_total:
      '{{description}}, total {{amount, number(minimumFractionDigits: 2)}} {{currency}}',
    cli_check_route_purchase: 'the purchases of {{companyNumber}}, its customer',
    cli_check_route_sale: 'the sales of {{companyNumber}}, its supplier',
    cli_check_route_none:
      'no party gives a Belgian company number: in an e-invoice inbox it waits for you to choose the administration',
    cli_check_schema_valid: 'follows the UBL 2.1 schema',
    cli_check_schema_invalid:
      'does not follow the UBL 2.1 schema (below); a warning only: it is sent all the same',
    cli_check_schema_unchecked: 'not checked against the UBL 2.1 schema (below why)',
    cli_check_schema_envelope:
      'the invoice inside a Peppol envelope is not checked against the UBL 2.1 schema',
    cli_outcome:
      'Uploaded: {{uploaded}}, failed: {{failed}}, unconfirmed: {{unconfirmed}}, duplicates not sent again: {{duplicate}}.',
    cli_check_unconfirmed:
      'Check unconfirmed files in Clearfacts, then `clearfacts-uploader resend <id>` or `mark-done <id>`.',
    cli_help_exit_codes:
      'Exit codes:\n  0  success\n  1  failure, or partial failure (a file failed or is unconfirmed)\n  2  bad usage (unknown option, missing or invalid argument)\n  3  authentication: no token, a token Clearfacts refuses, or a missing scope',
    cli_help_environment:
      "Environment:\n  CLEARFACTS_TOKEN  the token to use; takes precedence over a stored one (while it is set, `token set` is not used). Other processes of your user account can read a process's environment (/proc/<pid>/environ, ps e): prefer the keyring (`token set`) or CLEARFACTS_TOKEN_FILE\n  CLEARFACTS_TOKEN_FILE  a file holding the token (Docker secrets, systemd credentials); used when CLEARFACTS_TOKEN is not set\n  CLEARFACTS_API_URL  the Clearfacts address, as --api-url\n  {{tuningVariable}}  JSON timing knobs for tests and benchmarks, e.g. {{example}}",
    cli_help_after_error: '(run with --help for usage)',
    cli_usage_unknown_option: 'error: unknown option {{option}}',
    cli_usage_unknown_command: 'error: unknown command {{command}}',
    cli_usage_did_you_mean: '(Did you mean {{suggestion}}?)',
    cli_usage_missing_argument: 'error: missing required argument {{argument}}',
    cli_usage_option_missing_argument: 'error: option {{option}} needs a value',
    cli_usage_missing_option: 'error: required option {{option}} not given',
    cli_usage_too_many_arguments: 'error: too many arguments: {{received}}',
    cli_usage_invalid_value: 'error: {{value}} is not valid for {{option}}: {{reason}}',
    cli_usage_choices: 'use one of {{choices}}.',
    cli_usage_folder_split_invalid:
      'use off, separator, blank, blank-backs, page, pages:N (N from 2 to 999) or bundle:N (N seconds, from 5 to 600).',
    cli_usage_split_invalid:
      'use off, separator, blank, blank-backs, page or pages:N (N from 2 to 999).',
    cli_usage_states_invalid: '"{{value}}" is not a state; use {{choices}}.',
    cli_usage_in_clearfacts_invalid: '"{{value}}" is not a Clearfacts state; use {{choices}}.',
    cli_usage_limit_invalid: 'the limit is a whole number from 1 to 1000.',
    cli_usage_port_invalid: 'a port is a whole number from 0 to 65535.',
    cli_usage_history_id:
      '"{{value}}" is not a history id: an id is a whole number (see `history`).',
    cli_usage_outage: '"{{value}}" is not an outage: give the number `history --incidents` prints.',
    cli_usage_id_or_incident: 'Give either a file id or --incident <outage>.',
    cli_usage_id_or_all: 'Give either a file id or --all.',
    cli_usage_send_to_type: 'With --send-to, give --type purchase or --type sale.',
    cli_usage_here_or_send_to: 'Give either --here or --send-to <company> --type <type>.',
    cli_usage_category_not_here: '--category only applies to --type various or permanent.',
    cli_usage_category_needed:
      '--type {{typeValue}} needs --category <name-or-id>: list them with `clearfacts-uploader categories {{companyNumber}}`.',
    cli_usage_company_check_digits:
      '"{{value}}" is not a Belgian company number: its last two digits do not match the first eight (mod 97). Check it for a typing error.',
    cli_usage_company_form: '"{{value}}" is not a Belgian company number (0 followed by 9 digits).',
    cli_usage_sheet_next_alone: 'A "next" sheet takes neither --company nor --category.',
    cli_usage_sheet_no_category: 'A "{{sheetType}}" sheet takes no --category.',
    cli_usage_sheet_needs_category: 'A "{{sheetType}}" sheet needs --category <name-or-id>.',
    cli_usage_sheet_category_invalid:
      '"{{value}}" is no category id: it must be 1 to 200 characters long.',
    cli_sheet_not_to_terminal:
      'The sheet is a PDF: send standard output to a file, e.g. `clearfacts-uploader separator-sheet --type next > sheet.pdf`.',
    cli_sheet_category_unchecked:
      'Warning: the category "{{category}}" could not be checked against the archive categories of {{companyNumber}}: {{reason}} The sheet is printed all the same; if no category of that administration has this name or id, the document after the sheet fails when the batch is cut.',
    cli_sheet_category_unchecked_no_company:
      'Warning: the category "{{category}}" is not checked, since the sheet names no administration (--company): it is looked up among the categories of the administration each document after the sheet goes to, when the batch is cut.',
    cli_no_incidents: 'No unconfirmed files: every upload Clearfacts received was confirmed.',
    cli_no_categories: 'Administration {{companyNumber}} has no archive categories.',
    cli_token_prompt: 'Paste your Clearfacts token (it is not shown): ',
    cli_token_empty: 'No token was given on standard input.',
    cli_token_plain_question:
      'No system keyring can be used here. Store the token unencrypted in {{configDir}}, readable only by your user account?',
    cli_token_plain_refused:
      'No system keyring can be used here, so the token was not stored. Run again with --allow-plain-file to keep it in a file only your account can read (not encrypted), or put it in a file only you can read and name that file in CLEARFACTS_TOKEN_FILE.',
    cli_token_stored: 'Token stored ({{backend}}) for {{user}}.',
    cli_token_unknown_user: 'unknown user',
    cli_token_no_scopes: 'none found',
    cli_token_not_encrypted: '(not encrypted)',
    cli_token_not_set: 'No token is set: run `clearfacts-uploader token set`.',
    cli_token_removed: 'Token removed ({{backend}}).',
    cli_engine_gone_queued: {
      one: 'The engine that was sending these files is gone ({{reason}}). {{count}} file stays queued and will be sent by the next run.',
      other:
        'The engine that was sending these files is gone ({{reason}}). {{count}} files stay queued and will be sent by the next run.',
    },
    cli_engine_gone_here: {
      one: 'The engine that was sending these files is gone ({{reason}}); this process sends the other {{count}} file.',
      other:
        'The engine that was sending these files is gone ({{reason}}); this process sends the other {{count}} files.',
    },
    cli_engine_gone_elsewhere: {
      one: 'The engine that was sending these files is gone ({{reason}}); the engine running now sends the other {{count}} file.',
      other:
        'The engine that was sending these files is gone ({{reason}}); the engine running now sends the other {{count}} files.',
    },
    cli_queue_blocked: 'The queue is blocked.',
    cli_stay_queued: {
      one: '{{count}} file stays queued and will be sent by the next run.',
      other: '{{count}} files stay queued and will be sent by the next run.',
    },
    cli_watch_no_folders:
      'No folders are watched yet: add one with `clearfacts-uploader folders add` (this run picks it up).',
    cli_watch_waits_for_api:
      '`watch` keeps running: files wait in the queue and are sent once Clearfacts answers.',
    cli_watch_watching: {
      one: 'Watching {{count}} folder (settings and history in {{configDir}}). Ctrl-C stops.',
      other: 'Watching {{count}} folders (settings and history in {{configDir}}). Ctrl-C stops.',
    },
    cli_watch_stopping: 'Stopping ({{signal}}): running sends get a moment to finish.',
    cli_watch_progress:
      ' {bar} {value}/{total} files | {uploading} sending | {failed} failed | {state}',
    cli_upload_progress: '{{fileName}}: {{sentBytes, size}} of {{totalBytes, size}} sent',
    cli_service_unsupported:
      'Running as a service is supported on Linux (systemd), macOS (launchd) and Windows (Task Scheduler), not on {{platform}}.',
    cli_service_no_script: 'The command’s own script path is unknown.',
    cli_service_token_file_missing: 'The token file {{path}} does not exist.',
    cli_service_env_token_not_copied:
      'Note: CLEARFACTS_TOKEN is not copied into the service (a service definition is no place for a secret). Store the token with `clearfacts-uploader token set`, or pass --token-file.',
    cli_service_to_do: 'To do: {{text}}',
    cli_service_logs:
      'The service logs to {{folder}}; check on it with `clearfacts-uploader service status`.',
    cli_service_installed: 'installed ({{definition}})',
    cli_service_not_installed: 'not installed',
    cli_service_not_asked: 'not asked',
    cli_service_lingering_off: 'Lingering is off: the service stops when you log out.',
    cli_service_wrote: 'Wrote {{path}}.',
    cli_service_removed: 'Removed {{path}}.',
    cli_systemd_started: 'Enabled and started {{unit}} (systemctl --user).',
    cli_systemd_unreachable:
      'systemd could not be reached for {{user}} ({{problem}}). In a login session of {{user}}, run: systemctl --user daemon-reload && systemctl --user enable --now {{unit}}',
    cli_systemd_lingering_on:
      'Lingering is on for {{user}}: the service runs with nobody logged in.',
    cli_systemd_lingering_turned_on:
      'Turned lingering on for {{user}}, so the service runs with nobody logged in.',
    cli_systemd_lingering_failed:
      'A user service stops when {{user}} logs out unless lingering is on, and it could not be turned on ({{problem}}). Run as root: loginctl enable-linger {{user}}',
    cli_systemd_lingering_off:
      'Lingering is off: the service runs only while {{user}} is logged in. To run it with nobody logged in: loginctl enable-linger {{user}}',
    cli_systemd_stopped: 'Stopped and disabled {{unit}}.',
    cli_systemd_stop_failed:
      'systemd could not stop {{unit}} ({{problem}}). In a login session of {{user}}, run: systemctl --user disable --now {{unit}}',
    cli_systemd_detail:
      '{{active}} ({{sub}}), last exit status {{exitStatus}}, restarted {{restarts}} times',
    cli_systemd_not_asked: 'systemd cannot be asked ({{problem}})',
    cli_launchd_loaded: 'Loaded and started {{label}} (launchctl {{domain}}).',
    cli_launchd_load_failed:
      'launchd did not load the agent ({{problem}}). In a login session, run: {{command}}',
    cli_launchd_login_only:
      'A launch agent runs while you are logged in (macOS keeps it running behind the login window after a restart only with automatic login).',
    cli_launchd_unloaded: 'Stopped and unloaded {{label}}.',
    cli_launchd_detail: 'state = {{launchdState}}, last exit code = {{exitCode}}',
    cli_launchd_not_loaded: 'not loaded',
    cli_windows_commands:
      'Run in an administrator command prompt (it asks for your Windows password, so the task runs with nobody logged in):\n  {{create}}\n  {{run}}\nSee it with:\n  {{query}}\nRemove it with:\n  {{remove}}\n',
    cli_windows_remove: 'Run in an administrator command prompt: {{command}}',
    cli_windows_not_asked: 'Task Scheduler is not asked from here: run {{command}}',
    api_url_not_url: 'The API address {{url}} is not a URL such as {{example}}.',
    api_url_plain_http:
      'The API address must use https unless it is on this machine (127.0.0.1, localhost); {{host}} is not, and the token would travel unencrypted.',
    api_url_scheme: 'The API address must be an https URL, not {{scheme}}.',
    api_url_credentials:
      'The API address for {{host}} holds a user name or password; give the address without them (the token is what signs in).',
    config_dir_unwritable:
      'The config folder {{configDir}} cannot be written ({{path}} is read-only or belongs to another user), so settings and history cannot be kept. Make it writable for this user, or choose another folder with --config-dir.',
  },
  terms: {
    fileType: {
      exe: 'a Windows program (EXE)',
      elf: 'a Linux program',
      macho: 'a macOS program',
      msi: 'a Windows installer',
      zip: 'a ZIP archive',
      rar: 'a RAR archive',
      '7z': 'a 7-Zip archive',
      gz: 'a gzip archive',
      tar: 'a TAR archive',
      docx: 'a Word document',
      xlsx: 'an Excel workbook',
      pptx: 'a PowerPoint presentation',
      odt: 'an OpenDocument text',
      ods: 'an OpenDocument spreadsheet',
      cfb: 'an old-style Office document (DOC, XLS or MSG)',
      rtf: 'an RTF document',
      eml: 'an e-mail message',
      png: 'a PNG image',
      gif: 'a GIF image',
      bmp: 'a BMP image',
      webp: 'a WebP image',
      heic: 'a HEIC photo',
      avif: 'an AVIF image',
      tif: 'a TIFF image',
      jpg: 'a JPEG image',
      pdf: 'a PDF',
      xml: 'an XML file',
      xml_invoice: 'an XML invoice',
      svg: 'an SVG drawing',
      video: 'a video',
      audio: 'an audio file',
      sqlite: 'a database file',
      html: 'an HTML page',
      text: 'a plain text file',
      binary: 'a file of an unknown type',
      other: 'a file of another type',
    },
    archiveType: { various: 'various', permanent: 'permanent' },
    subject: { file: 'the file', request: 'the request' },
    networkProblem: {
      reset: 'the connection was reset',
      refused: 'the connection was refused',
      aborted: 'the connection was aborted',
      closed_while_sending: 'the connection was closed while sending',
      closed: 'the connection was closed',
      dns: 'the server name could not be resolved',
      timeout: 'the connection timed out',
      unreachable: 'the server cannot be reached',
      no_network: 'there is no network',
      blocked_port: 'the address uses a port that browsers and Node.js never connect to',
      too_many_redirects: 'the address redirected too many times',
      other: 'a network error',
    },
    endpointAnswer: {
      not_found: '"not found"',
      web_page: 'a web page',
      not_json: 'an answer that is not JSON',
      not_graphql: 'JSON without GraphQL data or errors',
    },
    historyProblem: {
      missing: 'was missing',
      empty: 'was empty',
      damaged: 'was damaged and was set aside',
      incomplete: 'lacked deliveries',
    },
    storageProblem: {
      full: 'the disk is full: free some space',
      read_only: 'it is read-only: check its permissions',
      cannot_open: 'it cannot be opened: check that its folder exists and is writable',
      denied: 'access is denied: check its permissions',
      io_refused:
        'the disk refused the write (input/output error): check that the drive is connected and the file is not write-protected',
      locked: 'another program keeps it locked',
      corrupt: 'it is damaged: restore it from a backup or move it aside to start afresh',
      not_a_database: 'it is not a history database: move it aside to start afresh',
      read_only_disk: 'it is on a read-only disk',
      io_error: 'the disk reported an input/output error',
    },
    state: {
      detected: 'found',
      waiting_stability: 'waiting until written',
      ready: 'queued',
      uploading: 'uploading',
      uploaded: 'uploaded',
      archived: 'uploaded, moved to _uploaded',
      failed: 'failed',
      duplicate: 'already uploaded',
      unconfirmed: 'unconfirmed',
      held: 'waiting for your choice',
      split: 'cut into parts',
      bundling: 'in a scan session',
    },
    action: {
      retried: 'retried',
      resent: 'sent again',
      marked_done: 'marked as done',
      revealed: 'shown',
      // Dismissing failures (issue #14, ui-screens)
      dismissed: 'dismissed',
      chosen: 'sent by your choice',
    },
    destination: { purchase: 'purchases', sale: 'sales' },
    eInvoiceKind: { invoice: 'invoice', credit_note: 'credit note', correction: 'correction' },
    tokenStore: {
      keyring: 'the system keyring',
      file: 'a file on this computer',
      tokenFile: 'the file CLEARFACTS_TOKEN_FILE names',
      environment: 'the environment variable CLEARFACTS_TOKEN',
      memory: 'memory only, until the uploader stops',
      memoryDemo: 'memory only (demo)',
      safeStorage: 'encrypted with the system keyring',
      safeStorageBasic: 'encrypted with a fixed key, without a keyring (weak)',
    },
    eInvoiceRule: {
      br_01: 'BR-01: the invoice does not say which specification it follows (BT-24).',
      br_02: 'BR-02: the invoice has no number (BT-1).',
      br_03: 'BR-03: the invoice has no issue date (BT-2).',
      br_04: 'BR-04: the invoice has no type code (BT-3).',
      br_05: 'BR-05: the invoice has no currency code (BT-5).',
      br_06: 'BR-06: the supplier has no name (BT-27).',
      br_07: 'BR-07: the customer has no name (BT-44).',
      br_16: 'BR-16: the invoice has no lines (BG-25).',
      br_co_15:
        'BR-CO-15: the total with VAT (BT-112) is not the total without VAT (BT-109) plus the VAT (BT-110).',
      br_co_16:
        'BR-CO-16: the amount due (BT-115) is not the total with VAT (BT-112) minus the amount paid (BT-113) plus the rounding (BT-114).',
      peppol_r001: 'PEPPOL-EN16931-R001: the invoice has no business process (ProfileID, BT-23).',
      peppol_r003:
        'PEPPOL-EN16931-R003: the invoice has neither a buyer reference (BT-10) nor an order reference (BT-13).',
      peppol_common_r043:
        'PEPPOL-COMMON-R043: a Belgian company or VAT number in the invoice fails its check digits (modulo 97).',
    },
    xsdProblem: {
      not_expected: 'this element is not allowed here (unknown, or in the wrong place).',
      missing_child: 'an element it must contain is missing.',
      invalid_value:
        'its value is not written as the schema requires (a date as 2026-03-14, an amount as 1210.50).',
      other: 'it does not follow the schema.',
    },
    xsdSkipReason: {
      too_large: 'the invoice without its attachment is over 1 million characters.',
      over_time: 'the check took too long and was stopped; the invoice is sent all the same.',
      stopped:
        'the schema checker stopped (it could not start or it crashed); the invoice is sent all the same.',
      unreadable: 'the schema checker could not read it as XML.',
    },
    platformFix: {
      darwin:
        'raise it (ulimit -n 65536, or sudo launchctl limit maxfiles 65536 200000) or watch fewer folders',
      linux:
        'raise it (ulimit -n 65536, and fs.inotify.max_user_instances via sysctl) or watch fewer folders',
      other: 'close other programs or watch fewer folders',
    },
    fileSystem: {
      nfs: 'an NFS network share',
      smb: 'an SMB network share',
      smb_cifs: 'an SMB/CIFS network share',
      smb2: 'an SMB2 network share',
      netware: 'a NetWare network share',
      afp: 'an AFP network share',
      webdav: 'a WebDAV network share',
      ftp: 'an FTP network share',
      coda: 'a Coda network file system',
      afs: 'an AFS network file system',
      ceph: 'a Ceph network file system',
      lustre: 'a Lustre network file system',
      gfs2: 'a GFS2 cluster file system',
      ocfs2: 'an OCFS2 cluster file system',
      nine_p: 'a 9P shared folder (WSL or virtual machine)',
      virtualbox: 'a VirtualBox shared folder',
      fuse: 'a FUSE file system (sshfs, GNOME network shares, rclone, …)',
      windows_share: 'a Windows network share (UNC path)',
      mapped_drive: 'a mapped network drive',
      external_volume: 'an external or network volume',
    },
    queueState: {
      idle: 'idle',
      uploading: 'uploading',
      paused: 'paused',
      offline: 'offline',
      auth_required: 'auth required',
      scope_missing: 'scope missing',
      storage_error: 'storage error',
    },
    folderAvailability: {
      starting: 'starting',
      watching: 'watching',
      polling: 'polling',
      unavailable: 'unavailable',
    },
    controlFault: {
      not_json: 'a frame is not a line of UTF-8 JSON',
      too_long: 'a frame is too long',
      not_a_frame: 'a frame is not a control channel frame',
      no_hello_first: 'it did not say hello first',
      hello_twice: 'it said hello twice',
      idle: 'nothing was sent for too long',
      not_reading: 'the answers were not read',
    },
    shell: {
      electron: 'the desktop app',
      browser: '`clearfacts-uploader ui`',
      cli: 'a `clearfacts-uploader` command',
    },
    cliLabel: {
      engine: 'Engine',
      queue: 'Queue',
      history: 'History',
      hold: 'Hold',
      files: 'Files',
      folder: 'Folder',
      last_upload: 'Last upload',
      last_error: 'Last error',
      follow_up: 'Follow-up',
      type: 'type',
      change: 'change',
      verdict: 'verdict',
      service: 'Service',
      user: 'User',
      email: 'E-mail',
      scopes: 'Scopes',
      checked_at_upload: 'Checked at the first upload',
      stored: 'Stored',
      warning: 'Warning',
      content: 'content',
      goes_to: 'goes to',
      schema: 'schema',
    },
    cliColumn: {
      id: 'ID',
      state: 'STATE',
      file: 'FILE',
      to: 'TO',
      when: 'WHEN',
      in_clearfacts: 'IN CLEARFACTS',
      why: 'WHY',
      path: 'PATH',
      goes_to: 'GOES TO',
      split: 'SPLIT',
      pending: 'PENDING',
      uploaded: 'UPLOADED',
      failed: 'FAILED',
      type: 'TYPE',
      name: 'NAME',
      company: 'COMPANY',
      account_manager: 'ACCOUNT MANAGER',
      sent: 'SENT',
      size_sent: 'SIZE SENT',
    },
    cliHelp: {
      program: 'Send invoices and archive documents from folders to Clearfacts, reliably.',
      config_dir: 'settings, history and logs',
      api_url: 'the Clearfacts GraphQL endpoint',
      debug: 'log in detail and show stack traces',
      version: 'print the version number',
      help_option: 'display help for command',
      help_command: 'display help for command',
      token: 'set, check or remove the Clearfacts token',
      token_set:
        'read a token from standard input (or ask for it), check it with Clearfacts and store it',
      allow_plain_file:
        'where no system keyring exists, agree to keep the token in <config-dir>/token (mode 0600, not encrypted)',
      json_result: 'print the result as JSON',
      token_check: 'ask Clearfacts who the stored token belongs to and what it may do',
      token_clear: 'remove the stored token',
      administrations: 'list the administrations the token can reach',
      json_them: 'print them as JSON',
      categories: "list an administration's archive categories (names and ids for --category)",
      folders: 'the folders that are watched',
      folders_add:
        'watch a folder and send what appears in it to one administration and destination',
      json_folders: 'print the folders as JSON',
      folders_tree:
        'create an accountant tree (<administration>/Purchase, Sales, Archive/…) under <root> and watch it',
      folders_inbox:
        "watch an accountant's e-invoice inbox: each e-invoice goes to the administration its customer (purchase) or supplier (sale) is",
      folders_list: 'list the watched folders',
      folders_remove: 'stop watching a folder (its files are left where they are)',
      folders_take_over:
        'deliver a folder another installation owned, once that one has been silent for a while',
      company: 'the administration, by company number (0123456789)',
      type: 'where the documents go',
      category:
        'archive category, by name or id; required for various and permanent (see `categories`)',
      folder_split:
        'what the folder does with what arrives: off, separator, blank, blank-backs, page or pages:N cut scanned batches (PDF) as for upload; bundle:N combines the JPEG, PNG and PDF files of a scan session into one PDF in name order once the folder has been quiet for N seconds (5 to 600; 30 is usual)',
      split:
        'cut scanned batches (PDF) into documents: off, separator (on separator sheets), blank (on blank pages, kept apart), blank-backs (not cut, blank pages left out and kept apart), page, or pages:N',
      upload: 'send files now and wait until each is uploaded or failed (they are not moved)',
      json_outcomes: 'print the outcome of every file as JSON',
      check: 'say what would happen to each file, without sending anything',
      check_json: 'print every file’s preview as JSON',
      watch: 'watch the folders and send what appears in them, until Ctrl-C',
      watch_json: 'print every event as one JSON line',
      history: 'what happened to each file, newest first',
      history_status: 'only these states, comma-separated',
      history_company: 'only this administration',
      history_search: 'only file names containing this text',
      history_in_clearfacts: 'only files Clearfacts last called this',
      history_limit: 'at most this many files (1-1000)',
      history_incidents:
        'only the unconfirmed files, grouped by the outage that left them unconfirmed',
      history_json:
        'print the files as JSON: { rows, total, followUp } (inClearfacts: what Clearfacts last said)',
      retry: 'check a failed or duplicate file again and send it (--all: every failed file)',
      retry_all: 'every failed file',
      resend:
        'send an unconfirmed or duplicate file again, although it may already be in Clearfacts (--incident: every unconfirmed file of one outage)',
      incident: 'every unconfirmed file of this outage (see history --incidents)',
      json_outcome: 'print the outcome as JSON',
      choose:
        'send a held e-invoice: to the administration it names (--send-to with --type), or where it is (--here)',
      choose_send_to: 'company number of the administration to send it to',
      choose_type: 'purchase or sale, with --send-to',
      choose_here: 'send it where it is anyway',
      dismiss: 'keep a failed or held file as a record: no longer counted, never sent',
      mark_done:
        'record an unconfirmed file as arrived (you saw it in Clearfacts; --incident: every unconfirmed file of one outage)',
      status:
        "the engine's health: queue counts, holds, folders, last upload and last error, and why the follow-up in Clearfacts is paused when it is; exits 1 when something needs you (failed or unconfirmed files, no usable token, a missing scope, a history that cannot be written, an unavailable folder)",
      status_json:
        'print it as JSON: { running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      separator_sheet:
        'write a printable separator sheet (PDF) to standard output: put one in front of each document of a scanned stack',
      sheet_type: 'what the sheet does: next, or the destination of the next document',
      sheet_company: 'the next document goes to this administration (0123456789)',
      sheet_category: 'the archive category (various and permanent)',
      ui: 'serve the app to your browser (loopback only) while the engine runs, or forward to the engine already running',
      ui_port: 'the local port (default: any free one)',
      ui_link:
        'print a new private link to the page the running `ui` serves, on one line, and end (for a script that opens it)',
      ui_allow_plain_file:
        'where no system keyring exists, agree to keep a token you sign in with in <config-dir>/token (not encrypted)',
      service: 'run `watch` as a service of this machine (systemd, launchd, Task Scheduler)',
      service_install:
        'write the service definition for this config folder, enable and start it (on Windows: print the commands)',
      service_token_file:
        'the service reads the token from this file (CLEARFACTS_TOKEN_FILE), e.g. a systemd credential',
      service_no_linger: 'systemd: do not turn lingering on (the service then stops at logout)',
      service_print: 'print the definition instead of installing it',
      service_uninstall: 'stop the service and remove its definition',
      service_status:
        "the service manager's view and the engine's health (as `status`); exits 1 when the service is not running or something needs you",
      service_status_json:
        'print it as JSON: { service, running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      title_usage: 'Usage:',
      title_arguments: 'Arguments:',
      title_options: 'Options:',
      title_global_options: 'Global Options:',
      title_commands: 'Commands:',
      usage_options: '[options]',
      usage_command: '[command]',
      extra_default: 'default:',
      extra_choices: 'choices:',
    },
  },
};
