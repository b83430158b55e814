// The split worker runs below the engine's own priority, so that on a machine with few cores
// another folder's uploads (the engine's main thread, the pdf reader) keep their usual latency
// while a long batch is split. Linux keeps a nice value per thread (setpriority(2), NOTES: "a
// thread ID" may be given for PRIO_PROCESS), so the split thread alone can be lowered; macOS and
// Windows only lower whole processes, which would slow the engine itself, so there it stays.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { constants, getPriority, setPriority } from 'node:os';
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

/** The name libvips gives the threads that decode images for sharp (/proc/self/task/N/comm). */
const LIBVIPS_THREAD_NAME = 'libvips worker';

/**
 * Lowers libvips's own threads to `PRIORITY_BELOW_NORMAL` as well. sharp decodes a page's JPEG on
 * threads libvips starts from Node's shared thread pool, not from the split thread, so they do not
 * inherit its priority; only the split worker uses sharp in the engine. libvips may end idle
 * threads and start new ones, so the split worker calls this after every page it decodes
 * (a dozen small /proc reads). Returns how many threads it lowered; never throws.
 */
export function lowerImageDecoderThreads(): number {
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  try {
    for (const id of readdirSync('/proc/self/task')) {
      const threadId = Number(id);
      try {
        if (readFileSync(`/proc/self/task/${id}/comm`, 'utf8').trim() !== LIBVIPS_THREAD_NAME) {
          continue;
        }
        if (getPriority(threadId) === constants.priority.PRIORITY_BELOW_NORMAL) continue;
        setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
        lowered += 1;
      } catch {
        // The thread ended between the listing and the read: nothing to lower.
      }
    }
  } catch {
    // No /proc: the threads keep their priority.
  }
  return lowered;
}
