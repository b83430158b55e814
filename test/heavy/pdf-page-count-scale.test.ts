// Page counting at scale: a 10,000-page PDF is counted exactly. Beside the other heavy tests for
// its run time, not with the document checks' unit tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { checkDocument } from '../../src-main/core/documents/check-document.ts';
import { tempDir } from '../support/temp-folders.ts';

test('a 10,000-page PDF is counted exactly', async (t) => {
  const dir = tempDir(t, 'docs');
  const document = await PDFDocument.create();
  for (let index = 0; index < 10_000; index += 1) document.addPage([200, 200]);
  const filePath = path.join(dir, 'ledger.pdf');
  await writeFile(filePath, await document.save({ objectsPerTick: Infinity }));
  const result = await checkDocument(filePath, { maxUploadBytes: 100 * 1024 * 1024 });
  assert.equal(result.failure, null);
  assert.equal(result.pages, 10_000);
});
