// The follow-up stage (issue #16) on an injected clock, against the real emulator over HTTP and a
// real SQLite history: the schedule, batching with aliases (counted at the emulator), backoff on
// 429 honouring Retry-After (capped), stop on a refused token, pause on a missing scope, when
// offline and when turned off; final states stop being asked; archive documents never are; a
// document Clearfacts forgot reads as such. Waits are on the follow-up's own idleness, never on
// the wall clock.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Destination } from '../../../src-main/contract/domain.ts';
import { inClearfactsMessage } from '../../../src-main/contract/in-clearfacts.ts';
import { renderMessage } from '../../../src-main/contract/messages/render-message.ts';
import { createClearfactsClient } from '../../../src-main/core/api/clearfacts-graphql-client.ts';
import {
  createFollowUp,
  type FollowUp,
  type FollowUpClock,
} from '../../../src-main/core/follow-up/follow-up.ts';
import { createFollowUpRecords } from '../../../src-main/core/store/follow-up-records.ts';
import { toHistoryEntry } from '../../../src-main/core/store/file-record.ts';
import type { Logger, LogFields } from '../../../src-main/core/logging/logger.ts';
import type { Emulator } from '../../emulator/index.ts';
import { postGraphql, startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { SMALL_JPEG } from '../../fixtures/generate-documents.ts';
import { newFile, openTempHistory } from '../../support/temp-history.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const SPACING = 5_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/**
 * A clock that moves only when the test says so; its timers fire in order as it passes them.
 * Time passing moves the wall clock and the monotonic one; `setWallBack` moves the wall alone.
 */
function manualClock(start: number) {
  /** Monotonic ms since the start; timers are set on it, as Node's are. */
  let elapsed = 0;
  /** The wall clock's offset from start + elapsed (negative once set back). */
  let wallOffset = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const now = () => start + elapsed + wallOffset;
  const clock: FollowUpClock = {
    now,
    monotonic: () => elapsed,
    setTimeout(callback, delayMs) {
      const id = next++;
      timers.set(id, { at: elapsed + delayMs, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  return {
    clock,
    now,
    /** The user sets the computer's clock back `ms`: no time passes. */
    setWallBack(ms: number): void {
      wallOffset -= ms;
    },
    /** Moves `ms` ahead, firing each timer due on the way and letting its request finish. */
    async advance(ms: number, followUp: FollowUp): Promise<void> {
      const target = elapsed + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= target)
          .sort(([, a], [, b]) => a.at - b.at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        elapsed = Math.max(elapsed, due[1].at);
        due[1].callback();
        await followUp.whenIdle();
      }
      elapsed = target;
    },
  };
}

interface Setup {
  emulator: Emulator;
  followUp: FollowUp;
  time: ReturnType<typeof manualClock>;
  /**
   * Uploads a small JPEG for real and records it as delivered at the clock's now, under
   * `recordedAs` (default: where it was sent).
   */
  deliver(
    destination?: Destination,
    companyNumber?: string,
    recordedAs?: Destination,
  ): Promise<{ id: number; uuid: string }>;
  entry(id: number): ReturnType<typeof toHistoryEntry>;
  /** Lookup attempts the follow-up made (each one HTTP request). */
  attempts(): number;
  tokenRefusals(): number;
  /** How often the follow-up said a row changed (each a history.changed for the UI). */
  checkedEvents(): number;
  setToken(token: string): void;
  enabled: { value: boolean };
  /** What the follow-up logged as warnings, in order. */
  warnings: { message: string; fields: LogFields | undefined }[];
}

async function setUp(t: TestContext): Promise<Setup> {
  const emulator = await startTestEmulator(t, { documentLifecycle: { processAfterMs: null } });
  const time = manualClock(T0);
  const { db, repository } = openTempHistory(t, time.now);
  let token = emulator.demoToken;
  const client = createClearfactsClient({
    apiUrl: emulator.graphqlUrl,
    getToken: () => Promise.resolve(token),
    fetch: globalThis.fetch,
    timeoutMs: 10_000,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-follow-up-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const jpeg = path.join(dir, 'receipt.jpg');
  writeFileSync(jpeg, SMALL_JPEG);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  let attempts = 0;
  let refusals = 0;
  let checkedEvents = 0;
  const enabled = { value: true };
  const warnings: Setup['warnings'] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message, fields) => void warnings.push({ message, fields }),
    error: () => {},
  };
  const records = createFollowUpRecords(db, 2 * MINUTE);
  const followUp = createFollowUp({
    records,
    lookUp: (uuids, signal) => {
      attempts += 1;
      return client.lookUpDocuments(uuids, signal);
    },
    enabled: () => enabled.value,
    logger,
    onChecked: () => {
      checkedEvents += 1;
    },
    onTokenRefused: () => {
      refusals += 1;
    },
    clock: time.clock,
    spacingMs: SPACING,
  });
  followUp.start();
  t.after(() => followUp.stop());
  let count = 0;
  return {
    emulator,
    followUp,
    time,
    async deliver(
      destination = { type: 'purchase' },
      companyNumber = administration.companyNumber,
      recordedAs = destination,
    ) {
      count += 1;
      const request = { path: jpeg, fileName: `scan-${count}.jpg`, companyNumber };
      const uploaded =
        destination.type === 'purchase' || destination.type === 'sale'
          ? await client.uploadInvoice({
              ...request,
              invoiceType: destination.type === 'purchase' ? 'PURCHASE' : 'SALE',
            })
          : await client.uploadArchive({
              ...request,
              archiveType: destination.type === 'various' ? 'VARIOUS' : 'PERMANENT',
              categoryId: destination.categoryId,
            });
      const { id } = repository.insert(
        newFile({
          path: `/scans/scan-${count}.jpg`,
          fileName: `scan-${count}.jpg`,
          companyNumber,
          destination: recordedAs,
          state: 'ready',
        }),
      );
      repository.transition(id, 'uploading');
      repository.transition(id, 'uploaded', {
        uuid: uploaded.uuid,
        uploadedAt: time.now(),
        failure: null,
      });
      followUp.lookForWork();
      return { id, uuid: uploaded.uuid };
    },
    entry(id) {
      const record = repository.get(id);
      assert.ok(record, `row ${id}`);
      return toHistoryEntry(record);
    },
    attempts: () => attempts,
    tokenRefusals: () => refusals,
    checkedEvents: () => checkedEvents,
    setToken(next) {
      token = next;
    },
    enabled,
    warnings,
  };
}

const asked = (emulator: Emulator) => emulator.documentRequests().map((request) => request.ids);

test('asked on the schedule: nothing before 2 min, then at 15 min; paid is never asked again', async (t) => {
  const { emulator, followUp, time, deliver, entry } = await setUp(t);
  const { id, uuid } = await deliver();
  await time.advance(2 * MINUTE - 1, followUp);
  assert.deepEqual(asked(emulator), [], 'nothing asked before the first check');
  assert.equal(entry(id).inClearfacts ?? null, null);

  await time.advance(1, followUp);
  assert.deepEqual(asked(emulator), [[uuid]]);
  assert.equal(entry(id).inClearfacts?.status, 'received');
  assert.equal(entry(id).inClearfacts?.checkedAt, new Date(T0 + 2 * MINUTE).toISOString());

  emulator.setDocumentStage({ uuid, stage: 'processed', date: '2026-02-27' });
  await time.advance(13 * MINUTE - 1, followUp);
  assert.equal(asked(emulator).length, 1, 'nothing asked between 2 and 15 min');
  await time.advance(1, followUp);
  assert.equal(asked(emulator).length, 2);
  assert.deepEqual(entry(id).inClearfacts, {
    status: 'unpaid',
    documentDate: '2026-02-27',
    paymentState: 'UNPAID',
    checkedAt: new Date(T0 + 15 * MINUTE).toISOString(),
  });
  assert.deepEqual(followUp.status().unpaidPurchases, [
    { companyNumber: entry(id).companyNumber, count: 1 },
  ]);

  emulator.setDocumentStage({ uuid, stage: 'paid', date: '2026-02-27' });
  await time.advance(45 * MINUTE, followUp);
  assert.equal(asked(emulator).length, 3);
  assert.equal(entry(id).inClearfacts?.status, 'paid');
  assert.equal(followUp.status().followed, 0);

  await time.advance(31 * DAY, followUp);
  assert.equal(asked(emulator).length, 3, 'a paid invoice is not asked about again');

  // The user opens the row: asked once more, right away.
  followUp.checkNow(id);
  await time.advance(0, followUp);
  assert.equal(asked(emulator).length, 4);
});

test('many invoices in one request with aliases, one request per spacing; archive never asked', async (t) => {
  const { emulator, followUp, time, deliver, entry } = await setUp(t);
  const [, , third] = emulator.seed.administrations;
  const category = third?.categories.various[0];
  assert.ok(category);
  const invoices: string[] = [];
  for (let index = 0; index < 55; index += 1) invoices.push((await deliver()).uuid);
  const archived = await deliver(
    { type: 'various', categoryId: category.id },
    third?.companyNumber,
  );

  await time.advance(2 * MINUTE, followUp);
  assert.deepEqual(
    asked(emulator).map((ids) => ids.length),
    [50],
    'one request for the first 50',
  );
  await time.advance(SPACING - 1, followUp);
  assert.equal(asked(emulator).length, 1, 'no second request within the spacing');
  await time.advance(1, followUp);
  assert.deepEqual(
    asked(emulator).map((ids) => ids.length),
    [50, 5],
  );
  assert.deepEqual(asked(emulator).flat().sort(), [...invoices].sort());

  await time.advance(31 * DAY, followUp);
  assert.ok(
    !asked(emulator).flat().includes(archived.uuid),
    'an archive document is never asked about',
  );
  const archiveEntry = entry(archived.id);
  const cell = inClearfactsMessage(archiveEntry, category.name);
  assert.ok(cell);
  assert.equal(renderMessage(cell, 'en'), `In the archive · ${category.name}`);
  assert.equal(renderMessage(cell, 'nl'), `In het archief · ${category.name}`);
  assert.equal(renderMessage(cell, 'fr'), `Dans les archives · ${category.name}`);
});

test('an invoice Clearfacts now files as an archive document is asked on the schedule, not every spacing', async (t) => {
  // Attack F1: the office moved a delivered invoice to the archive; document(id) answers it as
  // an ArchiveDocument. It was neither recorded nor postponed, so it stayed due and was asked
  // about in every request, one per spacing, for ever.
  const { emulator, followUp, time, deliver } = await setUp(t);
  const [administration] = emulator.seed.administrations;
  const category = administration?.categories.various[0];
  assert.ok(administration && category);
  const { uuid } = await deliver(
    { type: 'various', categoryId: category.id },
    administration.companyNumber,
    { type: 'purchase' },
  );
  await time.advance(2 * MINUTE, followUp);
  assert.deepEqual(asked(emulator), [[uuid]]);
  await time.advance(13 * MINUTE - 1, followUp);
  assert.equal(asked(emulator).length, 1, 'not asked again before the next check, at 15 min');
  await time.advance(1, followUp);
  assert.equal(asked(emulator).length, 2);
  await time.advance(31 * DAY, followUp);
  const count = asked(emulator).length;
  assert.equal(count, 2 + 1 + 30, 'the schedule: 2 min, 15 min, 1 h, then daily to day 30');
  await time.advance(31 * DAY, followUp);
  assert.equal(asked(emulator).length, count, 'never asked after the schedule ends');
});

test('a check that finds nothing new tells nobody; a change is told once', async (t) => {
  // Attack F8: every check pushed its row to every window, although only the time it was checked
  // moved: with 10,000 followed invoices, 10,000 history.changed a day for nothing.
  const { emulator, followUp, time, deliver, checkedEvents, entry } = await setUp(t);
  const { id, uuid } = await deliver();
  await time.advance(2 * MINUTE, followUp);
  assert.equal(checkedEvents(), 1, 'the first answer is news');
  await time.advance(13 * MINUTE, followUp);
  assert.equal(emulator.documentRequests().length, 2);
  assert.equal(checkedEvents(), 1, 'still received: nothing to tell');
  assert.equal(entry(id).inClearfacts?.checkedAt, new Date(T0 + 15 * MINUTE).toISOString());
  emulator.setDocumentStage({ uuid, stage: 'processed', date: '2026-02-27' });
  await time.advance(45 * MINUTE, followUp);
  assert.equal(checkedEvents(), 2);
  emulator.setDocumentStage({ uuid, stage: 'processed', date: '2026-02-28' });
  await time.advance(DAY, followUp);
  assert.equal(checkedEvents(), 3, 'a new document date is news');
});

test('429: waits what Retry-After says, and at most 30 min when it says more', async (t) => {
  const { emulator, followUp, time, deliver, attempts } = await setUp(t);
  await deliver();
  // Another client used the one request allowed per 120 s.
  emulator.setRateLimit({ requests: 1, perMs: 120_000 });
  await postGraphql(emulator, '{ administrations { name } }');
  await time.advance(2 * MINUTE, followUp);
  assert.equal(attempts(), 1);
  assert.equal(emulator.rateLimited(), 1);
  assert.equal(followUp.status().state, 'paused_rate_limit');
  const retryAfterMs = 120_000; // the emulator's whole window: nothing else came since
  await time.advance(retryAfterMs - 1_000, followUp);
  assert.equal(attempts(), 1, 'nothing asked while Retry-After runs');

  // A day's Retry-After is capped at 30 min.
  emulator.setRateLimit({ requests: 1, perMs: 86_400_000 });
  await postGraphql(emulator, '{ administrations { name } }');
  await time.advance(1_000, followUp);
  assert.equal(attempts(), 2);
  await time.advance(30 * MINUTE - 1, followUp);
  assert.equal(attempts(), 2, 'nothing asked before the cap');
  await time.advance(1, followUp);
  assert.equal(attempts(), 3);

  emulator.setRateLimit(null);
  await time.advance(30 * MINUTE, followUp);
  assert.equal(followUp.status().state, 'active');
});

test('a refused token stops it until a usable token; a missing scope pauses it, named', async (t) => {
  const { emulator, followUp, time, deliver, attempts, tokenRefusals, setToken } = await setUp(t);
  await deliver();
  const revoked = emulator.addToken(['upload_document']);
  setToken(revoked);
  emulator.revokeToken(revoked);
  await time.advance(2 * MINUTE, followUp);
  assert.equal(attempts(), 1);
  assert.equal(followUp.status().state, 'paused_auth');
  assert.equal(tokenRefusals(), 1, 'the session is told, so it holds and watches for a new one');
  await time.advance(2 * DAY, followUp);
  assert.equal(attempts(), 1, 'nothing asked with a refused token');

  setToken(emulator.addToken(['read_administrations']));
  followUp.tokenUsable();
  await time.advance(0, followUp);
  assert.equal(attempts(), 2);
  const status = followUp.status();
  assert.equal(status.state, 'paused_scope');
  assert.ok(status.reason);
  for (const language of ['nl', 'fr', 'en'] as const) {
    assert.match(renderMessage(status.reason, language), /upload_document/);
  }
  await time.advance(2 * DAY, followUp);
  assert.equal(attempts(), 2, 'nothing asked without the scope');

  setToken(emulator.demoToken);
  followUp.tokenUsable();
  await time.advance(0, followUp);
  assert.equal(attempts(), 3);
  assert.equal(followUp.status().state, 'active');
});

test('offline: paused and backed off, then resumed; turned off: nothing asked', async (t) => {
  const { emulator, followUp, time, deliver, attempts, enabled, entry } = await setUp(t);
  const { id } = await deliver();
  emulator.setFaults({ resetMidUploadRate: 1, appliesTo: 'all' });
  await time.advance(2 * MINUTE, followUp);
  assert.equal(followUp.status().state, 'paused_offline');
  const afterFirst = attempts();
  await time.advance(SPACING, followUp);
  assert.equal(attempts(), afterFirst, 'a failure doubles the wait beyond the spacing');
  emulator.setFaults({});
  await time.advance(30 * MINUTE, followUp);
  assert.equal(followUp.status().state, 'active');
  assert.equal(entry(id).inClearfacts?.status, 'received');

  enabled.value = false;
  const before = attempts();
  await time.advance(2 * DAY, followUp);
  assert.equal(attempts(), before, 'nothing asked while turned off');
  assert.equal(followUp.status().state, 'off');
  enabled.value = true;
  followUp.lookForWork();
  await time.advance(0, followUp);
  assert.equal(attempts(), before + 1);
});

test('a clock set back a day does not pause the follow-up: spacing and schedule are monotonic', async (t) => {
  // #16 leftover: the spacing and the schedule were read on the wall clock, so after the clock
  // went back a day every request waited for "5 s after the last one", a day away.
  const { emulator, followUp, time, deliver, entry } = await setUp(t);
  const { id, uuid } = await deliver();
  await time.advance(2 * MINUTE, followUp);
  assert.equal(asked(emulator).length, 1, 'the first check, 2 min after delivery');

  time.setWallBack(DAY);
  emulator.setDocumentStage({ uuid, stage: 'processed', date: '2026-03-02' });
  // The schedule's next step (15 min after delivery) comes 13 min later, as planned.
  await time.advance(13 * MINUTE, followUp);
  assert.equal(
    asked(emulator).length,
    2,
    'the 15 min step asked although the wall clock is behind',
  );
  assert.equal(entry(id).inClearfacts?.status, 'unpaid');

  // The user opens the row: asked one spacing after the last request, not a day later.
  emulator.setDocumentStage({ uuid, stage: 'paid', date: '2026-03-02' });
  followUp.checkNow(id);
  await time.advance(SPACING, followUp);
  assert.equal(asked(emulator).length, 3, 'the opened row asked within the spacing');
  assert.equal(entry(id).inClearfacts?.status, 'paid');
  assert.equal(followUp.status().state, 'active');
});

test('a document Clearfacts no longer knows is shown as such, and not asked again', async (t) => {
  const { emulator, followUp, time, deliver, entry } = await setUp(t);
  const { id, uuid } = await deliver();
  const other = await deliver();
  emulator.forgetDocument(uuid);
  await time.advance(2 * MINUTE, followUp);
  assert.equal(entry(id).inClearfacts?.status, 'not_known');
  assert.equal(entry(other.id).inClearfacts?.status, 'received', 'its batch mate still answered');
  const cell = inClearfactsMessage(entry(id));
  assert.ok(cell);
  // The cell stands under its label ("In Clearfacts"), which is not said again (#16 leftover:
  // "In Clearfacts No longer known in Clearfacts").
  assert.equal(renderMessage(cell, 'en'), 'No longer known');
  assert.equal(renderMessage(cell, 'nl'), 'Niet meer gekend');
  assert.equal(renderMessage(cell, 'fr'), 'Plus connu');
  const count = asked(emulator).length;
  await time.advance(31 * DAY, followUp);
  assert.ok(
    asked(emulator)
      .slice(count)
      .every((ids) => !ids.includes(uuid)),
  );
});

test('a document Clearfacts fails on alone is asked again at the next step, and logged', async (t) => {
  // Review F6: an error on one alias that is not "not found" (here the emulator's stand-in for
  // the undocumented per-document errors) was stored as "no longer known", a final state, so
  // the invoice was never followed again.
  const { emulator, followUp, time, deliver, entry, warnings } = await setUp(t);
  const { id, uuid } = await deliver();
  const other = await deliver();
  emulator.failDocument(uuid, 'The document could not be loaded.');
  await time.advance(2 * MINUTE, followUp);
  assert.deepEqual(asked(emulator), [[uuid, other.uuid]], 'both asked in one request');
  assert.equal(entry(id).inClearfacts?.status ?? null, null, 'not answered: nothing stored');
  assert.equal(entry(other.id).inClearfacts?.status, 'received', 'its batch mate answered');
  const logged = warnings.find((warning) => warning.fields?.['uuid'] === uuid);
  assert.ok(logged, 'the unanswered document is logged');
  assert.equal(logged.fields?.['error'], 'The document could not be loaded.');

  await time.advance(13 * MINUTE - 1, followUp);
  assert.equal(asked(emulator).length, 1, 'not asked again before the next step, at 15 min');
  emulator.failDocument(uuid, null);
  await time.advance(1, followUp);
  assert.deepEqual(asked(emulator)[1], [uuid, other.uuid]);
  assert.equal(entry(id).inClearfacts?.status, 'received', 'answered at the next step');
});

test('an error on one field of a document is no answer: an unpaid invoice stays unpaid', async (t) => {
  // Attack on #16: GraphQL answers a failed nullable field with null and an error whose path
  // names it (the spec's partial result). The follow-up read the null paymentState as news and
  // stored an unpaid invoice as merely processed, which also dropped it from the unpaid count.
  const { emulator, followUp, time, deliver, entry, warnings } = await setUp(t);
  const { id, uuid } = await deliver();
  emulator.setDocumentStage({ uuid, stage: 'processed', date: '2026-03-02' });
  await time.advance(2 * MINUTE, followUp);
  assert.equal(entry(id).inClearfacts?.status, 'unpaid');

  emulator.failDocument(uuid, 'Payment state unavailable.', 'paymentState');
  await time.advance(13 * MINUTE, followUp);
  assert.equal(asked(emulator).length, 2, 'asked at 15 min');
  assert.equal(entry(id).inClearfacts?.status, 'unpaid', 'what Clearfacts said before stands');
  assert.equal(entry(id).inClearfacts?.paymentState, 'UNPAID');
  const logged = warnings.find((warning) => warning.fields?.['uuid'] === uuid);
  assert.equal(logged?.fields?.['error'], 'Payment state unavailable.', 'the error is logged');

  emulator.failDocument(uuid, null);
  emulator.setDocumentStage({ uuid, stage: 'paid', date: '2026-03-02' });
  await time.advance(45 * MINUTE, followUp);
  assert.equal(entry(id).inClearfacts?.status, 'paid', 'answered again at the next step, 1 h');
});

test('states rendered in nl, fr and en with the document date', () => {
  const base = {
    uuid: 'u',
    destination: { type: 'purchase' } as const,
    state: 'uploaded' as const,
  };
  const at = (status: 'received' | 'processed' | 'unpaid' | 'paid') =>
    inClearfactsMessage({
      ...base,
      inClearfacts: {
        status,
        documentDate: status === 'received' ? null : '2026-02-27',
        paymentState: null,
        checkedAt: new Date(T0).toISOString(),
      },
    });
  const rendered = (status: 'received' | 'processed' | 'unpaid' | 'paid') => {
    const message = at(status);
    assert.ok(message);
    return (['nl', 'fr', 'en'] as const).map((language) => renderMessage(message, language));
  };
  // Dates as nl-BE, fr-BE and en write them (medium): hand-written, not computed.
  assert.deepEqual(rendered('received'), ['Ontvangen', 'Reçu', 'Received']);
  assert.deepEqual(rendered('processed'), [
    'Verwerkt · 27 feb 2026',
    'Traité · 27 févr. 2026',
    'Processed · Feb 27, 2026',
  ]);
  assert.deepEqual(rendered('unpaid'), [
    'Verwerkt · 27 feb 2026 · onbetaald',
    'Traité · 27 févr. 2026 · impayé',
    'Processed · Feb 27, 2026 · unpaid',
  ]);
  assert.deepEqual(rendered('paid'), [
    'Betaald · 27 feb 2026',
    'Payé · 27 févr. 2026',
    'Paid · Feb 27, 2026',
  ]);
  assert.equal(inClearfactsMessage({ ...base, uuid: null, inClearfacts: null }), null);
});

test('a row the follow-up does not ask about says nothing, not "not checked yet"', () => {
  // #16 leftover: a failed row that kept a uuid (sent before, then resent and refused) read
  // "Not checked yet", a check that never comes (follow-up-records.ts asks only about uploaded
  // and archived rows).
  const invoice = { uuid: 'u', destination: { type: 'purchase' } as const, inClearfacts: null };
  const archive = { ...invoice, destination: { type: 'various', categoryId: 'c1' } as const };
  for (const state of ['failed', 'duplicate', 'unconfirmed', 'uploading'] as const) {
    assert.equal(inClearfactsMessage({ ...invoice, state }), null, state);
    assert.equal(inClearfactsMessage({ ...archive, state }), null, state);
  }
  assert.equal(inClearfactsMessage({ ...invoice, state: 'uploaded' })?.code, 'cf_status_unchecked');
  assert.equal(inClearfactsMessage({ ...archive, state: 'archived' })?.code, 'cf_in_archive');
});
