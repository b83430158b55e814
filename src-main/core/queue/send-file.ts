// One file's way from `ready` to Clearfacts and, for watched files, out of the folder. Each
// state is written before the step it announces: `uploading` before a byte is sent, the uuid
// before the file is moved or deleted.
import { cleanFileName } from '../../contract/file-names.ts';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  UNROUTED_COMPANY_NUMBER,
  type Administration,
  type Destination,
  type Failure,
  type FileHold,
  type FileState,
  type Scope,
} from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import type { DocumentCheck, DocumentCheckOptions } from '../documents/document-check.ts';
import { invoiceKey } from '../documents/e-invoice/invoice-key.ts';
import { uploadMediaType } from '../documents/media-type.ts';
import type { Logger } from '../logging/logger.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { FilePatch } from '../store/file-row.ts';
import type { RecordedVersion } from '../store/file-version.ts';
import type { HistoryRepository, Transition } from '../store/history-repository.ts';
import type { StorageGuard } from '../store/storage-guard.ts';
import {
  AfterUploadError,
  archiveDeliveredFile,
  deliveredFileOf,
  type AfterUploadFs,
  FileChangedSinceSentError,
} from './after-upload.ts';
import type { DeliveredFile, DocumentDestination } from './document-destination.ts';
import { pairPdfWithXml, xmlTwinPaths } from './e-invoice-pairing.ts';
import { routeInBoundFolder, routeInInbox, sendToChoice } from './e-invoice-routing.ts';
import { decideAfterFailure } from './failure-policy.ts';
import { isStopped, type QueueHolds } from './queue-holds.ts';
import { requiredScope } from './required-scope.ts';
import {
  archiveCategoryDecision,
  settleBatches,
  splitOriginal,
  type ArchiveCategoryLookup,
  type Splitter,
} from './split-step.ts';
import { settleBundles } from './bundle-members.ts';
import { reportedWhenDone } from './reported-when-done.ts';
import type { RetryTuning } from './retry-policy.ts';
import type { AfterUpload, UploadProgress } from '../../contract/domain.ts';
import { throttledUploadProgress } from './upload-progress.ts';

/** What the send step asks of documents/; see check-document.ts and the staging modules. */
export interface DocumentTools {
  check(filePath: string, options: DocumentCheckOptions): Promise<DocumentCheck>;
  convertToPdf(input: string, output: string): Promise<void>;
  /** Writes `input` without its first `prefixBytes` to `output`; resolves to the copy's SHA-256. */
  stripPrefix(input: string, output: string, prefixBytes: number): Promise<string>;
  /** SHA-256 of a file (hex). */
  hash(filePath: string): Promise<string>;
  /** Writes the invoice inside an SBDH envelope to `output`; resolves to its SHA-256. */
  unwrapEnvelope(input: string, output: string): Promise<string>;
}

/**
 * What a send's outcome means for the queue, applied by the queue alone (it is the only writer of
 * its holds). reachable: Clearfacts answered, so an offline hold ends. retrying: a failure the
 * file retries; offline when Clearfacts could not be reached, and `rateLimitMs` when it asked
 * everyone to wait (Retry-After, uncapped: the queue caps it). missing_scope: files needing
 * `scope` wait. ambiguous: the whole upload left and the answer does not prove nothing was
 * stored; the row is still `uploading`, and the queue records it `unconfirmed` with `failure` in
 * the open incident (docs/architecture.md, "One outage, one decision").
 */
export type HoldChange =
  | { kind: 'reachable' }
  | {
      kind: 'retrying';
      offline: boolean;
      rateLimitMs: number | null;
      /** The address answered as no GraphQL endpoint does: why files wait (api_not_graphql). */
      addressProblem: Message | null;
    }
  | { kind: 'missing_scope'; scope: Scope; reason: Message }
  | { kind: 'ambiguous'; failure: Failure };

/** Why a running send was called off. */
export type AbortCause = 'changed' | 'stopping';

export class SendAborted extends Error {
  readonly why: AbortCause;
  constructor(why: AbortCause) {
    super(why === 'changed' ? 'The file changed while it was being sent.' : 'The app is stopping.');
    this.name = 'SendAborted';
    this.why = why;
  }
}

export interface SendContext {
  repository: HistoryRepository;
  storage: StorageGuard;
  documents: DocumentTools;
  destination: DocumentDestination;
  settings: () => {
    afterUpload: AfterUpload;
    maxUploadBytes: number;
    /** Pairing x.pdf with x.xml (issue #18); on unless false. */
    pairEInvoices?: boolean;
    /** How long a PDF may wait for its XML twin: one stability window. */
    stabilityWindowMs?: number;
  };
  /** Read only: the send step reports hold changes as its result, the queue applies them. */
  holds: Readonly<QueueHolds>;
  retry: RetryTuning;
  stagingDir: string;
  logger: Logger;
  now: () => number;
  random: () => number;
  /** Every write, for events and batch progress. */
  onTransition: (transition: Transition) => void;
  /** A row the queue added: a part cut from a batch. */
  onInserted: (record: FileRecord) => void;
  /** Bytes sent of a file being uploaded, throttled (upload-progress.ts); never stored. */
  onUploadProgress: (progress: UploadProgress) => void;
  /** The split stage's verdict on a batch (split/split-service.ts, in its worker thread). */
  splitter: Splitter;
  /** Where parts of split batches are kept until their batch is settled (survives restarts). */
  partsDir: string;
  /**
   * Where the blank pages a `blank`-mode split leaves out are kept, one PDF a batch (issue #19):
   * never removed by the app, so a page wrongly judged blank is never lost.
   */
  blankPagesDir: string;
  /**
   * Clearfacts refused the token. The session decides what that means and holds the queue
   * through `setAuthHold`, before this returns.
   */
  onTokenRefused: () => void;
  /** Why a file waits while the token is refused (session.ts authHoldReason for its source). */
  tokenRefusedReason: () => Message;
  /** Aborted when the app stops: a write waiting out a storage fault gives up then. */
  stopSignal: AbortSignal;
  /** Sends of the same content to the same administration, so a twin waits for the first. */
  inFlight: Map<string, Promise<void>>;
  /** Refines a refusal (unknown administration or category) when the cache can tell. */
  explainRefusal: (record: FileRecord, failure: Failure) => Promise<Failure>;
  /** A file that changed after it was sent is new content: the intake looks at it again. */
  onChangedAfterSend: (filePath: string) => void;
  /** The after-upload step's file operations (node:fs/promises; tests inject a full disk). */
  afterUploadFs: AfterUploadFs;
  /** Whether a watched folder is on a network share, where the move step compares the bytes. */
  onNetworkShare: (folderPath: string) => Promise<boolean>;
  /** An after-upload step failed for a passing reason (full disk): the queue tries it later. */
  onLocalStepDeferred: () => void;
  /**
   * The administrations the token reaches, for routing e-invoices by their parties; null when
   * the list cannot be read now (routing then still holds, offering fewer choices).
   */
  reachableAdministrations: () => Promise<Administration[] | null>;
  /** The id of the archive category a typed separator sheet names (split-step.ts). */
  archiveCategoryId: ArchiveCategoryLookup;
  /**
   * Whether another installation delivers the folder of this watched row now (its owner marker,
   * read again); true also asks the intake to look at the folder at once.
   */
  folderOwnedElsewhere: (record: FileRecord) => Promise<boolean>;
}

function deliver(
  client: DocumentDestination,
  record: FileRecord,
  upload: {
    path: string;
    fileName: string;
    mediaType: string;
    expected?: RecordedVersion;
    onProgress?: (sentBytes: number, totalBytes: number) => void;
  },
  signal: AbortSignal,
): Promise<DeliveredFile> {
  const base = { ...upload, companyNumber: record.companyNumber, signal };
  const destination = record.destination;
  switch (destination.type) {
    case 'purchase':
      return client.uploadInvoice({ ...base, invoiceType: 'PURCHASE' });
    case 'sale':
      return client.uploadInvoice({ ...base, invoiceType: 'SALE' });
    case 'various':
      return client.uploadArchive({
        ...base,
        archiveType: 'VARIOUS',
        categoryId: destination.categoryId,
      });
    case 'permanent':
      return client.uploadArchive({
        ...base,
        archiveType: 'PERMANENT',
        categoryId: destination.categoryId,
      });
  }
}

function checkPatch(check: DocumentCheck): FilePatch {
  return {
    kind: check.kind,
    sizeBytes: check.sizeBytes,
    mtimeMs: check.mtimeMs,
    ctimeMs: check.ctimeMs,
    ino: check.ino,
    sha256: check.sha256,
    sentSha256: check.sentSha256,
    eInvoice: check.eInvoice ?? null,
    invoiceKey: check.eInvoice ? invoiceKey(check.eInvoice) : null,
    advice: check.advice ?? [],
    pages: check.pages,
  };
}

/**
 * A PDF waiting for its XML twin (`xml`) looks again at `at` (epoch ms); its row says what it
 * waits for, as a passing failure, the way a file waiting for Clearfacts to answer says so.
 */
function waitForXmlPatch(check: DocumentCheck, xml: FileRecord, at: number): FilePatch {
  return {
    ...checkPatch(check),
    failure: { code: 'transient', message: msg('pdf_waits_for_xml', { fileName: xml.fileName }) },
    nextAttemptAt: at,
  };
}

/** The check of a PDF that stopped waiting for its XML twin, with a note saying so. */
function withoutXmlNote(check: DocumentCheck, xml: FileRecord): DocumentCheck {
  const note = msg('pdf_sent_without_xml', { fileName: xml.fileName });
  return { ...check, advice: [...(check.advice ?? []), note] };
}

function abortCause(signal: AbortSignal): AbortCause | null {
  return signal.reason instanceof SendAborted ? signal.reason.why : null;
}

/**
 * For a batch's part sent to an archive category other than its original's (one its separator
 * sheet named, by name or id): that category looked up in the part's administration again
 * (`archiveCategoryDecision`). Both fields null for any other row, or when nothing changes.
 */
async function sheetCategoryOfPart(
  context: SendContext,
  record: FileRecord,
): Promise<{ destination: Destination | null; failure: Failure | null }> {
  const unchanged = { destination: null, failure: null };
  const destination = record.destination;
  if (record.parentId === null) return unchanged;
  if (destination.type !== 'various' && destination.type !== 'permanent') return unchanged;
  const original = context.repository.get(record.parentId);
  const inherited = original?.destination;
  if (inherited?.type === destination.type && inherited.categoryId === destination.categoryId) {
    return unchanged;
  }
  const decision = await archiveCategoryDecision(
    destination.type,
    destination.categoryId,
    record.companyNumber,
    context.archiveCategoryId,
  );
  const resolved = decision.destination;
  const moved =
    resolved !== null && 'categoryId' in resolved && resolved.categoryId !== destination.categoryId;
  return { destination: moved ? resolved : null, failure: decision.failure };
}

/**
 * Sends one `ready` file and writes every state it reaches. Failures of the file are written to
 * its row, never thrown. Returns what the outcome means for the queue's holds (null: nothing);
 * the queue alone applies it.
 */
export async function sendFile(
  context: SendContext,
  record: FileRecord,
  signal: AbortSignal,
): Promise<HoldChange | null> {
  const { repository, holds } = context;
  const write = (to: FileState, patch: FilePatch) => writeRow(context, record.id, to, patch);

  const settings = context.settings();
  let check: DocumentCheck;
  try {
    check = await context.documents.check(record.path, { maxUploadBytes: settings.maxUploadBytes });
  } catch (error) {
    await recordLocalFailure(context, record, error, write, {});
    return null;
  }
  if (abortCause(signal) === 'changed') {
    await write('waiting_stability', { attempts: 0, nextAttemptAt: null, failure: null });
    return null;
  }
  if (signal.aborted) return null;
  if (check.failure !== null || check.sha256 === null) {
    await write('failed', {
      ...checkPatch(check),
      failure: check.failure ?? { code: 'file_unreadable', message: msg('file_unreadable') },
    });
    return null;
  }
  const sha256 = check.sha256;

  // A part whose separator sheet named an archive category the administration lacked is looked
  // up again when retried: a name still missing fails it again with the list, without a doomed
  // upload whose refusal would read as a removed category; a name added since is sent to its id.
  const named = await sheetCategoryOfPart(context, record);
  if (named.failure !== null) {
    await write('failed', { ...checkPatch(check), failure: named.failure });
    return null;
  }
  if (named.destination !== null) {
    record = await write('ready', { destination: named.destination });
  }

  // A file of an e-invoice inbox has no administration until its parties name one.
  if (record.companyNumber === UNROUTED_COMPANY_NUMBER) {
    const routed = await routeFromInbox(context, record, check, sha256, write);
    if (routed === null) return null;
    record = routed;
  }

  // A watched e-invoice whose party is another company waits for the user (issue #18). Drops
  // and CLI files were sent somewhere on purpose; the user's own choice is never second-guessed.
  if (check.eInvoice && record.source === 'watch' && !record.routeConfirmed) {
    const decision = routeInBoundFolder(
      check.eInvoice,
      record.companyNumber,
      record.destination,
      await context.reachableAdministrations(),
    );
    if (decision.kind === 'hold') {
      context.logger.info('E-invoice addressed to another administration: held', {
        id: record.id,
      });
      await write('held', {
        ...checkPatch(check),
        hold: decision.hold,
        failure: null,
        nextAttemptAt: null,
      });
      return null;
    }
  }

  // A watched PDF's namesake XML (issue #18) decides both whether another XML carrying it is a
  // duplicate and how it pairs: read once, so both decisions see the same row.
  const xmlTwin =
    check.kind === 'pdf' &&
    record.parentId === null &&
    !record.forceSend &&
    settings.pairEInvoices !== false
      ? repository.latestOf(xmlTwinPaths(record.path))
      : null;
  const contentKey = `${sha256}:${record.companyNumber}`;
  const key = check.eInvoice ? invoiceKey(check.eInvoice) : null;
  const invoiceFlightKey = key === null ? null : `invoice:${key}:${record.companyNumber}`;
  if (!record.forceSend) {
    await context.inFlight.get(contentKey);
    if (invoiceFlightKey !== null) await context.inFlight.get(invoiceFlightKey);
    const earlier = repository.findDelivered(
      sha256,
      record.companyNumber,
      record.id,
      check.sentSha256,
    );
    if (earlier) {
      context.logger.info('Same content was already sent to this administration: not sent again', {
        id: record.id,
        earlier: earlier.id,
      });
      await write('duplicate', { ...checkPatch(check), failure: null, nextAttemptAt: null });
      // A part already in Clearfacts may be the last one its batch waited for; a combined
      // document already there delivers the scan session's files.
      if (record.parentId !== null) await settleBatches(context, finishLocally);
      if (record.bundleSources !== null) await settleBundles(context, finishLocally);
      return null;
    }
    /** Logs why, and writes the row `duplicate` with `reason` said on it. */
    const sameInvoiceAs = async (
      why: string,
      earlier: FileRecord,
      reason: FileHold['reason'],
    ): Promise<null> => {
      context.logger.info(why, { id: record.id, earlier: earlier.id });
      await write('duplicate', {
        ...checkPatch(check),
        failure: null,
        nextAttemptAt: null,
        hold: { reason, choices: [] },
      });
      return null;
    };
    const sentOn = (earlier: FileRecord) => ({
      fileName: earlier.fileName,
      at: earlier.uploadedAt ?? earlier.updatedAt,
    });
    // The same invoice in other bytes (another envelope or encoding) is a duplicate too.
    const sameInvoice =
      key === null ? null : repository.findSameInvoice(key, record.companyNumber, record.id);
    if (sameInvoice) {
      return sameInvoiceAs(
        'The same invoice was already sent to this administration',
        sameInvoice,
        msg('e_invoice_already_sent', sentOn(sameInvoice)),
      );
    }
    // The visual of an e-invoice already delivered, under any name (the supplier's mail has
    // "F2026-417.xml" and "Factuur V-1.pdf"): the same invoice, proven byte for byte.
    // Its namesake embedding it is pairing's to name (below).
    const carrier =
      check.kind === 'pdf' &&
      record.parentId === null &&
      settings.pairEInvoices !== false &&
      xmlTwin?.eInvoice?.embeddedPdfSha256 !== sha256
        ? (repository.findXmlEmbedding(sha256, record.companyNumber, record.id) ??
          (check.sentSha256
            ? repository.findXmlEmbedding(check.sentSha256, record.companyNumber, record.id)
            : null))
        : null;
    if (carrier) {
      return sameInvoiceAs(
        'This PDF is embedded in an e-invoice already sent',
        carrier,
        msg('pdf_sent_with_xml', { fileName: carrier.fileName }),
      );
    }
    // Its visual already delivered as a PDF (it came first, or under another name): the same
    // invoice, proven byte for byte, so the XML would book it twice (issue #18, pairing).
    const visualSha256 = check.eInvoice?.embeddedPdfSha256 ?? null;
    const sameVisual =
      visualSha256 === null || settings.pairEInvoices === false
        ? null
        : repository.findDelivered(visualSha256, record.companyNumber, record.id);
    if (sameVisual) {
      return sameInvoiceAs(
        'Its embedded PDF was already sent to this administration',
        sameVisual,
        msg('e_invoice_visual_already_sent', sentOn(sameVisual)),
      );
    }
  }
  // A scanned batch is split before it is sent (issue #17); a batch already delivered or being
  // split was found a duplicate above, whole.
  if (record.splitMode !== null && record.parentId === null) {
    const whole = await splitOriginal(
      context,
      record,
      record.splitMode,
      sha256,
      checkPatch(check),
      write,
      signal,
    );
    if (whole === null) return null;
  }
  if (
    check.kind === 'pdf' &&
    record.source === 'watch' &&
    record.parentId === null &&
    !record.forceSend &&
    !record.routeConfirmed &&
    settings.pairEInvoices !== false
  ) {
    const pairing = pairPdfWithXml(sha256, xmlTwin, {
      now: context.now(),
      pdfDetectedAt: record.detectedAt,
      windowMs: settings.stabilityWindowMs ?? 2_000,
    });
    if (pairing.kind === 'wait') {
      await write('ready', waitForXmlPatch(check, pairing.xml, pairing.at));
      return null;
    }
    if (pairing.kind === 'alone') check = withoutXmlNote(check, pairing.xml);
    else if (pairing.kind !== 'send') {
      const reason = { fileName: pairing.xml.fileName };
      const [state, hold]: [FileState, FileHold] =
        pairing.kind === 'part_of_xml'
          ? ['duplicate', { reason: msg('pdf_sent_with_xml', reason), choices: [] }]
          : pairing.kind === 'inside_unsent_xml'
            ? ['duplicate', { reason: msg('pdf_inside_unsent_xml', reason), choices: [] }]
            : [
                'held',
                {
                  reason:
                    pairing.kind === 'ask'
                      ? msg('pdf_differs_from_xml', reason)
                      : msg('pdf_beside_unsent_xml', reason),
                  choices: [{ kind: 'send_here' }],
                },
              ];
      await write(state, { ...checkPatch(check), failure: null, nextAttemptAt: null, hold });
      return null;
    }
  }
  // A hold may have started while the file was being checked: it stays ready, unsent.
  // An open incident lets no new upload out: at most `concurrency` files of one outage are
  // unconfirmed.
  if (signal.aborted || isStopped(holds) || holds.incident !== null) {
    return null;
  }
  if (holds.missingScopes.has(requiredScope(record.destination.type))) return null;

  let finishInFlight = () => {};
  const sent = new Promise<void>((resolve) => (finishInFlight = resolve));
  context.inFlight.set(contentKey, sent);
  if (invoiceFlightKey !== null) context.inFlight.set(invoiceFlightKey, sent);
  // One rule for bytes sent that differ from the file: they are staged, never written over the
  // file, and the history keeps both SHA-256s.
  const staged =
    check.willConvert || check.prefixBytes > 0
      ? path.join(context.stagingDir, `${record.id}.pdf`)
      : check.unwrapsEnvelope === true
        ? path.join(context.stagingDir, `${record.id}.xml`)
        : null;
  let sentSha256: string | null = null;
  try {
    let upload: Parameters<typeof deliver>[2] = {
      path: record.path,
      // Clearfacts shows this name: no invisible or reordering characters, at most 255 bytes.
      fileName: cleanFileName(record.fileName) || `${record.id}`,
      mediaType: uploadMediaType(check.kind),
      // The file as checked (and hashed): another version is not sent under this hash.
      expected: {
        sizeBytes: check.sizeBytes,
        mtimeMs: check.mtimeMs,
        ctimeMs: check.ctimeMs,
        ino: check.ino,
      },
    };
    if (staged && !check.willConvert) {
      try {
        sentSha256 =
          check.unwrapsEnvelope === true
            ? await context.documents.unwrapEnvelope(record.path, staged)
            : await context.documents.stripPrefix(record.path, staged, check.prefixBytes);
      } catch (error) {
        await recordLocalFailure(context, record, error, write, checkPatch(check));
        return null;
      }
      if (sentSha256 !== check.sentSha256) {
        // The file changed between the check and the copy: it is checked again on its next turn.
        await write('ready', {
          failure: null,
          nextAttemptAt: context.now() + context.retry.baseDelayMs,
        });
        return null;
      }
      upload = { path: staged, fileName: upload.fileName, mediaType: upload.mediaType };
    }
    if (staged && check.willConvert) {
      try {
        await context.documents.convertToPdf(record.path, staged);
        sentSha256 = await context.documents.hash(staged);
      } catch (error) {
        await write('failed', {
          ...checkPatch(check),
          failure: {
            code: 'conversion_failed',
            message: msg('conversion_failed'),
            detail: error instanceof Error ? error.message : String(error),
          },
        });
        return null;
      }
      upload = {
        path: staged,
        fileName: cleanFileName(`${path.parse(record.fileName).name}.pdf`),
        mediaType: uploadMediaType('pdf'),
      };
    }

    // One owner per folder (folders/folder-owner.ts): the marker is read again just before the
    // upload, so an installation that slept through a take-over stops instead of sending twice.
    // The row waits at the gate again; the intake finds the folder another's and watches it no
    // more, and gates the file again if this installation takes the folder back.
    if (record.source === 'watch' && (await context.folderOwnedElsewhere(record))) {
      context.logger.info('Another installation delivers this folder now: not sent here', {
        id: record.id,
      });
      await write('waiting_stability', { attempts: 0, nextAttemptAt: null, failure: null });
      return null;
    }
    const attempts = record.attempts + 1;
    // What the body will carry: the checked file (the body refuses any other version) or the
    // staged copy. Kept from here, so an unconfirmed row says what went out.
    const plannedBytes =
      upload.path === record.path
        ? check.sizeBytes
        : await stat(upload.path).then(
            (stats) => stats.size,
            () => null,
          );
    await write('uploading', {
      ...checkPatch(check),
      sentSha256,
      sentBytes: plannedBytes,
      attempts,
      nextAttemptAt: null,
    });
    let result: DeliveredFile;
    try {
      const onProgress = throttledUploadProgress(record.id, context.onUploadProgress, context.now);
      result = await deliver(context.destination, record, { ...upload, onProgress }, signal);
    } catch (error) {
      return await recordSendFailure(context, record, error, attempts, signal, write);
    }
    // The row is `uploaded` at once (its uuid stored before any move); screens hear it once moved.
    await reportedWhenDone(context, async (held) => {
      const uploaded = await writeRow(held, record.id, 'uploaded', {
        uuid: result.uuid,
        pages: result.amountOfPages > 0 ? result.amountOfPages : check.pages,
        sentBytes: result.sentBytes ?? plannedBytes,
        uploadedAt: context.now(),
        failure: null,
      });
      context.logger.info('Uploaded', {
        id: record.id,
        uuid: result.uuid,
        company: record.companyNumber,
      });
      await finishLocally(held, uploaded);
    });
    if (record.parentId !== null) await settleBatches(context, finishLocally);
    if (record.bundleSources !== null) await settleBundles(context, finishLocally);
    // Clearfacts answered: whatever made the queue think it was offline is over.
    return { kind: 'reachable' };
  } finally {
    context.inFlight.delete(contentKey);
    if (invoiceFlightKey !== null) context.inFlight.delete(invoiceFlightKey);
    finishInFlight();
    if (staged) await rm(staged, { force: true });
  }
}

/**
 * A file of an e-invoice inbox (issue #18): an e-invoice is written to the one administration
 * its parties name and returned, to be sent; anything else is held, failed or put back (null).
 * A PDF beside its XML twin is paired as in a bound folder, under the administration the XML
 * went to; any other file names no administration, so it is refused with that reason.
 */
async function routeFromInbox(
  context: SendContext,
  record: FileRecord,
  check: DocumentCheck,
  sha256: string,
  write: (to: FileState, patch: FilePatch) => Promise<FileRecord>,
): Promise<FileRecord | null> {
  const settled = { ...checkPatch(check), failure: null, nextAttemptAt: null };
  const administrations = await context.reachableAdministrations();
  if (administrations === null) {
    // Routing without the list would hold every file as "no client": look again later.
    await write('ready', {
      ...checkPatch(check),
      failure: { code: 'transient', message: msg('retry_offline') },
      nextAttemptAt: context.now() + context.retry.baseDelayMs,
    });
    return null;
  }
  if (check.eInvoice) {
    const decision = routeInInbox(check.eInvoice, administrations);
    if (decision.kind === 'hold') {
      context.logger.info('E-invoice in the inbox matches no single administration: held', {
        id: record.id,
      });
      await write('held', { ...settled, hold: decision.hold });
      return null;
    }
    if (decision.kind === 'send') return record;
    return await write('ready', {
      ...checkPatch(check),
      companyNumber: decision.companyNumber,
      destination: decision.destination,
    });
  }
  const pairs = check.kind === 'pdf' && context.settings().pairEInvoices !== false;
  const twin = pairs ? context.repository.latestOf(xmlTwinPaths(record.path)) : null;
  const windowMs = context.settings().stabilityWindowMs ?? 2_000;
  // Only its XML can say where an inbox PDF goes, so it waits for it while it is on its way.
  const pairing = pairs
    ? pairPdfWithXml(sha256, twin, {
        now: context.now(),
        pdfDetectedAt: record.detectedAt,
        windowMs,
      })
    : null;
  if (pairing?.kind === 'wait') {
    await write('ready', waitForXmlPatch(check, pairing.xml, pairing.at));
    return null;
  }
  if (pairing?.kind === 'alone') check = withoutXmlNote(check, pairing.xml);
  if (pairing?.kind === 'part_of_xml') {
    const reason = msg('pdf_sent_with_xml', { fileName: pairing.xml.fileName });
    await write('duplicate', {
      ...settled,
      companyNumber: pairing.xml.companyNumber,
      destination: pairing.xml.destination,
      hold: { reason, choices: [] },
    });
    return null;
  }
  const xmlTray = pairing?.kind === 'ask' ? pairing.xml.destination.type : null;
  if (pairing?.kind === 'ask' && (xmlTray === 'purchase' || xmlTray === 'sale')) {
    const { companyNumber } = pairing.xml;
    const administration = administrations.find(
      (candidate) => candidate.companyNumber === companyNumber,
    ) ?? { companyNumber, name: companyNumber, accountManager: null };
    await write('held', {
      ...settled,
      hold: {
        reason: msg('pdf_differs_from_xml', { fileName: pairing.xml.fileName }),
        choices: [sendToChoice(administration, xmlTray)],
      },
    });
    return null;
  }
  await write('failed', {
    ...checkPatch(check),
    failure: { code: 'not_e_invoice', message: msg('inbox_not_e_invoice') },
  });
  return null;
}

/**
 * A local error before anything was sent (the check could not read the file, the sent copy could
 * not be written): only retry or fail apply. `patch` is what was learnt about the file so far.
 */
async function recordLocalFailure(
  context: SendContext,
  record: FileRecord,
  error: unknown,
  write: (to: FileState, patch: FilePatch) => Promise<FileRecord>,
  patch: FilePatch,
): Promise<void> {
  const attempts = record.attempts + 1;
  const decision = decideAfterFailure(error, {
    attempts,
    destination: record.destination.type,
    tuning: context.retry,
    random: context.random,
    failureOf: (caught) => context.destination.failureOf(caught),
  });
  if (decision.action === 'retry') {
    await write('ready', {
      ...patch,
      failure: decision.failure,
      nextAttemptAt: context.now() + decision.delayMs,
      attempts,
    });
  } else if (decision.action === 'fail') {
    await write('failed', { ...patch, failure: decision.failure });
  }
}

async function recordSendFailure(
  context: SendContext,
  record: FileRecord,
  error: unknown,
  attempts: number,
  signal: AbortSignal,
  write: (to: FileState, patch: FilePatch) => Promise<FileRecord>,
): Promise<HoldChange | null> {
  const sorted = context.destination.failureOf(error);
  const ambiguous = sorted?.kind === 'ambiguous';
  const cause = abortCause(signal);
  if (sorted?.kind === 'transient' && sorted.fileChanged === true && cause !== 'stopping') {
    // The upload stopped before its body was complete, so nothing arrived: the new content is
    // new work, which passes the gate (and the check) again before it is sent.
    context.logger.info('The file changed while it was being sent: it is checked again', {
      id: record.id,
    });
    await write('waiting_stability', { attempts: 0, failure: null, nextAttemptAt: null });
    context.onChangedAfterSend(record.path);
    return null;
  }
  if (cause !== null && !ambiguous) {
    // Called off before the whole file was handed over: nothing can have arrived.
    if (cause === 'changed')
      await write('waiting_stability', { attempts: 0, failure: null, nextAttemptAt: null });
    else await write('ready', { attempts: attempts - 1 });
    return null;
  }
  const decision = decideAfterFailure(error, {
    attempts,
    destination: record.destination.type,
    tuning: context.retry,
    random: context.random,
    failureOf: (caught) => context.destination.failureOf(caught),
  });
  const { holds } = context;
  switch (decision.action) {
    case 'retry':
      context.logger.warn('Send failed; retrying later', {
        id: record.id,
        attempts,
        delayMs: decision.delayMs,
        detail: decision.failure.detail,
      });
      await write('ready', {
        failure: decision.failure,
        nextAttemptAt: context.now() + decision.delayMs,
      });
      return {
        kind: 'retrying',
        offline: decision.offline,
        rateLimitMs: decision.rateLimitMs,
        addressProblem: sorted?.wrongEndpoint === true ? decision.failure.message : null,
      };
    case 'fail': {
      const failure = await context.explainRefusal(record, decision.failure);
      context.logger.warn('Clearfacts refused a file', {
        id: record.id,
        code: failure.code,
        detail: failure.detail,
      });
      await write('failed', { failure });
      return null;
    }
    case 'unconfirmed':
      // The queue records it, in the incident it opens or joins.
      return { kind: 'ambiguous', failure: decision.failure };
    case 'hold_auth':
      // Not the file's fault: the attempt is not counted, and it is sent once a token works. The
      // words say where the token comes from (CLEARFACTS_TOKEN is changed there, not `token set`).
      await write('ready', {
        attempts: attempts - 1,
        failure: { code: 'auth', message: context.tokenRefusedReason() },
      });
      if (holds.auth === null) {
        context.logger.warn('Clearfacts refused the token: the queue waits for a new one');
        context.onTokenRefused();
      }
      return null;
    case 'hold_scope':
      await write('ready', {
        attempts: attempts - 1,
        failure: { code: 'missing_scope', message: decision.reason },
      });
      return { kind: 'missing_scope', scope: decision.scope, reason: decision.reason };
  }
}

/** Writes row `id` to state `to` durably, reports the transition and returns the row as written. */
function writeRow(
  context: SendContext,
  id: number,
  to: FileState,
  patch: FilePatch,
): Promise<FileRecord> {
  return context.storage.persist(() => {
    const transition = context.repository.transition(id, to, patch);
    context.onTransition(transition);
    return transition.record;
  }, context.stopSignal);
}

/**
 * Runs after the uuid is stored. Only watched files are moved or deleted; a failure here is
 * recorded on the file and never blocks the queue. A combined document's own file (the app's, in
 * its bundles folder) is removed: Clearfacts has it now.
 */
export async function finishLocally(context: SendContext, record: FileRecord): Promise<void> {
  if (record.bundleSources !== null) {
    await rm(record.path, { force: true }).catch((error: unknown) =>
      context.logger.warn('A combined document could not be removed after its upload', {
        id: record.id,
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  const delivered = deliveredFileOf(record);
  if (record.source !== 'watch' || delivered === null) return;
  const write = (to: FileState, patch: FilePatch) => writeRow(context, record.id, to, patch);
  try {
    const archivedPath = await archiveDeliveredFile(
      delivered,
      context.settings().afterUpload,
      new Date(context.now()),
      context.afterUploadFs,
      (filePath) => context.documents.hash(filePath),
      await context.onNetworkShare(delivered.watchRoot),
    );
    await write('archived', { archivedPath, failure: null });
  } catch (error) {
    const changed = error instanceof FileChangedSinceSentError;
    const detail = error instanceof Error ? error.message : String(error);
    context.logger.warn('The file was sent but could not be moved or deleted', {
      id: record.id,
      detail,
    });
    await write('uploaded', {
      failure: {
        code: 'after_upload_failed',
        // The uuid names the document Clearfacts holds the earlier version as, so the user can
        // delete it there when that version was not the one wanted.
        message:
          changed && record.uuid !== null
            ? msg('changed_after_send', { uuid: record.uuid })
            : error instanceof AfterUploadError
              ? error.reason
              : msg('after_upload_failed'),
        ...(changed ? {} : { detail }),
      },
    });
    if (changed) context.onChangedAfterSend(error.path);
    // The uuid is stored and the row stays `uploaded`: only the move is tried again, never the send.
    if (error instanceof AfterUploadError && error.retryLater) context.onLocalStepDeferred();
  }
}
