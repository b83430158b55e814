// Issue 13: e-invoices through the real engine and the emulator. An invoice in its Peppol
// envelope is sent unwrapped and the file on disk stays as it was; the history shows each
// invoice's summary and finds it by supplier, number and amount; the same invoice arriving
// bare after its envelope was sent is a duplicate; CODA is explained and never sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  codaStatement,
  sampleInvoice,
  sbdhXml,
  ublXml,
  withNesting,
  withoutDeclaration,
} from '../../fixtures/e-invoice-builder.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEInvoiceEngine } from '../../support/e-invoice-engine.ts';
import { monthFolder, startEngine } from '../../support/engine-harness.ts';
import { tempDir } from '../../support/temp-folders.ts';

test('an enveloped invoice is sent unwrapped, summarised, searchable and deduplicated', async (t) => {
  // Addressed to the folder's administration: one addressed elsewhere would be held (issue #18).
  const { emulator, harness, customer, dir, entry } = await startEInvoiceEngine(t, 'einvoice');
  const enveloped = sampleInvoice({ number: 'ENV-2026-7', customer });
  const creditNote = sampleInvoice({
    customer,
    root: 'CreditNote',
    typeCode: '381',
    number: 'CN-2026-3',
    payableAmount: '250.00',
    supplier: {
      name: 'Drukkerij Vermeulen BV',
      companyNumber: '0811223344',
      vatNumber: 'BE0811223344',
    },
  });
  const envelopeBytes = Buffer.from(sbdhXml(ublXml(enveloped)));
  await writeFile(path.join(dir, 'peppol-envelope.xml'), envelopeBytes);
  await writeFile(path.join(dir, 'credit-note.xml'), ublXml(creditNote));
  await writeFile(path.join(dir, 'statement.cod'), codaStatement());

  const outcome = (name: string) => entry(name)?.state;
  await harness.until(
    'the envelope and the credit note are archived and the statement failed',
    () =>
      outcome('peppol-envelope.xml') === 'archived' &&
      outcome('credit-note.xml') === 'archived' &&
      outcome('statement.cod') === 'failed',
  );

  const received = emulator.uploads().map((upload) => upload.xml);
  assert.deepEqual(
    received.sort((a, b) => (a?.root ?? '').localeCompare(b?.root ?? '')),
    [
      { root: 'CreditNote', invoiceNumber: creditNote.number },
      { root: 'Invoice', invoiceNumber: enveloped.number },
    ],
    'the inner invoice, not the envelope, reached Clearfacts',
  );
  assert.deepEqual(
    readFileSync(path.join(dir, '_uploaded', monthFolder(), 'peppol-envelope.xml')),
    envelopeBytes,
    'the file itself was never changed',
  );

  const query = async (filter: Record<string, unknown>) =>
    (await harness.engine.handlers['history.query']({ filter, offset: 0, limit: 50 })).rows;
  const all = await query({});
  const envelopeRow = all.find((row) => row.fileName === 'peppol-envelope.xml');
  assert.equal(
    envelopeRow?.sha256,
    createHash('sha256').update(envelopeBytes).digest('hex'),
    'the history keeps the original file’s SHA-256',
  );
  assert.equal(envelopeRow?.eInvoice?.envelope, true);
  assert.equal(envelopeRow?.eInvoice?.supplier.name, enveloped.supplier.name);
  assert.equal(envelopeRow?.eInvoice?.documentType, 'invoice');
  const creditRow = all.find((row) => row.fileName === 'credit-note.xml');
  assert.equal(creditRow?.eInvoice?.documentType, 'credit_note');
  assert.equal(creditRow?.eInvoice?.payableAmount, Number(creditNote.payableAmount));
  const statementRow = all.find((row) => row.fileName === 'statement.cod');
  assert.equal(statementRow?.failure?.code, 'bank_statement');

  const names = (rows: { fileName: string }[]) => rows.map((row) => row.fileName).sort();
  assert.deepEqual(names(await query({ supplier: 'vermeulen' })), ['credit-note.xml']);
  assert.deepEqual(names(await query({ search: 'drukkerij' })), ['credit-note.xml']);
  assert.deepEqual(names(await query({ invoiceNumber: 'env-2026' })), ['peppol-envelope.xml']);
  assert.deepEqual(names(await query({ search: '1210,50' })), ['peppol-envelope.xml']);
  assert.deepEqual(names(await query({ amountMin: 200, amountMax: 300 })), ['credit-note.xml']);

  // The same invoice, now without its envelope: its bytes are the ones sent before.
  await writeFile(
    path.join(dir, 'bare-again.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n${withoutDeclaration(ublXml(enveloped)).trimEnd()}`,
  );
  await harness.until(
    'the bare copy is recognised as a duplicate',
    () => outcome('bare-again.xml') === 'duplicate',
  );
  assert.equal(emulator.uploads().length, 2, 'the duplicate was not sent');
});

test('the drop check says when the bytes sent differ from the file, with what is sent', async (t) => {
  const emulator = await startTestEmulator(t);
  const dir = tempDir(t, 'drop-changes');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  const inner = ublXml(sampleInvoice({ number: 'DROP-2026-1' }));
  const envelopePath = path.join(dir, 'peppol-envelope.xml');
  await writeFile(envelopePath, sbdhXml(inner));
  const barePath = path.join(dir, 'bare.xml');
  await writeFile(barePath, inner);

  const [enveloped, bare] = await harness.engine.handlers['drop.inspect']({
    paths: [envelopePath, barePath],
  });
  // What is sent is the inner invoice as the builder put it in the envelope, under a UTF-8
  // declaration of its own; hashed here, independently of the engine.
  const sentSha256 = createHash('sha256')
    .update(`<?xml version="1.0" encoding="UTF-8"?>\n${withoutDeclaration(inner).trimEnd()}`)
    .digest('hex');
  assert.deepEqual(enveloped?.changes, [{ change: 'unwrap_envelope', sentSha256 }]);
  assert.deepEqual(bare?.changes, []);
});

test('an XML file nested 200,000 deep fails with its reason and the engine keeps delivering', async (t) => {
  const { emulator, harness, customer, dir, entry } = await startEInvoiceEngine(t, 'deep-xml');
  await writeFile(
    path.join(dir, 'deep.xml'),
    withNesting(ublXml(sampleInvoice({ number: 'DEEP-1', customer })), 200_000),
  );
  const after = sampleInvoice({ number: 'AFTER-DEEP-1', customer });
  await writeFile(path.join(dir, 'after.xml'), ublXml(after));

  await harness.until(
    'the deep file failed and the invoice after it is archived',
    () => entry('deep.xml')?.state === 'failed' && entry('after.xml')?.state === 'archived',
  );
  // 256: the depth limit stream-xml.ts states.
  assert.deepEqual(entry('deep.xml')?.failure, {
    code: 'xml_not_invoice',
    message: { code: 'xml_nested_too_deep', params: { limit: 256 } },
  });
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.xml?.invoiceNumber),
    [after.number],
    'only the invoice after it reached Clearfacts',
  );
});
