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
//   write the marker back, and the folder then read as owned by an installation not watching it.
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

const OwnerRecord = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  machine: z.string(),
  user: z.string(),
  configDir: z.string(),
  /** Epoch ms, by the owner's clock. */
  heartbeatAt: z.number(),
});
type OwnerRecord = z.infer<typeof OwnerRecord>;

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
}

type Found = { kind: 'none' } | { kind: 'record'; record: OwnerRecord };

async function readOwner(folderPath: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(path.join(folderPath, FOLDER_OWNER_FILE), 'utf8');
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
   * How long ago (ms) the marker was last written, on the clock of the file system holding the
   * folder: a probe file written now, its mtime minus the marker's. Throws what the file system
   * threw when the probe cannot be written (a folder that cannot be taken over anyway).
   */
  async function markerAgeMs(folderPath: string): Promise<number> {
    const probe = path.join(folderPath, `${FOLDER_OWNER_FILE}.${randomUUID()}.tmp`);
    try {
      await writeFile(probe, '');
      const [marker, written] = await Promise.all([
        stat(path.join(folderPath, FOLDER_OWNER_FILE)),
        stat(probe),
      ]);
      return written.mtimeMs - marker.mtimeMs;
    } finally {
      await rm(probe, { force: true }).catch(() => undefined);
    }
  }

  /**
   * This installation's record, or one by the same machine, user and config folder under an older
   * id: that config folder was wiped or its `installation-id` damaged, and the engine lock keeps a
   * second engine off one config folder, so that owner is this one's earlier life, not a colleague.
   */
  const isThisInstallation = (record: OwnerRecord): boolean =>
    record.id === installation.id ||
    (record.machine === installation.machine &&
      record.user === installation.user &&
      record.configDir === installation.configDir);

  const ownRecord = (): OwnerRecord => ({
    version: 1,
    id: installation.id,
    machine: installation.machine,
    user: installation.user,
    configDir: installation.configDir,
    heartbeatAt: now(),
  });
  const text = () => `${JSON.stringify(ownRecord(), null, 2)}\n`;

  /** Replaces the marker whole (a reader never sees half of it): a temp file, then rename. */
  async function replace(folderPath: string): Promise<void> {
    const temporary = path.join(folderPath, `${FOLDER_OWNER_FILE}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, text());
      await rename(temporary, path.join(folderPath, FOLDER_OWNER_FILE));
    } finally {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  function ownedElsewhere(folderPath: string, record: OwnerRecord): OwnerVerdict {
    return {
      owned: false,
      reason: msg('folder_owned_elsewhere', {
        path: folderPath,
        user: record.user,
        machine: record.machine,
        configDir: record.configDir,
        at: record.heartbeatAt,
      }),
    };
  }

  async function claimOnce(folderPath: string, retry: boolean): Promise<OwnerVerdict> {
    const found = await readOwner(folderPath);
    if (found.kind === 'none') {
      try {
        // Exclusive: of two installations claiming at once, one wins and the other reads it.
        await writeFile(path.join(folderPath, FOLDER_OWNER_FILE), text(), { flag: 'wx' });
        logger.info('Folder claimed: this installation delivers it', { folder: folderPath });
        return { owned: true };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' && retry) return claimOnce(folderPath, false);
        if (code === 'EEXIST') {
          // An unreadable marker nobody can claim through: replace it.
          await replace(folderPath);
          return { owned: true };
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
      await replace(folderPath);
    }
    return { owned: true };
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
    const found = await readOwner(folderPath);
    return found.kind === 'record' && !isThisInstallation(found.record)
      ? ownedElsewhere(folderPath, found.record)
      : { owned: true };
  }

  async function takeOver(folderPath: string): Promise<void> {
    const found = await readOwner(folderPath);
    if (found.kind === 'record' && !isThisInstallation(found.record)) {
      const { record } = found;
      const ageMs = await markerAgeMs(folderPath);
      if (ageMs < OWNER_SILENT_AFTER_MS) {
        throw new ApiError(
          'conflict',
          msg('folder_owner_active', {
            path: folderPath,
            user: record.user,
            machine: record.machine,
            configDir: record.configDir,
            // When it was last active by this machine's clock, not the owner's.
            at: now() - Math.max(0, ageMs),
          }),
        );
      }
      logger.warn('Folder taken over from a silent owner', {
        folder: folderPath,
        owner: `${record.user}@${record.machine} ${record.configDir}`,
        heartbeatAt: record.heartbeatAt,
        silentForMs: ageMs,
      });
    }
    await replace(folderPath);
  }

  async function release(folderPath: string): Promise<void> {
    const found = await readOwner(folderPath);
    if (found.kind !== 'record' || !isThisInstallation(found.record)) return;
    await rm(path.join(folderPath, FOLDER_OWNER_FILE), { force: true }).catch((error: unknown) =>
      logger.warn('The folder owner marker could not be removed', {
        folder: folderPath,
        error: String(error),
      }),
    );
  }
}
