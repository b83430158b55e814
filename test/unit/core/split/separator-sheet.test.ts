// The printed sheet round-trips: pdfinfo counts one page, poppler's pdftoppm renders it (not our
// renderer), zxing reads the QR code back, and the payload decodes to the sheet asked for.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareBarcodeReader } from '../../../../src-main/core/split/barcode-reader.ts';
import {
  decodeSeparator,
  encodeSeparator,
  type SeparatorSheet,
} from '../../../../src-main/core/split/separator-code.ts';
import { createSeparatorSheetPdf } from '../../../../src-main/core/split/separator-sheet.ts';
import { planSplit } from '../../../../src-main/core/split/split-plan.ts';

const run = promisify(execFile);

const sheets: SeparatorSheet[] = [
  { type: 'next' },
  { type: 'purchase' },
  { type: 'sale', companyNumber: '0123456749' },
  { type: 'various', categoryId: 'cat-7' },
  { type: 'permanent', categoryId: 'statuten & akten', companyNumber: '0123456749' },
];

for (const sheet of sheets) {
  test(`a ${sheet.type} sheet prints as one page whose QR code reads back as the same sheet`, async (t) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'cf-sheet-'));
    t.after(() => rm(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'sheet.pdf');
    await writeFile(file, await createSeparatorSheetPdf(sheet));
    const { stdout } = await run('pdfinfo', [file]);
    assert.match(stdout, /^Pages:\s+1$/m);
    await run('pdftoppm', ['-r', '100', '-png', '-singlefile', file, path.join(folder, 'page')]);
    await prepareBarcodeReader();
    const results = await readBarcodes(await readFile(path.join(folder, 'page.png')), {
      formats: ['QRCode'],
    });
    assert.equal(results.length, 1);
    assert.deepEqual(decodeSeparator(results[0]?.text ?? ''), sheet);
  });
}

test('the payload is versioned and strict', () => {
  assert.equal(encodeSeparator({ type: 'next' }), 'CFU-SEP/1?type=next');
  assert.equal(
    encodeSeparator({ type: 'various', categoryId: 'c 1', companyNumber: '0123456749' }),
    'CFU-SEP/1?type=various&category=c+1&company=0123456749',
  );
  assert.deepEqual(decodeSeparator('PATCHT'), { type: 'next' });
  for (const foreign of [
    'CFU-SEP/2?type=next',
    'CFU-SEP/1?type=next&company=0123456749',
    'CFU-SEP/1?type=various',
    'CFU-SEP/1?type=sale&company=123',
    'CFU-SEP/1?type=sale&company=0123456748',
    'CFU-SEP/1?type=purchase&company=0000000000',
    'CFU-SEP/1?type=sale&category=x',
    'CFU-SEP/1?type=next&extra=1',
    'https://example.com/pay?iban=BE00',
  ]) {
    assert.equal(decodeSeparator(foreign), null, foreign);
  }
});

test('the plan leaves out sheet pages and never makes an empty part', () => {
  const next = { type: 'next' } as const;
  const sale = { type: 'sale' } as const;
  // pages: sheet, A, A, sheet, sheet(sale), B, sheet
  assert.deepEqual(planSplit(7, 'separator', [next, null, null, next, sale, null, next]), {
    outcome: 'split',
    separatorPages: [1, 4, 5, 7],
    parts: [
      { firstPage: 2, lastPage: 3, sheet: null },
      { firstPage: 6, lastPage: 6, sheet: sale },
    ],
  });
  assert.deepEqual(planSplit(3, 'separator', [null, null, null]), { outcome: 'whole' });
  // Sheets alone are no document: nothing to send, not the batch whole (split-step fails it).
  assert.deepEqual(planSplit(2, 'separator', [next, next]), {
    outcome: 'only_separators',
    separatorPages: [1, 2],
  });
  assert.deepEqual(planSplit(1, 'page', []), { outcome: 'whole' });
  assert.deepEqual(planSplit(4, 'pages:4', []), { outcome: 'whole' });
  assert.deepEqual(planSplit(5, 'off', []), { outcome: 'whole' });
});
