// The read side and the seed: pagination, lookups, documents, associates, statistics, the test
// hooks over HTTP, and company numbers that pass the mod-97 check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  UPLOAD_ARCHIVE,
  UPLOAD_INVOICE,
  graphql,
  onlyErrorMessage,
  postGraphql,
  startTestEmulator,
  upload,
} from './emulator-test-support.ts';
import { buildSeed, hasValidCheckDigits, seedData } from './index.ts';
import { companyNumberFrom, parseCompanyNumber } from './company-number.ts';
import { pdfWithPages } from './test-documents.ts';

test('customers come 100 per page; offset walks the 250 of the seeded administration', async (t) => {
  const emulator = await startTestEmulator(t);
  const page = async (offset: number | null) => {
    const answer = await graphql(
      emulator,
      'query($c: String!, $o: Int) { customers(companyNumber: $c, offset: $o) { id name } }',
      { c: seedData.administrationWithManyCustomers, o: offset },
    );
    assert.equal(answer.errors, undefined);
    return answer.data?.customers as { id: string; name: string }[];
  };
  const pages = [await page(null), await page(100), await page(200), await page(300)];
  assert.deepEqual(
    pages.map((customers) => customers.length),
    [100, 100, 50, 0],
  );
  const ids = pages.flat().map((customer) => customer.id);
  assert.equal(new Set(ids).size, 250);
  assert.deepEqual((await page(0))[0], pages[0]?.[0]);
  const negative = await graphql(
    emulator,
    'query($c: String!) { customers(companyNumber: $c, offset: -1) { id } }',
    { c: seedData.administrationWithManyCustomers },
  );
  assert.match(onlyErrorMessage(negative), /offset must be 0 or more/);
});

test('administrations are paginated with offset and first, all of them without', async (t) => {
  const emulator = await startTestEmulator(t);
  const list = async (args: string) => {
    const answer = await graphql(emulator, `{ administrations${args} { companyNumber name } }`);
    return answer;
  };
  const all = (await list('')).data?.administrations as { companyNumber: string }[];
  assert.deepEqual(
    all.map((administration) => administration.companyNumber),
    seedData.administrations.map((administration) => administration.companyNumber),
  );
  assert.ok(
    !all.some((a) => a.companyNumber === seedData.inaccessibleAdministration.companyNumber),
  );
  const firstTwo = (await list('(first: 2)')).data?.administrations as unknown[];
  assert.deepEqual(firstTwo, all.slice(0, 2));
  const tail = (await list('(offset: 5, first: 10)')).data?.administrations as unknown[];
  assert.deepEqual(tail, all.slice(5));
  assert.match(onlyErrorMessage(await list('(first: 0)')), /first must be 1 or more/);
});

test('1,000 extra administrations for the UI, all with valid, distinct company numbers', async (t) => {
  const emulator = await startTestEmulator(t, { extraAdministrations: 1000 });
  assert.equal(emulator.seed.administrations.length, seedData.administrations.length + 1000);
  const page = await graphql(
    emulator,
    '{ administrations(offset: 1000, first: 100) { companyNumber name } }',
  );
  const administrations = page.data?.administrations as { companyNumber: string; name: string }[];
  assert.equal(administrations.length, seedData.administrations.length);
  const numbers = emulator.seed.administrations.map(
    (administration) => administration.companyNumber,
  );
  assert.equal(new Set(numbers).size, numbers.length);
  assert.ok(numbers.every(hasValidCheckDigits));
});

test('administration(companyNumber) finds, refuses the inaccessible and names the unknown', async (t) => {
  const emulator = await startTestEmulator(t);
  const lookup = (companyNumber: string) =>
    graphql(emulator, 'query($c: String!) { administration(companyNumber: $c) { name } }', {
      c: companyNumber,
    });
  const found = await lookup(seedData.administrations[3]?.companyNumber ?? '');
  assert.deepEqual(found.data, { administration: { name: seedData.administrations[3]?.name } });
  assert.match(
    onlyErrorMessage(await lookup(seedData.inaccessibleAdministration.companyNumber)),
    /^Access denied/,
  );
  assert.match(
    onlyErrorMessage(await lookup(companyNumberFrom('09876543'))),
    /^Unknown administration/,
  );
});

test('archive categories, journals and statistics of an administration', async (t) => {
  const emulator = await startTestEmulator(t);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const categories = await graphql(
    emulator,
    'query($v: String!) { archiveCategories(vatnumber: $v) { various { id name } permanent { id name } } }',
    { v: `BE${administration.companyNumber}` },
  );
  assert.deepEqual(categories.data?.archiveCategories, administration.categories);
  const names = [...administration.categories.various, ...administration.categories.permanent].map(
    (category) => category.name,
  );
  for (const name of ['Beleggingen', 'Verzekeringen', 'Contracten', 'Huurovereenkomst']) {
    assert.ok(names.includes(name), name);
  }

  const journals = await graphql(
    emulator,
    'query($c: String!) { journals(companyNumber: $c) { id name creditNote } }',
    { c: administration.companyNumber },
  );
  assert.deepEqual(journals.data?.journals, administration.journals);

  const statistics = await graphql(
    emulator,
    '{ getCompanyStatistics(type: "processing", startPeriod: "2025-01-01", endPeriod: "2025-12-31") { companyNumber items { period value } } }',
  );
  const entries = statistics.data?.getCompanyStatistics as {
    companyNumber: string;
    items: { period: string; value: number }[];
  }[];
  assert.equal(entries.length, seedData.administrations.length);
  assert.equal(entries[0]?.companyNumber, `BE${administration.companyNumber}`);
  assert.deepEqual(
    entries[0]?.items.map((item) => item.period),
    ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map(
      (m) => `${m}/2025`,
    ),
  );
  const wrongType = await graphql(
    emulator,
    '{ getCompanyStatistics(type: "OCR", startPeriod: "2025-01-01", endPeriod: "2025-12-31") { companyNumber } }',
  );
  assert.match(onlyErrorMessage(wrongType), /use AIR or processing/);
});

test('document(id) returns the uploaded document by type; unknown ids are not found', async (t) => {
  const emulator = await startTestEmulator(t);
  const administration = seedData.administrations[1];
  assert.ok(administration);
  const pdf = await pdfWithPages(1);
  const invoice = await upload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber: administration.companyNumber, filename: 'v.pdf', type: 'SALE' },
    file: { bytes: pdf, filename: 'v.pdf' },
  });
  const archive = await upload(emulator, {
    query: UPLOAD_ARCHIVE,
    variables: {
      vatnumber: administration.companyNumber,
      filename: 'polis.pdf',
      type: 'VARIOUS',
      category: administration.categories.various[1]?.id,
    },
    file: { bytes: pdf, filename: 'polis.pdf' },
  });
  const documentQuery = `query($id: ID!) { document(id: $id) { __typename date file { uuid name amountOfPages } ... on InvoiceDocument { type paymentState } } }`;
  const invoiceUuid = (invoice.data?.uploadFile as { uuid: string }).uuid;
  const invoiceDocument = await graphql(emulator, documentQuery, { id: invoiceUuid.toLowerCase() });
  assert.deepEqual(
    { ...(invoiceDocument.data?.document as Record<string, unknown>), date: 'today' },
    {
      __typename: 'InvoiceDocument',
      date: 'today',
      file: { uuid: invoiceUuid, name: 'v.pdf', amountOfPages: 1 },
      type: 'SALE',
      paymentState: 'UNPAID',
    },
  );
  const archiveUuid = (archive.data?.uploadArchiveFile as { uuid: string }).uuid;
  const archiveDocument = await graphql(emulator, documentQuery, { id: archiveUuid });
  assert.equal(
    (archiveDocument.data?.document as { __typename: string }).__typename,
    'ArchiveDocument',
  );
  const missing = await graphql(emulator, documentQuery, {
    id: 'B74D7E7D-2408-4517-AA31-BB76018E844D',
  });
  assert.match(onlyErrorMessage(missing), /not found/);

  // A document made to fail answers an error on its own alias, not "not found", until lifted.
  const hook = (body: unknown) =>
    fetch(`${emulator.origin}/__emulator/documents/fail`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await hook({ uuid: invoiceUuid })).status, 204);
  const both = await graphql(
    emulator,
    `
      query ($a: ID!, $b: ID!) {
        a: document(id: $a) {
          date
        }
        b: document(id: $b) {
          date
        }
      }
    `,
    { a: invoiceUuid, b: archiveUuid },
  );
  assert.deepEqual(
    both.errors?.map((error) => [error.path, error.message]),
    [[['a'], 'The document could not be loaded.']],
  );
  assert.equal(both.data?.a, null);
  assert.ok(both.data?.b, 'the other alias still answers');
  assert.equal((await hook({ uuid: invoiceUuid, message: null })).status, 204);
  const again = await graphql(emulator, documentQuery, { id: invoiceUuid });
  assert.equal(again.errors, undefined);
  assert.equal((await hook({ uuid: 'B74D7E7D-2408-4517-AA31-BB76018E844D' })).status, 404);
});

test('associates: added ones are listed; duplicates and unknown groups are refused', async (t) => {
  const emulator = await startTestEmulator(t);
  const add = (email: string, groupId: string) =>
    graphql(
      emulator,
      'mutation($a: AddAssociateArgument!) { addAssociate(associate: $a) { id email associateGroups { name } } }',
      {
        a: {
          firstName: 'Lien',
          lastName: 'Baert',
          email,
          type: 'USER',
          associateGroups: [{ id: groupId }],
        },
      },
    );
  const group = seedData.associateGroups[1];
  assert.ok(group);
  const added = await add('lien.baert@verhaegen-partners.be', group.id);
  assert.deepEqual((added.data?.addAssociate as { associateGroups: unknown }).associateGroups, [
    { name: group.name },
  ]);
  const listed = await graphql(emulator, '{ associates { email } }');
  assert.equal((listed.data?.associates as unknown[]).length, seedData.associates.length + 1);
  assert.match(
    onlyErrorMessage(await add('lien.baert@verhaegen-partners.be', group.id)),
    /already exists/,
  );
  assert.match(
    onlyErrorMessage(await add('nieuw@verhaegen-partners.be', 'nope')),
    /Unknown associate group/,
  );
});

test('test hooks over HTTP: tokens, uploads and reset; absent outside test mode', async (t) => {
  const emulator = await startTestEmulator(t);
  const hook = (method: string, route: string, body?: unknown) =>
    fetch(`${emulator.origin}/__emulator/${route}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await hook('POST', 'tokens', {
    scopes: ['upload_document', 'read_administrations'],
  });
  assert.equal(created.status, 201);
  const { token } = (await created.json()) as { token: string };
  assert.equal(token.length, 80);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const answer = await upload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber: administration.companyNumber, filename: 'f.pdf', type: 'PURCHASE' },
    file: { bytes: await pdfWithPages(1), filename: 'f.pdf' },
    token,
  });
  assert.equal(answer.errors, undefined);
  assert.deepEqual(await (await hook('GET', 'uploads')).json(), emulator.uploads());
  assert.equal((await hook('POST', 'tokens', { scopes: ['everything'] })).status, 400);
  assert.equal((await hook('POST', 'tokens/revoke', { token: 'q'.repeat(80) })).status, 404);

  assert.equal((await hook('POST', 'reset')).status, 204);
  assert.deepEqual(emulator.uploads(), []);
  const afterReset = await postGraphql(emulator, '{ administrations { name } }', {}, token);
  assert.equal(afterReset.status, 401, 'added tokens are forgotten on reset');

  const another = emulator.addToken(['read_administrations']);
  assert.equal((await hook('POST', 'tokens/revoke', { token: another })).status, 204);
  assert.equal(
    (await postGraphql(emulator, '{ administrations { name } }', {}, another)).status,
    401,
  );

  const production = await startTestEmulator(t, { testMode: false });
  for (const route of ['uploads', 'faults']) {
    assert.equal((await fetch(`${production.origin}/__emulator/${route}`)).status, 404);
  }
  assert.equal(
    (await fetch(`${production.origin}/__emulator/reset`, { method: 'POST' })).status,
    404,
  );
});

test('seeded company numbers are valid Belgian numbers: 0 + 9 digits, mod-97 check', () => {
  assert.equal(companyNumberFrom('02022399'), '0202239951', 'a real one (Proximus)');
  assert.ok(hasValidCheckDigits('0202239951'));
  assert.ok(!hasValidCheckDigits('0123123123'), 'the docs example does not pass the check');
  const all = [...seedData.administrations, seedData.inaccessibleAdministration].map(
    (administration) => administration.companyNumber,
  );
  assert.ok(all.length >= 7);
  assert.ok(all.every(hasValidCheckDigits), all.join(', '));
  assert.ok(hasValidCheckDigits(seedData.accountant.companyNumber));
  assert.equal(new Set(all).size, all.length);
  assert.equal(parseCompanyNumber('BE0202239951', { allowVatPrefix: true }), '0202239951');
  assert.equal(parseCompanyNumber('BE0202239951', { allowVatPrefix: false }), null);
  assert.deepEqual(buildSeed(), seedData, 'the seed is deterministic');
});
