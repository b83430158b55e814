// Pairing (issue #18) through the real engine, folder and emulator: x.pdf beside x.xml is sent
// only as part of the XML when it is byte-identical to the PDF embedded in it; a different PDF
// is held with "x.xml was sent; send this too?"; with pairing off both are sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sampleInvoice, writeUblWithPdf } from '../../fixtures/e-invoice-builder.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';

test('x.pdf identical to the PDF embedded in x.xml is part of it; a different one is asked about', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'pairing'), 'scans');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const customer = {
    name: administration.name,
    companyNumber: administration.companyNumber,
    vatNumber: `BE${administration.companyNumber}`,
  };
  const visual = await pdfBytes(1);
  const another = await pdfBytes(2);
  // The PDFs first: each waits (at most a window) for the XML written just after it.
  await writeFile(path.join(dir, 'pair.pdf'), visual);
  await writeFile(path.join(dir, 'other.pdf'), another);
  await writeUblWithPdf(
    path.join(dir, 'pair.xml'),
    sampleInvoice({ number: 'P-1', customer }),
    visual,
  );
  await writeUblWithPdf(
    path.join(dir, 'other.xml'),
    sampleInvoice({ number: 'P-2', customer }),
    visual,
  );

  const entry = (name: string) =>
    [...harness.entries.values()].find((candidate) => candidate.fileName === name);
  await harness.until(
    'both XMLs archived, pair.pdf part of pair.xml, other.pdf held',
    () =>
      entry('pair.xml')?.state === 'archived' &&
      entry('other.xml')?.state === 'archived' &&
      entry('pair.pdf')?.state === 'duplicate' &&
      entry('other.pdf')?.state === 'held',
  );
  assert.deepEqual(entry('pair.pdf')?.hold?.reason, {
    code: 'pdf_sent_with_xml',
    params: { fileName: 'pair.xml' },
  });
  assert.deepEqual(entry('other.pdf')?.hold, {
    reason: { code: 'pdf_differs_from_xml', params: { fileName: 'other.xml' } },
    choices: [{ kind: 'send_here' }],
  });
  assert.deepEqual(
    emulator
      .uploads()
      .map((upload) => upload.filename)
      .sort(),
    ['other.xml', 'pair.xml'],
  );

  const held = entry('other.pdf');
  assert.ok(held);
  await harness.engine.handlers['history.choose']({ id: held.id, choice: { kind: 'send_here' } });
  await harness.until(
    'other.pdf sent on the user’s say',
    () => entry('other.pdf')?.state === 'archived',
  );

  // With pairing off, a PDF beside its XML is sent like any other file.
  await harness.engine.handlers['settings.update']({ pairEInvoices: false });
  await writeUblWithPdf(
    path.join(dir, 'solo.xml'),
    sampleInvoice({ number: 'P-3', customer }),
    visual,
  );
  await writeFile(path.join(dir, 'solo.pdf'), visual);
  await harness.until(
    'solo.xml and solo.pdf both archived',
    () => entry('solo.xml')?.state === 'archived' && entry('solo.pdf')?.state === 'archived',
  );
});
