// Pairing (issue #18) is for files that arrive together: "x.xml and x.pdf ... arriving within
// the stability window of each other". Portals and mail tools reuse names (factuur.xml,
// invoice.pdf), so a PDF that arrives long after an XML of the same name was dealt with is
// another document, sent like any PDF (attack-18, finding P1: it was held with "factuur.xml was
// sent; send this too?", or kept out as part of an XML held weeks ago). Real engine, folder and
// emulator; "long after" is the pairing bound of docs/architecture.md (12 windows after the XML
// was settled) passed, with a little margin. A PDF identical to the embedded one is still part of
// its XML whenever it comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { partyOf, sampleInvoice, writeUblWithPdf } from '../../fixtures/e-invoice-builder.ts';
import { startEInvoiceEngine } from '../../support/e-invoice-engine.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';
import { TEST_STABILITY_MS } from '../../support/engine-harness.ts';

/** 2 × (1 + 5 grace) windows (docs/architecture.md, pairing), and two more as margin. */
const LONG_AFTER_MS = 14 * TEST_STABILITY_MS;

test('a PDF arriving long after an XML of the same name is its own document, sent as any PDF', async (t) => {
  const { emulator, harness, customer, dir, entry } = await startEInvoiceEngine(t, 'late-twin');
  const elsewhere = emulator.seed.administrations[1];
  assert.ok(elsewhere);
  const visual = await pdfBytes(1);
  const later = await pdfBytes(2);
  const laterStill = await pdfBytes(3);
  // Last month's invoice, delivered; and one held as addressed to another administration.
  await writeUblWithPdf(
    path.join(dir, 'factuur.xml'),
    sampleInvoice({ number: 'OLD-1', customer }),
    visual,
  );
  await writeUblWithPdf(
    path.join(dir, 'invoice.xml'),
    sampleInvoice({ number: 'OLD-2', customer: partyOf(elsewhere) }),
    visual,
  );
  await writeUblWithPdf(
    path.join(dir, 'same.xml'),
    sampleInvoice({ number: 'OLD-3', customer }),
    visual,
  );
  await harness.until(
    'factuur.xml and same.xml archived, invoice.xml held',
    () =>
      entry('factuur.xml')?.state === 'archived' &&
      entry('same.xml')?.state === 'archived' &&
      entry('invoice.xml')?.state === 'held',
  );
  const xmlSettledAt = Math.max(
    ...['factuur.xml', 'same.xml', 'invoice.xml'].map((name) =>
      Date.parse(entry(name)?.updatedAt ?? ''),
    ),
  );
  assert.ok(Number.isFinite(xmlSettledAt), 'the XML rows say when they were last changed');
  await harness.until(
    'the pairing bound has passed since both XMLs were settled',
    () => Date.now() > xmlSettledAt + LONG_AFTER_MS,
  );

  // New documents that happen to reuse the names, and same.xml's own visual again.
  await writeFile(path.join(dir, 'factuur.pdf'), later);
  await writeFile(path.join(dir, 'invoice.pdf'), laterStill);
  await writeFile(path.join(dir, 'same.pdf'), visual);
  await harness.until('the three late PDFs settled', () =>
    ['factuur.pdf', 'invoice.pdf', 'same.pdf'].every((name) =>
      ['archived', 'held', 'duplicate', 'failed'].includes(entry(name)?.state ?? ''),
    ),
  );
  // The very PDF embedded in same.xml is still that invoice: not booked twice.
  assert.deepEqual(entry('same.pdf')?.hold?.reason, {
    code: 'pdf_sent_with_xml',
    params: { fileName: 'same.xml' },
  });
  assert.equal(entry('factuur.pdf')?.state, 'archived', JSON.stringify(entry('factuur.pdf')?.hold));
  assert.equal(entry('invoice.pdf')?.state, 'archived', JSON.stringify(entry('invoice.pdf')?.hold));
  assert.deepEqual(entry('factuur.pdf')?.advice ?? [], [], 'no note about an XML twin');
  assert.deepEqual(
    emulator
      .uploads()
      .map((upload) => upload.filename)
      .sort(),
    ['factuur.pdf', 'factuur.xml', 'invoice.pdf', 'same.xml'],
  );
});
