// One worker thread that splits scanned batches, one at a time, under a time budget per batch
// (the pattern of documents/pdf-reading-service.ts). It is started for a batch and ended once no
// other batch waits, and the check's pdf.js worker is ended before it starts (when idle), so the
// two threads (about 55 and 70 MB resident before any page) are never resident together
// (issue #17: peak RSS within 100 MB of the idle engine while a batch is split). Whatever goes wrong with the
// worker, the answer is a verdict: "send it whole, because …". A batch is never held back or
// lost because splitting failed.
import type { SplitChoice, SplitMode } from '../../contract/domain.ts';
import { countPdfPages, releasePdfReader } from '../documents/check-document.ts';
import { createWorkerSlot, siblingModuleUrl, transferableBytes } from '../documents/worker-slot.ts';
import { createGiveWaySignal, MAX_GIVE_WAY_MS_PER_PAGE, type GiveWayData } from './give-way.ts';
import { checkCutParts, type PageCounter } from './part-check.ts';
import {
  SplitReply,
  type PreviewResult,
  type SplitRequest,
  type SplitResult,
  type ThumbnailsResult,
  type WholeReason,
} from './split-protocol.ts';

export interface SplitServiceOptions {
  /**
   * The most one batch may take, in ms. A 200-page 300 dpi batch takes about a minute on a slow
   * machine; past the budget the worker is ended and the batch is sent whole.
   */
  timeMs: number;
  /** V8 heap cap of the worker in MiB (pdf.js and canvases keep most bytes outside it). */
  heapMb: number;
  /**
   * The most the worker waits, in ms, at one page or part, and the service before it reads one
   * part back, while other folders' files are being checked or sent (give-way.ts).
   */
  giveWayMs: number;
}

export const DEFAULT_SPLIT_SERVICE_OPTIONS: SplitServiceOptions = {
  timeMs: 600_000,
  heapMb: 512,
  giveWayMs: MAX_GIVE_WAY_MS_PER_PAGE,
};

/** Splits batches in the worker; never rejects. */
export interface SplitService {
  /**
   * Splits the bytes (transferred to the worker: the caller's view is emptied) in `mode`, or as
   * the user's `choice` says (issue #19).
   */
  split(
    bytes: Uint8Array,
    mode: SplitMode,
    choice?: Omit<SplitChoice, 'sha256'>,
  ): Promise<SplitResult>;
  /** What `split` would cut the bytes (transferred) into, with a thumbnail of each part. */
  preview(bytes: Uint8Array, mode: SplitMode): Promise<PreviewResult>;
  /**
   * Pictures of the first `maxPages` pages of a PDF (bytes transferred) and its page count, for
   * History's preview (issue #14); `whole` with the reason when it cannot be read.
   */
  thumbnails(bytes: Uint8Array, maxPages: number): Promise<ThumbnailsResult>;
  /** Ends the worker at once (a split under way answers `splitter_stopped`); a later split starts a new one. */
  close(): Promise<void>;
  /** Whether the worker thread is alive now: from a task's start until no task waits. */
  isRunning(): boolean;
  /**
   * Another folder's file began its check (the queue says so for every file that is neither a
   * batch to split nor its part); the returned function says its send ended. While any such
   * file is under way, the worker waits before its next page or part, and the service before it
   * reads the next part back, at most `giveWayMs` each (give-way.ts).
   */
  otherFileBegan(): () => void;
  /**
   * Resolves once no such file is under way, or after `giveWayMs`, with how long it waited (ms):
   * the queue's wait before a cut part's send (give-way.ts).
   */
  noOtherFile(): Promise<number>;
}

let sharpLoaded: Promise<unknown> | null = null;

/**
 * Loads sharp in this (the main) thread before a split worker loads it. sharp's documentation
 * ("Worker threads"): on glibc Linux the main thread must load it first, so that libvips stays
 * loaded while a worker that used it ends (a worker is ended after each time-out or stop). Only
 * once a batch is split, so an engine without split folders never loads it.
 */
function keepSharpLoaded(): Promise<unknown> {
  sharpLoaded ??= import('sharp').catch(() => undefined);
  return sharpLoaded;
}

/** A verdict of either kind that sends the batch whole: split's and preview's share it. */
type Whole = Extract<SplitResult, { outcome: 'whole' }>;

const whole = (reason: WholeReason): Whole => ({ outcome: 'whole', pages: null, reason });
const stopped = (detail: string): Whole => whole({ why: 'splitter_stopped', detail });

/** The work a request asks of the worker, without its id (the bytes not yet transferable). */
type Task =
  | { task: 'split'; bytes: Uint8Array; mode: SplitMode; choice?: Omit<SplitChoice, 'sha256'> }
  | { task: 'preview'; bytes: Uint8Array; mode: SplitMode }
  | { task: 'thumbnails'; bytes: Uint8Array; maxPages: number };

/** What the worker answers a task with (a failure of the worker is a `whole` verdict). */
type Answer = SplitResult | PreviewResult | ThumbnailsResult;

/**
 * The split service. `countPages` reads each cut part back (part-check.ts); by default the
 * check's pdf.js worker does, so the split worker need not load pdf.js for it. `releaseReader`
 * ends that worker, if idle, before the split worker starts; the part check starts it again once
 * the split worker has ended.
 */
export function createSplitService(
  options: SplitServiceOptions = DEFAULT_SPLIT_SERVICE_OPTIONS,
  countPages: PageCounter = countPdfPages,
  releaseReader: () => void = releasePdfReader,
): SplitService {
  const giveWay = createGiveWaySignal();
  const workerData: GiveWayData = { memory: giveWay.memory, maxWaitMs: options.giveWayMs };
  const slot = createWorkerSlot({
    url: siblingModuleUrl(import.meta.url, 'split-worker'),
    heapMb: options.heapMb,
    workerData,
    isReady: (message) => {
      const parsed = SplitReply.safeParse(message);
      return parsed.success && 'ready' in parsed.data;
    },
  });
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();
  /** Tasks asked for and not yet answered, the running one included. */
  let pending = 0;

  /** Runs one task in the worker; the answer is the reply's result or preview. */
  async function runOne(task: Task): Promise<Answer> {
    await keepSharpLoaded();
    releaseReader();
    const started = slot.acquire();
    const current = started.thread;
    if (!(await started.ready)) {
      await slot.stop(current);
      return stopped('the split worker did not start');
    }
    const id = nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Answer, restart: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        // With no other task waiting, the worker ends before the answer is given, so the part
        // check (in the check's worker) finds it gone.
        if (restart || pending === 1) void slot.stop(current).finally(() => resolve(result));
        else resolve(result);
      };
      const onMessage = (message: unknown) => {
        const reply = SplitReply.safeParse(message);
        if (!reply.success || !('id' in reply.data) || reply.data.id !== id) return;
        const { data } = reply;
        finish(
          'result' in data ? data.result : 'preview' in data ? data.preview : data.thumbnails,
          false,
        );
      };
      const onError = (error: Error) => finish(stopped(error.message), true);
      const onExit = (code: number) => finish(stopped(`exit code ${code}`), true);
      const timer = setTimeout(
        () => finish(whole({ why: 'over_budget', limitMs: options.timeMs }), true),
        options.timeMs,
      );
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      const owned = transferableBytes(task.bytes);
      const request: SplitRequest = { ...task, id, bytes: owned };
      current.postMessage(request, [owned.buffer]);
    });
  }

  /** One task at a time, in the order asked. */
  function queued(task: Task): Promise<Answer> {
    pending += 1;
    const result = tail.then(() => runOne(task)).finally(() => (pending -= 1));
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    async split(bytes, mode, choice) {
      const task: Task =
        choice === undefined
          ? { task: 'split', bytes, mode }
          : { task: 'split', bytes, mode, choice };
      // A split task is answered with a SplitResult (or a whole verdict, which is one). Each part
      // is read back in the check's worker once other folders' files there are done.
      let readBackWaitMs = 0;
      const checked = await checkCutParts((await queued(task)) as SplitResult, async (bytes) => {
        readBackWaitMs += await giveWay.noOtherFile(options.giveWayMs);
        return countPages(bytes);
      });
      // gaveWayMs (the log line's) is every wait the batch made for other files, the worker's and
      // these read-backs' (up to giveWayMs a part, seconds for a 20-part batch).
      return checked.outcome === 'split' && checked.gaveWayMs !== undefined
        ? { ...checked, gaveWayMs: Math.round(checked.gaveWayMs + readBackWaitMs) }
        : checked;
    },
    async preview(bytes, mode) {
      // A preview task is answered with a PreviewResult (or a whole verdict, which is one).
      return (await queued({ task: 'preview', bytes, mode })) as PreviewResult;
    },
    async thumbnails(bytes, maxPages) {
      // A thumbnails task is answered with a ThumbnailsResult (or a whole verdict, which is one).
      return (await queued({ task: 'thumbnails', bytes, maxPages })) as ThumbnailsResult;
    },
    async close() {
      // A batch being split answers "splitter stopped"; the queue, stopping too, writes nothing.
      await slot.stopCurrent();
      await tail;
    },
    isRunning: () => slot.isRunning(),
    otherFileBegan: () => giveWay.otherFileBegan(),
    noOtherFile: () => giveWay.noOtherFile(options.giveWayMs),
  };
}
