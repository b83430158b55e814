// Fault injection: what the engine's retry and ambiguity handling is tested against. Each test
// checks both what the client sees and whether the upload was stored.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import {
  UPLOAD_INVOICE,
  graphql,
  postGraphql,
  postUpload,
  startTestEmulator,
} from './emulator-test-support.ts';
import type { HttpAnswer } from './emulator-test-support.ts';
import type { Emulator, ReceivedUpload } from './index.ts';
import { startEmulator, seedData } from './index.ts';
import { pdfWithPages } from './test-documents.ts';
import { createWaitList, withDeadline } from '../support/waiting.ts';

const companyNumber = seedData.administrations[2]?.companyNumber ?? '';
const pdf = await pdfWithPages(1);

function sendInvoice(
  emulator: Emulator,
  bytes: Uint8Array = pdf,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  return postUpload(emulator, {
    query: UPLOAD_INVOICE,
    variables: { companyNumber, filename: 'factuur.pdf', type: 'PURCHASE' },
    file: { bytes, filename: 'factuur.pdf' },
    signal,
  });
}

test('errorRate answers uploads with the chosen 5xx and stores nothing; queries are untouched', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ errorRate: 1, errorStatuses: [502] });
  const gateway = await sendInvoice(emulator);
  assert.equal(gateway.status, 502);
  assert.match(gateway.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(gateway.text, /502 Bad Gateway/);

  emulator.setFaults({ errorRate: 1, errorStatuses: [500] });
  const internal = await sendInvoice(emulator);
  assert.equal(internal.status, 500);
  assert.deepEqual(JSON.parse(internal.text), { errors: [{ message: 'Internal server error' }] });

  const query = await graphql(emulator, '{ administrations { companyNumber } }');
  assert.equal(query.errors, undefined, 'faults apply to uploads only by default');
  assert.deepEqual(emulator.uploads(), []);

  emulator.setFaults({});
  assert.equal((await sendInvoice(emulator)).status, 200);
  assert.equal(emulator.uploads().length, 1);
});

test('a seed makes the random mix of failures replay exactly', async (t) => {
  const emulator = await startTestEmulator(t);
  const plan = { errorRate: 0.5, errorStatuses: [500, 502, 503], seed: 20250314 };
  const run = async (): Promise<number[]> => {
    emulator.setFaults(plan);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 16; attempt += 1) {
      statuses.push((await sendInvoice(emulator)).status);
    }
    return statuses;
  };
  const first = await run();
  const second = await run();
  assert.deepEqual(second, first);
  assert.ok(first.includes(200), `some succeed: ${first.join(',')}`);
  assert.ok(
    first.some((status) => status >= 500),
    `some fail: ${first.join(',')}`,
  );
  assert.equal(emulator.uploads().length, first.filter((status) => status === 200).length * 2);
});

test('rateLimitRate answers 429 with Retry-After; appliesTo all reaches every endpoint', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
  const limited = await sendInvoice(emulator);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '7');

  emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 3, appliesTo: 'all' });
  const query = await postGraphql(emulator, '{ administrations { name } }');
  assert.equal(query.status, 429);
  assert.equal(query.headers.get('retry-after'), '3');
  const userInfo = await fetch(`${emulator.origin}/oauth2-server/userinfo`, {
    headers: { Authorization: `Bearer ${emulator.demoToken}` },
  });
  assert.equal(userInfo.status, 429);
  const hooks = await fetch(`${emulator.origin}/__emulator/faults`);
  assert.equal(hooks.status, 200, 'the test hooks are never faulted');
  assert.deepEqual(emulator.uploads(), []);
});

test('resetMidUploadRate cuts the connection mid-body and stores nothing', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ resetMidUploadRate: 1 });
  const large = Buffer.concat([pdf, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
  await assert.rejects(sendInvoice(emulator, large), (error: Error) => {
    assert.equal(error.name, 'TypeError');
    assert.match(
      String((error.cause as Error | undefined)?.message),
      /other side closed|ECONNRESET|EPIPE|socket/i,
    );
    return true;
  });
  assert.deepEqual(emulator.uploads(), []);
  emulator.setFaults({});
  assert.equal((await sendInvoice(emulator, large)).status, 200, 'the server itself is fine');
});

test('a hang before processing never answers, reads nothing and stores nothing', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ hangRate: 1, hangStage: 'before-processing' });
  await assert.rejects(sendInvoice(emulator, pdf, AbortSignal.timeout(300)), {
    name: 'TimeoutError',
  });
  assert.deepEqual(emulator.uploads(), []);
});

test('a hang after processing stores the upload and never answers; close() ends the hung socket', async () => {
  const emulator = await startEmulator();
  emulator.setFaults({ hangRate: 1, hangStage: 'after-processing' });
  const stored = new Promise<ReceivedUpload>((resolve) => {
    emulator.onUpload(resolve);
  });
  const answer = sendInvoice(emulator);
  const upload = await stored;
  assert.equal(upload.companyNumber, companyNumber);
  const neverAnswered = assert.rejects(answer, { name: 'TypeError' });
  await emulator.close();
  await neverAnswered;
});

test('close() also ends a request hung before processing', async () => {
  const emulator = await startEmulator();
  emulator.setFaults({ hangRate: 1, appliesTo: 'all' });
  const body = JSON.stringify({ query: '{ administrations { name } }' });
  const request = httpRequest(emulator.graphqlUrl, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${emulator.demoToken}`,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
    },
  });
  const failed = once(request, 'error');
  request.end(body);
  await once(request, 'finish');
  await emulator.close();
  const [error] = (await failed) as [NodeJS.ErrnoException];
  assert.match(error.code ?? error.message, /ECONNRESET|socket hang up/);
});

test('latencyMs delays each affected request by at least that long', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ latencyMs: 250, appliesTo: 'all' });
  const started = performance.now();
  const answer = await graphql(emulator, '{ administrations { companyNumber } }');
  assert.equal(answer.errors, undefined);
  assert.ok(performance.now() - started >= 245, 'answered before the latency elapsed');
});

test('a request waiting out latencyMs goes on at once when the plan is replaced', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ latencyMs: 600_000, appliesTo: 'all' });
  const answer = graphql(emulator, '{ administrations { companyNumber } }');
  await createWaitList({ recheckMs: 20 }).until('the request waits out the latency', () =>
    emulator.requestsWaitingOutLatency() === 1 ? true : undefined,
  );
  emulator.setFaults({});
  const result = await withDeadline('the held request is answered', answer, { timeoutMs: 10_000 });
  assert.equal(result.errors, undefined);
});

test('the fault plan is set, read and cleared over /__emulator/ and validated', async (t) => {
  const emulator = await startTestEmulator(t);
  const hook = (method: string, route: string, body?: unknown) =>
    fetch(`${emulator.origin}/__emulator/${route}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const plan = { errorRate: 0.25, hangRate: 0.1, hangStage: 'after-processing', seed: 7 };
  assert.equal((await hook('POST', 'faults', plan)).status, 200);
  assert.deepEqual(await (await hook('GET', 'faults')).json(), plan);
  const tooMuch = await hook('POST', 'faults', { errorRate: 0.8, rateLimitRate: 0.5 });
  assert.equal(tooMuch.status, 400);
  assert.match(((await tooMuch.json()) as { error: string }).error, /must not exceed 1/);
  const unknownKey = await hook('POST', 'faults', { errorRatio: 1 });
  assert.equal(unknownKey.status, 400);
  assert.equal((await hook('POST', 'reset')).status, 204);
  assert.deepEqual(await (await hook('GET', 'faults')).json(), {});
});

test('store then fail: the upload is stored, then the answer is a 504, a 500, a reset or a cut-off 200', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ storeThenFailRate: 1, storeThenFailWith: ['504'] });
  const gateway = await sendInvoice(emulator);
  assert.equal(gateway.status, 504);
  assert.match(gateway.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(emulator.uploads().length, 1, 'stored before the 504');

  emulator.setFaults({ storeThenFailRate: 1, storeThenFailWith: ['500'] });
  assert.equal((await sendInvoice(emulator)).status, 500);
  assert.equal(emulator.uploads().length, 2, 'stored before the 500');

  emulator.setFaults({ storeThenFailRate: 1, storeThenFailWith: ['reset'] });
  await assert.rejects(sendInvoice(emulator), { name: 'TypeError' });
  assert.equal(emulator.uploads().length, 3, 'stored before the reset');

  // A 200 whose body stops halfway: the headers promise more than ever arrives.
  emulator.setFaults({ storeThenFailRate: 1, storeThenFailWith: ['cut-off'] });
  const response = await fetch(emulator.graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.demoToken}` },
    body: (() => {
      const form = new FormData();
      form.append('query', UPLOAD_INVOICE);
      form.append(
        'variables',
        JSON.stringify({ companyNumber, filename: 'factuur.pdf', type: 'PURCHASE' }),
      );
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'factuur.pdf');
      return form;
    })(),
  });
  assert.equal(response.status, 200);
  await assert.rejects(response.text(), { name: 'TypeError' });
  assert.equal(emulator.uploads().length, 4, 'stored before the cut-off answer');
});

test('hang then store: no answer within the client’s patience, but the upload is stored later', async (t) => {
  const emulator = await startTestEmulator(t);
  emulator.setFaults({ hangThenStoreRate: 1, hangThenStoreMs: 400 });
  const stored = new Promise<ReceivedUpload>((resolve) => {
    emulator.onUpload(resolve);
  });
  await assert.rejects(sendInvoice(emulator, pdf, AbortSignal.timeout(150)), {
    name: 'TimeoutError',
  });
  assert.equal(emulator.uploads().length, 0, 'not stored yet when the client gave up');
  const upload = await stored;
  assert.equal(upload.companyNumber, companyNumber);
});

test('store-then-fail and hang-then-store count toward the rates that must not exceed 1', (t) => {
  const emulator = startTestEmulator(t);
  return emulator.then((running) => {
    assert.throws(() => running.setFaults({ storeThenFailRate: 0.6, hangThenStoreRate: 0.6 }), {
      message: /must not exceed 1/,
    });
  });
});
