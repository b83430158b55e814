// A 20 MB upload must stream from disk: the client process may not grow by anything like the
// file's size. Measured in a child process that holds only the client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { startEmulator } from '../emulator/index.ts';
import { largePdfBytes, pdfBytes } from '../fixtures/generate-documents.ts';

const FILE_BYTES = 20_000_000;

test('a 20 MB upload streams from disk instead of being read into memory', async (t) => {
  const emulator = await startEmulator();
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-memory-'));
  t.after(async () => {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
  });
  const smallPath = path.join(folder, 'small.pdf');
  const largePath = path.join(folder, 'large.pdf');
  await writeFile(smallPath, await pdfBytes(1));
  const large = largePdfBytes(FILE_BYTES);
  await writeFile(largePath, large);
  const companyNumber = emulator.seed.administrations[0]?.companyNumber ?? '';

  const { stdout } = await promisify(execFile)(process.execPath, [
    '--expose-gc',
    path.join(import.meta.dirname, 'upload-memory-probe.ts'),
    emulator.graphqlUrl,
    emulator.demoToken,
    companyNumber,
    smallPath,
    largePath,
  ]);
  const measured = z
    .object({
      uuid: z.string(),
      rssGrowth: z.number(),
      heapGrowth: z.number(),
      arrayBuffersGrowth: z.number(),
    })
    .parse(JSON.parse(stdout));
  t.diagnostic(`client growth during a ${large.length} byte upload: ${JSON.stringify(measured)}`);

  const stored = emulator.uploads().find((upload) => upload.uuid === measured.uuid);
  assert.equal(stored?.bytes, large.length);
  // Loose bounds: reading the file whole would add at least its 20 MB to each of these.
  assert.ok(
    measured.arrayBuffersGrowth < FILE_BYTES / 2,
    `buffers grew ${measured.arrayBuffersGrowth}`,
  );
  assert.ok(measured.rssGrowth < FILE_BYTES / 2, `RSS grew ${measured.rssGrowth}`);
});
