// The self-test that decides whether a folder's native change notifications work: write a hidden
// probe file, wait for the watcher to report it, delete it. Some file systems (FUSE mounts,
// certain NAS and VM shares) accept a watch and then never deliver an event.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './watch-limits.ts';

const PROBE_NAME_PREFIX = '.clearfacts-uploader-probe-';

/** Hidden, so every other part of the intake (and most file managers) ignores a leftover probe. */
export function isProbeName(fileName: string): boolean {
  return fileName.startsWith(PROBE_NAME_PREFIX);
}

export type ProbeOutcome = 'events' | 'no-events' | { notWritable: string };

export interface ProbeWait {
  /** True once the watcher reported the probe, false after the timeout or on cancel. */
  reported: Promise<boolean>;
  cancel(): void;
}

/** `awaitEvent` is called before the probe is written, so no event can slip past it. */
export async function probeNativeEvents(
  folder: string,
  awaitEvent: (probePath: string, timeoutMs: number) => ProbeWait,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const probePath = path.join(folder, `${PROBE_NAME_PREFIX}${randomUUID()}`);
  const wait = awaitEvent(probePath, timeoutMs);
  try {
    await writeFile(probePath, 'Clearfacts Uploader checks that this folder reports changes.\n');
  } catch (error) {
    wait.cancel();
    return { notWritable: errorCode(error) ?? String(error) };
  }
  try {
    return (await wait.reported) ? 'events' : 'no-events';
  } finally {
    await rm(probePath, { force: true }).catch(() => undefined);
  }
}
