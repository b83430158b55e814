// One outage, one decision (issue #10): once an upload's answer is lost after its whole body left,
// no new upload starts until a read query is answered normally, so one outage makes at most
// `concurrency` files unconfirmed, all recorded as one incident.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { msg } from '../../../../src-main/contract/messages/index.ts';
import { ClearfactsApiError } from '../../../../src-main/core/api/clearfacts-client.ts';
import { createHarness } from './queue-harness.ts';

const lostAnswer = () =>
  new ClearfactsApiError('ambiguous', msg('legacy_text', { text: '504 after the body was sent' }));
const outage = () =>
  new ClearfactsApiError('transient', msg('legacy_text', { text: '502 from the gateway' }));

test('a lost answer holds the queue and probes with reads until Clearfacts answers; at most concurrency files unconfirmed, one incident', async (t) => {
  const h = createHarness(t, { concurrency: 2 });
  // Both running uploads lose their answer together: they are the outage's only victims.
  let release = () => {};
  const together = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  const losesAnswer = async () => {
    arrived += 1;
    if (arrived === 2) release();
    await together;
    throw lostAnswer();
  };
  h.script('a.pdf', losesAnswer);
  h.script('b.pdf', losesAnswer);
  // The gateway stays down for two probes.
  h.scriptProbes(
    () => Promise.reject(outage()),
    () => Promise.reject(outage()),
  );
  const files = ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf', 'f.pdf'].map((name) =>
    h.addFile(name),
  );
  h.queue.start();

  const [a, b] = files;
  assert.ok(a && b);
  const first = await h.reach(a.id, 'unconfirmed');
  const second = await h.reach(b.id, 'unconfirmed');
  assert.notEqual(first.incidentAt, null);
  assert.equal(second.incidentAt, first.incidentAt, 'one outage is one incident');

  for (const file of files.slice(2)) await h.reach(file.id, 'archived');
  assert.equal(h.probeCalls.length, 3, 'probed until a read was answered');
  assert.ok(
    h.probeCalls.every((call) => call.uploadsSoFar === 2),
    'no upload started while the incident was open',
  );
  const unconfirmed = h.repository.inStates(['unconfirmed']);
  assert.deepEqual(
    unconfirmed.map((record) => record.fileName),
    ['a.pdf', 'b.pdf'],
  );
  assert.equal(h.queue.holds.incident, null);
  assert.equal(h.sent.length, 4);
});

test('an upload that loses its answer after the incident ended opens a new incident', async (t) => {
  const h = createHarness(t, { concurrency: 1 });
  h.script('a.pdf', () => Promise.reject(lostAnswer()));
  h.script('b.pdf', () => Promise.reject(lostAnswer()));
  const a = h.addFile('a.pdf');
  const b = h.addFile('b.pdf');
  h.queue.start();
  const first = await h.reach(a.id, 'unconfirmed');
  const second = await h.reach(b.id, 'unconfirmed');
  assert.ok(first.incidentAt !== null && second.incidentAt !== null);
  assert.ok(second.incidentAt > first.incidentAt);
  await h.untilHolds('the second incident ended', (holds) => holds.incident === null);
  assert.equal(h.probeCalls.length, 2);
});
