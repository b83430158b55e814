// Whether another program still has a file open for writing. A scanner that saves page by page,
// or office software that appends an incremental update, can leave a file that is complete by its
// content and unchanged for longer than any stability window while it is still being written;
// only the open descriptor says it is not finished. Linux exposes every process's descriptors and
// their open flags under /proc (proc(5): /proc/<pid>/fd and /proc/<pid>/fdinfo), the way lsof(8)
// and fuser(1) find them. Other systems give no such view to a non-privileged process (Windows
// lets Node open a file with full sharing, so an open cannot tell either), and a writer on
// another machine of a network share is never visible: there the stability window and the
// content rule stay the only signs.
import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';

/** What the probe can say about one file. */
export type OpenForWriting = 'open_for_writing' | 'not_open_for_writing' | 'unknown';

/**
 * Answers whether any process has a file open for writing.
 * `check(filePath)` never throws: a failure to look is `unknown`, and the caller then relies on
 * its other signs.
 */
export interface OpenWriterProbe {
  check(filePath: string): Promise<OpenForWriting>;
}

export interface ProcOpenWriterProbeOptions {
  /** The proc file system's mount point; a test may point it elsewhere. Default `/proc`. */
  procRoot?: string;
  /**
   * One scan of every descriptor answers all checks made within this many milliseconds, so a
   * burst of thousands of files costs one scan per interval instead of one per file. Default 1000.
   */
  maxScanAgeMs?: number;
  /** The clock of the scan's age, in epoch milliseconds. */
  now?: () => number;
}

interface Descriptor {
  fdInfoPath: string;
}

/** `O_ACCMODE` in Linux's fcntl.h: the access mode bits of an open file's flags. */
const ACCESS_MODE_MASK = 0o3;
/** `O_RDONLY`: any other access mode (`O_WRONLY`, `O_RDWR`) can write. */
const READ_ONLY = 0o0;

async function descriptorsByTarget(procRoot: string): Promise<Map<string, Descriptor[]>> {
  const byTarget = new Map<string, Descriptor[]>();
  const entries = await readdir(procRoot);
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    const fdDir = path.join(procRoot, pid, 'fd');
    let fds: string[];
    try {
      fds = await readdir(fdDir);
    } catch {
      // Another user's process, or one that ended while we looked.
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = await readlink(path.join(fdDir, fd));
      } catch {
        continue;
      }
      if (!target.startsWith('/')) continue;
      const list = byTarget.get(target) ?? [];
      list.push({ fdInfoPath: path.join(procRoot, pid, 'fdinfo', fd) });
      byTarget.set(target, list);
    }
  }
  return byTarget;
}

async function opensForWriting(descriptor: Descriptor): Promise<boolean> {
  try {
    const info = await readFile(descriptor.fdInfoPath, 'utf8');
    const flags = /^flags:\s*([0-7]+)$/m.exec(info)?.[1];
    if (flags === undefined) return false;
    return (Number.parseInt(flags, 8) & ACCESS_MODE_MASK) !== READ_ONLY;
  } catch {
    return false;
  }
}

/**
 * The probe for Linux, reading /proc. Descriptors of other users' processes are not readable
 * without privileges, so a writer running as another user is `not_open_for_writing` as far as
 * this probe can see (the stability window still applies to it).
 */
export function createProcOpenWriterProbe(
  options: ProcOpenWriterProbeOptions = {},
): OpenWriterProbe {
  const procRoot = options.procRoot ?? '/proc';
  const maxScanAgeMs = options.maxScanAgeMs ?? 1000;
  const now = options.now ?? Date.now;
  let scan: { at: number; byTarget: Promise<Map<string, Descriptor[]>> } | null = null;

  function currentScan(): Promise<Map<string, Descriptor[]>> {
    const at = now();
    if (scan === null || at - scan.at > maxScanAgeMs) {
      scan = { at, byTarget: descriptorsByTarget(procRoot) };
    }
    return scan.byTarget;
  }

  return {
    async check(filePath) {
      try {
        const target = await realpath(filePath);
        const descriptors = (await currentScan()).get(target) ?? [];
        for (const descriptor of descriptors) {
          if (await opensForWriting(descriptor)) return 'open_for_writing';
        }
        return 'not_open_for_writing';
      } catch {
        return 'unknown';
      }
    },
  };
}

const UNKNOWN_PROBE: OpenWriterProbe = { check: () => Promise.resolve('unknown') };

/** The probe this platform has: /proc on Linux, none elsewhere (every answer `unknown`). */
export function platformOpenWriterProbe(
  platform: NodeJS.Platform = process.platform,
): OpenWriterProbe {
  return platform === 'linux' ? createProcOpenWriterProbe() : UNKNOWN_PROBE;
}
