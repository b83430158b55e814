// The gate every candidate file passes before it is announced ready: size and mtime unchanged
// for a stability window, readable, and complete by its content (a PDF's trailer; a JPEG, PNG or
// XML that reaches its format's end). Time alone is never enough: a scanner or an SMB copy can
// pause longer than any window with the file still open. Each pending file has its
// own timer that re-stats it when its window ends; any sign of a change restarts the window, so a
// scanner writing a file in chunks gets it announced once, after its last write.
import { open, stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { openFileSource, type ByteSource } from '../documents/byte-source.ts';
import { judgeFile } from '../documents/content-completeness.ts';
import { checkGrowingPdfCompleteness, type EndMarkerScan } from '../documents/pdf-completeness.ts';
import type { Logger } from '../logging/logger.ts';
import { platformOpenWriterProbe, type OpenWriterProbe } from './open-writers.ts';
import { errorCode } from './watch-limits.ts';

export interface FileVersion {
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * The gate's sense of time: when a window started, and the timers that end it. Injected so a
 * test can run the windows by hand and see what the gate decides after two of them, instead of
 * sleeping and hoping a loaded machine got that far.
 */
export interface ReadinessClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: ReadinessClock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ReadinessGateOptions<Context> {
  /** Read at every scheduling, so a changed setting applies to the next window. */
  stabilityWindowMs(): number;
  onReady(filePath: string, context: Context, version: FileVersion): void;
  /** The file is gone (or is no longer a file) before it became ready. */
  onVanished(filePath: string, context: Context): void;
  logger: Logger;
  /** The real clock unless a test drives one. */
  clock?: ReadinessClock;
  /** Who still writes a file; this platform's probe unless a test gives one. */
  openWriters?: OpenWriterProbe;
  /** Opens a PDF for the completeness check; the file on disk unless a test counts the reads. */
  openPdf?: (filePath: string) => Promise<ByteSource & { close(): Promise<void> }>;
}

export interface ReadinessGate<Context> {
  /** Starts gating a file, or restarts the window of one already pending. */
  track(filePath: string, context: Context, observed: FileVersion | null): void;
  /**
   * A sign that a pending file changed or went; `observed` is null when it came without a stat
   * (a removal). Returns false, doing nothing, when the file is not pending.
   */
  hint(filePath: string, observed: FileVersion | null): boolean;
  isPending(filePath: string): boolean;
  /** Forgets every pending file whose context matches, without announcing anything. */
  cancelWhere(predicate: (context: Context) => boolean): void;
  stop(): void;
}

interface PendingFile<Context> {
  context: Context;
  /** The version the current window started from; null when a hint came without a stat. */
  baseline: FileVersion | null;
  baselineAt: number;
  /** The clock's handle of the timer ending the current window, or null when none is set. */
  timer: unknown;
  /** Bumped by every hint, so a check that was running when the file changed is discarded. */
  generation: number;
  unreadableAttempts: number;
  /** Whether the log already says this file is held because a program still writes it. */
  heldOpenReported: boolean;
  /**
   * A PDF's search for its last `%%EOF` at the previous check, so a file a scanner writes over
   * many pauses is not read from its first byte again at every one.
   */
  endMarkerScan: EndMarkerScan | null;
}

/** Files checked at once: a burst of 50,000 must not open 50,000 descriptors (EMFILE). */
const MAX_CONCURRENT_CHECKS = 8;
/** Retrying a file another program holds open backs off to this. */
const MAX_RETRY_DELAY_MS = 60_000;
/**
 * A file whose size and mtime have settled but whose content does not reach its end yet is given
 * this many windows to finish (scanners pause between pages), then announced anyway so the
 * checks refuse it with a reason instead of leaving it waiting forever. The checks apply the same
 * rule, so announcing it never sends it; a later write brings it back through the gate.
 */
export const INCOMPLETE_GRACE_WINDOWS = 5;
/**
 * PDFs announced while still incomplete whose `%%EOF` search is kept for their next pass through
 * the gate. Each keeps 64 bytes and two numbers, so this bounds the memory to well under 1 MB;
 * past it the oldest is dropped (its next pass searches from the start, as before).
 */
const MAX_KEPT_SCANS = 4096;

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs;
}

/**
 * Whether the content reaches its end. A PDF by its trailer; JPEG, PNG and XML by their
 * structure; anything else has no end to look for. A file that cannot be read now counts as not
 * complete: the next window looks again. A PDF's search for `%%EOF` is kept on `entry` and
 * resumed at the next check.
 */
async function isComplete(
  filePath: string,
  entry: { endMarkerScan: EndMarkerScan | null },
  openPdf: (filePath: string) => Promise<ByteSource & { close(): Promise<void> }>,
): Promise<boolean> {
  try {
    if (filePath.toLowerCase().endsWith('.pdf')) {
      const source = await openPdf(filePath);
      try {
        const { verdict, scan } = await checkGrowingPdfCompleteness(source, entry.endMarkerScan);
        entry.endMarkerScan = scan;
        return verdict.complete;
      } finally {
        await source.close();
      }
    }
    return (await judgeFile(filePath)).verdict !== 'incomplete';
  } catch {
    return false;
  }
}

type Readability = 'readable' | 'gone' | { blockedBy: string };

async function checkReadable(filePath: string): Promise<Readability> {
  try {
    await (await open(filePath, 'r')).close();
    return 'readable';
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'gone';
    return { blockedBy: code ?? String(error) };
  }
}

export function createReadinessGate<Context>(
  options: ReadinessGateOptions<Context>,
): ReadinessGate<Context> {
  const { logger } = options;
  const clock = options.clock ?? REAL_CLOCK;
  const openWriters = options.openWriters ?? platformOpenWriterProbe();
  const openPdf = options.openPdf ?? openFileSource;
  const pending = new Map<string, PendingFile<Context>>();
  /**
   * The `%%EOF` search of each PDF announced incomplete (a scanner that paused longer than the
   * grace, a file with no `%%EOF` at all): when it changes and comes back, the search resumes
   * where it ended instead of reading the whole file again at every pass.
   */
  const keptScans = new Map<string, EndMarkerScan>();
  const limit = pLimit(MAX_CONCURRENT_CHECKS);

  function keepScan(filePath: string, scan: EndMarkerScan | null): void {
    keptScans.delete(filePath);
    if (scan === null) return;
    keptScans.set(filePath, scan);
    if (keptScans.size > MAX_KEPT_SCANS) {
      const oldest = keptScans.keys().next().value;
      if (oldest !== undefined) keptScans.delete(oldest);
    }
  }

  function takeScan(filePath: string): EndMarkerScan | null {
    const scan = keptScans.get(filePath) ?? null;
    keptScans.delete(filePath);
    return scan;
  }
  let stopped = false;

  function schedule(filePath: string, entry: PendingFile<Context>, delayMs: number): void {
    if (entry.timer !== null) clock.clearTimeout(entry.timer);
    entry.timer = clock.setTimeout(() => {
      entry.timer = null;
      void limit(() => check(filePath, entry, entry.generation));
    }, delayMs);
  }

  function forget(filePath: string, entry: PendingFile<Context>): void {
    if (entry.timer !== null) clock.clearTimeout(entry.timer);
    if (pending.get(filePath) === entry) pending.delete(filePath);
  }

  function vanished(filePath: string, entry: PendingFile<Context>): void {
    forget(filePath, entry);
    keptScans.delete(filePath);
    options.onVanished(filePath, entry.context);
  }

  function isCurrent(filePath: string, entry: PendingFile<Context>, generation: number): boolean {
    return !stopped && pending.get(filePath) === entry && entry.generation === generation;
  }

  async function check(
    filePath: string,
    entry: PendingFile<Context>,
    generation: number,
  ): Promise<void> {
    if (!isCurrent(filePath, entry, generation)) return;
    const windowMs = options.stabilityWindowMs();
    let current: FileVersion;
    try {
      const stats = await stat(filePath);
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTDIR' });
      current = { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
    } catch (error) {
      if (!isCurrent(filePath, entry, generation)) return;
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        vanished(filePath, entry);
      } else {
        logger.warn('intake: cannot stat a waiting file, trying again', { path: filePath, code });
        schedule(filePath, entry, windowMs);
      }
      return;
    }
    if (!isCurrent(filePath, entry, generation)) return;

    const now = clock.now();
    if (entry.baseline === null || !sameVersion(entry.baseline, current)) {
      entry.baseline = current;
      entry.baselineAt = now;
      schedule(filePath, entry, windowMs);
      return;
    }
    const stableForMs = now - entry.baselineAt;
    if (stableForMs < windowMs) {
      schedule(filePath, entry, windowMs - stableForMs);
      return;
    }

    const readability = await checkReadable(filePath);
    if (!isCurrent(filePath, entry, generation)) return;
    if (readability === 'gone') {
      vanished(filePath, entry);
      return;
    }
    if (readability !== 'readable') {
      // Typically Windows: the scanner or a sync client still holds the file exclusively.
      entry.unreadableAttempts += 1;
      const delayMs = Math.min(windowMs * 2 ** entry.unreadableAttempts, MAX_RETRY_DELAY_MS);
      const fields = { path: filePath, code: readability.blockedBy, retryInMs: delayMs };
      if (entry.unreadableAttempts === 1) {
        logger.warn('intake: a stable file cannot be opened yet, trying again', fields);
      } else {
        logger.debug('intake: a stable file still cannot be opened, trying again', fields);
      }
      schedule(filePath, entry, delayMs);
      return;
    }

    // A file complete by its content and unchanged for a window may still be open in the program
    // writing it (a scanner saving page by page, an incremental update still to come): it is held
    // until that program closes it, however long that takes, because what it writes later would
    // never reach Clearfacts.
    const writers = await openWriters.check(filePath);
    if (!isCurrent(filePath, entry, generation)) return;
    if (writers === 'open_for_writing') {
      if (!entry.heldOpenReported) {
        entry.heldOpenReported = true;
        logger.info('intake: a stable file is still open for writing; waiting until it is closed', {
          path: filePath,
        });
      }
      schedule(filePath, entry, windowMs);
      return;
    }

    const complete = await isComplete(filePath, entry, openPdf);
    if (!isCurrent(filePath, entry, generation)) return;
    if (!complete) {
      const graceMs = windowMs * INCOMPLETE_GRACE_WINDOWS;
      if (stableForMs < graceMs) {
        schedule(filePath, entry, Math.min(windowMs, graceMs - stableForMs));
        return;
      }
      logger.info('intake: an incomplete file stopped changing; the checks will judge it', {
        path: filePath,
      });
      keepScan(filePath, entry.endMarkerScan);
    }

    forget(filePath, entry);
    options.onReady(filePath, entry.context, current);
  }

  function restartWindow(
    filePath: string,
    entry: PendingFile<Context>,
    observed: FileVersion | null,
  ): void {
    // A hint that carries the very version the window started from (an atime or permission
    // change) is no change at all and must not postpone the file.
    if (observed !== null && entry.baseline !== null && sameVersion(entry.baseline, observed)) {
      return;
    }
    entry.generation += 1;
    entry.baseline = observed;
    entry.baselineAt = clock.now();
    entry.unreadableAttempts = 0;
    schedule(filePath, entry, options.stabilityWindowMs());
  }

  return {
    track(filePath, context, observed) {
      if (stopped) return;
      const existing = pending.get(filePath);
      if (existing !== undefined) {
        existing.context = context;
        restartWindow(filePath, existing, observed);
        return;
      }
      const entry: PendingFile<Context> = {
        context,
        baseline: observed,
        baselineAt: clock.now(),
        timer: null,
        generation: 0,
        unreadableAttempts: 0,
        heldOpenReported: false,
        endMarkerScan: takeScan(filePath),
      };
      pending.set(filePath, entry);
      schedule(filePath, entry, options.stabilityWindowMs());
    },
    hint(filePath, observed) {
      const existing = pending.get(filePath);
      if (stopped || existing === undefined) return false;
      restartWindow(filePath, existing, observed);
      return true;
    },
    isPending(filePath) {
      return pending.has(filePath);
    },
    cancelWhere(predicate) {
      for (const [filePath, entry] of pending) {
        if (predicate(entry.context)) forget(filePath, entry);
      }
    },
    stop() {
      stopped = true;
      keptScans.clear();
      for (const [filePath, entry] of pending) forget(filePath, entry);
      limit.clearQueue();
    },
  };
}
