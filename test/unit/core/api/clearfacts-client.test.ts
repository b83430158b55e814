// The client against the real emulator over HTTP: what a working token can do, end to end.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createClearfactsClient,
  userInfoUrlFor,
} from '../../../../src-main/core/api/clearfacts-graphql-client.ts';
import type { ClearfactsClientOptions } from '../../../../src-main/core/api/clearfacts-client.ts';
import { startEmulator, type EmulatorOptions } from '../../../emulator/index.ts';
import { pdfBytes, SMALL_JPEG, ublInvoiceXml } from '../../../fixtures/generate-documents.ts';

async function setUp(
  t: TestContext,
  emulatorOptions: EmulatorOptions = {},
  clientOptions: Partial<ClearfactsClientOptions> = {},
) {
  const emulator = await startEmulator(emulatorOptions);
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-client-'));
  t.after(async () => {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
  });
  const client = createClearfactsClient({
    apiUrl: emulator.graphqlUrl,
    getToken: () => Promise.resolve(emulator.demoToken),
    fetch: globalThis.fetch,
    ...clientOptions,
  });
  return { emulator, client, folder };
}

function firstOf<T>(items: T[]): T {
  const [first] = items;
  assert.ok(first !== undefined, 'expected at least one item');
  return first;
}

async function pdfIn(folder: string, name: string, pages = 2): Promise<string> {
  const filePath = path.join(folder, name);
  await writeFile(filePath, await pdfBytes(pages));
  return filePath;
}

test('token checks go to Clearfacts login for the real API and to the same origin otherwise', () => {
  assert.equal(
    userInfoUrlFor('https://api.clearfacts.be/graphql'),
    'https://login.clearfacts.be/oauth2-server/userinfo',
  );
  assert.equal(
    userInfoUrlFor('http://127.0.0.1:4010/graphql'),
    'http://127.0.0.1:4010/oauth2-server/userinfo',
  );
});

test('userInfo names the token user', async (t) => {
  const { client, emulator } = await setUp(t);
  const user = await client.userInfo();
  assert.equal(user.username, emulator.seed.user.username);
  assert.equal(user.email, emulator.seed.user.username);
  assert.equal(typeof user.name, 'string');
});

test('administrations are read page by page until a short page, none lost or repeated', async (t) => {
  const { client, emulator } = await setUp(t, { extraAdministrations: 250 });
  const administrations = await client.administrations();
  assert.equal(administrations.length, emulator.seed.administrations.length);
  assert.ok(administrations.length > 200);
  assert.deepEqual(
    administrations.map((administration) => administration.companyNumber),
    emulator.seed.administrations.map((administration) => administration.companyNumber),
  );
  for (const administration of administrations) {
    assert.match(administration.companyNumber, /^0\d{9}$/);
    assert.ok(administration.name.length > 0);
  }
});

test('archive categories of an administration come back as various and permanent lists', async (t) => {
  const { client, emulator } = await setUp(t);
  const administration = firstOf(emulator.seed.administrations);
  const categories = await client.archiveCategories(administration.companyNumber);
  assert.ok(categories.various.length > 0 && categories.permanent.length > 0);
  for (const category of [...categories.various, ...categories.permanent]) {
    assert.ok(category.id.length > 0 && category.name.length > 0);
  }
});

test('invoices and archive documents arrive with the right administration, tray, category and pages', async (t) => {
  const { client, emulator, folder } = await setUp(t);
  const administration = firstOf(emulator.seed.administrations);
  const categories = await client.archiveCategories(administration.companyNumber);
  const pdfPath = await pdfIn(folder, 'invoice.pdf', 3);

  const invoice = await client.uploadInvoice({
    path: pdfPath,
    fileName: 'invoice.pdf',
    companyNumber: administration.companyNumber,
    invoiceType: 'SALE',
  });
  assert.equal(invoice.amountOfPages, 3);

  const jpegPath = path.join(folder, 'receipt.jpg');
  await writeFile(jpegPath, SMALL_JPEG);
  const permanentCategory = firstOf(categories.permanent);
  const archived = await client.uploadArchive({
    path: jpegPath,
    fileName: 'receipt.jpg',
    companyNumber: administration.companyNumber,
    archiveType: 'PERMANENT',
    categoryId: permanentCategory.id,
  });

  const xmlPath = path.join(folder, 'peppol.xml');
  await writeFile(xmlPath, ublInvoiceXml());
  const xml = await client.uploadInvoice({
    path: xmlPath,
    fileName: 'peppol.xml',
    companyNumber: administration.companyNumber,
    invoiceType: 'PURCHASE',
  });

  const uploads = emulator.uploads();
  assert.deepEqual(
    uploads.map((upload) => [
      upload.uuid,
      upload.kind,
      upload.invoiceType,
      upload.archiveType,
      upload.categoryId,
    ]),
    [
      [invoice.uuid, 'invoice', 'SALE', null, null],
      [archived.uuid, 'archive', null, 'PERMANENT', permanentCategory.id],
      [xml.uuid, 'invoice', 'PURCHASE', null, null],
    ],
  );
  const [first] = uploads;
  assert.equal(first?.companyNumber, administration.companyNumber);
  assert.equal(
    first?.sha256,
    createHash('sha256')
      .update(await readFile(pdfPath))
      .digest('hex'),
  );
});

test('the file part declares the media type the caller knows, or else the sniffed one', async (t) => {
  const declared: string[] = [];
  // The body is read here as the server would see it: the file part's own Content-Type line.
  const recordingFetch: typeof globalThis.fetch = async (input, init) => {
    if (init?.body instanceof ReadableStream) {
      const [sent, copy] = (init.body as ReadableStream<Uint8Array>).tee();
      const text = await new Response(copy).text();
      const filePart = /name="file"; filename="[^"]*"\r\nContent-Type: ([^\r]+)\r\n/.exec(text);
      if (filePart?.[1] !== undefined) declared.push(filePart[1]);
      return globalThis.fetch(input, { ...init, body: sent });
    }
    return globalThis.fetch(input, init);
  };
  const { client, folder, emulator } = await setUp(t, {}, { fetch: recordingFetch });
  const administration = firstOf(emulator.seed.administrations);
  const pdfPath = await pdfIn(folder, 'scan.pdf');
  const base = {
    path: pdfPath,
    fileName: 'scan.pdf',
    companyNumber: administration.companyNumber,
    invoiceType: 'PURCHASE' as const,
  };
  await client.uploadInvoice(base);
  await client.uploadInvoice({ ...base, mediaType: 'application/x-declared' });
  assert.deepEqual(declared, ['application/pdf', 'application/x-declared']);
});

test('names with accents, emoji and 200 characters arrive exactly as given', async (t) => {
  const { client, emulator, folder } = await setUp(t);
  const administration = firstOf(emulator.seed.administrations);
  const names = [
    'Factuur café Élodie — février.pdf',
    'Reçu 🧾✅ 2026.pdf',
    `${'Facture très longue '.repeat(10).slice(0, 196)}.pdf`,
    'quote " and back\\slash; semi=colon.pdf',
  ];
  assert.equal(names[2]?.length, 200);
  for (const [index, fileName] of names.entries()) {
    await client.uploadInvoice({
      path: await pdfIn(folder, `file-${index}.pdf`),
      fileName,
      companyNumber: administration.companyNumber,
      invoiceType: 'PURCHASE',
    });
  }
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    names,
  );
});

test('readScopes infers the read scopes from reads alone, and never sends a mutation', async (t) => {
  const { emulator } = await setUp(t);
  const cases: [string[], string[]][] = [
    [
      ['read_administrations', 'upload_document', 'archive'],
      ['read_administrations', 'archive_read'],
    ],
    [['read_administrations'], ['read_administrations']],
    [['upload_document', 'archive_read'], ['archive_read']],
    [['archive_actions'], []],
    [['openid'], []],
  ];
  for (const [granted, expected] of cases) {
    const token = emulator.addToken(granted);
    const client = createClearfactsClient({
      apiUrl: emulator.graphqlUrl,
      getToken: () => Promise.resolve(token),
      fetch: globalThis.fetch,
    });
    assert.deepEqual(await client.readScopes(), expected, `token with ${granted.join(', ')}`);
  }
  assert.deepEqual(emulator.uploads(), [], 'checking scopes never stores anything');
  assert.deepEqual(emulator.phantoms(), [], 'checking scopes never sends an upload mutation');
});
