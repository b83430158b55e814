// What the kernel knows about a child process, read from /proc so the measured process does not
// have to measure itself: resident memory (now and peak), CPU time and bytes read.
import { readdir, readFile } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;

async function statusField(pid: number, field: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kilobytes === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kilobytes) * 1024;
}

/** Resident set size now, in bytes. */
export function residentBytes(pid: number): Promise<number> {
  return statusField(pid, 'VmRSS');
}

/** The kernel's high-water mark of the resident set since the process started, in bytes. */
export function peakResidentBytes(pid: number): Promise<number> {
  return statusField(pid, 'VmHWM');
}

/** User + system CPU time the process has used, in milliseconds. */
export async function cpuMilliseconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; everything after its closing parenthesis splits.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Bytes the process asked read() and friends for, page cache hits included (rchar). */
export async function bytesRead(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  const value = /^rchar:\s+(\d+)/m.exec(io)?.[1];
  if (value === undefined) throw new Error(`/proc/${pid}/io has no rchar`);
  return Number(value);
}

/**
 * Child processes of `pid` whose command line contains `marker` (every thread's children, from
 * /proc/<pid>/task/<tid>/children).
 */
export async function childProcessesRunning(pid: number, marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children
      .split(' ')
      .filter((id) => id !== '')
      .map(Number)) {
      const commandLine = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
      if (commandLine.includes(marker)) found.push(child);
    }
  }
  return found;
}
