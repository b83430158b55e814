// The split worker runs below the engine's own priority, so that on a machine with few cores
// another folder's uploads (the engine's main thread, the pdf reader) keep their usual latency
// while a long batch is split. Linux keeps a nice value and a scheduling policy per thread
// (setpriority(2), NOTES: "a thread ID" may be given for PRIO_PROCESS; sched_setscheduler(2)), so
// the split threads alone can be lowered; macOS and Windows only lower whole processes, which
// would slow the engine itself, so there they stay.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { constants, getPriority, setPriority } from 'node:os';
import path from 'node:path';
import { SYSTEM_TOOL_ENVIRONMENT } from '../system-tool-environment.ts';

/** SCHED_IDLE's number (sched.h), as field 41 of /proc/<pid>/task/<tid>/stat shows the policy. */
const SCHED_IDLE = 5;

/** The policy field of a thread's /proc stat line: the 39th after the ")" that ends its name. */
function schedulingPolicy(threadId: number): number {
  const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);
}

/** Puts threads of this process under SCHED_IDLE with a chrt-like command. */
export interface IdleScheduling {
  /**
   * Puts thread `threadId` under SCHED_IDLE (sched(7): it runs only when no other thread wants
   * the CPU, and a thread that wakes preempts it at once), as Node cannot call
   * sched_setscheduler. Nice 10 alone still let the split thread finish its time slice before a
   * woken engine thread ran: on 2 cores, another folder's p95 during a 200-page split was 17-21
   * ms over its usual p95 in 2 bench runs, and 2 ms over to 7 ms under it in 3 runs with
   * SCHED_IDLE (README, issue #17). The price: on a machine whose cores are all busy for
   * minutes, a batch waits, and past the split's time budget it is sent whole with that reason.
   * Returns whether the thread is now SCHED_IDLE. Never throws. Once the command could not
   * start, or ran and left a thread's policy unchanged (a sandbox that forbids the change), it is
   * not run again: the split worker asks for every decoder thread after every page, and nice 10
   * is what there is.
   */
  runOnlyWhenIdle(threadId: number): boolean;
}

/**
 * SCHED_IDLE through `command`, run as `<command> --idle --pid 0 <thread id>` with the fixed PATH
 * of SYSTEM_TOOL_ENVIRONMENT and nothing else (so never the token): util-linux's `chrt`.
 */
export function createIdleScheduling(command = 'chrt'): IdleScheduling {
  let usable = true;
  return {
    runOnlyWhenIdle(threadId) {
      if (!usable) return false;
      try {
        if (schedulingPolicy(threadId) === SCHED_IDLE) return true;
        const run = spawnSync(command, ['--idle', '--pid', '0', String(threadId)], {
          env: SYSTEM_TOOL_ENVIRONMENT,
          stdio: 'ignore',
          timeout: 5_000,
        });
        const lowered = run.error === undefined && schedulingPolicy(threadId) === SCHED_IDLE;
        if (!lowered) usable = false;
        return lowered;
      } catch {
        // The thread ended before its policy could be read: nothing to lower, nothing learnt.
        return false;
      }
    },
  };
}

const idleScheduling = createIdleScheduling();

/**
 * Lowers the calling thread to `PRIORITY_BELOW_NORMAL` (nice 10) and SCHED_IDLE (IdleScheduling;
 * nice 10 stays where chrt is missing or refused). Threads it starts later inherit both. Returns
 * whether it was lowered: false off Linux or when the thread's id cannot be read (`/proc` not
 * mounted). Never throws.
 */
export function lowerThisThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // /proc/thread-self links to "<pid>/task/<thread id>" (proc(5), Linux 3.17).
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
    idleScheduling.runOnlyWhenIdle(threadId);
    return true;
  } catch {
    return false;
  }
}

/** The name libvips gives the threads that decode images for sharp (/proc/self/task/N/comm). */
const LIBVIPS_THREAD_NAME = 'libvips worker';

/**
 * Lowers libvips's own threads as the split thread is lowered (nice 10 and SCHED_IDLE). sharp
 * decodes a page's JPEG on threads libvips starts from Node's shared thread pool, not from the
 * split thread, so they do not inherit its priority; only the split worker uses sharp in the
 * engine. libvips may end idle threads and start new ones, so the split worker calls this after
 * every page it decodes (a dozen small /proc reads; chrt runs only for a thread not yet lowered).
 * Returns how many threads it set to nice 10; never throws.
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
        if (getPriority(threadId) !== constants.priority.PRIORITY_BELOW_NORMAL) {
          setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
          lowered += 1;
        }
        idleScheduling.runOnlyWhenIdle(threadId);
      } catch {
        // The thread ended between the listing and the read: nothing to lower.
      }
    }
  } catch {
    // No /proc: the threads keep their priority.
  }
  return lowered;
}
