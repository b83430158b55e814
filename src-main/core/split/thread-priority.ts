// The split worker runs below the engine's own priority, so that on a machine with few cores
// another folder's uploads (the engine's main thread, the pdf reader) keep their usual latency
// while a long batch is split. Linux keeps a nice value per thread (setpriority(2), NOTES: "a
// thread ID" may be given for PRIO_PROCESS), so the split thread alone can be lowered; macOS and
// Windows only lower whole processes, which would slow the engine itself, so there it stays.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';

/**
 * Lowers the calling thread to `PRIORITY_BELOW_NORMAL` (nice 10: about a tenth of a core's time
 * against a busy nice-0 thread, so a batch still finishes within the split budget on a busy
 * machine). Threads it starts later inherit it. Returns whether it was lowered: false off Linux
 * or when the thread's id cannot be read (`/proc` not mounted). Never throws.
 */
export function lowerThisThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // /proc/thread-self links to "<pid>/task/<thread id>" (proc(5), Linux 3.17).
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
    return true;
  } catch {
    return false;
  }
}
