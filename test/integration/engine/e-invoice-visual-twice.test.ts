// Attack-18 finding P2: the reverse of F2. F2 makes an XML whose embedded PDF
// was already delivered as a PDF a duplicate; the other order is not covered. An XML delivered
// with its visual embedded, then that very PDF saved under another name (the supplier's mail
// has both: "F2026-417.xml" and "Factuur V-1 Brouwerij.pdf") is sent again, and the invoice is
// booked twice. Pairing by name (x.xml / x.pdf) does not see it: the delivered XMLs are found by
// their embedded PDF's SHA-256 (an index on the e-invoice summary, migration 13). Real engine,
// folder and emulator; what counts is what the emulator received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sampleInvoice, writeUblWithPdf } from '../../fixtures/e-invoice-builder.ts';
import { startEInvoiceEngine } from '../../support/e-invoice-engine.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';

test('the PDF embedded in a delivered XML, saved under another name, is not sent again', async (t) => {
  const { emulator, harness, customer, dir, entry } = await startEInvoiceEngine(t, 'visual-twice');
  const visual = await pdfBytes(1);
  await writeUblWithPdf(
    path.join(dir, 'F2026-417.xml'),
    sampleInvoice({ number: 'V-1', customer }),
    visual,
  );
  await harness.until('the XML archived', () => entry('F2026-417.xml')?.state === 'archived');
  await writeFile(path.join(dir, 'Factuur V-1 Brouwerij.pdf'), visual);
  await harness.until('the PDF settled', () =>
    ['archived', 'duplicate', 'held', 'failed'].includes(
      entry('Factuur V-1 Brouwerij.pdf')?.state ?? '',
    ),
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['F2026-417.xml'],
    'the invoice reached Clearfacts once',
  );
  const pdfRow = entry('Factuur V-1 Brouwerij.pdf');
  assert.equal(pdfRow?.state, 'duplicate');
  assert.deepEqual(pdfRow?.hold?.reason, {
    code: 'pdf_sent_with_xml',
    params: { fileName: 'F2026-417.xml' },
  });
});
