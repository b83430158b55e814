// The split stage's place in the queue (issue #17). When a scanned batch's turn comes, the split
// service (split/, in its worker thread) decides; this step records the decision. A split batch
// becomes a parent row in `split` with its parts as ready child rows, all in one transaction, so
// a crash leaves either the batch to split again (its parts' files are written again, the same)
// or every part queued: never a part lost or queued twice. The original is moved only once every
// part is uploaded (`settleBatches`); a part that fails leaves it where it is.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../contract/api-contract.ts';
import type { CompanyNumber, Destination, Failure, FileState } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import { hashBytes } from '../documents/hash-file.ts';
import type { SeparatorSheet } from '../split/separator-code.ts';
import { judgesBlankPages } from '../split/split-plan.ts';
import type { SplitResult, WholeReason } from '../split/split-protocol.ts';
import type { SplitChoice, SplitMode } from '../../contract/domain.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { FilePatch } from '../store/file-row.ts';
import type { SendContext } from './send-file.ts';
import { reportedWhenDone } from './reported-when-done.ts';

/** What the queue needs from the split stage: the worker's verdict on a batch's bytes. */
export type Splitter = (
  bytes: Uint8Array,
  mode: SplitMode,
  choice?: Omit<SplitChoice, 'sha256'>,
) => Promise<SplitResult>;

/**
 * The name a part is sent under: the original's name with its page range,
 * `Scan 0042 (p. 1-3).pdf`, or `Scan 0042 (p. 4).pdf` for one page.
 */
export function partFileName(originalName: string, first: number, last: number): string {
  const range = first === last ? `${first}` : `${first}-${last}`;
  return `${path.parse(originalName).name} (p. ${range}).pdf`;
}

/**
 * The name of the file that keeps a batch's blank pages (issue #19), unique by the batch's id:
 * `42 Scan 0042 (blank p. 2, 5).pdf`.
 */
export function blankPagesFileName(batchId: number, originalName: string, pages: number[]): string {
  return `${batchId} ${path.parse(originalName).name} (blank p. ${pages.join(', ')}).pdf`;
}

/** Why a batch goes whole, as the history shows it; null when there was nothing to cut. */
export function wholeNote(reason: WholeReason): Message | null {
  switch (reason.why) {
    case 'one_document':
      return null;
    case 'unreadable':
      return msg('split_whole_unreadable');
    case 'part_mismatch':
      return msg('split_whole_part_mismatch', {
        firstPage: reason.firstPage,
        lastPage: reason.lastPage,
        expectedPages: reason.expectedPages,
        foundPages: reason.foundPages,
      });
    case 'over_budget':
      return msg('split_whole_over_budget', { limitSeconds: Math.round(reason.limitMs / 1000) });
    case 'splitter_stopped':
      return msg('split_whole_stopped');
    case 'choice_mismatch':
      return msg('split_whole_choice_mismatch');
  }
}

/**
 * What a failed batch with only separator pages says: in the modes that judge blank pages those
 * pages are blank (issue #19), else they are separator sheets.
 */
export function onlySeparatorsMessage(mode: SplitMode, count: number): Message {
  return judgesBlankPages(mode)
    ? msg('split_only_blank_pages', { count })
    : msg('split_only_separators', { count });
}

/** The original's note once it is cut: its parts, and the blank pages kept where they are kept. */
function splitNote(
  mode: SplitMode,
  parts: number,
  separatorPages: number,
  blankPagesPath: string | null,
): Message {
  if (blankPagesPath === null) return msg('split_into_parts', { count: parts, separatorPages });
  return mode === 'blank-backs'
    ? msg('split_blank_backs_left_out', { count: separatorPages, path: blankPagesPath })
    : msg('split_into_parts_blank', {
        count: parts,
        blankPages: separatorPages,
        path: blankPagesPath,
      });
}

/**
 * The id of an administration's archive category named by `given` (its id, or its name as
 * `categories` lists it); rejects when it cannot be told (Clearfacts unreachable, an unknown
 * name). In the engine: the administrations cache with `chooseArchiveCategory`.
 */
export type ArchiveCategoryLookup = (
  companyNumber: CompanyNumber,
  archiveType: 'various' | 'permanent',
  given: string,
) => Promise<string>;

/** Where a part goes, and why it cannot be sent when its sheet names what is not there. */
export interface SheetDecision {
  /** The destination the sheet sets, or null for the folder's own. */
  destination: Destination | null;
  /** Set when Clearfacts' list says the sheet's archive category is not there: the part fails. */
  failure: Failure | null;
}

/**
 * The destination a typed separator sheet sets. A sheet without a company number names its
 * category (ids differ per administration: `separator-sheet --category Statuten`), so an archive
 * sheet's category is looked up in the part's administration (`archiveCategoryDecision`).
 */
async function sheetDecision(
  sheet: SeparatorSheet | null,
  companyNumber: CompanyNumber,
  lookUp: ArchiveCategoryLookup,
): Promise<SheetDecision> {
  if (sheet === null) return { destination: null, failure: null };
  switch (sheet.type) {
    case 'next':
      return { destination: null, failure: null };
    case 'purchase':
    case 'sale':
      return { destination: { type: sheet.type }, failure: null };
    case 'various':
    case 'permanent':
      return archiveCategoryDecision(sheet.type, sheet.categoryId, companyNumber, lookUp);
  }
}

/**
 * The archive destination `given` (a category's id or name) sets in `companyNumber`'s
 * administration. When the administration's list says no category has that name or id (a
 * misspelt sheet), the failure names that list rather than the part being sent to a refusal
 * that would read as if the category had been removed; when the list cannot be read now,
 * `given` is kept as it is and a refusal says why.
 */
export async function archiveCategoryDecision(
  archiveType: 'various' | 'permanent',
  given: string,
  companyNumber: CompanyNumber,
  lookUp: ArchiveCategoryLookup,
): Promise<SheetDecision> {
  try {
    const categoryId = await lookUp(companyNumber, archiveType, given);
    return { destination: { type: archiveType, categoryId }, failure: null };
  } catch (error) {
    const destination = { type: archiveType, categoryId: given };
    // chooseArchiveCategory's answer from the administration's own list.
    if (error instanceof ApiError && error.code === 'invalid_request') {
      return { destination, failure: { code: 'unknown_category', message: error.userMessage } };
    }
    return { destination, failure: null };
  }
}

/** Where a batch's parts are kept until the batch is settled: not the staging folder, which
 * every start empties, since a part queued before a crash is sent after it. */
export function partsFolder(partsDir: string, batchId: number): string {
  return path.join(partsDir, String(batchId));
}

/** Writes `bytes` to `filePath` (mode 0600) and syncs it to disk before resolving. */
export async function writeDurably(filePath: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(filePath, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Splits a `ready` batch whose row still has a split mode, with its check done (`sha256`,
 * `checkPatch`). Returns null when the batch was split (the parts are queued and the original
 * waits in `split`), put back to be read again, or failed because every page is a separator
 * sheet (`only_separator_sheets`: nothing is sent); otherwise the original's row, now without a
 * split mode and with the reason it goes whole, to send as it is. A row with the user's choice
 * from the split preview (issue #19) is cut as chosen, or sent whole when its bytes are not those
 * previewed. With `signal` aborted (the app stops) nothing is written. Throws only what the
 * history throws.
 */
export async function splitOriginal(
  context: SendContext,
  record: FileRecord,
  mode: SplitMode,
  sha256: string,
  checkPatch: FilePatch,
  write: (to: FileState, patch: FilePatch) => Promise<FileRecord>,
  signal: AbortSignal,
): Promise<FileRecord | null> {
  const sendWhole = (note: Message | null) =>
    write('ready', { ...checkPatch, splitMode: null, splitChoice: null, splitNote: note });
  if (checkPatch.kind !== 'pdf') return sendWhole(null);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(record.path);
  } catch {
    // Gone or locked since the check: the next turn checks it again and says why.
    await write('ready', { nextAttemptAt: context.now() + context.retry.baseDelayMs });
    return null;
  }
  if ((await hashBytes(bytes)) !== sha256) {
    // Changed between the check and the read: the pages cut must be the pages checked.
    await write('ready', {
      failure: null,
      nextAttemptAt: context.now() + context.retry.baseDelayMs,
    });
    return null;
  }
  const choice = record.splitChoice;
  // The parts the user chose were chosen on the pages previewed: other bytes may not fit them.
  if (choice !== null && choice.sha256 !== sha256) {
    return sendWhole(msg('split_whole_changed_since_preview'));
  }
  const result = await context.splitter(
    bytes,
    mode,
    ...(choice === null ? [] : [{ separatorPages: choice.separatorPages, parts: choice.parts }]),
  );
  // Stopping ends the worker, and its "stopped" verdict is no reason to send the batch whole: the
  // row stays ready and the batch is split at the next start.
  if (signal.aborted) return null;
  if (result.outcome === 'only_separators') {
    // Nothing is sent and the file stays where it is: the user removes it or scans it again.
    await write('failed', {
      ...checkPatch,
      pages: result.pages,
      splitMode: null,
      failure: {
        code: 'only_separator_sheets',
        message: onlySeparatorsMessage(mode, result.pages),
      },
      nextAttemptAt: null,
    });
    context.logger.info('A batch of separator sheets only is not sent', { id: record.id });
    return null;
  }
  if (result.outcome === 'whole') {
    const note = wholeNote(result.reason);
    if (note !== null) {
      context.logger.warn('A batch is sent whole although its folder splits', {
        id: record.id,
        why: result.reason.why,
        ...('detail' in result.reason ? { detail: result.reason.detail } : {}),
      });
    }
    return sendWhole(note);
  }
  const folder = partsFolder(context.partsDir, record.id);
  // A split cut short by a crash left files no row points to: they are written again, the same.
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const files = await Promise.all(
    result.parts.map(async (part) => {
      const companyNumber =
        part.sheet !== null && 'companyNumber' in part.sheet && part.sheet.companyNumber
          ? part.sheet.companyNumber
          : record.companyNumber;
      const decision = await sheetDecision(part.sheet, companyNumber, context.archiveCategoryId);
      return {
        part,
        companyNumber,
        destination: decision.destination ?? record.destination,
        failure: decision.failure,
        filePath: path.join(folder, `${part.firstPage}-${part.lastPage}.pdf`),
      };
    }),
  );
  for (const { part, filePath } of files) await writeDurably(filePath, part.bytes);
  // Written before the transaction: once the batch is `split`, its blank pages are on disk.
  let blankPagesPath: string | null = null;
  if (result.blankPages !== null) {
    await mkdir(context.blankPagesDir, { recursive: true, mode: 0o700 });
    blankPagesPath = path.join(
      context.blankPagesDir,
      blankPagesFileName(record.id, record.fileName, result.separatorPages),
    );
    await writeDurably(blankPagesPath, result.blankPages);
  }
  const { parts, original } = await context.storage.persist(
    () =>
      context.repository.inTransaction(() => {
        const inserted = files.map(({ part, companyNumber, destination, failure, filePath }) => {
          const row = context.repository.insert({
            path: filePath,
            fileName: partFileName(record.fileName, part.firstPage, part.lastPage),
            folderId: record.folderId,
            // Parts are the app's own files: never moved, removed once the batch is settled.
            watchRoot: null,
            source: record.source,
            companyNumber,
            destination,
            state: 'ready',
            sizeBytes: part.bytes.byteLength,
            parentId: record.id,
            pageRange: { first: part.firstPage, last: part.lastPage },
            // A batch the user resent (a duplicate or unconfirmed one) is sent whole: its parts
            // too, although Clearfacts may have their bytes.
            forceSend: record.forceSend,
          });
          return failure === null
            ? row
            : context.repository.transition(row.id, 'failed', { failure }).record;
        });
        const transition = context.repository.transition(record.id, 'split', {
          ...checkPatch,
          pages: result.pages,
          splitMode: null,
          splitChoice: null,
          splitNote: splitNote(mode, inserted.length, result.separatorPages.length, blankPagesPath),
          failure: null,
          nextAttemptAt: null,
        });
        return { parts: inserted, original: transition };
      }),
    context.stopSignal,
  );
  context.onTransition(original);
  for (const part of parts) context.onInserted(part);
  context.logger.info('A batch was split', {
    id: record.id,
    parts: parts.length,
    separatorPages: result.separatorPages.length,
    // How long other folders' files held the split (give-way.ts): where a batch took long.
    ...(result.gaveWayMs === undefined ? {} : { gaveWayMs: result.gaveWayMs }),
  });
  return null;
}

/**
 * Delivers every original in `split` whose parts are all uploaded: it becomes `uploaded`, its
 * after-upload step moves or deletes it, and its parts' files go. Run after a part is uploaded,
 * when the user marks a part done, and at start-up (a stop between the last part and the move).
 * `finishLocally` is the send step's own after-upload step.
 */
export async function settleBatches(
  context: SendContext,
  finishLocally: (context: SendContext, record: FileRecord) => Promise<void>,
): Promise<void> {
  for (const candidate of context.repository.settledBatches()) {
    // Told once, moved: "uploaded" alone would come first when the move outlasts the hub's window.
    const delivered = await reportedWhenDone(context, async (held) => {
      const written = await deliverWaiting(held, candidate.id, 'split');
      if (written === null) return null;
      context.logger.info('Every part of a batch is uploaded', { id: written.id });
      await finishLocally(held, written);
      return written;
    });
    if (delivered === null) continue;
    await rm(partsFolder(context.partsDir, delivered.id), { recursive: true, force: true });
  }
}

/**
 * Writes row `id` `uploaded` when it still waits in `state` for what was sent in its place (a
 * split batch's parts, a scan session's combined document); null when another settle took it
 * between the read and this write.
 */
export function deliverWaiting(
  context: SendContext,
  id: number,
  state: Extract<FileState, 'split' | 'bundling'>,
): Promise<FileRecord | null> {
  return context.storage.persist(() => {
    if (context.repository.get(id)?.state !== state) return null;
    const transition = context.repository.transition(id, 'uploaded', {
      uploadedAt: context.now(),
      failure: null,
    });
    context.onTransition(transition);
    return transition.record;
  }, context.stopSignal);
}
