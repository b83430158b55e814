// The network at its worst: 30% 5xx, 429 with Retry-After, connections reset mid-upload and
// uploads that are stored but never answered. Every file must reach the emulator, and no content
// may arrive twice unless its row says `unconfirmed` (the user then resends or marks it done).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { HistoryEntry } from '../../src-main/contract/domain.ts';
import type { FaultPlan } from '../emulator/faults.ts';
import { seedData } from '../emulator/index.ts';
import { isSettled, startEngineHarness } from '../support/engine-harness.ts';
import { writeValidPdf } from '../support/hostile-files.ts';
import {
  countBySha,
  deliveredForGood,
  settleUnconfirmed,
  sha256OfFile,
} from '../support/uploads-ledger.ts';

const FILES_PER_FOLDER = 20;

// The two matrices have their own engine harness and emulator each, and spend their time waiting
// out Retry-After seconds and timed-out answers (8.4 s of CPU in 37.6 s): side by side.
describe('the fault matrix', { concurrency: true }, () => {
  test('fault matrix: every file delivered, nothing sent twice unless recorded unconfirmed', async (t) => {
    const seed = Number(process.env.FAULT_MATRIX_SEED ?? 6_2026);
    t.diagnostic(`fault seed ${seed} (set FAULT_MATRIX_SEED to replay)`);
    // A hung answer is given up on after this long: then it is ambiguous.
    const harness = await startEngineHarness({ tuning: { apiTimeoutMs: 2_000 } });
    t.after(() => harness.close());
    const [purchaseAdministration, archiveAdministration] = seedData.administrations;
    assert.ok(purchaseAdministration && archiveAdministration);
    const category = archiveAdministration.categories.various[0];
    assert.ok(category);
    const folders = [
      {
        path: await harness.addFolder('purchase', purchaseAdministration.companyNumber, {
          type: 'purchase',
        }),
        companyNumber: purchaseAdministration.companyNumber,
        kind: 'invoice',
      },
      {
        path: await harness.addFolder('various', archiveAdministration.companyNumber, {
          type: 'various',
          categoryId: category.id,
        }),
        companyNumber: archiveAdministration.companyNumber,
        kind: 'archive',
      },
    ];

    harness.emulator.setFaults({
      errorRate: 0.3,
      errorStatuses: [500, 502, 503],
      rateLimitRate: 0.1,
      retryAfterSeconds: 1,
      resetMidUploadRate: 0.1,
      hangRate: 0.05,
      hangStage: 'after-processing',
      storeThenFailRate: 0.1,
      appliesTo: 'uploads',
      seed,
    });

    const written = new Map<string, { sha256: string; folder: (typeof folders)[number] }>();
    for (const folder of folders) {
      for (let index = 0; index < FILES_PER_FOLDER; index += 1) {
        const fileName = `fault-${path.basename(folder.path)}-${String(index).padStart(2, '0')}.pdf`;
        const filePath = path.join(folder.path, fileName);
        await writeValidPdf(filePath, 1 + (index % 3), 30_000);
        written.set(fileName, { sha256: await sha256OfFile(filePath), folder });
      }
    }
    const settledRow = (fileName: string) =>
      harness.waitForEntry(
        `${fileName} settled`,
        (entry) => entry.fileName === fileName && isSettled(entry),
      );
    const firstPass = await Promise.all([...written.keys()].map(settledRow));

    harness.emulator.setFaults({});
    const failed = firstPass.filter((entry) => entry.state === 'failed');
    assert.deepEqual(
      failed.map((entry) => `${entry.fileName}: ${entry.failure?.message}`),
      [],
      'no file may fail for good because of transient faults',
    );

    // What the user does with an unconfirmed file: mark it done when Clearfacts has it, else resend.
    const unconfirmed = firstPass.filter((entry) => entry.state === 'unconfirmed');
    t.diagnostic(
      `${unconfirmed.length} unconfirmed after the first pass; attempts per file: ${firstPass.map((entry) => entry.attempts).join(',')}`,
    );
    assert.ok(
      firstPass.some((entry) => entry.attempts > 1),
      'the faults were exercised: some file needed more than one attempt',
    );
    const received = () => countBySha(harness.emulator.uploads());
    for (const entry of unconfirmed) {
      assert.ok(entry.failure !== null, `${entry.fileName} is unconfirmed with a reason`);
    }
    const { markedDone, resent } = await settleUnconfirmed(harness.engine, unconfirmed, received());
    const finalRows: HistoryEntry[] = await Promise.all(
      [...written.keys()].map((fileName) =>
        harness.waitForEntry(`${fileName} delivered`, (entry) =>
          deliveredForGood(entry, fileName, markedDone),
        ),
      ),
    );

    const counts = received();
    const uploads = harness.emulator.uploads();
    for (const [fileName, expected] of written) {
      const count = counts.get(expected.sha256) ?? 0;
      assert.ok(count >= 1, `${fileName} reached Clearfacts`);
      const wasUnconfirmed = unconfirmed.some((entry) => entry.fileName === fileName);
      assert.ok(
        count === 1 || (wasUnconfirmed && count === 2 && resent.has(fileName)),
        `${fileName} arrived ${count} times; only an unconfirmed file the user resent may arrive twice`,
      );
      const upload = uploads.find((candidate) => candidate.sha256 === expected.sha256);
      assert.equal(upload?.filename, fileName);
      assert.equal(upload?.companyNumber, expected.folder.companyNumber);
      assert.equal(upload?.kind, expected.folder.kind);
    }
    for (const row of finalRows) {
      assert.equal(row.sha256, written.get(row.fileName)?.sha256, `${row.fileName}: history hash`);
    }
  });

  const FILES_PER_KIND = 8;

  /** One kind of fault at a time, at 30 %: what each does to delivery, printed per kind. */
  const KINDS: { name: string; plan: FaultPlan; storesLater?: boolean }[] = [
    { name: '5xx, nothing stored', plan: { errorRate: 0.3, errorStatuses: [500, 502] } },
    {
      name: '503 with Retry-After',
      plan: { errorRate: 0.3, errorStatuses: [503], errorRetryAfterSeconds: 1 },
    },
    { name: '429 Retry-After', plan: { rateLimitRate: 0.3, retryAfterSeconds: 1 } },
    { name: 'reset mid-upload', plan: { resetMidUploadRate: 0.3 } },
    { name: 'stored, then no answer', plan: { hangRate: 0.3, hangStage: 'after-processing' } },
    { name: 'stored, then 504/500/reset/cut-off', plan: { storeThenFailRate: 0.3 } },
    {
      name: 'no answer in time, stored later',
      plan: { hangThenStoreRate: 0.3, hangThenStoreMs: 3_000 },
      storesLater: true,
    },
  ];

  test('fault matrix per kind: lost, silent duplicates and unconfirmed', async (t) => {
    const seed = Number(process.env.FAULT_MATRIX_SEED ?? 6_2026);
    t.diagnostic(`fault seed ${seed} (set FAULT_MATRIX_SEED to replay)`);
    const harness = await startEngineHarness({ tuning: { apiTimeoutMs: 2_000 } });
    t.after(() => harness.close());
    const [administration] = seedData.administrations;
    assert.ok(administration);
    const report: string[] = [];
    for (const [kindIndex, kind] of KINDS.entries()) {
      const folder = await harness.addFolder(`kind-${kindIndex}`, administration.companyNumber, {
        type: 'purchase',
      });
      harness.emulator.setFaults({ ...kind.plan, appliesTo: 'uploads', seed: seed + kindIndex });
      const hashes = new Map<string, string>();
      for (let index = 0; index < FILES_PER_KIND; index += 1) {
        const fileName = `kind-${kindIndex}-${index}.pdf`;
        const filePath = path.join(folder, fileName);
        await writeValidPdf(filePath, 1 + (index % 2), 20_000);
        hashes.set(fileName, await sha256OfFile(filePath));
      }
      const rows = await Promise.all(
        [...hashes.keys()].map((fileName) =>
          harness.waitForEntry(
            `${kind.name}: ${fileName} archived or unconfirmed`,
            (entry) =>
              entry.fileName === fileName &&
              (entry.state === 'archived' || entry.state === 'unconfirmed'),
          ),
        ),
      );
      const unconfirmed = rows.filter((row) => row.state === 'unconfirmed');
      if (kind.storesLater === true) {
        // Every request of this kind is stored in the end: wait for the late copies to land.
        await harness.until(`${kind.name}: the late copies are stored`, () =>
          unconfirmed.every(
            (row) => (countBySha(harness.emulator.uploads()).get(row.sha256 ?? '') ?? 0) > 0,
          ),
        );
      }
      const counts = countBySha(harness.emulator.uploads());
      let lost = 0;
      let silentDuplicates = 0;
      for (const row of rows) {
        const copies = counts.get(hashes.get(row.fileName) ?? '') ?? 0;
        if (copies === 0 && row.state !== 'unconfirmed') lost += 1;
        if (copies > 1) silentDuplicates += 1;
      }
      const line = `${kind.name}: lost ${lost}, silent duplicates ${silentDuplicates}, unconfirmed ${unconfirmed.length}`;
      report.push(line);
      t.diagnostic(line);
      assert.equal(lost, 0, line);
      assert.equal(silentDuplicates, 0, line);
    }
    harness.emulator.setFaults({});
    assert.equal(report.length, KINDS.length);
  });
});
