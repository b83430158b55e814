// What issue #10's delivery checks add to each file, measured one file at a time on the
// throughput corpus: the readiness gate's completeness by content (a PDF's startxref, xref and
// what follows its last %%EOF), the version snapshot compared after Clearfacts answered (size,
// mtime, ctime, inode: a stat before and after), the owner marker read again before the upload,
// and the delivery journal's line, fsync'd before the row becomes `uploaded`. Their CPU time is
// compared with the engine's CPU time per file in the same run: with two cores shared by the engine
// and the emulator the batch is CPU-bound, CPU time barely moves with the machine's load, and the
// fsync's wait overlaps the other upload slot.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkPdfFileCompleteness } from '../../src-main/core/documents/pdf-completeness.ts';
import { createFolderOwnership } from '../../src-main/core/folders/folder-owner.ts';
import { createDeliveryJournal } from '../../src-main/core/store/delivery-journal.ts';
import { loadInstallation } from '../../src-main/core/store/installation.ts';
import type { Logger } from '../../src-main/core/logging/logger.ts';

export interface DeliveryChecksResult {
  files: number;
  /** Wall time of every check for every file, one at a time (ms). */
  totalMs: number;
  /** CPU time (user + system) of this process over all of them (ms): fsync's wait is not in it. */
  cpuMs: number;
  /** The same, per kind of check (ms). */
  completenessMs: number;
  versionMs: number;
  ownerMs: number;
  journalMs: number;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export async function measureDeliveryChecks(
  paths: readonly string[],
  workDir: string,
): Promise<DeliveryChecksResult> {
  const configDir = path.join(workDir, 'delivery-checks-config');
  const folder = path.join(workDir, 'delivery-checks-folder');
  await mkdir(configDir, { recursive: true });
  await mkdir(folder, { recursive: true });
  const ownership = createFolderOwnership({
    installation: await loadInstallation(configDir),
    now: Date.now,
    isBound: () => true,
    logger: silent,
  });
  await ownership.claim(folder);
  const journal = createDeliveryJournal(path.join(configDir, 'deliveries.jsonl'));

  let completenessMs = 0;
  let versionMs = 0;
  let ownerMs = 0;
  let journalMs = 0;
  const cpuBefore = process.cpuUsage();
  for (const [index, filePath] of paths.entries()) {
    let started = performance.now();
    const completeness = await checkPdfFileCompleteness(filePath);
    completenessMs += performance.now() - started;
    if (!completeness.complete) {
      throw new Error(`${filePath}: ${completeness.finding}; the corpus is complete PDFs`);
    }

    started = performance.now();
    const before = await stat(filePath, { bigint: false });
    const after = await stat(filePath);
    if (
      before.size !== after.size ||
      before.mtimeMs !== after.mtimeMs ||
      before.ctimeMs !== after.ctimeMs ||
      before.ino !== after.ino
    ) {
      throw new Error(`${filePath} changed while it was measured`);
    }
    versionMs += performance.now() - started;

    started = performance.now();
    if (!(await ownership.check(folder)).owned) throw new Error('the bench lost its own folder');
    ownerMs += performance.now() - started;

    started = performance.now();
    journal.append({
      at: Date.now(),
      companyNumber: '0412345614',
      sha256: index.toString(16).padStart(64, '0'),
      uuid: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      path: filePath,
      fileName: path.basename(filePath),
      folderId: 'bench',
      watchRoot: folder,
      source: 'watch',
      destination: { type: 'purchase' },
      sizeBytes: before.size,
      mtimeMs: before.mtimeMs,
    });
    journalMs += performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    files: paths.length,
    totalMs: completenessMs + versionMs + ownerMs + journalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    completenessMs,
    versionMs,
    ownerMs,
    journalMs,
  };
}
