// Upload validation as the real service does it: content sniffed from the bytes, page counts
// read from the PDF, administrations and categories checked, size limited, and each refusal a
// clear GraphQL error that stores nothing. Temp files never outlive the answer.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import type { GraphqlAnswer } from './emulator-test-support.ts';
import {
  UPLOAD_ARCHIVE,
  UPLOAD_INVOICE,
  graphql,
  onlyErrorMessage,
  postUpload,
  startTestEmulator,
  upload,
} from './emulator-test-support.ts';
import type { Emulator } from './index.ts';
import { companyNumberFrom, seedData } from './index.ts';
import {
  encryptedPdf,
  jpeg,
  malformedXml,
  notAnInvoiceXml,
  pdfWithPages,
  peppolCreditNoteXml,
  peppolInvoiceXml,
  png,
  truncatedPdf,
} from './test-documents.ts';
import {
  ciiXml,
  encodeXml,
  sampleInvoice,
  sbdhXml,
  UBL_BE,
  ublXml,
} from '../fixtures/e-invoice-builder.ts';

const [administration, otherAdministration] = seedData.administrations;
assert.ok(administration && otherAdministration);
const companyNumber = administration.companyNumber;

function uploadInvoice(
  emulator: Emulator,
  bytes: Uint8Array,
  filename: string,
  variables: Record<string, unknown> = {},
  type = 'application/octet-stream',
): Promise<GraphqlAnswer> {
  return upload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber, filename, type: 'PURCHASE', ...variables },
    file: { bytes, filename, type },
  });
}

async function emulatorWithVisibleTempDir(
  t: TestContext,
  maxUploadBytes?: number,
): Promise<{ emulator: Emulator; leftovers: () => Promise<string[]> }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'emulator-uploads-test-'));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const emulator = await startTestEmulator(t, { uploadTempDir: parent, maxUploadBytes });
  const [own] = await readdir(parent);
  assert.ok(own !== undefined, 'the emulator makes its temp folder at start');
  return { emulator, leftovers: () => readdir(path.join(parent, own)) };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

test('accepts PDF, JPEG and Peppol UBL XML by their bytes, with real page counts', async (t) => {
  const { emulator, leftovers } = await emulatorWithVisibleTempDir(t);
  const threePages = await pdfWithPages(3);
  const accepted: { bytes: Buffer; filename: string; pages: number; type?: string }[] = [
    { bytes: threePages, filename: 'factuur-2025-0042.pdf', pages: 3 },
    { bytes: jpeg(), filename: 'bonnetje.jpg', pages: 1 },
    { bytes: peppolInvoiceXml(), filename: 'F2025-0042.xml', pages: 1 },
    { bytes: peppolCreditNoteXml(), filename: 'CN2025-0007.xml', pages: 1 },
    // The name and Content-Type lie; the bytes are a PDF, and that is what counts.
    { bytes: await pdfWithPages(2), filename: 'scan.png', pages: 2, type: 'image/png' },
  ];
  for (const file of accepted) {
    const answer = await uploadInvoice(emulator, file.bytes, file.filename, {}, file.type);
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    const result = answer.data?.uploadFile as { uuid: string; amountOfPages: number };
    assert.equal(result.amountOfPages, file.pages, file.filename);
    const recorded = emulator.uploads().find((received) => received.uuid === result.uuid);
    assert.equal(recorded?.sha256, sha256(file.bytes));
    assert.equal(recorded?.bytes, file.bytes.length);
    assert.equal(recorded?.pages, file.pages);
    assert.equal(recorded?.filename, file.filename);
    assert.equal(recorded?.companyNumber, companyNumber);
  }
  assert.equal(emulator.uploads().length, accepted.length);
  assert.deepEqual(await leftovers(), [], 'uploaded files are deleted after the answer');
});

test('refuses what is not a PDF, JPEG or UBL invoice, whatever its name says', async (t) => {
  const emulator = await startTestEmulator(t);
  const refused: { bytes: Buffer; filename: string; reason: RegExp }[] = [
    { bytes: png(), filename: 'scan.png', reason: /PNG file \(image\/png\)/ },
    { bytes: png(), filename: 'factuur.pdf', reason: /PNG file/ },
    {
      bytes: Buffer.from('Factuur 42: 121 EUR\n'),
      filename: 'factuur.pdf',
      reason: /not a recognised/,
    },
    { bytes: notAnInvoiceXml(), filename: 'order.xml', reason: /not a UBL invoice or credit note/ },
    { bytes: malformedXml(), filename: 'kapot.xml', reason: /not well-formed/ },
    { bytes: Buffer.alloc(0), filename: 'leeg.pdf', reason: /^The file is empty\.$/ },
    { bytes: await encryptedPdf(), filename: 'beveiligd.pdf', reason: /needs a password/ },
    { bytes: await truncatedPdf(), filename: 'half.pdf', reason: /damaged or incomplete/ },
  ];
  for (const file of refused) {
    const answer = await uploadInvoice(emulator, file.bytes, file.filename);
    assert.match(onlyErrorMessage(answer), file.reason, file.filename);
    assert.deepEqual(answer.data, { uploadFile: null });
  }
  assert.deepEqual(emulator.uploads(), []);
});

test('a file over the limit gets a clear error and its partial copy is deleted', async (t) => {
  const limit = 64 * 1024;
  const { emulator, leftovers } = await emulatorWithVisibleTempDir(t, limit);
  const pdf = await pdfWithPages(1);
  const atLimit = Buffer.concat([pdf, Buffer.alloc(limit - pdf.length, 0x20)]);
  const fits = await uploadInvoice(emulator, atLimit, 'precies.pdf');
  assert.equal(fits.errors, undefined, 'exactly the limit is allowed');

  const overLimit = Buffer.concat([atLimit, Buffer.alloc(3 * limit, 0x20)]);
  const answer = await uploadInvoice(emulator, overLimit, 'te-groot.pdf');
  assert.equal(
    onlyErrorMessage(answer),
    'The file is too large: the maximum upload size is 0.06 MiB (65536 bytes).',
  );
  assert.equal(emulator.uploads().length, 1);
  assert.deepEqual(await leftovers(), []);
});

test('the default limit is 20 MiB', async (t) => {
  const emulator = await startTestEmulator(t);
  const answer = await uploadInvoice(emulator, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), 'x.pdf');
  assert.match(onlyErrorMessage(answer), /maximum upload size is 20 MiB \(20971520 bytes\)/);
});

test('unknown, malformed and inaccessible administrations are refused', async (t) => {
  const emulator = await startTestEmulator(t);
  const pdf = await pdfWithPages(1);
  const unknown = companyNumberFrom('09999999');
  const cases: { variables: Record<string, unknown>; reason: string | RegExp }[] = [
    {
      variables: { companyNumber: unknown },
      reason: `Unknown administration: there is no administration with company number ${unknown}.`,
    },
    { variables: { companyNumber: '412345614' }, reason: /^Invalid companyNumber "412345614"/ },
    { variables: { companyNumber: `BE${companyNumber}` }, reason: /^Invalid companyNumber/ },
    {
      variables: { companyNumber: seedData.inaccessibleAdministration.companyNumber },
      reason: `Access denied: you have no access to the administration ${seedData.inaccessibleAdministration.companyNumber}.`,
    },
  ];
  for (const { variables, reason } of cases) {
    const answer = await uploadInvoice(emulator, pdf, 'factuur.pdf', variables);
    if (typeof reason === 'string') assert.equal(onlyErrorMessage(answer), reason);
    else assert.match(onlyErrorMessage(answer), reason);
  }
  const archive = await upload(emulator, {
    query: UPLOAD_ARCHIVE,
    variables: {
      vatnumber: seedData.inaccessibleAdministration.companyNumber,
      filename: 'x.pdf',
      type: 'VARIOUS',
      category: seedData.inaccessibleAdministration.categories.various[0]?.id,
    },
    file: { bytes: pdf, filename: 'x.pdf' },
  });
  assert.match(onlyErrorMessage(archive), /^Access denied/);
  assert.deepEqual(emulator.uploads(), []);
});

test('the docs form (vatnumber, also as BE0…) and the newer companyNumber form both upload', async (t) => {
  const emulator = await startTestEmulator(t);
  const pdf = await pdfWithPages(1);
  for (const vatnumber of [companyNumber, `BE${companyNumber}`]) {
    const answer = await upload(emulator, {
      query: `mutation($v: String!) { uploadFile(vatnumber: $v, filename: "f.pdf", invoicetype: SALE) { uuid } }`,
      variables: { v: vatnumber },
      file: { bytes: pdf, filename: 'f.pdf' },
    });
    assert.equal(answer.errors, undefined);
  }
  const journal = administration.journals.find((candidate) => candidate.creditNote);
  assert.ok(journal);
  const newer = await upload(emulator, {
    query: `mutation($c: String!, $j: String!) {
      uploadFile(companyNumber: $c, filename: "cn.pdf", invoicetype: PURCHASE, comment: "Creditnota leverancier", journal: $j) { uuid name comment tags }
    }`,
    variables: { c: companyNumber, j: journal.id },
    file: { bytes: pdf, filename: 'cn.pdf' },
  });
  const file = newer.data?.uploadFile as Record<string, unknown>;
  assert.equal(file.name, 'cn.pdf');
  assert.equal(file.comment, 'Creditnota leverancier');
  assert.equal(file.tags, null);
  const recorded = emulator.uploads();
  assert.deepEqual(
    recorded.map((received) => [received.invoiceType, received.comment, received.journal]),
    [
      ['SALE', null, null],
      ['SALE', null, null],
      ['PURCHASE', 'Creditnota leverancier', journal.id],
    ],
  );

  const unknownJournal = await upload(emulator, {
    query: `mutation($c: String!) { uploadFile(companyNumber: $c, filename: "f.pdf", journal: "NOPE") { uuid } }`,
    variables: { c: companyNumber },
    file: { bytes: pdf, filename: 'f.pdf' },
  });
  assert.match(onlyErrorMessage(unknownJournal), /^Unknown journal "NOPE"/);
});

test('sending tags reproduces the live failure: HTTP 200, Internal server error, uploadFile null', async (t) => {
  const emulator = await startTestEmulator(t);
  const answer = await postUpload(emulator, {
    query: `mutation($c: String!) { uploadFile(companyNumber: $c, filename: "f.pdf", invoicetype: PURCHASE, tags: ["btw"]) { uuid } }`,
    variables: { c: companyNumber },
    file: { bytes: await pdfWithPages(1), filename: 'f.pdf' },
  });
  assert.equal(answer.status, 200);
  const body = JSON.parse(answer.text) as GraphqlAnswer;
  assert.deepEqual(
    body.errors?.map((error) => error.message),
    ['Internal server error'],
  );
  assert.deepEqual(body.data, { uploadFile: null });
  assert.deepEqual(emulator.uploads(), []);
});

test('archive uploads need a category of that administration and that archive', async (t) => {
  const emulator = await startTestEmulator(t);
  const pdf = await pdfWithPages(1);
  const archiveUpload = (type: string, category: string | undefined): Promise<GraphqlAnswer> =>
    upload(emulator, {
      query: UPLOAD_ARCHIVE,
      variables: { vatnumber: companyNumber, filename: 'contract.pdf', type, category },
      file: { bytes: pdf, filename: 'contract.pdf' },
    });
  const foreign = otherAdministration.categories.various[0]?.id;
  assert.match(
    onlyErrorMessage(await archiveUpload('VARIOUS', foreign)),
    new RegExp(
      `^Unknown category "${foreign}": it is not an archive category of administration ${companyNumber}`,
    ),
  );
  const permanent = administration.categories.permanent[0]?.id;
  assert.match(
    onlyErrorMessage(await archiveUpload('VARIOUS', permanent)),
    /is not a VARIOUS archive category .*belongs to the other archive/,
  );
  assert.match(
    onlyErrorMessage(await archiveUpload('ARCHIVE', permanent)),
    /Value "ARCHIVE" does not exist in "VariousType" enum/,
  );
  assert.deepEqual(emulator.uploads(), []);
  const accepted = await archiveUpload('PERMANENT', permanent);
  assert.equal(accepted.errors, undefined);
  assert.equal(emulator.uploads()[0]?.categoryId, permanent);
});

test('malformed upload requests get HTTP 4xx with a GraphQL-shaped reason', async (t) => {
  const { emulator, leftovers } = await emulatorWithVisibleTempDir(t);
  const auth = { Authorization: `Bearer ${emulator.demoToken}` };
  const pdf = await pdfWithPages(1);

  const noFile = await upload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber, filename: 'f.pdf', type: 'PURCHASE' },
  });
  assert.match(onlyErrorMessage(noFile), /No file received.*part named "file"/);

  const send = async (body: FormData | string, headers: Record<string, string> = {}) => {
    const response = await fetch(emulator.graphqlUrl, {
      method: 'POST',
      headers: { ...auth, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as GraphqlAnswer };
  };
  const twoFiles = new FormData();
  twoFiles.append('query', UPLOAD_INVOICE);
  twoFiles.append('variables', JSON.stringify({ companyNumber, filename: 'f.pdf', type: 'SALE' }));
  twoFiles.append('file', new Blob([pdf]), 'a.pdf');
  twoFiles.append('file', new Blob([pdf]), 'b.pdf');
  const two = await send(twoFiles);
  assert.equal(two.status, 400);
  assert.match(two.body.errors?.[0]?.message ?? '', /more than one part named "file"/);

  const operationsForm = new FormData();
  operationsForm.append('operations', JSON.stringify({ query: UPLOAD_INVOICE }));
  operationsForm.append('map', '{"0":["variables.file"]}');
  operationsForm.append('0', new Blob([pdf]), 'a.pdf');
  const spec = await send(operationsForm);
  assert.equal(spec.status, 400, 'the graphql-multipart-request-spec is not what Clearfacts takes');

  const badVariables = new FormData();
  badVariables.append('query', UPLOAD_INVOICE);
  badVariables.append('variables', '{ not json');
  badVariables.append('file', new Blob([pdf]), 'a.pdf');
  const bad = await send(badVariables);
  assert.equal(bad.status, 400);
  assert.match(bad.body.errors?.[0]?.message ?? '', /"variables" part is not valid JSON/);

  const noBoundary = await send('--x\r\n', { 'Content-Type': 'multipart/form-data' });
  assert.equal(noBoundary.status, 400);
  const text = await send('hello', { 'Content-Type': 'text/plain' });
  assert.equal(text.status, 415);
  const notJson = await send('{"query": ', { 'Content-Type': 'application/json' });
  assert.equal(notJson.status, 400);

  const get = await fetch(emulator.graphqlUrl, { headers: auth });
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  assert.deepEqual(emulator.uploads(), []);
  assert.deepEqual(await leftovers(), []);
});

test('uploadFile needs companyNumber (or vatnumber), and both must name the same administration', async (t) => {
  const emulator = await startTestEmulator(t);
  const pdf = await pdfWithPages(1);
  const send = (args: string) =>
    upload(emulator, {
      query: `mutation { uploadFile(${args}filename: "f.pdf", invoicetype: PURCHASE) { uuid } }`,
      variables: {},
      file: { bytes: pdf, filename: 'f.pdf' },
    });
  assert.match(onlyErrorMessage(await send('')), /^companyNumber is required/);
  assert.match(
    onlyErrorMessage(
      await send(
        `companyNumber: "${companyNumber}", vatnumber: "${otherAdministration.companyNumber}", `,
      ),
    ),
    /name different administrations/,
  );
  const agreeing = await send(
    `companyNumber: "${companyNumber}", vatnumber: "BE${companyNumber}", `,
  );
  assert.equal(agreeing.errors, undefined);
  assert.equal(emulator.uploads().length, 1);
});

test('an upload mutation without a file is kept as a phantom document, whatever it answered', async (t) => {
  const emulator = await startTestEmulator(t);
  const readOnly = emulator.addToken(['read_administrations']);
  await graphql(emulator, UPLOAD_INVOICE, {
    companyNumber,
    filename: 'scope-probe.pdf',
    type: 'PURCHASE',
  });
  await graphql(
    emulator,
    UPLOAD_ARCHIVE,
    { vatnumber: companyNumber, filename: 'probe.pdf', type: 'VARIOUS', category: 'x' },
    readOnly,
  );
  await uploadInvoice(emulator, await pdfWithPages(1), 'real.pdf');
  const phantoms = emulator.phantoms();
  assert.deepEqual(
    phantoms.map((phantom) => [phantom.mutation, phantom.variables.filename]),
    [
      ['uploadFile', 'scope-probe.pdf'],
      ['uploadArchiveFile', 'probe.pdf'],
    ],
    'both file-less mutations are kept, the one refused for its scope too; the real upload is not',
  );
  const overHttp = (await (
    await fetch(`${emulator.origin}/__emulator/phantoms`)
  ).json()) as unknown[];
  assert.equal(overHttp.length, 2);
  emulator.reset();
  assert.deepEqual(emulator.phantoms(), []);
});

test('every mutation without a file is a phantom, not only uploads (an associate mutation too)', async (t) => {
  const emulator = await startTestEmulator(t);
  await graphql(
    emulator,
    'mutation($a: AddAssociateArgument!) { addAssociate(associate: $a) { id } }',
    { a: { firstName: 'Scope', lastName: 'Probe', email: 'not-an-address', type: 'user' } },
  );
  await graphql(
    emulator,
    'mutation($id: ID!, $a: EditAssociateArgument!) { editAssociate(id: $id, associate: $a) { id } }',
    { id: 'no-such-associate', a: { firstName: 'Probe' } },
  );
  assert.deepEqual(
    emulator.phantoms().map((phantom) => phantom.mutation),
    ['addAssociate', 'editAssociate'],
    'a mutation that delivers no file is kept before any check, refused or not',
  );
});

test('accepts the XML forms the live service lists and records their root and number', async (t) => {
  const emulator = await startTestEmulator(t);
  const accepted = [
    {
      name: 'peppol.xml',
      bytes: Buffer.from(ublXml(sampleInvoice({ number: 'P-1' }))),
      root: 'Invoice',
      number: 'P-1',
    },
    {
      name: 'ubl-be.xml',
      bytes: Buffer.from(ublXml(sampleInvoice({ number: 'BE-2', customizationId: UBL_BE }))),
      root: 'Invoice',
      number: 'BE-2',
    },
    {
      name: 'credit.xml',
      bytes: Buffer.from(
        ublXml(sampleInvoice({ root: 'CreditNote', typeCode: '381', number: 'CN-3' })),
      ),
      root: 'CreditNote',
      number: 'CN-3',
    },
    {
      name: 'utf16.xml',
      bytes: encodeXml(ublXml(sampleInvoice({ number: 'U-4' })), 'utf-16le-bom'),
      root: 'Invoice',
      number: 'U-4',
    },
    {
      name: 'latin1.xml',
      bytes: encodeXml(ublXml(sampleInvoice({ number: 'L-5' })), 'iso-8859-1'),
      root: 'Invoice',
      number: 'L-5',
    },
  ];
  for (const file of accepted) {
    const answer = await uploadInvoice(emulator, file.bytes, file.name);
    assert.equal(answer.errors, undefined, `${file.name}: ${JSON.stringify(answer.errors)}`);
    const result = answer.data?.uploadFile as { uuid: string };
    const recorded = emulator.uploads().find((received) => received.uuid === result.uuid);
    assert.deepEqual(recorded?.xml, { root: file.root, invoiceNumber: file.number }, file.name);
  }
});

test('refuses CII and an invoice still in its Peppol envelope', async (t) => {
  const emulator = await startTestEmulator(t);
  const cii = await uploadInvoice(emulator, Buffer.from(ciiXml('FX-1')), 'factur-x.xml');
  assert.match(onlyErrorMessage(cii), /CII invoices .* are not supported/);
  const envelope = await uploadInvoice(
    emulator,
    Buffer.from(sbdhXml(ublXml(sampleInvoice()))),
    'envelope.xml',
  );
  assert.match(onlyErrorMessage(envelope), /not a UBL invoice or credit note/);
  assert.equal(emulator.uploads().length, 0);
});
