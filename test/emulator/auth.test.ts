// Bearer tokens and scopes: every root field refuses a token without its scope with
// "Missing scope: <scope>", and a missing, unknown or revoked token never reaches GraphQL (401).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphqlAnswer } from './emulator-test-support.ts';
import {
  UPLOAD_ARCHIVE,
  UPLOAD_INVOICE,
  graphql,
  onlyErrorMessage,
  postGraphql,
  postUpload,
  startTestEmulator,
  upload,
} from './emulator-test-support.ts';
import type { Emulator } from './index.ts';
import { ALL_SCOPES, seedData } from './index.ts';
import { pdfWithPages } from './test-documents.ts';

const administration = seedData.administrations[1];
assert.ok(administration);
const companyNumber = administration.companyNumber;
const permanentCategory = administration.categories.permanent[0];
assert.ok(permanentCategory);

interface ScopedField {
  field: string;
  /** Named in the refusal. */
  scope: string;
  /** Scopes that also grant the field (archive = archive_read + archive_actions). */
  alsoGrantedBy?: string[];
  call: (emulator: Emulator, token: string) => Promise<GraphqlAnswer>;
}

const query =
  (text: string, variables: Record<string, unknown> = {}) =>
  (emulator: Emulator, token: string) =>
    graphql(emulator, text, variables, token);

const SCOPED_FIELDS: ScopedField[] = [
  { field: 'accountant', scope: 'accountant', call: query('{ accountant { name } }') },
  { field: 'associates', scope: 'associate_read', call: query('{ associates { id } }') },
  { field: 'associateGroups', scope: 'associate_read', call: query('{ associateGroups { id } }') },
  {
    field: 'administrations',
    scope: 'read_administrations',
    call: query('{ administrations { companyNumber } }'),
  },
  {
    field: 'administration',
    scope: 'read_administrations',
    call: query('query($c: String!) { administration(companyNumber: $c) { name } }', {
      c: companyNumber,
    }),
  },
  {
    field: 'archiveCategories',
    scope: 'archive_read',
    alsoGrantedBy: ['archive'],
    call: query('query($c: String!) { archiveCategories(vatnumber: $c) { various { id } } }', {
      c: companyNumber,
    }),
  },
  {
    field: 'journals',
    scope: 'journal_read',
    call: query('query($c: String!) { journals(companyNumber: $c) { id } }', { c: companyNumber }),
  },
  {
    field: 'customers',
    scope: 'contact_read',
    call: query('query($c: String!) { customers(companyNumber: $c) { id } }', { c: companyNumber }),
  },
  {
    field: 'getCompanyStatistics',
    scope: 'statistics',
    call: query(
      '{ getCompanyStatistics(type: "AIR", startPeriod: "2025-01-01", endPeriod: "2025-03-31") { companyNumber } }',
    ),
  },
  {
    field: 'document',
    scope: 'upload_document',
    call: query('{ document(id: "B74D7E7D-2408-4517-AA31-BB76018E844D") { date } }'),
  },
  {
    field: 'addAssociate',
    scope: 'associate_actions',
    call: query('mutation($a: AddAssociateArgument!) { addAssociate(associate: $a) { id } }', {
      a: { firstName: 'Lien', lastName: 'Baert', email: 'lien.baert@example.be', type: 'USER' },
    }),
  },
  {
    field: 'editAssociate',
    scope: 'associate_actions',
    call: query(
      'mutation($id: ID!) { editAssociate(id: $id, associate: { firstName: "Ann" }) { id } }',
      { id: seedData.associates[0]?.id },
    ),
  },
  {
    field: 'updateAppInfo',
    scope: 'read_administrations',
    call: query(
      'mutation($c: String!) { updateAppInfo(vatnumber: $c, imageUrl: "x") { vatnumber } }',
      {
        c: companyNumber,
      },
    ),
  },
  {
    field: 'uploadFile',
    scope: 'upload_document',
    call: async (emulator, token) =>
      upload(emulator, {
        query: UPLOAD_INVOICE,
        variables: { companyNumber, filename: 'factuur.pdf', type: 'PURCHASE' },
        file: { bytes: await pdfWithPages(1), filename: 'factuur.pdf' },
        token,
      }),
  },
  {
    field: 'uploadArchiveFile',
    scope: 'archive_actions',
    alsoGrantedBy: ['archive'],
    call: async (emulator, token) =>
      upload(emulator, {
        query: UPLOAD_ARCHIVE,
        variables: {
          vatnumber: companyNumber,
          filename: 'huurcontract.pdf',
          type: 'PERMANENT',
          category: permanentCategory.id,
        },
        file: { bytes: await pdfWithPages(1), filename: 'huurcontract.pdf' },
        token,
      }),
  },
];

for (const scoped of SCOPED_FIELDS) {
  test(`${scoped.field} without ${scoped.scope} answers "Missing scope: ${scoped.scope}"`, async (t) => {
    const emulator = await startTestEmulator(t);
    const granting = [scoped.scope, ...(scoped.alsoGrantedBy ?? [])];
    const withoutScope = emulator.addToken(ALL_SCOPES.filter((scope) => !granting.includes(scope)));
    const refused = await scoped.call(emulator, withoutScope);
    assert.equal(onlyErrorMessage(refused), `Missing scope: ${scoped.scope}`);
    assert.deepEqual(refused.errors?.[0]?.path, [scoped.field]);
    assert.equal(refused.data?.[scoped.field], null);
    assert.deepEqual(emulator.uploads(), [], 'a refused upload is not stored');

    for (const scope of granting) {
      const granted = await scoped.call(emulator, emulator.addToken([scope]));
      const scopeErrors = (granted.errors ?? []).filter((error) =>
        error.message.startsWith('Missing scope'),
      );
      assert.deepEqual(scopeErrors, [], `${scope} alone grants ${scoped.field}`);
    }
  });
}

test('a missing, malformed, unknown or revoked token gets HTTP 401 with an OAuth error body', async (t) => {
  const emulator = await startTestEmulator(t);
  const revoked = emulator.addToken(['read_administrations']);
  emulator.revokeToken(revoked);
  const cases: { authorization: string | null; error: string; description: RegExp }[] = [
    { authorization: null, error: 'invalid_request', description: /no Authorization/ },
    {
      authorization: `Token ${emulator.demoToken}`,
      error: 'invalid_request',
      description: /Bearer/,
    },
    { authorization: `Bearer ${'x'.repeat(80)}`, error: 'invalid_token', description: /invalid/ },
    { authorization: `Bearer ${revoked}`, error: 'invalid_token', description: /revoked/ },
  ];
  for (const { authorization, error, description } of cases) {
    for (const url of [emulator.graphqlUrl, `${emulator.origin}/oauth2-server/userinfo`]) {
      const isGraphql = url === emulator.graphqlUrl;
      const response = await fetch(url, {
        method: isGraphql ? 'POST' : 'GET',
        headers: {
          ...(authorization === null ? {} : { Authorization: authorization }),
          ...(isGraphql ? { 'Content-Type': 'application/json' } : {}),
        },
        body: isGraphql ? JSON.stringify({ query: '{ administrations { name } }' }) : undefined,
      });
      assert.equal(response.status, 401, `${authorization} on ${url}`);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
      const body = (await response.json()) as { error: string; error_description: string };
      assert.equal(body.error, error);
      assert.match(body.error_description, description);
    }
  }
});

test('a revoked token stops working at once; other tokens keep working', async (t) => {
  const emulator = await startTestEmulator(t);
  const token = emulator.addToken(['read_administrations'], { username: 'jan@bakkerij.be' });
  const before = await graphql(emulator, '{ administrations { name } }', {}, token);
  assert.equal(before.errors, undefined);
  emulator.revokeToken(token);
  assert.equal(
    (await postGraphql(emulator, '{ administrations { name } }', {}, token)).status,
    401,
  );
  assert.equal((await postGraphql(emulator, '{ administrations { name } }')).status, 200);
});

test('a 401 to a large upload arrives after the body, so the client reads it', async (t) => {
  const emulator = await startTestEmulator(t);
  const answer = await postUpload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber, filename: 'groot.pdf', type: 'PURCHASE' },
    file: { bytes: Buffer.alloc(4 * 1024 * 1024, 0x41), filename: 'groot.pdf' },
    token: 'y'.repeat(80),
  });
  assert.equal(answer.status, 401);
  assert.equal(JSON.parse(answer.text).error, 'invalid_token');
});

test('the refusal status is configurable, since the live one is unconfirmed', async (t) => {
  const emulator = await startTestEmulator(t, { unauthorizedStatus: 403 });
  const answer = await postGraphql(emulator, '{ administrations { name } }', {}, 'z'.repeat(80));
  assert.equal(answer.status, 403);
});

test('tokens are exactly 80 characters; userinfo names the token owner', async (t) => {
  const emulator = await startTestEmulator(t);
  assert.equal(emulator.demoToken.length, 80);
  const token = emulator.addToken(['openid'], { username: 'boekhouding@garage-peeters.be' });
  assert.equal(token.length, 80);
  assert.match(token, /^[\x21-\x7e]{80}$/);
  const response = await fetch(`${emulator.origin}/oauth2-server/userinfo`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.deepEqual(await response.json(), {
    sub: 'boekhouding@garage-peeters.be',
    username: 'boekhouding@garage-peeters.be',
    email: 'boekhouding@garage-peeters.be',
  });
  assert.throws(() => emulator.addToken(['upload_documents']), /unknown scope/);
});

test('introspection is off by default, as live, and can be switched on', async (t) => {
  const closed = await startTestEmulator(t);
  const refused = await graphql(closed, '{ __schema { queryType { name } } }');
  assert.equal(refused.data, undefined);
  assert.match(refused.errors?.[0]?.message ?? '', /introspection has been disabled/);
  const typename = await graphql(closed, '{ __typename }');
  assert.deepEqual(typename.data, { __typename: 'Query' });

  const open = await startTestEmulator(t, { introspection: true });
  const allowed = await graphql(open, '{ __schema { mutationType { name } } }');
  assert.deepEqual(allowed.data, { __schema: { mutationType: { name: 'Mutation' } } });
});
