// A folder intake on real temp folders with every callback recorded, and promises that resolve
// when a matching callback fires, so the tests wait for events instead of sleeping.
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import type { TestContext } from 'node:test';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { existsSync, writeFileSync } from 'node:fs';
import { FOLDER_MARKER_FILE } from '../../../src-main/core/folders/folder-marker.ts';
import os from 'node:os';
import path from 'node:path';
import type {
  Destination,
  FolderAvailability,
  FolderBinding,
} from '../../../src-main/contract/domain.ts';
import type { Logger } from '../../../src-main/core/logging/logger.ts';
import { createFolderIntake } from '../../../src-main/core/intake/folder-intake.ts';
import type {
  FolderIntake,
  FolderIntakeOptions,
  IntakeFile,
} from '../../../src-main/core/intake/folder-intake.ts';
import { createWaitList } from '../../support/waiting.ts';

export type Recorded =
  | { kind: 'seen' | 'ready'; at: number; file: IntakeFile }
  | { kind: 'unroutable'; at: number; path: string; folderId: string; reason: string }
  | { kind: 'removed'; at: number; path: string; folderId: string }
  | {
      kind: 'availability';
      at: number;
      folderId: string;
      availability: FolderAvailability;
      reason: string | null;
    };

/** Far beyond what any step needs on a loaded machine; only a real failure waits this long. */
const WAIT_TIMEOUT_MS = 30_000;

export class Recorder {
  readonly events: Recorded[] = [];
  private readonly waits = createWaitList();

  record(event: Recorded): void {
    this.events.push(event);
    this.waits.wake();
  }

  /**
   * Resolves with the first recorded event after index `from` that matches; fails after
   * `timeoutMs` (WAIT_TIMEOUT_MS by default).
   */
  waitFor(
    description: string,
    matches: (event: Recorded) => boolean,
    from = 0,
    timeoutMs = WAIT_TIMEOUT_MS,
  ): Promise<Recorded> {
    let next = from;
    return this.waits.until(
      description,
      () => {
        for (; next < this.events.length; next += 1) {
          const event = this.events[next] as Recorded;
          if (matches(event)) return event;
        }
        return undefined;
      },
      { timeoutMs },
    );
  }

  ready(filePath: string, from = 0): Promise<Recorded> {
    return this.waitFor(
      `ready ${filePath}`,
      (event) => event.kind === 'ready' && event.file.path === filePath,
      from,
    );
  }

  availability(
    folderId: string,
    availability: FolderAvailability,
    from = 0,
    timeoutMs = WAIT_TIMEOUT_MS,
  ): Promise<Recorded> {
    return this.waitFor(
      `${folderId} ${availability}`,
      (event) =>
        event.kind === 'availability' &&
        event.folderId === folderId &&
        event.availability === availability,
      from,
      timeoutMs,
    );
  }

  count(kind: Recorded['kind'], filePath?: string): number {
    return this.events.filter(
      (event) =>
        event.kind === kind &&
        (filePath === undefined ||
          ('file' in event ? event.file.path : 'path' in event ? event.path : null) === filePath),
    ).length;
  }

  paths(kind: 'seen' | 'ready'): string[] {
    return this.events.flatMap((event) =>
      event.kind === kind && 'file' in event ? [event.file.path] : [],
    );
  }
}

export const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Undoes a test's setup in reverse order (node:test runs `after` hooks first-in first-out), so
 * the intake stops before its temp folders are deleted.
 */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];

  constructor(t: TestContext) {
    t.after(async () => {
      for (const step of this.steps.reverse()) await step();
    });
  }

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async tempDir(prefix = 'intake-'): Promise<string> {
    // realpath: on macOS the temp dir is behind a symlink, and reported paths use the real one.
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
    this.add(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }
}

/**
 * A binding of `folderPath`, marked as `folders.add` marks it (folder-marker.ts) when the folder
 * exists: an empty folder without the marker is taken for an unmounted share.
 */
export function singleBinding(
  id: string,
  folderPath: string,
  destination: Destination = { type: 'purchase' },
): FolderBinding {
  if (existsSync(folderPath)) {
    writeFileSync(path.join(folderPath, FOLDER_MARKER_FILE), '', { flag: 'a' });
  }
  return { id, mode: 'single', path: folderPath, companyNumber: '0123456789', destination };
}

/**
 * A small but complete PDF body: what matters to the intake is its end, a `startxref` that finds
 * the xref table and the `%%EOF` after it (pdf-completeness.ts).
 */
export function pdfBytes(label: string): Buffer {
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\n`;
  const objectAt = '%PDF-1.4\n'.length;
  return Buffer.from(
    `${head}xref\n0 2\n0000000000 65535 f \n${String(objectAt).padStart(10, '0')} 00000 n \n` +
      `trailer << /Size 2 /Root 1 0 R >>\nstartxref\n${head.length}\n%%EOF\n`,
    'latin1',
  );
}

export interface Harness {
  intake: FolderIntake;
  recorder: Recorder;
  known: Set<string>;
}

export function startHarness(
  cleanup: Cleanup,
  bindings: FolderBinding[],
  overrides: Partial<FolderIntakeOptions> = {},
): Harness {
  const recorder = new Recorder();
  const known = new Set<string>();
  const intake = createFolderIntake({
    bindings,
    stabilityWindowMs: 300,
    pollingIntervalMs: 200,
    rescanIntervalMs: 600_000,
    forcePolling: false,
    selfTestTimeoutMs: 10_000,
    resolveCategoryId: () => null,
    isKnown: (filePath) => known.has(filePath),
    onFileSeen: (file) => recorder.record({ kind: 'seen', at: Date.now(), file }),
    onFileReady: (file) => recorder.record({ kind: 'ready', at: Date.now(), file }),
    onFileUnroutable: (filePath, folderId, reason) =>
      recorder.record({
        kind: 'unroutable',
        at: Date.now(),
        path: filePath,
        folderId,
        reason: englishOf(reason),
      }),
    onFileRemoved: (filePath, folderId) =>
      recorder.record({ kind: 'removed', at: Date.now(), path: filePath, folderId }),
    onAvailability: (folderId, availability, reason) =>
      recorder.record({
        kind: 'availability',
        at: Date.now(),
        folderId,
        availability,
        reason: reason === null ? null : englishOf(reason),
      }),
    logger: quietLogger,
    ...overrides,
  });
  cleanup.add(() => intake.stop());
  return { intake, recorder, known };
}
