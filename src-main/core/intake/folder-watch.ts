// One watched folder's life: find it, choose native watching or polling (setting, network share,
// self-test, watch limits), scan it, rescan it periodically, and notice when it disappears or
// comes back. Every transition starts a new epoch, and work begun in an older epoch (a scan, an
// event, a self-test) drops its results, so a folder never reports after it was stopped.
import { msg, type Message } from '../../contract/messages/message.ts';
import path from 'node:path';
import type { FolderAvailability } from '../../contract/domain.ts';
import type { Logger } from '../logging/logger.ts';
import type { FolderOwnership } from '../folders/folder-owner.ts';
import { checkFolderPresence } from './folder-presence.ts';
import type { FolderIdentity } from './folder-presence.ts';
import { isIgnoredRelativePath } from '../folders/ignored-names.ts';
import { isProbeName, probeNativeEvents } from './native-events-probe.ts';
import type { ProbeWait } from './native-events-probe.ts';
import { detectNetworkFileSystem } from './network-share.ts';
import type { FileVersion } from './readiness-gate.ts';
import { listRawNames } from './raw-names.ts';
import { scanFolder } from './scan-folder.ts';
import type { ActiveWatch, WatchFactory, WatchMode } from './watch-backend.ts';
import { describeWatchLimit } from './watch-limits.ts';

/** How often a folder that is being watched is checked for a silent unmount. */
const HEALTHY_PRESENCE_INTERVAL_MS = 30_000;

export interface FolderWatchTimings {
  pollingIntervalMs: number;
  rescanIntervalMs: number;
  forcePolling: boolean;
  selfTestTimeoutMs: number;
}

export interface FolderWatchHooks {
  /** A file to consider, under the folder's configured path; `version` null when not known. */
  candidate(filePath: string, version: FileVersion | null): void;
  fileRemoved(filePath: string): void;
  /** A file in `directory` (under the folder's configured path) whose name is not UTF-8. */
  rawName(directory: string, name: Buffer): void;
  availability(availability: FolderAvailability, reason: Message | null): void;
  /** The folder went away: whatever was pending in it must be dropped without a word. */
  wentAway(): void;
}

export interface FolderWatchOptions {
  /** The folder as configured (absolute); reported paths start with it. */
  folderPath: string;
  /** Paths (under folderPath) owned by another binding nested inside this one. */
  isExcluded(entryPath: string): boolean;
  timings(): FolderWatchTimings;
  watchFactory: WatchFactory;
  hooks: FolderWatchHooks;
  logger: Logger;
  /** Who delivers the folder (folder-owner.ts); null: this process does not ask. */
  ownership: FolderOwnership | null;
}

export interface FolderWatch {
  /** Resolves once the folder is watched or polled and its first scan is done, or unavailable. */
  start(): Promise<void>;
  rescan(): Promise<void>;
  /** Re-checks that the folder is there (marking it unavailable if not); coalesces calls. */
  verifyPresence(): Promise<boolean>;
  rescheduleRescan(): void;
  stop(): Promise<void>;
}

type State = 'idle' | 'starting' | 'watching' | 'polling' | 'unavailable' | 'stopped';

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function createFolderWatch(options: FolderWatchOptions): FolderWatch {
  const { folderPath, hooks, logger } = options;
  let state: State = 'idle';
  let epoch = 0;
  let realRoot = folderPath;
  let identity: FolderIdentity | null = null;
  let active: ActiveWatch | null = null;
  let mode: WatchMode = 'native';
  let presenceTimer: NodeJS.Timeout | null = null;
  let rescanTimer: NodeJS.Timeout | null = null;
  let presenceCheck: Promise<boolean> | null = null;
  let scan: { epoch: number; done: Promise<void> } | null = null;
  let activation: Promise<void> | null = null;
  const closing = new Set<Promise<void>>();
  const probeWaits = new Map<string, { resolve(seen: boolean): void; timer: NodeJS.Timeout }>();

  const toReported = (realPath: string): string =>
    path.join(folderPath, path.relative(realRoot, realPath));

  let lastReported: string | null = null;

  /** Tells the engine about a change of availability, once: the presence loop repeats itself. */
  function report(next: State, reason: Message | null): void {
    state = next;
    if (next === 'idle' || next === 'stopped') return;
    const key = `${next}\n${JSON.stringify(reason)}`;
    if (key === lastReported) return;
    lastReported = key;
    hooks.availability(next, reason);
  }

  function closeActiveWatch(): void {
    const watch = active;
    active = null;
    if (watch === null) return;
    const closed = watch.close().catch((error: unknown) => {
      logger.warn('intake: closing a watcher failed', { folder: folderPath, error: String(error) });
    });
    closing.add(closed);
    void closed.finally(() => closing.delete(closed));
  }

  function cancelProbes(): void {
    for (const wait of probeWaits.values()) {
      clearTimeout(wait.timer);
      wait.resolve(false);
    }
    probeWaits.clear();
  }

  /** Ends the current epoch: its watcher, timers and in-flight work stop counting. */
  function endEpoch(): number {
    epoch += 1;
    closeActiveWatch();
    cancelProbes();
    if (rescanTimer !== null) clearTimeout(rescanTimer);
    rescanTimer = null;
    return epoch;
  }

  function awaitProbe(probePath: string, timeoutMs: number): ProbeWait {
    let resolveWait: (seen: boolean) => void = () => undefined;
    const reported = new Promise<boolean>((resolve) => {
      resolveWait = resolve;
    });
    const timer = setTimeout(() => {
      probeWaits.delete(probePath);
      resolveWait(false);
    }, timeoutMs);
    probeWaits.set(probePath, { resolve: resolveWait, timer });
    return {
      reported,
      cancel() {
        clearTimeout(timer);
        probeWaits.delete(probePath);
        resolveWait(false);
      },
    };
  }

  function isIgnored(realPath: string): boolean {
    if (!isInside(realRoot, realPath)) return false;
    if (isProbeName(path.basename(realPath)) && path.dirname(realPath) === realRoot) return false;
    return (
      isIgnoredRelativePath(path.relative(realRoot, realPath)) ||
      options.isExcluded(toReported(realPath))
    );
  }

  /** Opens a watcher for this epoch; resolves with a watch-limit reason if one was hit. */
  async function openWatch(watchEpoch: number, watchMode: WatchMode): Promise<Message | null> {
    let limitHit: (reason: Message) => void = () => undefined;
    const limitReached = new Promise<Message>((resolve) => {
      limitHit = resolve;
    });
    const current = () => watchEpoch === epoch;
    mode = watchMode;
    active = options.watchFactory({
      root: realRoot,
      mode: watchMode,
      pollingIntervalMs: options.timings().pollingIntervalMs,
      isIgnored,
      events: {
        fileChanged(realPath, stats) {
          if (!current()) return;
          if (isProbeName(path.basename(realPath))) {
            const wait = probeWaits.get(realPath);
            if (wait !== undefined) {
              clearTimeout(wait.timer);
              probeWaits.delete(realPath);
              wait.resolve(true);
            }
            return;
          }
          if (stats !== undefined && !stats.isFile()) return;
          const version =
            stats === undefined ? null : { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
          hooks.candidate(toReported(realPath), version);
        },
        fileRemoved(realPath) {
          if (current() && !isProbeName(path.basename(realPath))) {
            hooks.fileRemoved(toReported(realPath));
          }
        },
        rawNameChanged(realDirectory) {
          if (!current()) return;
          void listRawNames(realDirectory).then(
            (names) => {
              if (!current()) return;
              for (const name of names) hooks.rawName(toReported(realDirectory), name);
            },
            (error: unknown) =>
              logger.warn('intake: cannot read a folder for names that are not UTF-8', {
                path: toReported(realDirectory),
                error: String(error),
              }),
          );
        },
        directoryRemoved(realPath) {
          if (current() && realPath === realRoot) void verifyPresence();
        },
        error(error) {
          if (!current()) return;
          const limit = mode === 'native' ? describeWatchLimit(error) : null;
          if (limit !== null) {
            logger.warn('intake: watch limit reached, polling instead', { folder: folderPath });
            limitHit(limit);
            if (state === 'watching') void activate(limit);
            return;
          }
          logger.warn('intake: watcher error', { folder: folderPath, error: String(error) });
          void verifyPresence();
        },
      },
    });
    return Promise.race([active.ready.then(() => null), limitReached]);
  }

  function runScan(scanEpoch: number): Promise<void> {
    if (scan !== null) {
      if (scan.epoch === scanEpoch) return scan.done;
      // A scan of an ended epoch is stopping; this one starts once it has.
      return scan.done.then(() => (scanEpoch === epoch ? runScan(scanEpoch) : undefined));
    }
    const startedAt = performance.now();
    const running = scanFolder(realRoot, {
      skipDirectory: (directory) => options.isExcluded(toReported(directory)),
      isCancelled: () => scanEpoch !== epoch,
      onFile: (file) =>
        hooks.candidate(toReported(file.path), {
          sizeBytes: file.sizeBytes,
          mtimeMs: file.mtimeMs,
        }),
      onRawName: (directory, name) => hooks.rawName(toReported(directory), name),
      onProblem: (entryPath, error) =>
        logger.warn('intake: cannot read part of a watched folder', {
          path: toReported(entryPath),
          error: String(error),
        }),
    })
      .then((summary) => {
        logger.debug('intake: scanned folder', {
          folder: folderPath,
          ...summary,
          durationMs: Math.round(performance.now() - startedAt),
        });
      })
      .catch(async (error: unknown) => {
        if (scanEpoch !== epoch) return;
        logger.warn('intake: cannot scan a watched folder', {
          folder: folderPath,
          error: String(error),
        });
        await verifyPresence();
      })
      .finally(() => {
        scan = null;
      });
    scan = { epoch: scanEpoch, done: running };
    return running;
  }

  function scheduleRescan(): void {
    if (rescanTimer !== null) clearTimeout(rescanTimer);
    rescanTimer = null;
    if (state !== 'watching' && state !== 'polling') return;
    const scheduledEpoch = epoch;
    rescanTimer = setTimeout(() => {
      rescanTimer = null;
      if (scheduledEpoch !== epoch) return;
      void runScan(scheduledEpoch).finally(() => {
        if (scheduledEpoch === epoch) scheduleRescan();
      });
    }, options.timings().rescanIntervalMs);
  }

  function becomeUnavailable(reason: Message): void {
    endEpoch();
    hooks.wentAway();
    report('unavailable', reason);
    logger.warn('intake: folder unavailable', { folder: folderPath, reason });
    // The presence timer may be set at the healthy pace (30 s), as it is when the folder's removal
    // arrived as an event: from now on it is looked for at the polling interval.
    if (presenceTimer !== null) {
      clearTimeout(presenceTimer);
      schedulePresence();
    }
  }

  /** Decides the watch mode, opens the watcher, then scans. `pollingReason` forces polling. */
  function activate(pollingReason: Message | null = null): Promise<void> {
    const run = async (): Promise<void> => {
      const activationEpoch = endEpoch();
      const current = () => activationEpoch === epoch;
      report('starting', null);
      const presence = await checkFolderPresence(folderPath, identity, options.ownership);
      if (!current()) return;
      if (!presence.present) {
        becomeUnavailable(presence.reason);
        return;
      }
      identity = presence.identity;
      realRoot = presence.realPath;

      const timings = options.timings();
      let reason = pollingReason;
      if (reason === null && timings.forcePolling) {
        reason = msg('polling_forced');
      }
      if (reason === null) {
        const network = await detectNetworkFileSystem(realRoot);
        if (!current()) return;
        if (network !== null) {
          reason = msg('polling_network', { fileSystem: network });
        }
      }
      if (reason === null) {
        const limit = await openWatch(activationEpoch, 'native');
        if (!current()) return;
        if (limit !== null) {
          reason = limit;
        } else {
          const outcome = await probeNativeEvents(realRoot, awaitProbe, timings.selfTestTimeoutMs);
          if (!current()) return;
          if (outcome === 'no-events') {
            const seconds = Math.round(timings.selfTestTimeoutMs / 100) / 10;
            reason = msg('polling_no_events', { seconds });
          } else if (outcome !== 'events') {
            // A read-only folder cannot be probed; the periodic rescan still catches what native
            // events would miss.
            logger.info('intake: folder not writable, native events not self-tested', {
              folder: folderPath,
              code: outcome.notWritable,
            });
          }
        }
        if (reason !== null) closeActiveWatch();
      }
      if (reason !== null) {
        await openWatch(activationEpoch, 'polling');
        if (!current()) return;
      }
      // The owner notice outranks the polling reason: it is the one that can cost a double send.
      report(reason === null ? 'watching' : 'polling', presence.notice ?? reason);
      logger.info('intake: folder ready', { folder: folderPath, mode, reason });
      await runScan(activationEpoch);
      if (current()) scheduleRescan();
    };
    const running = run().finally(() => {
      if (activation === running) activation = null;
    });
    activation = running;
    return running;
  }

  function verifyPresence(): Promise<boolean> {
    if (presenceCheck !== null) return presenceCheck;
    const checkEpoch = epoch;
    const running = checkFolderPresence(folderPath, identity, options.ownership)
      .then((presence) => {
        if (state === 'stopped') return false;
        if (presence.present) {
          // A retargeted link or a remounted drive leaves the old watcher on a dead tree.
          const replaced =
            presence.realPath !== realRoot || presence.identity.device !== identity?.device;
          if (
            state === 'unavailable' ||
            (replaced && checkEpoch === epoch && state !== 'starting')
          ) {
            void activate();
          }
          return true;
        }
        if (checkEpoch === epoch && state !== 'unavailable') becomeUnavailable(presence.reason);
        else if (state === 'unavailable') report('unavailable', presence.reason);
        return false;
      })
      .finally(() => {
        presenceCheck = null;
      });
    presenceCheck = running;
    return running;
  }

  /**
   * A healthy folder's own removal arrives as an event (directoryRemoved above), so the timer is
   * only the safety net for what sends none (an unmounted share): checked at a relaxed pace, it
   * keeps 200 idle folders near zero CPU. A folder that is unavailable is looked for at the
   * polling interval, so it comes back quickly.
   */
  function presenceDelayMs(): number {
    const { pollingIntervalMs } = options.timings();
    return state === 'watching' || state === 'polling'
      ? Math.max(pollingIntervalMs, HEALTHY_PRESENCE_INTERVAL_MS)
      : pollingIntervalMs;
  }

  function schedulePresence(): void {
    presenceTimer = setTimeout(() => {
      presenceTimer = null;
      if (state === 'stopped') return;
      const check = state === 'starting' ? Promise.resolve(true) : verifyPresence();
      void check.finally(() => {
        if (state !== 'stopped') schedulePresence();
      });
    }, presenceDelayMs());
  }

  return {
    async start() {
      if (state !== 'idle') return;
      schedulePresence();
      await activate();
    },
    async rescan() {
      if (state === 'watching' || state === 'polling') await runScan(epoch);
      else if (state === 'unavailable') await verifyPresence();
    },
    verifyPresence,
    rescheduleRescan: scheduleRescan,
    async stop() {
      if (presenceTimer !== null) clearTimeout(presenceTimer);
      presenceTimer = null;
      state = 'stopped';
      endEpoch();
      await Promise.allSettled([activation, scan?.done, presenceCheck, ...closing]);
    },
  };
}
