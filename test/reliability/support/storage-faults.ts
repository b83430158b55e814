// Real storage faults for a test running as root, where chmod stops nothing: the immutable
// attribute (chattr +i makes even root's writes fail, also through descriptors already open) and
// a size-limited file system (tmpfs, else a loop-mounted ext4 image) that really fills up.
import { execFile } from 'node:child_process';
import { open, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function setImmutable(paths: readonly string[], immutable: boolean): Promise<void> {
  if (paths.length === 0) return;
  await run('chattr', [immutable ? '+i' : '-i', ...paths]);
}

/** Why immutable files cannot stand for an unwritable disk here, or null when they can. */
export async function immutableUnsupportedReason(directory: string): Promise<string | null> {
  const probe = path.join(directory, '.immutable-probe');
  await writeFile(probe, 'probe');
  try {
    try {
      await setImmutable([probe], true);
    } catch (error) {
      return `chattr +i is not available here: ${(error as Error).message.trim()}`;
    }
    try {
      await writeFile(probe, 'written anyway');
      return 'an immutable file could still be written';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'EPERM' || code === 'EACCES' ? null : `unexpected error ${code}`;
    } finally {
      await setImmutable([probe], false);
    }
  } finally {
    await rm(probe, { force: true });
  }
}

export interface SmallDisk {
  /** How the size limit was made: 'tmpfs' or 'loop-mounted ext4 image'. */
  kind: string;
  unmount(): Promise<void>;
}

/**
 * Mounts a file system of `bytes` at `directory` (which must exist and be empty): tmpfs, else a
 * loop-mounted ext4 image. Null with the reasons when neither is permitted.
 */
export async function mountSmallDisk(
  directory: string,
  bytes: number,
  imageFile: string,
): Promise<SmallDisk | { unavailable: string }> {
  const reasons: string[] = [];
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', directory]);
    return { kind: 'tmpfs', unmount: () => run('umount', [directory]).then(() => undefined) };
  } catch (error) {
    reasons.push(`tmpfs: ${(error as Error).message.trim()}`);
  }
  try {
    await writeFile(imageFile, '');
    await truncate(imageFile, Math.max(bytes, 2 * 1024 * 1024));
    await run('mkfs.ext4', ['-q', '-F', imageFile]);
    await run('mount', ['-o', 'loop', imageFile, directory]);
    return {
      kind: 'loop-mounted ext4 image',
      unmount: async () => {
        await run('umount', [directory]);
        await rm(imageFile, { force: true });
      },
    };
  } catch (error) {
    reasons.push(`loop image: ${(error as Error).message.trim()}`);
    await rm(imageFile, { force: true });
  }
  return { unavailable: reasons.join('; ') };
}

/** Writes `filePath` until the disk says ENOSPC; returns how many bytes fitted. */
export async function fillDisk(filePath: string): Promise<number> {
  const handle = await open(filePath, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0xa5);
  let written = 0;
  try {
    for (;;) {
      try {
        const { bytesWritten } = await handle.write(chunk);
        written += bytesWritten;
        if (bytesWritten < chunk.length) break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    // The last partial block: smaller writes until nothing fits at all.
    for (const size of [4096, 512, 1]) {
      for (;;) {
        try {
          await handle.write(Buffer.alloc(size));
          written += size;
        } catch {
          break;
        }
      }
    }
  } finally {
    await handle.close();
  }
  return written;
}
