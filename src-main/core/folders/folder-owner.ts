// One owner per watched folder (issue #10). Syncthing's `.stfolder` (and our `.clearfacts-folder`,
// folder-marker.ts) only says "this is the folder, it is mounted"; it says nothing of who sends
// from it, so two installations bound to one shared scan folder both delivered every file. The
// owner marker `.clearfacts-owner` names the installation that delivers the folder (machine, user,
// config folder, its id) and when it last said so (a heartbeat, rewritten on the intake's presence
// checks). The rule:
// - no marker, or one that does not parse: the first installation to write it (exclusive create)
//   owns the folder;
// - another installation's marker: this one does not watch the folder and says who owns it;
// - taking over is only ever the user's explicit act, and only when the owner's heartbeat is older
//   than OWNER_SILENT_AFTER_MS: a live owner is never displaced. The owner re-reads the marker
//   before each send, so one that slept through a take-over (a laptop) stops instead of sending;
// - the heartbeat's age is read on the share's clock (the marker's mtime against a probe file's
//   written now), never as the owner's `heartbeatAt` against this machine's clock: office PCs and
//   laptops drift minutes to hours apart, which made a live owner look dead to a machine whose
//   clock ran ahead, and a dead owner unremovable for as long as its clock had run ahead;
// - an installation that unbinds the folder removes its marker, so another may claim it. Claims,
//   take-overs and releases of one folder run one at a time, and a claim of a folder no longer
//   bound writes nothing: a presence check still running when the folder was removed used to
//   write the marker back, and the folder then read as owned by an installation not watching it;
// - every write over an existing marker (a heartbeat, a take-over, a release) happens under a lock
//   file in the folder (`.clearfacts-owner.lock`, exclusive create) and re-reads the marker under
//   it first: a heartbeat that read its own marker, then wrote it back after another installation
//   took the folder over, silently undid the take-over, and both delivered the folder;
// - a take-over names the installation it displaced (`takenOverFrom`, kept by the new owner's
//   heartbeats), so the old owner, started again after a kill or woken from sleep, says that its
//   folder was taken over (`folder_taken_over`) instead of merely "owned elsewhere".
import { randomUUID } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../contract/api-contract.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import type { Logger } from '../logging/logger.ts';
import type { Installation } from '../store/installation.ts';

/** Its leading dot keeps it out of the intake, the scans and Explorer's default view. */
export const FOLDER_OWNER_FILE = '.clearfacts-owner';

/** A heartbeat is rewritten when the one on disk is at least this old (ms). */
export const OWNER_HEARTBEAT_MS = 20_000;
/**
 * An owner whose heartbeat is older than this (ms) has stopped (or sleeps) and may be taken over.
 * Fifteen of the intake's 30 s presence checks: a busy share that delays a few writes does not
 * make a live owner look dead.
 */
export const OWNER_SILENT_AFTER_MS = 7.5 * 60_000;

/** The lock every write over an existing marker holds (see the rule above). */
export const FOLDER_OWNER_LOCK_FILE = `${FOLDER_OWNER_FILE}.lock`;
/** How long a marker write waits for the lock: tries, and the pause between two (ms). */
const LOCK_TRIES = 20;
const LOCK_PAUSE_MS = 50;
/**
 * A lock older than this (ms, by the share's clock) was left by a process that died holding it:
 * a holder keeps it for a read and a rename, milliseconds even on a slow share.
 */
const LOCK_STALE_MS = 60_000;

const Installation = z.object({
  id: z.string().min(1),
  machine: z.string(),
  user: z.string(),
  configDir: z.string(),
});

const OwnerRecord = Installation.extend({
  version: z.literal(1),
  /** Epoch ms, by the owner's clock. */
  heartbeatAt: z.number(),
  /** The installation this one took the folder over from, and when (epoch ms, its clock). */
  takenOverFrom: Installation.extend({ at: z.number() }).optional(),
});
type OwnerRecord = z.infer<typeof OwnerRecord>;
type TakenOverFrom = NonNullable<OwnerRecord['takenOverFrom']>;

/** The marker's file operations (node:fs/promises); tests interleave a second installation. */
export type OwnerMarkerFs = Pick<
  typeof fsPromises,
  'readFile' | 'writeFile' | 'rename' | 'rm' | 'stat'
>;

/**
 * `owned`: this installation delivers the folder; `notice` when it could not say so in the folder
 * (a read-only share: another installation would not see it). Otherwise why not, naming the owner.
 */
export type OwnerVerdict = { owned: true; notice?: Message } | { owned: false; reason: Message };

/** Who delivers which folder; see the rule at the top of folder-owner.ts. */
export interface FolderOwnership {
  /** This installation's id: presence checks of two installations never share a result. */
  readonly installationId: string;
  /**
   * Claims the folder when nobody owns it, renews this installation's heartbeat when it does, or
   * says who else does. A folder whose marker cannot be written (a read-only share) counts as
   * owned, with a `notice` saying so: blocking it would stop an office whose scans sit on a share
   * it may only read, so the user is told instead that a second installation there would send
   * every file again. A folder no longer bound here
   * (`isBound`) is only read, never written. Never throws.
   */
  claim(folderPath: string): Promise<OwnerVerdict>;
  /** Reads the marker without writing: what the send step asks before every watched file. */
  check(folderPath: string): Promise<OwnerVerdict>;
  /**
   * Makes this installation the owner. Throws ApiError `conflict` (folder_owner_active) while the
   * owner's marker, by the share's clock, was written less than OWNER_SILENT_AFTER_MS ago, and
   * what the file system threw when the marker (or the probe that reads that clock) cannot be
   * written.
   */
  takeOver(folderPath: string): Promise<void>;
  /** Removes the marker if it is this installation's (the folder was unbound). Never throws. */
  release(folderPath: string): Promise<void>;
}

export interface FolderOwnershipOptions {
  installation: Installation;
  /** Epoch ms, for this installation's own heartbeat only; tests move it. */
  now: () => number;
  /** Whether the folder (absolute) is bound in this installation now: only those are claimed. */
  isBound: (folderPath: string) => boolean;
  logger: Logger;
  /** node:fs/promises by default. */
  fs?: OwnerMarkerFs;
}

type Found = { kind: 'none' } | { kind: 'record'; record: OwnerRecord };

async function readOwner(fs: OwnerMarkerFs, folderPath: string): Promise<Found> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folderPath, FOLDER_OWNER_FILE), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'none' };
  }
  const record = OwnerRecord.safeParse(parsed);
  return record.success ? { kind: 'record', record: record.data } : { kind: 'none' };
}

export function createFolderOwnership(options: FolderOwnershipOptions): FolderOwnership {
  const { installation, now, isBound, logger } = options;
  const fs = options.fs ?? fsPromises;

  /** The tail of each folder's queue of marker operations. */
  const pending = new Map<string, Promise<unknown>>();
  /** Runs `operation` after every earlier marker operation on `folderPath` has settled. */
  function oneAtATime<T>(folderPath: string, operation: () => Promise<T>): Promise<T> {
    const previous = pending.get(folderPath) ?? Promise.resolve();
    const running = previous.then(operation, operation);
    const tail = running.catch(() => undefined);
    pending.set(folderPath, tail);
    void tail.then(() => {
      if (pending.get(folderPath) === tail) pending.delete(folderPath);
    });
    return running;
  }

  /**
   * How long ago (ms) `name` in the folder (the marker, the lock) was last written, on the clock
   * of the file system holding the folder: a probe file written now, its mtime minus the file's.
   * Throws what the file system threw when the probe cannot be written (a folder that cannot be
   * taken over anyway).
   */
  async function ageMs(folderPath: string, name = FOLDER_OWNER_FILE): Promise<number> {
    const probe = path.join(folderPath, `${FOLDER_OWNER_FILE}.${randomUUID()}.tmp`);
    try {
      await fs.writeFile(probe, '');
      const [marker, written] = await Promise.all([
        fs.stat(path.join(folderPath, name)),
        fs.stat(probe),
      ]);
      return written.mtimeMs - marker.mtimeMs;
    } finally {
      await fs.rm(probe, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Runs `write` holding the folder's lock file, which every installation's marker writes take
   * (exclusive create; a lock left by a process that died is broken after LOCK_STALE_MS by the
   * share's clock). Throws `lock_busy` when it stays held, or what the file system threw.
   */
  async function underLock<T>(folderPath: string, write: () => Promise<T>): Promise<T> {
    const lock = path.join(folderPath, FOLDER_OWNER_LOCK_FILE);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await fs.writeFile(lock, `${installation.id}\n`, { flag: 'wx' });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (attempt >= LOCK_TRIES) {
          const age = await ageMs(folderPath, FOLDER_OWNER_LOCK_FILE).catch(() => 0);
          if (age < LOCK_STALE_MS) throw new OwnerLockBusyError(folderPath);
          logger.warn('A stale folder owner lock was removed', { folder: folderPath, ageMs: age });
          await fs.rm(lock, { force: true });
          attempt = 0;
          continue;
        }
        await sleep(LOCK_PAUSE_MS);
      }
    }
    try {
      return await write();
    } finally {
      await fs.rm(lock, { force: true }).catch(() => undefined);
    }
  }

  /**
   * This installation's record, or one by the same machine, user and config folder under an older
   * id: that config folder was wiped or its `installation-id` damaged, and the engine lock keeps a
   * second engine off one config folder, so that owner is this one's earlier life, not a colleague.
   */
  const isThisInstallation = (record: z.infer<typeof Installation>): boolean =>
    record.id === installation.id ||
    (record.machine === installation.machine &&
      record.user === installation.user &&
      record.configDir === installation.configDir);

  const ownRecord = (takenOverFrom?: TakenOverFrom): OwnerRecord => ({
    version: 1,
    id: installation.id,
    machine: installation.machine,
    user: installation.user,
    configDir: installation.configDir,
    heartbeatAt: now(),
    ...(takenOverFrom === undefined ? {} : { takenOverFrom }),
  });
  const text = (takenOverFrom?: TakenOverFrom) =>
    `${JSON.stringify(ownRecord(takenOverFrom), null, 2)}\n`;

  /**
   * Replaces the marker whole (a reader never sees half of it): a temp file, then rename. Only
   * under the lock, after reading what it replaces.
   */
  async function replace(folderPath: string, takenOverFrom?: TakenOverFrom): Promise<void> {
    const temporary = path.join(folderPath, `${FOLDER_OWNER_FILE}.${randomUUID()}.tmp`);
    try {
      await fs.writeFile(temporary, text(takenOverFrom));
      await fs.rename(temporary, path.join(folderPath, FOLDER_OWNER_FILE));
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  /** Another's marker: who owns it, or, when it took the folder over from this one, that. */
  function ownedElsewhere(folderPath: string, record: OwnerRecord): OwnerVerdict {
    const owner = {
      path: folderPath,
      user: record.user,
      machine: record.machine,
      configDir: record.configDir,
    };
    const from = record.takenOverFrom;
    return {
      owned: false,
      reason:
        from !== undefined && isThisInstallation(from)
          ? msg('folder_taken_over', { ...owner, at: from.at })
          : msg('folder_owned_elsewhere', { ...owner, at: record.heartbeatAt }),
    };
  }

  async function claimOnce(folderPath: string, retry: boolean): Promise<OwnerVerdict> {
    const found = await readOwner(fs, folderPath);
    if (found.kind === 'none') {
      try {
        // Exclusive: of two installations claiming at once, one wins and the other reads it.
        await fs.writeFile(path.join(folderPath, FOLDER_OWNER_FILE), text(), { flag: 'wx' });
        logger.info('Folder claimed: this installation delivers it', { folder: folderPath });
        return { owned: true };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' && retry) return claimOnce(folderPath, false);
        if (code === 'EEXIST') {
          // An unreadable marker nobody can claim through: replace it, unless it became one.
          return renew(folderPath);
        }
        throw error;
      }
    }
    if (!isThisInstallation(found.record)) return ownedElsewhere(folderPath, found.record);
    // An earlier life's marker is rewritten at once, so it names the id in use now.
    if (
      found.record.id !== installation.id ||
      now() - found.record.heartbeatAt >= OWNER_HEARTBEAT_MS
    ) {
      return renew(folderPath).catch((error: unknown) => {
        if (!(error instanceof OwnerLockBusyError)) throw error;
        // Another installation is writing the marker now: the next presence check looks again.
        return check(folderPath);
      });
    }
    return { owned: true };
  }

  /**
   * The heartbeat: under the lock, the marker is read again and rewritten only while it is still
   * this installation's (or unreadable); one written by a take-over since is never replaced.
   */
  async function renew(folderPath: string): Promise<OwnerVerdict> {
    return underLock(folderPath, async () => {
      const found = await readOwner(fs, folderPath);
      if (found.kind === 'record' && !isThisInstallation(found.record)) {
        logger.warn('The folder was taken over by another installation: not renewed', {
          folder: folderPath,
          owner: `${found.record.user}@${found.record.machine} ${found.record.configDir}`,
        });
        return ownedElsewhere(folderPath, found.record);
      }
      await replace(folderPath, found.kind === 'record' ? found.record.takenOverFrom : undefined);
      return { owned: true };
    });
  }

  return {
    installationId: installation.id,

    claim(folderPath) {
      return oneAtATime(folderPath, () => claimBound(folderPath));
    },

    check(folderPath) {
      return check(folderPath);
    },

    takeOver(folderPath) {
      return oneAtATime(folderPath, () => takeOver(folderPath));
    },

    release(folderPath) {
      return oneAtATime(folderPath, () => release(folderPath));
    },
  };

  async function claimBound(folderPath: string): Promise<OwnerVerdict> {
    // Unbound since the presence check began: writing now would name an owner that is gone.
    if (!isBound(folderPath)) return check(folderPath);
    try {
      return await claimOnce(folderPath, true);
    } catch (error) {
      logger.warn('The folder owner marker could not be written', {
        folder: folderPath,
        error: String(error),
      });
      const verdict = await check(folderPath);
      return verdict.owned
        ? { owned: true, notice: msg('folder_owner_unrecorded', { path: folderPath }) }
        : verdict;
    }
  }

  async function check(folderPath: string): Promise<OwnerVerdict> {
    const found = await readOwner(fs, folderPath);
    return found.kind === 'record' && !isThisInstallation(found.record)
      ? ownedElsewhere(folderPath, found.record)
      : { owned: true };
  }

  async function takeOver(folderPath: string): Promise<void> {
    await underLock(folderPath, async () => {
      const found = await readOwner(fs, folderPath);
      if (found.kind !== 'record' || isThisInstallation(found.record)) {
        await replace(folderPath, found.kind === 'record' ? found.record.takenOverFrom : undefined);
        return;
      }
      const { record } = found;
      const age = await ageMs(folderPath);
      if (age < OWNER_SILENT_AFTER_MS) {
        throw new ApiError(
          'conflict',
          msg('folder_owner_active', {
            path: folderPath,
            user: record.user,
            machine: record.machine,
            configDir: record.configDir,
            // When it was last active by this machine's clock, not the owner's.
            at: now() - Math.max(0, age),
          }),
        );
      }
      logger.warn('Folder taken over from a silent owner', {
        folder: folderPath,
        owner: `${record.user}@${record.machine} ${record.configDir}`,
        heartbeatAt: record.heartbeatAt,
        silentForMs: age,
      });
      const { id, machine, user, configDir } = record;
      await replace(folderPath, { id, machine, user, configDir, at: now() });
    });
  }

  async function release(folderPath: string): Promise<void> {
    await underLock(folderPath, async () => {
      const found = await readOwner(fs, folderPath);
      if (found.kind !== 'record' || !isThisInstallation(found.record)) return;
      await fs.rm(path.join(folderPath, FOLDER_OWNER_FILE), { force: true });
    }).catch((error: unknown) =>
      logger.warn('The folder owner marker could not be removed', {
        folder: folderPath,
        error: String(error),
      }),
    );
  }
}

/** The folder's owner lock stayed held by a live writer (LOCK_TRIES × LOCK_PAUSE_MS). */
export class OwnerLockBusyError extends Error {
  constructor(folderPath: string) {
    super(`The owner marker of ${folderPath} is being written by another installation.`);
    this.name = 'OwnerLockBusyError';
  }
}
