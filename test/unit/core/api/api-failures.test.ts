// Every failure class, produced by the real emulator over HTTP (or, where only a broken network
// or proxy can produce it, by an injected fetch), and the token absent from every error.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { parseRetryAfter } from '../../../../src-main/core/api/api-failures.ts';
import {
  ClearfactsApiError,
  type ApiFailureKind,
  type ClearfactsClient,
  type ClearfactsClientOptions,
} from '../../../../src-main/core/api/clearfacts-client.ts';
import { createClearfactsClient } from '../../../../src-main/core/api/clearfacts-graphql-client.ts';
import { startEmulator, type Emulator } from '../../../emulator/index.ts';
import { HTML_PAGE, largePdfBytes, pdfBytes } from '../../../fixtures/generate-documents.ts';
import { withDeadline } from '../../../support/waiting.ts';

interface Setup {
  emulator: Emulator;
  folder: string;
  pdfPath: string;
  companyNumber: string;
  clientWith(options?: Partial<ClearfactsClientOptions>): ClearfactsClient;
}

async function setUp(t: TestContext): Promise<Setup> {
  const emulator = await startEmulator();
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-failures-'));
  t.after(async () => {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
  });
  const pdfPath = path.join(folder, 'invoice.pdf');
  await writeFile(pdfPath, await pdfBytes(2));
  const companyNumber = emulator.seed.administrations[0]?.companyNumber ?? '';
  return {
    emulator,
    folder,
    pdfPath,
    companyNumber,
    clientWith: (options = {}) =>
      createClearfactsClient({
        apiUrl: emulator.graphqlUrl,
        getToken: () => Promise.resolve(emulator.demoToken),
        fetch: globalThis.fetch,
        queryRetries: 0,
        ...options,
      }),
  };
}

/** Awaits a call that must fail and returns its ClearfactsApiError after checking the kind. */
async function failure(call: Promise<unknown>, kind: ApiFailureKind): Promise<ClearfactsApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ClearfactsApiError, `not a ClearfactsApiError: ${inspect(error)}`);
    assert.equal(error.kind, kind, `${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ${kind} failure, but the call succeeded`);
}

function invoice(setup: Setup, overrides: { path?: string; signal?: AbortSignal } = {}) {
  return {
    path: overrides.path ?? setup.pdfPath,
    fileName: 'invoice.pdf',
    companyNumber: setup.companyNumber,
    invoiceType: 'PURCHASE' as const,
    ...(overrides.signal === undefined ? {} : { signal: overrides.signal }),
  };
}

test('an unknown token, a revoked token and no token at all are auth failures', async (t) => {
  const setup = await setUp(t);
  const unknown = 'u'.repeat(80);
  const withUnknown = setup.clientWith({ getToken: () => Promise.resolve(unknown) });
  const unknownFailure = await failure(withUnknown.administrations(), 'auth');
  assert.equal(unknownFailure.status, 401);
  assert.match(
    unknownFailure.message,
    /did not accept the token \(HTTP 401: The access token is invalid\.\)/,
  );
  await failure(withUnknown.uploadInvoice(invoice(setup)), 'auth');
  await failure(withUnknown.userInfo(), 'auth');

  const revocable = setup.emulator.addToken(['read_administrations', 'upload_document']);
  const withRevoked = setup.clientWith({ getToken: () => Promise.resolve(revocable) });
  assert.ok((await withRevoked.administrations()).length > 0);
  setup.emulator.revokeToken(revocable);
  const revoked = await failure(withRevoked.uploadInvoice(invoice(setup)), 'auth');
  assert.match(revoked.message, /revoked/);

  const withNone = setup.clientWith({ getToken: () => Promise.resolve(null) });
  assert.match((await failure(withNone.administrations(), 'auth')).message, /No Clearfacts token/);
});

test('a missing scope names the scope, for queries and uploads', async (t) => {
  const setup = await setUp(t);
  const token = setup.emulator.addToken(['read_administrations']);
  const client = setup.clientWith({ getToken: () => Promise.resolve(token) });
  const upload = await failure(client.uploadInvoice(invoice(setup)), 'missing_scope');
  assert.equal(upload.scope, 'upload_document');
  assert.match(upload.message, /"upload_document" scope/);
  const categories = await failure(client.archiveCategories(setup.companyNumber), 'missing_scope');
  assert.equal(categories.scope, 'archive_read');
  const archive = await failure(
    client.uploadArchive({ ...invoice(setup), archiveType: 'VARIOUS', categoryId: 'any' }),
    'missing_scope',
  );
  assert.equal(archive.scope, 'archive_actions');
});

test('Clearfacts refusing a file is final and keeps the server words: type, administration, category', async (t) => {
  const setup = await setUp(t);
  const client = setup.clientWith();
  const htmlPath = path.join(setup.folder, 'page.pdf');
  await writeFile(htmlPath, HTML_PAGE);
  const type = await failure(client.uploadInvoice(invoice(setup, { path: htmlPath })), 'refused');
  assert.match(type.message, /^Clearfacts refused the file: /);
  assert.ok(type.serverMessage !== null && type.message.endsWith(type.serverMessage));

  const administration = await failure(
    client.uploadInvoice({ ...invoice(setup), companyNumber: '0999999999' }),
    'refused',
  );
  assert.match(administration.serverMessage ?? '', /0999999999/);
  await failure(
    client.uploadArchive({
      ...invoice(setup),
      archiveType: 'VARIOUS',
      categoryId: 'no-such-category',
    }),
    'refused',
  );
  assert.deepEqual(setup.emulator.uploads(), []);
});

test('an upload over the server limit is refused', async (t) => {
  const emulator = await startEmulator({ maxUploadBytes: 100_000 });
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-limit-'));
  t.after(async () => {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
  });
  const bigPath = path.join(folder, 'big.pdf');
  await writeFile(bigPath, largePdfBytes(300_000));
  const client = createClearfactsClient({
    apiUrl: emulator.graphqlUrl,
    getToken: () => Promise.resolve(emulator.demoToken),
    fetch: globalThis.fetch,
  });
  const refused = await failure(
    client.uploadInvoice({
      path: bigPath,
      fileName: 'big.pdf',
      companyNumber: emulator.seed.administrations[0]?.companyNumber ?? '',
      invoiceType: 'SALE',
    }),
    'refused',
  );
  assert.match(refused.message, /too large/);
});

test('after the whole upload was sent, 5xx is ambiguous; 503 with Retry-After and any 5xx on a query are transient', async (t) => {
  const setup = await setUp(t);
  const client = setup.clientWith();
  setup.emulator.setFaults({ errorRate: 1, errorStatuses: [503], appliesTo: 'all' });
  const upload = await failure(client.uploadInvoice(invoice(setup)), 'ambiguous');
  assert.equal(upload.status, 503);
  assert.equal((await failure(client.administrations(), 'transient')).status, 503);
  setup.emulator.setFaults({ errorRate: 1, errorStatuses: [500, 502], appliesTo: 'all' });
  assert.ok(
    [500, 502].includes(
      (await failure(client.uploadInvoice(invoice(setup)), 'ambiguous')).status ?? 0,
    ),
  );

  // RFC 9110 §15.6.4: 503 with Retry-After says the server is refusing work for now.
  setup.emulator.setFaults({
    errorRate: 1,
    errorStatuses: [503],
    errorRetryAfterSeconds: 3,
  });
  const unavailable = await failure(client.uploadInvoice(invoice(setup)), 'transient');
  assert.equal(unavailable.retryAfterMs, 3000);

  // What the live API answers when it breaks inside (e.g. on `tags`): HTTP 200 and this error.
  const brokenInside: typeof fetch = () =>
    Promise.resolve(
      Response.json({ data: { uploadFile: null }, errors: [{ message: 'Internal server error' }] }),
    );
  const internal = await failure(
    setup.clientWith({ fetch: brokenInside }).uploadInvoice(invoice(setup)),
    'transient',
  );
  assert.match(internal.message, /internal server error/);
  await failure(setup.clientWith({ fetch: brokenInside }).administrations(), 'transient');
});

test('a stored upload whose answer is a 504, a 500, a reset or a cut-off 200 is ambiguous, never transient', async (t) => {
  const setup = await setUp(t);
  const client = setup.clientWith();
  for (const [index, how] of (['504', '500', 'reset', 'cut-off'] as const).entries()) {
    setup.emulator.setFaults({ storeThenFailRate: 1, storeThenFailWith: [how] });
    await failure(client.uploadInvoice(invoice(setup)), 'ambiguous');
    assert.equal(setup.emulator.uploads().length, index + 1, `${how}: the emulator stored it`);
  }
});

test('an upload whose body never left is transient; without a body-sent signal any failure after hand-off is ambiguous', async (t) => {
  const setup = await setUp(t);
  // The server reads nothing, so a large body cannot leave: stopping it then cannot have stored it.
  const bigPath = path.join(setup.folder, 'big.pdf');
  await writeFile(bigPath, largePdfBytes(16_000_000));
  setup.emulator.setFaults({ hangRate: 1, hangStage: 'before-processing' });
  await failure(
    setup
      .clientWith()
      .uploadInvoice(invoice(setup, { path: bigPath, signal: AbortSignal.timeout(800) })),
    'transient',
  );
  // A small body leaves at once: a timeout after that is ambiguous.
  await failure(setup.clientWith({ timeoutMs: 500 }).uploadInvoice(invoice(setup)), 'ambiguous');

  // Electron's net.fetch publishes no undici channel: a reset after hand-off may follow a store.
  const resetByPeer: typeof fetch = () =>
    Promise.reject(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      }),
    );
  await failure(
    setup.clientWith({ fetch: resetByPeer }).uploadInvoice(invoice(setup)),
    'ambiguous',
  );
  // A refused connection proves nothing reached any server, with or without the signal.
  const refusedConnection: typeof fetch = () =>
    Promise.reject(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
    );
  await failure(
    setup.clientWith({ fetch: refusedConnection }).uploadInvoice(invoice(setup)),
    'transient',
  );
});

test('429 is transient and carries Retry-After, in seconds or as an HTTP date', async (t) => {
  const setup = await setUp(t);
  setup.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
  const limited = await failure(setup.clientWith().uploadInvoice(invoice(setup)), 'transient');
  assert.equal(limited.status, 429);
  assert.equal(limited.retryAfterMs, 7000);

  const now = Date.parse('2026-11-02T10:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Mon, 02 Nov 2026 10:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Mon, 02 Nov 2026 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(null, now), null);
});

test('a query retries a transient failure and waits out Retry-After; an upload never retries', async (t) => {
  const setup = await setUp(t);
  let calls = 0;
  const healAfterFirstCall: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    calls += 1;
    if (calls === 1) setup.emulator.setFaults({});
    return response;
  };
  setup.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, appliesTo: 'all' });
  const client = setup.clientWith({
    fetch: healAfterFirstCall,
    queryRetries: 3,
    queryRetryDelayMs: 10,
  });
  const started = performance.now();
  assert.ok((await client.administrations()).length > 0);
  assert.equal(calls, 2);
  assert.ok(performance.now() - started >= 950, 'the retry came before Retry-After allowed it');

  calls = 0;
  setup.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
  await failure(client.uploadInvoice(invoice(setup)), 'transient');
  assert.equal(calls, 1);
  assert.equal(setup.emulator.uploads().length, 0);
});

test('a connection reset mid-upload is transient and nothing is stored', async (t) => {
  const setup = await setUp(t);
  const bigPath = path.join(setup.folder, 'scan.pdf');
  await writeFile(bigPath, largePdfBytes(2_000_000));
  setup.emulator.setFaults({ resetMidUploadRate: 1 });
  const reset = await failure(
    setup.clientWith().uploadInvoice(invoice(setup, { path: bigPath })),
    'transient',
  );
  assert.match(reset.message, /^Could not reach Clearfacts \(/);
  assert.deepEqual(setup.emulator.uploads(), []);
});

test('an upload that got no answer after the server stored it is ambiguous, a hung query transient', async (t) => {
  const setup = await setUp(t);
  const client = setup.clientWith({ timeoutMs: 1000 });
  setup.emulator.setFaults({ hangRate: 1, hangStage: 'after-processing' });
  const stored = new Promise((resolve) => setup.emulator.onUpload(resolve));
  const ambiguous = await failure(client.uploadInvoice(invoice(setup)), 'ambiguous');
  assert.match(ambiguous.message, /may or may not have been stored/);
  await withDeadline('the emulator to store the upload whose answer hung', stored);
  assert.equal(setup.emulator.uploads().length, 1, 'the emulator did store it');

  setup.emulator.setFaults({ hangRate: 1, hangStage: 'before-processing', appliesTo: 'all' });
  const hung = await failure(client.administrations(), 'transient');
  assert.match(hung.message, /did not answer within 1 s/);
});

test('an upload stopped by the caller is ambiguous once sent, transient if never sent', async (t) => {
  const setup = await setUp(t);
  const client = setup.clientWith();
  setup.emulator.setFaults({ hangRate: 1, hangStage: 'after-processing' });
  const stopping = new AbortController();
  const unsubscribe = setup.emulator.onUpload(() => stopping.abort());
  t.after(unsubscribe);
  await failure(client.uploadInvoice(invoice(setup, { signal: stopping.signal })), 'ambiguous');
  await failure(client.uploadInvoice(invoice(setup, { signal: AbortSignal.abort() })), 'transient');
  assert.equal(setup.emulator.uploads().length, 1);
});

test('a vanished file rejects with ENOENT; a proxy page is ambiguous for an upload; an unreachable server is transient', async (t) => {
  const setup = await setUp(t);
  await assert.rejects(
    setup.clientWith().uploadInvoice(invoice(setup, { path: path.join(setup.folder, 'gone.pdf') })),
    { code: 'ENOENT' },
  );

  // An unparseable answer to an upload that left cannot prove nothing was stored.
  const captivePortal: typeof fetch = () =>
    Promise.resolve(new Response('<html>Log in to the hotel Wi-Fi</html>', { status: 200 }));
  await failure(
    setup.clientWith({ fetch: captivePortal }).uploadInvoice(invoice(setup)),
    'ambiguous',
  );
  await failure(setup.clientWith({ fetch: captivePortal }).administrations(), 'transient');

  const origin = setup.emulator.graphqlUrl;
  await setup.emulator.close();
  const refused = await failure(
    createClearfactsClient({
      apiUrl: origin,
      getToken: () => Promise.resolve('t'.repeat(80)),
      fetch: globalThis.fetch,
      queryRetries: 0,
    }).administrations(),
    'transient',
  );
  assert.match(refused.message, /the connection was refused/);
});

test('the token appears in no error message, stack or cause, even when fetch or the server repeats it', async (t) => {
  const setup = await setUp(t);
  const token = setup.emulator.addToken(['read_administrations']);
  const errors: unknown[] = [];
  async function collect(call: Promise<unknown>): Promise<void> {
    await call.then(
      () => assert.fail('expected a failure'),
      (error: unknown) => errors.push(error),
    );
  }
  const base = { getToken: () => Promise.resolve(token) };
  const echoingFetch: typeof fetch = () =>
    Promise.reject(
      new TypeError('fetch failed', {
        cause: new TypeError(`Headers.append: "Bearer ${token}" is an invalid header value.`),
      }),
    );
  const echoingServer: typeof fetch = () =>
    Promise.resolve(
      Response.json({ errors: [{ message: `Token ${token} may not do this` }] }, { status: 400 }),
    );
  await collect(setup.clientWith(base).uploadInvoice(invoice(setup)));
  await collect(setup.clientWith({ ...base, fetch: echoingFetch }).administrations());
  await collect(setup.clientWith({ ...base, fetch: echoingFetch }).uploadInvoice(invoice(setup)));
  await collect(setup.clientWith({ ...base, fetch: echoingServer }).userInfo());
  await collect(setup.clientWith({ ...base, fetch: echoingServer }).uploadInvoice(invoice(setup)));
  setup.emulator.setFaults({ hangRate: 1, hangStage: 'after-processing', appliesTo: 'all' });
  await collect(setup.clientWith({ ...base, timeoutMs: 300 }).administrations());
  setup.emulator.revokeToken(token);
  setup.emulator.setFaults({});
  await collect(setup.clientWith(base).userInfo());

  assert.equal(errors.length, 7);
  for (const error of errors) {
    assert.ok(error instanceof ClearfactsApiError);
    const everything = `${inspect(error, { depth: 20, showHidden: true })} ${JSON.stringify(error)} ${String(error.stack)}`;
    assert.ok(!everything.includes(token), `the token leaked in: ${error.message}`);
  }
  assert.match(
    (errors[1] as Error).message,
    /^Could not reach Clearfacts \(Headers\.append: "Bearer \[REDACTED\]" is an invalid header value\.\)/,
  );
});

test('a file rewritten while its upload stalls: transient with fileChanged, nothing stored, no unhandled error', async (t) => {
  const setup = await setUp(t);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  t.after(() => process.off('unhandledRejection', onUnhandled));
  const bigPath = path.join(setup.folder, 'big.pdf');
  await writeFile(bigPath, largePdfBytes(15 * 1024 * 1024));
  // The emulator reads nothing for a while: most of the file is still unread when it changes.
  setup.emulator.setFaults({ appliesTo: 'uploads', latencyMs: 1_500 });
  const client = setup.clientWith();
  // The outcome is awaited from the start, so a rejection that comes while the file is being
  // rewritten (a loaded machine) is never unhandled.
  const outcome = failure(client.uploadInvoice(invoice(setup, { path: bigPath })), 'transient');
  // Pacing, not a check: the body has started and stalls on the emulator when the file changes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await writeFile(bigPath, largePdfBytes(15 * 1024 * 1024 + 4_096));
  const changed = await outcome;
  assert.equal(changed.fileChanged, true);
  assert.equal(changed.userMessage.code, 'api_file_changed_while_sending');
  assert.equal(setup.emulator.uploads().length, 0, 'an incomplete body stores nothing');

  // The version checked is not the one on disk: nothing is sent at all.
  setup.emulator.setFaults({});
  const stale = await failure(
    client.uploadInvoice({
      ...invoice(setup, { path: bigPath }),
      expected: { sizeBytes: 1, mtimeMs: 1, ctimeMs: null, ino: null },
    }),
    'transient',
  );
  assert.equal(stale.fileChanged, true);
  assert.equal(setup.emulator.uploads().length, 0);
  assert.deepEqual(unhandled, []);
});

test('a file renamed over the checked one, same size and mtime, is not sent under its check', async (t) => {
  const setup = await setUp(t);
  const filePath = path.join(setup.folder, 'checked.pdf');
  await writeFile(filePath, await readFile(setup.pdfPath));
  const checked = await stat(filePath);
  // Another file of the same length and mtime, renamed over it (a safe save): another inode.
  const staged = `${filePath}.part`;
  const other = Buffer.from(await readFile(filePath));
  // One byte of the binary comment line after the header (ISO 32000-1 §7.5.2): still a PDF.
  const comment = other.indexOf('\n%', 0, 'latin1') + 2;
  other[comment] = (other[comment] ?? 0x80) ^ 0x01;
  await writeFile(staged, other);
  await utimes(staged, checked.atime, checked.mtime);
  await rename(staged, filePath);
  assert.notEqual((await stat(filePath)).ino, checked.ino);

  const stale = await failure(
    setup.clientWith().uploadInvoice({
      ...invoice(setup, { path: filePath }),
      expected: {
        sizeBytes: checked.size,
        mtimeMs: checked.mtimeMs,
        ctimeMs: checked.ctimeMs,
        ino: checked.ino,
      },
    }),
    'transient',
  );
  assert.equal(stale.fileChanged, true);
  assert.equal(setup.emulator.uploads().length, 0, 'nothing was sent');
});

test('an address that is no GraphQL endpoint is named with its status and answer, and not retried', async (t) => {
  const setup = await setUp(t);
  const origin = new URL(setup.emulator.graphqlUrl).origin;
  // The emulator's origin without /graphql: its router answers 404 for a query and an upload.
  const wrongPath = setup.clientWith({ apiUrl: origin, queryRetries: 3 });
  let requests = 0;
  const counted: typeof fetch = (input, init) => {
    requests += 1;
    return globalThis.fetch(input, init);
  };
  const notFound = await failure(
    setup.clientWith({ apiUrl: origin, queryRetries: 3, fetch: counted }).administrations(),
    'transient',
  );
  assert.equal(notFound.wrongEndpoint, true);
  assert.equal(requests, 1, 'a wrong address is not asked again at once');
  assert.deepEqual(notFound.userMessage, {
    code: 'api_not_graphql',
    params: {
      address: origin,
      status: 404,
      endpointAnswer: 'not_found',
      example: 'https://api.clearfacts.be/graphql',
    },
  });
  const upload = await failure(wrongPath.uploadInvoice(invoice(setup)), 'transient');
  assert.equal(upload.wrongEndpoint, true, 'a 404 to an upload stored nothing: not ambiguous');

  // 2xx answers a GraphQL endpoint never gives: JSON without data or errors, and plain text.
  const answering =
    (body: string, type: string): typeof fetch =>
    () =>
      Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': type } }));
  for (const [body, type, answer] of [
    ['{"status":"ok"}', 'application/json', 'not_graphql'],
    ['OK', 'text/plain', 'not_json'],
    [HTML_PAGE, 'text/html', 'web_page'],
  ] as const) {
    const error = await failure(
      setup.clientWith({ fetch: answering(body, type) }).administrations(),
      'transient',
    );
    assert.equal(error.wrongEndpoint, true, body);
    assert.equal(
      (error.userMessage.params as { endpointAnswer: string }).endpointAnswer,
      answer,
      body,
    );
  }
  assert.deepEqual(setup.emulator.phantoms(), [], 'nothing was stored by the wrong address');
});
