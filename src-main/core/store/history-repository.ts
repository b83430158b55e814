// Every read and write of the history. Each state change is one immediate transaction that
// checks the move is allowed, so it is on disk before the caller takes the next step.
import type {
  CompanyNumber,
  Destination,
  FileState,
  HistoryFilter,
} from '../../contract/domain.ts';
import { canTransition, IllegalTransitionError } from './file-lifecycle.ts';
import type { FileRecord, SendKind } from './file-record.ts';
import { patchToColumns, rowToRecord, type FilePatch } from './file-row.ts';
import type { DeliveryJournal, DeliveryRecord } from './delivery-journal.ts';
import type { HistoryDatabase } from './history-database.ts';
import { historyFilterToSql } from './history-filter-sql.ts';
import { foldForSearch } from './search-name.ts';

/** What a new row starts from: where the file is and where it goes; the rest comes later. */
export type NewFile = Pick<
  FileRecord,
  | 'path'
  | 'fileName'
  | 'folderId'
  | 'watchRoot'
  | 'source'
  | 'companyNumber'
  | 'destination'
  | 'state'
> &
  Partial<
    Pick<
      FileRecord,
      | 'sizeBytes'
      | 'mtimeMs'
      | 'splitMode'
      | 'splitChoice'
      | 'parentId'
      | 'pageRange'
      | 'bundleSources'
      | 'forceSend'
      | 'rawName'
    >
  >;

export interface Transition {
  previous: FileState;
  record: FileRecord;
}

export type StateCounts = Record<FileState, number>;

export interface FolderCounts {
  pending: number;
  uploaded: number;
  failed: number;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Every read and write of the history database. Each write is one immediate SQLite transaction;
 * the methods throw what better-sqlite3 throws (SQLITE_FULL, SQLITE_READONLY, …), which the
 * storage guard sorts into storage faults. Times are epoch milliseconds.
 */
export interface HistoryRepository {
  /** Adds a row for a file and returns it with its id. */
  insert(file: NewFile): FileRecord;
  /**
   * Moves a file to `to` and applies `patch`, atomically. Throws RangeError for an unknown id
   * and IllegalTransitionError for a move the lifecycle (file-lifecycle.ts) does not allow.
   */
  transition(id: number, to: FileState, patch?: FilePatch): Transition;
  /** The row with this id, or null. */
  get(id: number): FileRecord | null;
  /** Deletes a never-sent row whose file vanished before it was checked: it stood for nothing. */
  forget(id: number): void;
  /**
   * One page of rows matching `filter`, newest first, and how many match in all. Throws
   * InvalidHistoryFilterError for a filter that cannot be turned into SQL.
   */
  query(
    filter: HistoryFilter,
    offset: number,
    limit: number,
  ): { rows: FileRecord[]; total: number };
  /** Whether this exact file (path, size in bytes, mtime in ms) was already checked. */
  isKnown(path: string, sizeBytes: number, mtimeMs: number): boolean;
  /** The row a file seen again at `path` continues, when it was not delivered yet. */
  findReusable(path: string): FileRecord | null;
  /**
   * An earlier delivery of the same content (SHA-256, hex) to the same administration, or one
   * that may have arrived (unconfirmed): sending a twin of that could be the very double send to
   * avoid. Null when there is none.
   */
  /**
   * A delivered row of the same content for the same administration: its original's or its sent
   * bytes' SHA-256 equals `sha256` or `sentSha256` (bytes sent that differ from the file).
   */
  findDelivered(
    sha256: string,
    companyNumber: CompanyNumber,
    exceptId: number,
    sentSha256?: string | null,
  ): FileRecord | null;
  /**
   * A delivered (or perhaps delivered: unconfirmed) row of the same invoice for the same
   * administration, whatever its bytes: the same `invoiceKey` (supplier, number, amount; see
   * queue/e-invoice-duplicates.ts). Null when there is none.
   */
  findSameInvoice(
    invoiceKey: string,
    companyNumber: CompanyNumber,
    exceptId: number,
  ): FileRecord | null;
  /**
   * A delivered (or perhaps delivered: unconfirmed) e-invoice for the same administration whose
   * embedded PDF has the SHA-256 `pdfSha256` (hex): a PDF with those bytes is its visual, already
   * in Clearfacts inside it, whatever the PDF's name. Null when there is none.
   */
  findXmlEmbedding(
    pdfSha256: string,
    companyNumber: CompanyNumber,
    exceptId: number,
  ): FileRecord | null;
  /** The parts cut from the batch with history id `parentId`, in page order (none: not split). */
  parts(parentId: number): FileRecord[];
  /**
   * Originals in `split` whose every part is delivered (uploaded, or a duplicate of content
   * Clearfacts confirmed with a uuid): their own after-upload step is due.
   */
  settledBatches(): FileRecord[];
  /**
   * Files of scan sessions (issue #19) whose combined document is delivered (uploaded or
   * archived): their own after-upload step is due. By id.
   */
  settledBundleMembers(): FileRecord[];
  /** Files in an open scan session (`bundling`, not combined yet), by id. */
  openSessionMembers(): FileRecord[];
  /** The most recent row of any of `paths` (exact), or null. */
  latestOf(paths: readonly string[]): FileRecord | null;
  /**
   * At most `limit` ready files due at `at`, oldest first, leaving out destinations on hold; with
   * `kind`, only parts of split batches (`part`), only batches still to split (`batch`) or only
   * the other files (`other`).
   */
  due(
    at: number,
    limit: number,
    onHold?: readonly Destination['type'][],
    kind?: SendKind,
  ): FileRecord[];
  /** When the next file waiting for a retry after `after` is due, or null. */
  nextWakeAt(after: number): number | null;
  /** Every row in one of `states`, by id. */
  inStates(states: readonly FileState[]): FileRecord[];
  /**
   * How many rows are in each state (every state present, 0 when none); `bundling` counts only
   * the files of open scan sessions, not those already combined into a document.
   */
  countByState(): StateCounts;
  /** Pending, uploaded and failed counts per folder binding id. */
  countByFolder(): Map<string, FolderCounts>;
  /** Runs several writes as one transaction (a drop of thousands of files). */
  inTransaction<T>(work: () => T): T;
  /** A small write that tells whether the database accepts writes again; throws if not. */
  probeWrite(): void;
  /**
   * The journal's deliveries the history does not hold (matched by uuid). A row of the same path,
   * administration and content that is not delivered (the process died between the journal line
   * and the row's `uploaded`) becomes `uploaded` with the uuid; otherwise a row is written as
   * `archived` with the uuid, hash, size and mtime, so the intake knows those files and the
   * duplicate check knows their content. Returns how many rows were written.
   */
  restoreDeliveries(records: readonly DeliveryRecord[]): number;
  /**
   * Watched files Clearfacts confirmed (a uuid, or a combined document or a batch's parts that
   * carry it) whose move or delete never ran and never failed: a stop between the delivery and
   * the after-upload step. Their local step is still due.
   */
  awaitingLocalStep(): FileRecord[];
  /** The most recently delivered row (uploaded or archived) with its own uuid, or null. */
  lastUploaded(): FileRecord | null;
  /** The most recently changed row that carries a failure (failed, unconfirmed, retrying), or null. */
  lastFailed(): FileRecord | null;
}

/**
 * `journal`: where a confirmed delivery is appended (and fsync'd) before its row becomes
 * `uploaded`; a failed append fails the transition, so the row never says more than the journal.
 */
export function createHistoryRepository(
  db: HistoryDatabase,
  now: () => number = Date.now,
  journal?: Pick<DeliveryJournal, 'append'>,
): HistoryRepository {
  const insertStatement = db.prepare(`
    INSERT INTO files (path, file_name, search_name, folder_id, watch_root, source, company_number,
      destination_type, category_id, state, size_bytes, mtime_ms, split_mode, split_choice,
      parent_id, first_page, last_page, bundle_sources, force_send, raw_name, detected_at,
      updated_at)
    VALUES (@path, @fileName, @searchName, @folderId, @watchRoot, @source, @companyNumber,
      @destinationType, @categoryId, @state, @sizeBytes, @mtimeMs, @splitMode, @splitChoice,
      @parentId, @firstPage, @lastPage, @bundleSources, @forceSend, @rawName, @now, @now)
    RETURNING *`);
  const getStatement = db.prepare('SELECT * FROM files WHERE id = ?');
  const stateStatement = db.prepare('SELECT state FROM files WHERE id = ?').pluck();
  const knownStatement = db
    .prepare(
      `SELECT 1 FROM files WHERE path = ? AND size_bytes = ? AND abs(mtime_ms - ?) < 1
         AND state NOT IN ('detected', 'waiting_stability') LIMIT 1`,
    )
    .pluck();
  const reusableStatement = db.prepare(
    `SELECT * FROM files WHERE path = ?
       AND (state IN ('detected', 'waiting_stability', 'ready', 'uploading', 'failed', 'held')
         OR (state = 'bundling' AND bundle_id IS NULL))
     ORDER BY id DESC LIMIT 1`,
  );
  const deliveredContentStatement = db.prepare(
    `SELECT * FROM files WHERE company_number = ? AND id != ?
       AND (sha256 IN (?, ?) OR sent_sha256 IN (?, ?))
       AND state IN ('uploaded', 'archived', 'unconfirmed', 'split') ORDER BY id LIMIT 1`,
  );
  const sameInvoiceStatement = db.prepare(
    `SELECT * FROM files WHERE invoice_key = ? AND company_number = ? AND id != ?
       AND state IN ('uploaded', 'archived', 'unconfirmed') ORDER BY id LIMIT 1`,
  );
  // The expression is the one of the index files_embedded_pdf (migration 13), so it is used.
  const embeddingStatement = db.prepare(
    `SELECT * FROM files
       WHERE json_extract(invoice_summary, '$.embeddedPdfSha256') = ? AND company_number = ?
       AND invoice_summary IS NOT NULL AND id != ?
       AND state IN ('uploaded', 'archived', 'unconfirmed') ORDER BY id LIMIT 1`,
  );
  const wakeStatement = db
    .prepare(`SELECT min(next_attempt_at) FROM files WHERE state = 'ready' AND next_attempt_at > ?`)
    .pluck();
  // Dismissed failures are a record, not work: they count nowhere.
  // A combined scan session's files (bundle_id set) are counted through their document's row:
  // `bundling` counts the files of open sessions, so a refused document leaves nothing pending.
  const countsStatement = db.prepare(
    `SELECT state, count(*) AS n FROM files
     WHERE dismissed_at IS NULL AND NOT (state = 'bundling' AND bundle_id IS NOT NULL)
     GROUP BY state`,
  );
  const folderCountsStatement = db.prepare(
    `SELECT folder_id, state, count(*) AS n FROM files
     WHERE folder_id IS NOT NULL AND dismissed_at IS NULL
     GROUP BY folder_id, state`,
  );
  const inStatesStatement = (states: readonly FileState[]) =>
    db.prepare(`SELECT * FROM files WHERE state IN (${placeholders(states.length)}) ORDER BY id`);
  const deleteStatement = db.prepare('DELETE FROM files WHERE id = ?');
  const partsStatement = db.prepare(
    'SELECT * FROM files WHERE parent_id = ? ORDER BY first_page, id',
  );
  // A document (`sent`: a split part, a combined document) counts as delivered when it is
  // uploaded, or found a duplicate of content Clearfacts confirmed with a uuid (an unconfirmed
  // earlier copy may not be there).
  const deliveredSql = (sent: string): string =>
    `(${sent}.state IN ('uploaded', 'archived') OR (${sent}.state = 'duplicate' AND EXISTS (
       SELECT 1 FROM files AS earlier WHERE earlier.company_number = ${sent}.company_number
         AND earlier.id != ${sent}.id AND earlier.uuid IS NOT NULL
         AND (earlier.sha256 IN (${sent}.sha256, ${sent}.sent_sha256)
           OR earlier.sent_sha256 IN (${sent}.sha256, ${sent}.sent_sha256)))))`;
  // Nothing of the batch is missing.
  const settledBatchesStatement = db.prepare(
    `SELECT * FROM files AS batch WHERE state = 'split' AND NOT EXISTS (
       SELECT 1 FROM files AS part WHERE part.parent_id = batch.id
         AND NOT ${deliveredSql('part')}) ORDER BY id`,
  );
  const settledBundleMembersStatement = db.prepare(
    `SELECT member.* FROM files AS member JOIN files AS bundle ON bundle.id = member.bundle_id
       WHERE member.state = 'bundling' AND ${deliveredSql('bundle')}
       ORDER BY member.id`,
  );
  const openSessionMembersStatement = db.prepare(
    `SELECT * FROM files WHERE state = 'bundling' AND bundle_id IS NULL ORDER BY id`,
  );
  // A row without a uuid (a scan session's file, a batch's original, one marked done) is never
  // the last upload: `status` would say "none" right after a session's document was uploaded.
  const lastUploadedStatement = db.prepare(
    `SELECT * FROM files WHERE state IN ('uploaded', 'archived') AND uploaded_at IS NOT NULL
       AND uuid IS NOT NULL
     ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
  );
  // With a uuid of its own, or delivered in a document that has one: a scan session's file
  // (bundle_id) or a split batch's original (its parts' parent_id), which have none themselves.
  const awaitingLocalStepStatement = db.prepare(
    `SELECT * FROM files AS f WHERE state = 'uploaded' AND failure_code IS NULL
       AND source = 'watch' AND watch_root IS NOT NULL
       AND (uuid IS NOT NULL
         OR bundle_id IN (SELECT id FROM files WHERE uuid IS NOT NULL)
         OR EXISTS (SELECT 1 FROM files AS part WHERE part.parent_id = f.id))
     ORDER BY id`,
  );
  const lastFailedStatement = db.prepare(
    `SELECT * FROM files WHERE failure_code IS NOT NULL AND dismissed_at IS NULL
     ORDER BY updated_at DESC, id DESC LIMIT 1`,
  );
  const probeStatement = db.prepare(
    `INSERT INTO meta (key, value) VALUES ('last_write', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const updateStatements = new Map<string, ReturnType<HistoryDatabase['prepare']>>();

  function updateStatement(columns: string[]) {
    const key = columns.join(',');
    let statement = updateStatements.get(key);
    if (!statement) {
      const assignments = [...columns, 'state', 'updated_at']
        .map((column) => `${column} = @${column}`)
        .join(', ');
      statement = db.prepare(`UPDATE files SET ${assignments} WHERE id = @id RETURNING *`);
      updateStatements.set(key, statement);
    }
    return statement;
  }

  const transitionTransaction = db.transaction(
    (id: number, to: FileState, patch: FilePatch): Transition => {
      const previous = stateStatement.get(id) as FileState | undefined;
      if (previous === undefined) throw new RangeError(`There is no file ${id} in the history.`);
      if (!canTransition(previous, to)) throw new IllegalTransitionError(id, previous, to);
      // A dismissal holds only while the row stays where the user dismissed it.
      const columns = patchToColumns({ dismissedAt: null, ...patch });
      const record = rowToRecord(
        updateStatement(Object.keys(columns)).get({
          ...columns,
          id,
          state: to,
          updated_at: now(),
        }),
      );
      return { previous, record };
    },
  );

  // RETURNING reads its row before the statement finishes, and in autocommit better-sqlite3's
  // .get() drops an error raised at commit (disk full, read-only): an explicit transaction makes
  // the COMMIT its own statement, whose failure is thrown like any other.
  const insertTransaction = db.transaction((file: NewFile): FileRecord =>
    rowToRecord(
      insertStatement.get({
        path: file.path,
        fileName: file.fileName,
        searchName: foldForSearch(file.fileName),
        folderId: file.folderId,
        watchRoot: file.watchRoot,
        source: file.source,
        companyNumber: file.companyNumber,
        destinationType: file.destination.type,
        categoryId: 'categoryId' in file.destination ? file.destination.categoryId : null,
        state: file.state,
        sizeBytes: file.sizeBytes ?? null,
        mtimeMs: file.mtimeMs ?? null,
        splitMode: file.splitMode ?? null,
        splitChoice:
          file.splitChoice === undefined || file.splitChoice === null
            ? null
            : JSON.stringify(file.splitChoice),
        parentId: file.parentId ?? null,
        firstPage: file.pageRange?.first ?? null,
        lastPage: file.pageRange?.last ?? null,
        bundleSources:
          file.bundleSources === undefined || file.bundleSources === null
            ? null
            : JSON.stringify(file.bundleSources),
        forceSend: file.forceSend === true ? 1 : 0,
        rawName: file.rawName ?? null,
        now: now(),
      }),
    ),
  );

  const uuidsStatement = db.prepare('SELECT uuid FROM files WHERE uuid IS NOT NULL').pluck();
  const restoreStatement = db.prepare(`
    INSERT INTO files (path, file_name, search_name, folder_id, watch_root, source, company_number,
      destination_type, category_id, state, size_bytes, mtime_ms, sha256, uuid, detected_at,
      updated_at, uploaded_at)
    VALUES (@path, @fileName, @searchName, @folderId, @watchRoot, @source, @companyNumber,
      @destinationType, @categoryId, 'archived', @sizeBytes, @mtimeMs, @sha256, @uuid, @at, @now,
      @at)
  `);
  // The row a journal line was written for, when the process died before that row said
  // `uploaded` (the line is fsync'd first): the same file and content, not delivered yet.
  const undeliveredTwinStatement = db.prepare(`
    SELECT id FROM files WHERE path = @path AND company_number = @companyNumber AND uuid IS NULL
      AND state IN ('ready', 'uploading', 'unconfirmed', 'failed')
      AND (sha256 = @sha256 OR sent_sha256 = @sha256)
    ORDER BY id DESC LIMIT 1`);
  const confirmStatement = db.prepare(`
    UPDATE files SET state = 'uploaded', uuid = @uuid, uploaded_at = @at, updated_at = @now,
      failure_code = NULL, failure_message = NULL, failure_detail = NULL, next_attempt_at = NULL
    WHERE id = @id`);
  const restoreTransaction = db.transaction((records: readonly DeliveryRecord[]): number => {
    // One read of the uuids held, not one query per record: the journal grows with every upload.
    const held = new Set(uuidsStatement.all() as string[]);
    let restored = 0;
    for (const record of records) {
      if (held.has(record.uuid)) continue;
      held.add(record.uuid);
      const twin = undeliveredTwinStatement.get({
        path: record.path,
        companyNumber: record.companyNumber,
        sha256: record.sha256,
      }) as { id: number } | undefined;
      if (twin !== undefined) {
        // Clearfacts confirmed it: the row gets its uuid, and the after-upload step is still due.
        confirmStatement.run({ id: twin.id, uuid: record.uuid, at: record.at, now: now() });
        restored += 1;
        continue;
      }
      restoreStatement.run({
        path: record.path,
        fileName: record.fileName,
        searchName: foldForSearch(record.fileName),
        folderId: record.folderId,
        watchRoot: record.watchRoot,
        source: record.source,
        companyNumber: record.companyNumber,
        destinationType: record.destination.type,
        categoryId: 'categoryId' in record.destination ? record.destination.categoryId : null,
        sizeBytes: record.sizeBytes,
        mtimeMs: record.mtimeMs,
        sha256: record.sha256,
        uuid: record.uuid,
        at: record.at,
        now: now(),
      });
      restored += 1;
    }
    return restored;
  });

  return {
    insert(file: NewFile): FileRecord {
      return insertTransaction.immediate(file);
    },

    /** Moves a file to `to` (checked against the lifecycle) and applies `patch`, atomically. */
    transition(id: number, to: FileState, patch: FilePatch = {}): Transition {
      if (to === 'uploaded' && typeof patch.uuid === 'string' && journal !== undefined) {
        const row = getStatement.get(id);
        const current = row === undefined ? null : rowToRecord(row);
        const sha256 = patch.sha256 ?? current?.sha256 ?? null;
        if (current !== null && sha256 !== null) {
          journal.append({
            at: now(),
            companyNumber: current.companyNumber,
            sha256,
            uuid: patch.uuid,
            path: current.path,
            fileName: current.fileName,
            folderId: current.folderId,
            watchRoot: current.watchRoot,
            source: current.source,
            destination: current.destination,
            sizeBytes: current.sizeBytes,
            mtimeMs: current.mtimeMs,
          });
        }
      }
      return transitionTransaction.immediate(id, to, patch);
    },

    get(id: number): FileRecord | null {
      const row = getStatement.get(id);
      return row === undefined ? null : rowToRecord(row);
    },

    /** A never-sent row whose file vanished before it was checked: it stood for nothing. */
    forget(id: number): void {
      deleteStatement.run(id);
    },

    query(filter: HistoryFilter, offset: number, limit: number) {
      const { where, params } = historyFilterToSql(filter);
      const rows = db
        // A batch's parts follow their original, in page order, whenever they were queued. The
        // index files_batch_order (migration 9) has these very expressions: change both together.
        .prepare(
          `SELECT * FROM files ${where}
           ORDER BY coalesce(parent_id, id) DESC, parent_id IS NOT NULL, first_page, id DESC
           LIMIT ? OFFSET ?`,
        )
        .all(...params, limit, offset)
        .map(rowToRecord);
      const total = Number(
        db
          .prepare(`SELECT count(*) FROM files ${where}`)
          .pluck()
          .get(...params),
      );
      return { rows, total };
    },

    /** Whether this exact file (path, size, mtime) was already checked: never taken up again. */
    isKnown(path: string, sizeBytes: number, mtimeMs: number): boolean {
      return knownStatement.get(path, sizeBytes, mtimeMs) !== undefined;
    },

    /** The row a file seen again at `path` continues, when it was not delivered yet. */
    findReusable(path: string): FileRecord | null {
      const row = reusableStatement.get(path);
      return row === undefined ? null : rowToRecord(row);
    },

    /**
     * An earlier delivery of the same content to the same administration, or one that may have
     * arrived (unconfirmed): sending a twin of that could be the very double send to avoid.
     * The same content is the same file on disk or the same bytes sent: `sha256` (of the file)
     * and `sentSha256` (of the bytes sent, when they differ) each match either hash of a row.
     */
    findDelivered(
      sha256: string,
      companyNumber: CompanyNumber,
      exceptId: number,
      sentSha256: string | null = null,
    ) {
      const sent = sentSha256 ?? sha256;
      const row = deliveredContentStatement.get(
        companyNumber,
        exceptId,
        sha256,
        sent,
        sha256,
        sent,
      );
      return row === undefined ? null : rowToRecord(row);
    },

    parts(parentId: number): FileRecord[] {
      return partsStatement.all(parentId).map(rowToRecord);
    },

    settledBatches(): FileRecord[] {
      return settledBatchesStatement.all().map(rowToRecord);
    },

    settledBundleMembers(): FileRecord[] {
      return settledBundleMembersStatement.all().map(rowToRecord);
    },

    openSessionMembers(): FileRecord[] {
      return openSessionMembersStatement.all().map(rowToRecord);
    },

    latestOf(paths: readonly string[]): FileRecord | null {
      if (paths.length === 0) return null;
      const row = db
        .prepare(
          `SELECT * FROM files WHERE path IN (${placeholders(paths.length)}) ORDER BY id DESC LIMIT 1`,
        )
        .get(...paths);
      return row === undefined ? null : rowToRecord(row);
    },

    findXmlEmbedding(pdfSha256: string, companyNumber: CompanyNumber, exceptId: number) {
      const row = embeddingStatement.get(pdfSha256, companyNumber, exceptId);
      return row === undefined ? null : rowToRecord(row);
    },

    findSameInvoice(invoiceKey: string, companyNumber: CompanyNumber, exceptId: number) {
      const row = sameInvoiceStatement.get(invoiceKey, companyNumber, exceptId);
      return row === undefined ? null : rowToRecord(row);
    },

    /** Ready files whose time has come, oldest first, leaving out destinations on hold. */
    due(
      at: number,
      limit: number,
      onHold: readonly Destination['type'][] = [],
      kind?: SendKind,
    ): FileRecord[] {
      const hold =
        onHold.length === 0 ? '' : `AND destination_type NOT IN (${placeholders(onHold.length)})`;
      const ofKind = {
        all: '',
        part: 'AND parent_id IS NOT NULL',
        batch: 'AND parent_id IS NULL AND split_mode IS NOT NULL',
        other: 'AND parent_id IS NULL AND split_mode IS NULL',
      }[kind ?? 'all'];
      // Without statistics SQLite picks files_state and reads every ready row to find the few
      // parts or batches (migration 16).
      const index = {
        all: '',
        part: 'INDEXED BY files_ready_parts',
        batch: 'INDEXED BY files_ready_batches',
        other: '',
      }[kind ?? 'all'];
      return db
        .prepare(
          `SELECT * FROM files ${index} WHERE state = 'ready'
             AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ${hold} ${ofKind}
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(at, ...onHold, limit)
        .map(rowToRecord);
    },

    /** When the next file waiting for a retry is due, if any. */
    nextWakeAt(after: number): number | null {
      const value = wakeStatement.get(after);
      return typeof value === 'number' ? value : null;
    },

    inStates(states: readonly FileState[]): FileRecord[] {
      return inStatesStatement(states)
        .all(...states)
        .map(rowToRecord);
    },

    countByState(): StateCounts {
      const counts: StateCounts = {
        detected: 0,
        waiting_stability: 0,
        ready: 0,
        uploading: 0,
        uploaded: 0,
        archived: 0,
        failed: 0,
        duplicate: 0,
        unconfirmed: 0,
        held: 0,
        split: 0,
        bundling: 0,
      };
      for (const row of countsStatement.all() as { state: FileState; n: number }[]) {
        counts[row.state] = row.n;
      }
      return counts;
    },

    countByFolder(): Map<string, FolderCounts> {
      const byFolder = new Map<string, FolderCounts>();
      const rows = folderCountsStatement.all() as {
        folder_id: string;
        state: FileState;
        n: number;
      }[];
      for (const row of rows) {
        const counts = byFolder.get(row.folder_id) ?? { pending: 0, uploaded: 0, failed: 0 };
        if (row.state === 'uploaded' || row.state === 'archived') counts.uploaded += row.n;
        else if (row.state === 'failed' || row.state === 'unconfirmed' || row.state === 'held')
          counts.failed += row.n;
        else if (row.state !== 'duplicate') counts.pending += row.n;
        byFolder.set(row.folder_id, counts);
      }
      return byFolder;
    },

    /** Runs several writes as one transaction (a drop of thousands of files). */
    inTransaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },

    /** A small write that tells whether the database accepts writes again. */
    probeWrite(): void {
      probeStatement.run(String(now()));
    },

    restoreDeliveries(records: readonly DeliveryRecord[]): number {
      return restoreTransaction.immediate(records);
    },

    awaitingLocalStep(): FileRecord[] {
      return awaitingLocalStepStatement.all().map(rowToRecord);
    },

    lastUploaded(): FileRecord | null {
      const row: unknown = lastUploadedStatement.get();
      return row === undefined ? null : rowToRecord(row);
    },

    lastFailed(): FileRecord | null {
      const row: unknown = lastFailedStatement.get();
      return row === undefined ? null : rowToRecord(row);
    },
  };
}
