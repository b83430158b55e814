// The documentation's own requests, byte for byte, against the emulator: each body form the
// docs describe (application/graphql, JSON, curl -F multipart with and without a file) and the
// documented answer shapes. Only the docs' placeholders (<token>, the example company number
// and ids, which name nothing real) are swapped for seeded values.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import * as docs from './documentation-examples.ts';
import type { DocumentedOperation } from './documentation-examples.ts';
import { GraphqlAnswer, startTestEmulator } from './emulator-test-support.ts';
import type { Emulator } from './index.ts';
import { seedData } from './index.ts';
import { pdfWithPages } from './test-documents.ts';

const administration = seedData.administrations[0];
assert.ok(administration);
const variousCategory = administration.categories.various[0];
assert.ok(variousCategory);
const group = seedData.associateGroups[0];
assert.ok(group);

function withSeededValues(text: string, replacements: Record<string, string> = {}): string {
  let result = text
    .replaceAll(docs.DOCUMENTED_COMPANY_NUMBER, administration?.companyNumber ?? '')
    .replaceAll(docs.DOCUMENTED_CATEGORY_ID, variousCategory?.id ?? '')
    .replaceAll(docs.DOCUMENTED_GROUP_ID, group?.id ?? '');
  for (const [placeholder, value] of Object.entries(replacements)) {
    result = result.replaceAll(placeholder, value);
  }
  return result;
}

type Shape = string | Shape[] | { [key: string]: Shape };

/** Keys and value types, recursively; an array's shape is its first element's. */
function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return typeof value;
}

function assertDocumentedShape(answerText: string, operation: DocumentedOperation): unknown {
  const answer: unknown = JSON.parse(answerText);
  assert.deepEqual(shapeOf(answer), shapeOf(JSON.parse(operation.response)), answerText);
  return answer;
}

async function post(
  emulator: Emulator,
  contentType: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const response = await fetch(emulator.graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.demoToken}`, 'Content-Type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** curl -F 'query=…' -F 'variables=…' [-F file=@…]: text parts first, in that order. */
async function postForm(
  emulator: Emulator,
  operation: DocumentedOperation,
  replacements: Record<string, string> = {},
  file?: { bytes: Uint8Array; filename: string },
): Promise<{ status: number; text: string }> {
  const form = new FormData();
  form.append('query', operation.query);
  form.append('variables', withSeededValues(operation.variables ?? '{}', replacements));
  if (file !== undefined) {
    form.append('file', new Blob([file.bytes], { type: 'application/pdf' }), file.filename);
  }
  const response = await fetch(emulator.graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.demoToken}` },
    body: form,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * The bytes curl 8 writes for the docs' upload command, hand-written: its boundary style, no
 * Content-Type on text parts, and `Expect: 100-continue` before a body over 1 MiB.
 */
async function postLikeCurl(
  emulator: Emulator,
  parts: { query: string; variables: string; file: Buffer; filename: string },
): Promise<{ status: number; text: string }> {
  const boundary = '------------------------d74496d66958873e';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="query"\r\n\r\n${parts.query}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="variables"\r\n\r\n${parts.variables}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${parts.filename}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const body = Buffer.concat([head, parts.file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return new Promise((resolve, reject) => {
    const request = httpRequest(emulator.graphqlUrl, {
      method: 'POST',
      headers: {
        Host: new URL(emulator.origin).host,
        'User-Agent': 'curl/8.5.0',
        Accept: '*/*',
        Authorization: `Bearer ${emulator.demoToken}`,
        'Content-Length': String(body.length),
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        Expect: '100-continue',
      },
    });
    request.on('continue', () => request.end(body));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const documentedQueries = [
  docs.accountant,
  docs.associates,
  docs.associateGroups,
  docs.administrations,
  docs.administration,
  docs.archiveCategories,
  docs.journals,
  docs.customers,
  docs.companyStatistics,
];

for (const operation of documentedQueries) {
  test(`${operation.name}: the documented query as application/graphql and as JSON`, async (t) => {
    const emulator = await startTestEmulator(t);
    const query = withSeededValues(operation.query);
    const asGraphql = await post(emulator, 'application/graphql', query);
    assert.equal(asGraphql.status, 200);
    assertDocumentedShape(asGraphql.text, operation);
    const asJson = await post(emulator, 'application/json', JSON.stringify({ query }));
    assert.equal(asJson.status, 200);
    assert.equal(asJson.text, asGraphql.text);
  });
}

test('Mutation - Add Associate and Edit Associate: the documented curl -F forms', async (t) => {
  const emulator = await startTestEmulator(t);
  const added = await postForm(emulator, docs.addAssociate);
  assert.equal(added.status, 200);
  const addAnswer = GraphqlAnswer.parse(assertDocumentedShape(added.text, docs.addAssociate));
  const newAssociate = addAnswer.data?.addAssociate as { id: string; plainPassword: string };
  assert.match(newAssociate.plainPassword, /^\S{8,}$/);

  const edited = await postForm(emulator, docs.editAssociate, {
    [docs.DOCUMENTED_ASSOCIATE_ID]: newAssociate.id,
  });
  assert.equal(edited.status, 200);
  const editAnswer = GraphqlAnswer.parse(assertDocumentedShape(edited.text, docs.editAssociate));
  assert.deepEqual(editAnswer.data?.editAssociate, { id: newAssociate.id, firstName: 'Updated' });
});

test('Mutation - Update App Info: the documented form echoes the app info', async (t) => {
  const emulator = await startTestEmulator(t);
  const answer = await postForm(emulator, docs.updateAppInfo);
  assert.equal(answer.status, 200);
  const parsed = GraphqlAnswer.parse(assertDocumentedShape(answer.text, docs.updateAppInfo));
  assert.deepEqual(parsed.data?.updateAppInfo, {
    vatnumber: administration.companyNumber,
    imageUrl: 'XXX',
    emailaddress: 'test@clearfacts.be',
    icon: { type: 'trophy', color: 'yellow' },
    badge: { text: 'NEW', textColor: '#d5a855', color: 'red' },
  });
});

test('Mutation - Upload File: curl bytes (Expect: 100-continue), then Query - Document', async (t) => {
  const emulator = await startTestEmulator(t);
  // Over 1 MiB, so curl would send Expect: 100-continue and wait for the interim answer.
  const pdf = Buffer.concat([await pdfWithPages(1), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
  const answer = await postLikeCurl(emulator, {
    query: docs.uploadFile.query,
    variables: withSeededValues(docs.uploadFile.variables ?? ''),
    file: pdf,
    filename: 'example.pdf',
  });
  assert.equal(answer.status, 200);
  const parsed = GraphqlAnswer.parse(assertDocumentedShape(answer.text, docs.uploadFile));
  const file = parsed.data?.uploadFile as { uuid: string; amountOfPages: number };
  assert.match(file.uuid, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  assert.equal(file.amountOfPages, 1);

  const [received] = emulator.uploads();
  assert.equal(received?.uuid, file.uuid);
  assert.equal(received?.filename, 'test_upload.pdf');
  assert.equal(received?.invoiceType, 'PURCHASE');
  assert.equal(received?.bytes, pdf.length);

  const documentQuery = withSeededValues(docs.document.query, {
    [docs.DOCUMENTED_DOCUMENT_ID]: file.uuid,
  });
  const documentAnswer = await post(emulator, 'application/graphql', documentQuery);
  assert.equal(documentAnswer.status, 200);
  const documentParsed = GraphqlAnswer.parse(
    assertDocumentedShape(documentAnswer.text, docs.document),
  );
  const documentData = documentParsed.data?.document as Record<string, unknown>;
  assert.equal(documentData.type, 'PURCHASE');
  assert.equal(documentData.paymentState, 'UNPAID');
  assert.match(String(documentData.date), /^\d{4}-\d{2}-\d{2}$/);
});

test('Mutation - Upload Archive File: the documented form with a file', async (t) => {
  const emulator = await startTestEmulator(t);
  const answer = await postForm(
    emulator,
    docs.uploadArchiveFile,
    {},
    {
      bytes: await pdfWithPages(2),
      filename: 'example.pdf',
    },
  );
  assert.equal(answer.status, 200);
  const parsed = GraphqlAnswer.parse(assertDocumentedShape(answer.text, docs.uploadArchiveFile));
  const file = parsed.data?.uploadArchiveFile as { uuid: string; amountOfPages: number };
  assert.equal(file.amountOfPages, 2);
  const [received] = emulator.uploads();
  assert.equal(received?.kind, 'archive');
  assert.equal(received?.archiveType, 'VARIOUS');
  assert.equal(received?.categoryId, variousCategory.id);
  assert.equal(received?.companyNumber, administration.companyNumber);
});

test('GET /oauth2-server/userinfo and /.well-known/openid-configuration answer like the docs', async (t) => {
  const emulator = await startTestEmulator(t);
  const userInfo = await fetch(`${emulator.origin}/oauth2-server/userinfo`, {
    headers: { Authorization: `Bearer ${emulator.demoToken}` },
  });
  assert.equal(userInfo.status, 200);
  const claims = (await userInfo.json()) as Record<string, unknown>;
  assert.deepEqual(
    { sub: claims.sub, username: claims.username, email: claims.email },
    { sub: seedData.user.username, username: seedData.user.username, email: seedData.user.email },
  );
  assert.equal(claims.given_name, seedData.user.givenName, 'the demo token has the profile scope');

  const narrowToken = emulator.addToken(['upload_document']);
  const narrow = await fetch(`${emulator.origin}/oauth2-server/userinfo`, {
    headers: { Authorization: `Bearer ${narrowToken}` },
  });
  assert.deepEqual(shapeOf(await narrow.json()), shapeOf(JSON.parse(docs.userInfoResponse)));

  const discovery = await fetch(`${emulator.origin}/.well-known/openid-configuration`);
  assert.equal(discovery.status, 200);
  const expected = docs.openIdConfigurationResponse.replaceAll(
    'https://login.clearfacts.be',
    emulator.origin,
  );
  assert.deepEqual(await discovery.json(), JSON.parse(expected));
});
