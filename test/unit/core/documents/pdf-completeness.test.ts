// The completeness rule shared with the readiness gate: the `startxref` before the last `%%EOF`
// finds an xref that parses, and nothing after that `%%EOF` looks like PDF structure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkPdfBytesCompleteness,
  checkPdfFileCompleteness,
} from '../../../../src-main/core/documents/pdf-completeness.ts';
import { FIELD_CASES, FIELD_CASES_DIR } from '../../../fixtures/field-cases/field-cases.ts';
import { PADDINGS, incrementallyUpdatedPdf, pageTreePdf } from '../../../fixtures/pdf-variants.ts';
import { qpdfPageCount, qpdfReading, qpdfWrite } from '../../../support/qpdf-oracle.ts';

test('every field case is complete, read from disk', async () => {
  for (const fieldCase of FIELD_CASES) {
    const verdict = await checkPdfFileCompleteness(path.join(FIELD_CASES_DIR, fieldCase.file));
    assert.equal(verdict.complete, true, fieldCase.file);
  }
});

test('padding of any length after %%EOF leaves a PDF complete', async () => {
  for (const base of [pageTreePdf({ pages: 2 }), incrementallyUpdatedPdf(2, 3)]) {
    for (const padding of PADDINGS) {
      const verdict = await checkPdfBytesCompleteness(Buffer.concat([base, padding.bytes]));
      assert.equal(verdict.complete, true, padding.name);
    }
  }
});

test('a PDF cut anywhere inside its last incremental update is incomplete', async (t) => {
  const bytes = incrementallyUpdatedPdf(2, 2);
  const previousEnd = bytes.lastIndexOf('%%EOF', bytes.length - 7) + '%%EOF\n'.length;
  // The last startxref's offset ends just before the line end in front of the last %%EOF.
  const offsetEnd = bytes.lastIndexOf('%%EOF') - 1;
  // Every cut point from just after the previous revision to inside that offset's digits.
  for (let cutAt = previousEnd + 1; cutAt < offsetEnd; cutAt += 7) {
    const verdict = await checkPdfBytesCompleteness(bytes.subarray(0, cutAt));
    assert.equal(verdict.complete, false, `cut at ${cutAt} of ${bytes.length}`);
  }
  assert.equal((await checkPdfBytesCompleteness(bytes.subarray(0, offsetEnd - 1))).complete, false);
  // Cut after the whole offset (inside the last %%EOF or its line end) every byte the marker
  // closes is there: qpdf reads every page without a warning, and so is it complete.
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-complete-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const whole = path.join(folder, 'whole.pdf');
  await writeFile(whole, bytes);
  for (let cutAt = offsetEnd; cutAt < bytes.length; cutAt += 1) {
    const filePath = path.join(folder, `cut-${cutAt}.pdf`);
    await writeFile(filePath, bytes.subarray(0, cutAt));
    assert.deepEqual(await qpdfReading(filePath), {
      pages: await qpdfPageCount(whole),
      repaired: false,
    });
    assert.equal((await checkPdfFileCompleteness(filePath)).complete, true, `cut at ${cutAt}`);
  }
  // The same cut followed by padding is still incomplete: the structure after %%EOF tells.
  const padded = Buffer.concat([bytes.subarray(0, previousEnd + 40), Buffer.alloc(9000)]);
  assert.deepEqual(await checkPdfBytesCompleteness(padded), {
    complete: false,
    finding: 'structure_after_end',
  });
});

test('a startxref that finds no xref, or no %%EOF and no startxref at its end, is incomplete', async () => {
  const bytes = pageTreePdf({ pages: 2 });
  const text = bytes.toString('latin1');
  const wrong = text.replace(/startxref\n(\d+)/, (_, at: string) => `startxref\n${Number(at) - 9}`);
  assert.deepEqual(await checkPdfBytesCompleteness(Buffer.from(wrong, 'latin1')), {
    complete: false,
    finding: 'xref_not_found',
  });
  // Cut inside the trailer: no %%EOF, and the file does not end at a startxref.
  const cut = bytes.subarray(0, bytes.lastIndexOf('startxref') - 3);
  assert.deepEqual(await checkPdfBytesCompleteness(cut), {
    complete: false,
    finding: 'no_end_marker',
  });
  // Cut inside the startxref offset: the offset finds no xref.
  const offsetCut = bytes.subarray(0, bytes.lastIndexOf('%%EOF') - 3);
  assert.deepEqual(await checkPdfBytesCompleteness(offsetCut), {
    complete: false,
    finding: 'no_end_marker',
  });
  // Only the marker left out (some writers do): every byte it closes is there.
  const markerless = bytes.subarray(0, bytes.lastIndexOf('%%EOF'));
  assert.equal((await checkPdfBytesCompleteness(markerless)).complete, true);
});

test('an xref stream (qpdf-written) is found and judged complete', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-complete-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const input = path.join(folder, 'in.pdf');
  const output = path.join(folder, 'out.pdf');
  await writeFile(input, incrementallyUpdatedPdf(3, 2));
  await qpdfWrite(['--object-streams=generate', input, output]);
  assert.equal((await checkPdfFileCompleteness(output)).complete, true);
});

test('a last incremental update written without its %%EOF is complete when it ends at its startxref', async () => {
  const bytes = incrementallyUpdatedPdf(2, 2, new Set([2]));
  assert.deepEqual(await checkPdfBytesCompleteness(bytes), {
    complete: true,
    headerOffset: 0,
    xrefAt: 'as_written',
  });
  // The same update cut inside its trailer still has PDF structure after the previous %%EOF.
  const cut = bytes.subarray(0, bytes.lastIndexOf('startxref') - 3);
  assert.deepEqual(await checkPdfBytesCompleteness(cut), {
    complete: false,
    finding: 'structure_after_end',
  });
});
