// "Combine into one document" (issue #19, bundling) through the engine: files handed over in an
// order arrive in Clearfacts (the emulator, which counts the pages itself) as one PDF, its
// history row lists the files it was made of, the files stay where they are, and the app's own
// combined file is removed once Clearfacts confirmed it with a uuid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../src-main/contract/api-contract.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';
import { startEngine } from '../../support/engine-harness.ts';

test('files combined on the Drop screen arrive as one document that lists them', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = path.join(harness.root, 'phone');
  await mkdir(dir);
  const files = {
    'IMG_0002.jpg': await photoPage('page 2', 'jpeg'),
    'IMG_0001.png': await photoPage('page 1', 'png'),
    'bijlage.pdf': await pdfBytes(2, 'Bijlage'),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
  const order = ['IMG_0001.png', 'IMG_0002.jpg', 'bijlage.pdf'].map((name) => path.join(dir, name));

  const queued = await harness.engine.handlers['drop.combine']({
    paths: order,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  assert.equal(queued.fileName, 'IMG_0001 (+2).pdf');
  assert.deepEqual(
    queued.sources?.map((source) => [source.fileName, source.path, source.pages]),
    [
      ['IMG_0001.png', order[0], 1],
      ['IMG_0002.jpg', order[1], 1],
      ['bijlage.pdf', order[2], 2],
    ],
  );
  const delivered = await harness.waitForEntry(
    'the combined document uploaded',
    (entry) => entry.id === queued.id && entry.state === 'uploaded',
  );
  assert.ok(delivered.uuid);
  // The row says `uploaded` before its after-upload step removes the combined file.
  await harness.engine.whenIdle();
  assert.deepEqual(
    harness.emulator.uploads().map((upload) => [upload.filename, upload.pages, upload.uuid]),
    [['IMG_0001 (+2).pdf', 4, delivered.uuid]],
  );
  assert.deepEqual((await readdir(dir)).sort(), ['IMG_0001.png', 'IMG_0002.jpg', 'bijlage.pdf']);
  assert.deepEqual(
    await readdir(path.join(harness.configDir, 'bundles')),
    [],
    'the combined file is removed once Clearfacts has it',
  );
  const [history] = (await harness.allHistory()).filter((entry) => entry.id === queued.id);
  assert.equal(history?.sources?.length, 3);
});

test('a file that cannot be combined is named and nothing is queued', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const pdf = path.join(harness.root, 'a.pdf');
  const notes = path.join(harness.root, 'notes.txt');
  await writeFile(pdf, await pdfBytes(1));
  await writeFile(notes, 'not a document\n');
  await assert.rejects(
    harness.engine.handlers['drop.combine']({
      paths: [pdf, notes],
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    }),
    (error: unknown) =>
      error instanceof ApiError &&
      error.code === 'invalid_request' &&
      error.userMessage.code === 'combine_not_pdf_or_image',
  );
  assert.deepEqual(await harness.allHistory(), []);
});
