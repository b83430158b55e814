// Issue #18, "a PDF is never delayed beyond the window to wait for an XML": x.pdf waits for an
// x.xml still being written, saying so on its row, but not forever. The queue and history are
// real; their clock is injected, so "still waiting" and "bound passed" are moments the test sets,
// not sleeps. The bound is computed here from the documented rule (twice the gate's 1 + 5
// windows, from the PDF's detection), not read from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createHarness } from './queue-harness.ts';

const WINDOW_MS = 2_000;
/** 2 × (1 + 5) windows: docs/architecture.md, e-invoice pairing. */
const BOUND_MS = 12 * WINDOW_MS;

function startWithXml(
  t: Parameters<typeof createHarness>[0],
  xmlState: 'waiting_stability' | 'uploading' | 'uploaded',
) {
  const clock = { now: 1_767_000_000_000 };
  const harness = createHarness(t, { now: () => clock.now });
  harness.repository.insert({
    path: path.join(harness.watchRoot, 'inv.xml'),
    fileName: 'inv.xml',
    folderId: 'folder-1',
    watchRoot: harness.watchRoot,
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: xmlState,
  });
  const pdf = harness.addFile('inv.pdf');
  return { clock, harness, pdf };
}

test('a PDF beside an XML still being written waits, and its row says for which file', async (t) => {
  const { clock, harness, pdf } = startWithXml(t, 'waiting_stability');
  const firstWait = harness.nextWrite(pdf.id, 'ready');
  harness.queue.start();
  const waiting = await firstWait;
  assert.deepEqual(waiting.failure?.message, {
    code: 'pdf_waits_for_xml',
    params: { fileName: 'inv.xml' },
  });
  assert.equal(waiting.nextAttemptAt, clock.now + WINDOW_MS);

  // One millisecond before the bound: still waiting, nothing sent.
  clock.now = pdf.detectedAt + BOUND_MS - 1;
  const stillWaiting = harness.nextWrite(pdf.id, 'ready');
  harness.queue.lookForWork();
  const again = await stillWaiting;
  assert.equal(again.failure?.message.code, 'pdf_waits_for_xml');
  assert.equal(harness.sent.length, 0, 'the PDF is not sent while its XML may still come');
});

test('past the bound, the PDF goes alone as when no XML exists, with a note on its row', async (t) => {
  const { clock, harness, pdf } = startWithXml(t, 'waiting_stability');
  const firstWait = harness.nextWrite(pdf.id, 'ready');
  harness.queue.start();
  await firstWait;

  clock.now = pdf.detectedAt + BOUND_MS;
  harness.queue.lookForWork();
  const archived = await harness.reach(pdf.id, 'archived');
  assert.deepEqual(
    harness.sent.map((sent) => sent.fileName),
    ['inv.pdf'],
  );
  assert.equal(archived.failure, null, 'the waiting message is gone once it is sent');
  assert.deepEqual(archived.advice, [
    { code: 'pdf_sent_without_xml', params: { fileName: 'inv.xml' } },
  ]);
});

test('an XML past the gate (being sent) is waited for beyond the bound: the PDF alone could book it twice', async (t) => {
  const { clock, harness, pdf } = startWithXml(t, 'uploading');
  clock.now = pdf.detectedAt + 10 * BOUND_MS;
  const waited = harness.nextWrite(pdf.id, 'ready');
  harness.queue.start();
  assert.equal((await waited).failure?.message.code, 'pdf_waits_for_xml');
  assert.equal(harness.sent.length, 0);
});

test('a PDF with no XML twin is sent at once, while the PDF whose XML is being written waits', async (t) => {
  // The clock never moves: whatever is sent is sent without any window passing.
  const { clock, harness, pdf: twinned } = startWithXml(t, 'waiting_stability');
  // An XML of another name, also being written, is no twin of alone.pdf.
  harness.repository.insert({
    path: path.join(harness.watchRoot, 'other.xml'),
    fileName: 'other.xml',
    folderId: 'folder-1',
    watchRoot: harness.watchRoot,
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: 'waiting_stability',
  });
  const alone = harness.addFile('alone.pdf');
  const twinWaits = harness.nextWrite(twinned.id, 'ready');
  harness.queue.start();

  const archived = await harness.reach(alone.id, 'archived');
  assert.equal(clock.now, alone.detectedAt, 'no time passed');
  assert.deepEqual(
    harness.sent.map((sent) => sent.fileName),
    ['alone.pdf'],
    'only the PDF without a twin was sent',
  );
  assert.deepEqual(archived.advice ?? [], [], 'sent as any PDF: no note about an XML');
  assert.deepEqual(
    harness.transitions
      .filter((transition) => transition.id === alone.id)
      .map((transition) => transition.to),
    ['uploading', 'uploaded', 'archived'],
    'alone.pdf went straight from ready to the upload: it never waited',
  );

  const waiting = await twinWaits;
  assert.deepEqual(waiting.failure?.message, {
    code: 'pdf_waits_for_xml',
    params: { fileName: 'inv.xml' },
  });
  assert.equal(waiting.nextAttemptAt, clock.now + WINDOW_MS, 'it looks again one window later');
});

test('a PDF is paired on one look at its XML twin: the history is asked once per send', async (t) => {
  const { harness, pdf } = startWithXml(t, 'uploaded');
  const asked: string[][] = [];
  const latestOf = harness.repository.latestOf.bind(harness.repository);
  harness.repository.latestOf = (paths) => {
    asked.push([...paths]);
    return latestOf(paths);
  };
  harness.queue.start();
  await harness.reach(pdf.id, 'archived');
  assert.deepEqual(
    asked.map((paths) => paths.map((twin) => path.basename(twin))),
    [['inv.xml', 'inv.XML']],
    'both decisions (an XML carrying it elsewhere, and pairing) used one read of its twin',
  );
});
