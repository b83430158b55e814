// Issue #18, attack findings F1–F3 and F9 (/docs: e-invoice routing and pairing) through the real engine,
// folder and emulator: a routing hold must not be undone by the invoice's other forms, and a
// party that names two of the user's administrations is never routed on a guess. What counts as
// "sent" is what the emulator received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  partyOf,
  sampleInvoice,
  ublXml,
  writeUblWithPdf,
} from '../../fixtures/e-invoice-builder.ts';
import { startEInvoiceEngine } from '../../support/e-invoice-engine.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';
import { TEST_STABILITY_MS } from '../../support/engine-harness.ts';
import { scanSlowly } from '../../support/slow-scanner.ts';

const SETTLED = ['archived', 'held', 'duplicate', 'failed'];

test('F1: the PDF beside an XML held as addressed elsewhere is not sent to this administration', async (t) => {
  const { emulator, harness, dir, entry } = await startEInvoiceEngine(t, 'held-twin');
  const elsewhere = emulator.seed.administrations[1];
  assert.ok(elsewhere);
  const visual = await pdfBytes(1);
  const another = await pdfBytes(2);
  await writeUblWithPdf(
    path.join(dir, 'wrong.xml'),
    sampleInvoice({ number: 'W-1', customer: partyOf(elsewhere) }),
    visual,
  );
  await writeFile(path.join(dir, 'wrong.pdf'), visual);
  await writeUblWithPdf(
    path.join(dir, 'odd.xml'),
    sampleInvoice({ number: 'W-2', customer: partyOf(elsewhere) }),
    visual,
  );
  await writeFile(path.join(dir, 'odd.pdf'), another);

  await harness.until(
    'both XMLs held and both PDFs settled',
    () =>
      entry('wrong.xml')?.state === 'held' &&
      entry('odd.xml')?.state === 'held' &&
      SETTLED.includes(entry('wrong.pdf')?.state ?? '') &&
      SETTLED.includes(entry('odd.pdf')?.state ?? ''),
  );
  assert.deepEqual(emulator.uploads(), [], 'nothing reached Clearfacts');
  // The identical visual is the XML's own: it is not sent on its own, whatever the XML's fate.
  assert.equal(entry('wrong.pdf')?.state, 'duplicate');
  assert.deepEqual(entry('wrong.pdf')?.hold?.reason, {
    code: 'pdf_inside_unsent_xml',
    params: { fileName: 'wrong.xml' },
  });
  // Another PDF of the same name waits for the user, like any file the app cannot place.
  assert.deepEqual(entry('odd.pdf')?.hold, {
    reason: { code: 'pdf_beside_unsent_xml', params: { fileName: 'odd.xml' } },
    choices: [{ kind: 'send_here' }],
  });

  // The user sends the XML where it belongs: the invoice goes there once, as XML only.
  const held = entry('wrong.xml');
  assert.ok(held);
  await harness.engine.handlers['history.choose']({
    id: held.id,
    choice: {
      kind: 'send_to',
      companyNumber: elsewhere.companyNumber,
      name: elsewhere.name,
      destination: 'purchase',
    },
  });
  await harness.until('wrong.xml sent where the user chose', () =>
    ['archived', 'uploaded'].includes(entry('wrong.xml')?.state ?? ''),
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['wrong.xml'],
  );
});

test('F2: an XML whose embedded PDF was already delivered as a PDF is a duplicate, not sent again', async (t) => {
  const { emulator, harness, dir, entry, customer } = await startEInvoiceEngine(t, 'pdf-first');
  const visual = await pdfBytes(3);
  await writeFile(path.join(dir, 'late.pdf'), visual);
  await harness.until(
    'late.pdf delivered on its own',
    () => entry('late.pdf')?.state === 'archived',
  );
  await writeUblWithPdf(
    path.join(dir, 'late.xml'),
    sampleInvoice({ number: 'L-1', customer }),
    visual,
  );
  await harness.until('late.xml settled', () => SETTLED.includes(entry('late.xml')?.state ?? ''));
  assert.equal(entry('late.xml')?.state, 'duplicate');
  assert.equal(entry('late.xml')?.hold?.reason.code, 'e_invoice_visual_already_sent');
  assert.equal(
    (entry('late.xml')?.hold?.reason.params as { fileName?: string } | undefined)?.fileName,
    'late.pdf',
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['late.pdf'],
  );
});

test('F3: a customer named with the numbers of two reachable administrations is held', async (t) => {
  const { emulator, harness, dir, entry, administration } = await startEInvoiceEngine(t, 'two');
  const other = emulator.seed.administrations[1];
  assert.ok(other);
  // Its legal entity is this administration, its VAT number the other one's.
  await writeFile(
    path.join(dir, 'two.xml'),
    ublXml(
      sampleInvoice({
        number: 'T-1',
        customer: {
          name: other.name,
          companyNumber: administration.companyNumber,
          vatNumber: `BE${other.companyNumber}`,
        },
      }),
    ),
  );
  await harness.until('two.xml settled', () => SETTLED.includes(entry('two.xml')?.state ?? ''));
  assert.deepEqual(emulator.uploads(), []);
  assert.deepEqual(entry('two.xml')?.hold, {
    reason: {
      code: 'e_invoice_party_two_administrations',
      params: { name: other.name, names: `${administration.name}, ${other.name}` },
    },
    choices: [
      {
        kind: 'send_to',
        companyNumber: other.companyNumber,
        name: other.name,
        destination: 'purchase',
      },
      { kind: 'send_here' },
    ],
  });
});

test('F9: x.pdf beside an x.xml still being written slowly waits for it and goes as part of it', async (t) => {
  const { emulator, harness, dir, entry, customer } = await startEInvoiceEngine(t, 'slow-xml');
  const visual = await pdfBytes(4);
  const xml = Buffer.from(
    ublXml(sampleInvoice({ number: 'S-1', customer }), visual.toString('base64')),
  );
  // The XML is written in four parts with pauses longer than the window (an SMB copy of a
  // large UBL); its visual lands whole just after the first part, within the window.
  await scanSlowly(path.join(dir, 'slow.xml'), xml, {
    parts: 4,
    pauseMs: Math.round(TEST_STABILITY_MS * 1.75),
    onPartWritten: async (index) => {
      if (index === 0) await writeFile(path.join(dir, 'slow.pdf'), visual);
    },
  });
  await harness.until(
    'slow.xml and slow.pdf settled',
    () =>
      SETTLED.includes(entry('slow.xml')?.state ?? '') &&
      SETTLED.includes(entry('slow.pdf')?.state ?? ''),
    60_000,
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['slow.xml'],
    'the invoice went once, as its XML',
  );
  assert.equal(entry('slow.pdf')?.state, 'duplicate');
  assert.deepEqual(entry('slow.pdf')?.hold?.reason, {
    code: 'pdf_sent_with_xml',
    params: { fileName: 'slow.xml' },
  });
});

test('x.pdf beside an x.xml whose writer has not finished says on its row that it waits for x.xml', async (t) => {
  const { emulator, harness, dir, customer } = await startEInvoiceEngine(t, 'unfinished-xml');
  const visual = await pdfBytes(2);
  const xml = ublXml(sampleInvoice({ number: 'U-1', customer }), visual.toString('base64'));
  // Half an XML, as a copy that stalled: the gate keeps it (grace for an incomplete file), so
  // its row exists and is not yet past the gate when the PDF is checked.
  await writeFile(path.join(dir, 'unfinished.xml'), xml.slice(0, Math.floor(xml.length / 2)));
  await writeFile(path.join(dir, 'unfinished.pdf'), visual);
  const waiting = await harness.waitForEntry(
    'unfinished.pdf saying it waits for unfinished.xml',
    (candidate) =>
      candidate.fileName === 'unfinished.pdf' &&
      candidate.failure?.message.code === 'pdf_waits_for_xml',
  );
  assert.equal(waiting.state, 'ready');
  assert.deepEqual(waiting.failure?.message, {
    code: 'pdf_waits_for_xml',
    params: { fileName: 'unfinished.xml' },
  });
  assert.deepEqual(emulator.uploads(), [], 'nothing is sent while the XML may still come');
});
