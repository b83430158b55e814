// The history schema, one entry per format version (`user_version` is the number applied).
// Append only: a shipped entry never changes, a later one alters what it needs.
export const historyMigrations: readonly string[] = [
  `
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    file_name TEXT NOT NULL,
    -- file_name folded to lower case without accents: what name search compares against.
    search_name TEXT NOT NULL,
    folder_id TEXT,
    -- The folder the file was found in (a single folder's root, or the destination folder of an
    -- accountant tree): where _uploaded/ goes. NULL for drop and CLI files, never moved.
    watch_root TEXT,
    source TEXT NOT NULL,
    company_number TEXT NOT NULL,
    destination_type TEXT NOT NULL,
    category_id TEXT,
    state TEXT NOT NULL,
    kind TEXT,
    size_bytes INTEGER,
    mtime_ms REAL,
    sha256 TEXT,
    pages INTEGER,
    uuid TEXT,
    failure_code TEXT,
    failure_message TEXT,
    failure_detail TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    -- The user asked for this file to be sent even though the same content was sent before.
    force_send INTEGER NOT NULL DEFAULT 0,
    archived_path TEXT,
    detected_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    uploaded_at INTEGER
  );
  CREATE INDEX files_state ON files (state, next_attempt_at);
  CREATE INDEX files_company ON files (company_number, detected_at);
  CREATE INDEX files_destination ON files (destination_type, detected_at);
  CREATE INDEX files_detected ON files (detected_at);
  CREATE INDEX files_path ON files (path);
  CREATE INDEX files_content ON files (sha256, company_number);
  CREATE INDEX files_folder ON files (folder_id, state);

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- SHA-256 of the bytes sent when they differ from the file on disk (a PNG converted to PDF,
  -- a PDF without the bytes before %PDF-, the invoice inside an SBDH envelope); NULL when the
  -- file was sent as it is. Duplicate detection matches either hash.
  ALTER TABLE files ADD COLUMN sent_sha256 TEXT;
  CREATE INDEX files_sent_content ON files (sent_sha256, company_number);
  `,
  // 3: e-invoices. The summary as validated JSON, and the columns History filters on.
  `
  ALTER TABLE files ADD COLUMN invoice_summary TEXT;
  -- Supplier name (folded like search_name), company number and VAT number, for search.
  ALTER TABLE files ADD COLUMN invoice_supplier TEXT;
  ALTER TABLE files ADD COLUMN invoice_number TEXT;
  ALTER TABLE files ADD COLUMN invoice_amount REAL;
  `,
  // 4: dismissed failures. When the user dismissed a failure they cannot or will not fix (the
  // file was deleted, a .txt): the row stays as a record but no longer counts as failed or as
  // needing attention. Any later move of the row clears it.
  `
  ALTER TABLE files ADD COLUMN dismissed_at INTEGER;
  `,
  // 5: e-invoices routed, paired, deduplicated and checked (issue #18).
  `
  -- Why a file waits for the user and the choices it offers (a FileHold as JSON), or NULL.
  ALTER TABLE files ADD COLUMN hold TEXT;
  -- Advice on an e-invoice (a JSON array of Messages: EN 16931 / Peppol rules it breaks).
  ALTER TABLE files ADD COLUMN advice TEXT;
  -- The user chose where this file goes: the e-invoice routing rules no longer apply to it.
  ALTER TABLE files ADD COLUMN route_confirmed INTEGER NOT NULL DEFAULT 0;
  -- The same invoice in any envelope: normalised supplier number (else folded name), invoice
  -- number and payable amount. Duplicate detection across forms looks it up per administration.
  ALTER TABLE files ADD COLUMN invoice_key TEXT;
  CREATE INDEX files_invoice_key ON files (invoice_key, company_number);
  `,
  // 6: follow-up. What Clearfacts did with each delivered invoice (document(id)), when it was
  // asked, when it is asked next, and whether it still is (done: the state stopped changing,
  // 30 days passed, or the document is no longer known). Deliveries older than 30 days are
  // never asked about.
  `
  ALTER TABLE files ADD COLUMN cf_status TEXT;
  ALTER TABLE files ADD COLUMN cf_document_date TEXT;
  ALTER TABLE files ADD COLUMN cf_payment_state TEXT;
  ALTER TABLE files ADD COLUMN cf_checked_at INTEGER;
  ALTER TABLE files ADD COLUMN cf_next_check_at INTEGER;
  ALTER TABLE files ADD COLUMN cf_done INTEGER NOT NULL DEFAULT 0;
  UPDATE files SET cf_done = 1
    WHERE uploaded_at IS NOT NULL AND uploaded_at < (unixepoch() - 30 * 86400) * 1000;
  CREATE INDEX files_follow_up ON files (cf_next_check_at)
    WHERE cf_done = 0 AND uuid IS NOT NULL AND destination_type IN ('purchase', 'sale');
  CREATE INDEX files_cf_status ON files (cf_status, company_number);
  `,
  // 7: split batches (issue #17). A scanned batch is a parent row; each document cut from it is a
  // child row that goes through the normal states.
  `
  -- On an original: the split mode it is still to be split in (NULL: not split, or decided).
  ALTER TABLE files ADD COLUMN split_mode TEXT;
  -- On a part: the original's row, and the pages of the original it holds (1-based, inclusive).
  ALTER TABLE files ADD COLUMN parent_id INTEGER REFERENCES files (id);
  ALTER TABLE files ADD COLUMN first_page INTEGER;
  ALTER TABLE files ADD COLUMN last_page INTEGER;
  -- On an original sent whole although its folder splits: why (a Message as JSON).
  ALTER TABLE files ADD COLUMN split_note TEXT;
  CREATE INDEX files_parent ON files (parent_id);
  `,
  // 8: delivery (issue #10).
  `
  -- The outage a file became unconfirmed in (epoch ms when it began): one decision per outage.
  ALTER TABLE files ADD COLUMN incident_at INTEGER;
  CREATE INDEX files_incident ON files (incident_at, state);
  -- The name as the file system gave it, hex, when it was not valid UTF-8 (file_name is then
  -- the name decoded as Windows-1252, and path the path to show).
  ALTER TABLE files ADD COLUMN raw_name TEXT;
  `,
  // 9: split sort (issue #17). The history's order (a batch's parts right after their original)
  // as an expression index: without it every page of History sorted the whole table (200,000
  // rows: about 2 s a page; with it about 2 ms). The expressions must stay those of
  // history-repository.ts's query for SQLite to use it.
  `
  CREATE INDEX files_batch_order
    ON files (coalesce(parent_id, id) DESC, parent_id IS NOT NULL, first_page, id DESC);
  `,
  // 10: split preview (issue #19). On a dropped batch still to be split: the parts the user
  // confirmed in the preview (a SplitChoice as JSON); NULL: split as the mode decides.
  `
  ALTER TABLE files ADD COLUMN split_choice TEXT;
  `,
  // 11: bundling (issue #19). On a document combined from several files: those files, in page
  // order (BundleSource[] as JSON); NULL: not a combined document.
  `
  ALTER TABLE files ADD COLUMN bundle_sources TEXT;
  `,
  // 12: bytes sent (issue #14 finding 12). The size of what the upload's body carried as the
  // document, which differs from size_bytes after a prefix strip, a PNG conversion, an unwrapped
  // envelope or a split part; NULL until a send starts.
  `
  ALTER TABLE files ADD COLUMN sent_bytes INTEGER;
  `,
  // 13: the visual of a delivered e-invoice under another name (issue #18, attack P2). A PDF is
  // looked up by the SHA-256 of the PDF embedded in an XML, kept in its summary JSON.
  `
  CREATE INDEX files_embedded_pdf
    ON files (json_extract(invoice_summary, '$.embeddedPdfSha256'), company_number)
    WHERE invoice_summary IS NOT NULL;
  `,
  // 14: the version checked (issue #10). Beside size_bytes and mtime_ms, the change time and the
  // inode number the file had when it was checked (store/file-version.ts): a file renamed over it
  // with the same size and mtime is another file, never moved as the one sent. REAL, like
  // mtime_ms: a 64-bit inode number is kept exactly as the double Node reads it as.
  `
  ALTER TABLE files ADD COLUMN ctime_ms REAL;
  ALTER TABLE files ADD COLUMN ino REAL;
  `,
  // 15: scan sessions (issue #19). On a file of a folder that bundles scan sessions, in state
  // `bundling`: the id of the row of the document it was combined into; NULL while its session
  // is open. A session's members are these rows, so a stop loses or doubles none of them.
  `
  ALTER TABLE files ADD COLUMN bundle_id INTEGER;
  CREATE INDEX files_bundle_members ON files (bundle_id) WHERE bundle_id IS NOT NULL;
  `,
  // 16: the queue asks at every turn for the due parts of split batches and the due batches still
  // to split (HistoryRepository.due by SendKind, issue #17). Both are few beside the other ready
  // rows, which files_state serves: without these, each ask read every ready row (5.8 and 4.1 ms
  // a turn with 10,000 ready rows, against 0.7 for the one ask before).
  `
  CREATE INDEX files_ready_parts ON files (next_attempt_at)
    WHERE state = 'ready' AND parent_id IS NOT NULL;
  CREATE INDEX files_ready_batches ON files (next_attempt_at)
    WHERE state = 'ready' AND parent_id IS NULL AND split_mode IS NOT NULL;
  `,
];
