// Issue 3, "Done means" 1: 200 PDFs into three folders bound to different administrations and
// destinations, a quarter written slowly like a scanner, some already there at start-up: each
// arrives exactly once with the right company, kind, category, name and page count, then moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Destination } from '../../../src-main/contract/domain.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import {
  assertTokenNowhere,
  logLines,
  monthFolder,
  startEngine,
} from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

interface PlannedFile {
  name: string;
  dir: string;
  companyNumber: string;
  destination: Destination;
  pages: number;
  bytes: Uint8Array;
  slow: boolean;
  atStartup: boolean;
}

/** Deterministic page counts and modes, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Writes a file in chunks over about `durationMs`, as a scanner or a slow share does. */
async function writeSlowly(filePath: string, bytes: Uint8Array, durationMs: number): Promise<void> {
  const chunks = 20;
  const handle = await open(filePath, 'w');
  try {
    const size = Math.ceil(bytes.length / chunks);
    for (let index = 0; index < chunks; index += 1) {
      await handle.write(bytes, index * size, Math.min(size, bytes.length - index * size));
      // Simulates the writer's pace; nothing waits on this for synchronisation.
      await sleep(durationMs / chunks);
    }
  } finally {
    await handle.close();
  }
}

test('200 PDFs in three bound folders arrive once each, right, and are moved', async (t) => {
  const emulator = await startTestEmulator(t);
  const root = tempDir(t, 'batch');
  const [first, second, third] = emulator.seed.administrations;
  assert.ok(first && second && third);
  const category = third.categories.various[0];
  assert.ok(category);
  const bindings = [
    {
      dir: folder(root, 'Aankopen'),
      companyNumber: first.companyNumber,
      destination: { type: 'purchase' } as const,
    },
    {
      dir: folder(root, 'Verkopen'),
      companyNumber: second.companyNumber,
      destination: { type: 'sale' } as const,
    },
    {
      dir: folder(root, 'Archief'),
      companyNumber: third.companyNumber,
      destination: { type: 'various', categoryId: category.id } as const,
    },
  ];

  const random = seeded(42);
  const plan: PlannedFile[] = [];
  for (let index = 0; index < 200; index += 1) {
    const binding = bindings[index % 3] ?? bindings[0];
    assert.ok(binding);
    const pages = 1 + Math.floor(random() * 50);
    plan.push({
      ...binding,
      name: `scan-${String(index).padStart(3, '0')}.pdf`,
      pages,
      bytes: await pdfBytes(pages, { label: `document ${index}` }),
      slow: index % 4 === 0,
      atStartup: index % 7 === 0,
    });
  }

  const harness = await startEngine(t, { emulator, token: emulator.demoToken, start: false });
  for (const binding of bindings) {
    await harness.engine.handlers['folders.add']({
      path: binding.dir,
      companyNumber: binding.companyNumber,
      destination: binding.destination,
    });
  }

  // Present before the engine starts: complete files, and slow ones still being written.
  const stillWriting: Promise<void>[] = [];
  for (const file of plan.filter((candidate) => candidate.atStartup)) {
    const filePath = path.join(file.dir, file.name);
    if (file.slow) stillWriting.push(writeSlowly(filePath, file.bytes, 3_000));
    else await writeFile(filePath, file.bytes);
  }
  await harness.engine.start();

  const laterWrites = plan
    .filter((file) => !file.atStartup)
    .map((file) =>
      file.slow
        ? writeSlowly(path.join(file.dir, file.name), file.bytes, 5_000)
        : writeFile(path.join(file.dir, file.name), file.bytes),
    );
  await Promise.all([...stillWriting, ...laterWrites]);

  const archivedCount = () =>
    [...harness.entries.values()].filter((entry) => entry.state === 'archived').length;
  await harness.until('all 200 files are archived', () => archivedCount() === 200, 180_000);
  await harness.engine.whenIdle();

  const uploads = emulator.uploads();
  assert.equal(uploads.length, 200, 'each file is sent exactly once');
  const byName = new Map(uploads.map((upload) => [upload.filename, upload]));
  assert.equal(byName.size, 200, 'no file name arrives twice');
  for (const file of plan) {
    const upload = byName.get(file.name);
    assert.ok(upload, `${file.name} arrived`);
    assert.equal(upload.companyNumber, file.companyNumber, `${file.name} company`);
    assert.equal(upload.pages, file.pages, `${file.name} is whole (${file.pages} pages)`);
    if (file.destination.type === 'various') {
      assert.equal(upload.kind, 'archive');
      assert.equal(upload.archiveType, 'VARIOUS');
      assert.equal(upload.categoryId, file.destination.categoryId);
    } else {
      assert.equal(upload.kind, 'invoice');
      assert.equal(upload.invoiceType, file.destination.type === 'purchase' ? 'PURCHASE' : 'SALE');
    }
    assert.equal(existsSync(path.join(file.dir, file.name)), false, `${file.name} left its folder`);
    assert.ok(
      existsSync(path.join(file.dir, '_uploaded', monthFolder(), file.name)),
      `${file.name} was moved`,
    );
  }

  const history = await harness.engine.handlers['history.query']({
    filter: {},
    offset: 0,
    limit: 1_000,
  });
  assert.equal(history.total, 200);
  for (const entry of history.rows) {
    assert.equal(entry.state, 'archived');
    assert.equal(entry.uuid, byName.get(entry.fileName)?.uuid);
  }
  const status = await harness.engine.handlers['status.get']({});
  assert.equal(status.state, 'idle');
  assert.equal(status.counts.uploaded, 200);

  await harness.engine.stop();
  assertTokenNowhere(harness.configDir, emulator.demoToken);
  assert.ok(logLines(harness.configDir).length > 0);
});
