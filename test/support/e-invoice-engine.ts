// The set-up every e-invoice engine test starts from: the emulator, a real engine, and a folder
// bound to the first seeded administration's purchases, with that administration as the party
// an invoice must name to be sent there (anything else is held by the routing of issue #18).
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { HistoryEntry } from '../../src-main/contract/domain.ts';
import { startTestEmulator } from '../emulator/emulator-test-support.ts';
import type { Emulator } from '../emulator/index.ts';
import type { SeedAdministration } from '../emulator/seed.ts';
import { partyOf, type PartyInput } from '../fixtures/e-invoice-builder.ts';
import { startEngine, type EngineHarness } from './engine-harness.ts';
import { folder, tempDir } from './temp-folders.ts';

export interface EInvoiceEngine {
  emulator: Emulator;
  harness: EngineHarness;
  /** The administration the folder is bound to (its purchases). */
  administration: SeedAdministration;
  /** That administration as an invoice's customer. */
  customer: PartyInput;
  /** The watched folder. */
  dir: string;
  /** The latest version of the row of the file named `fileName`, if the engine announced one. */
  entry(fileName: string): HistoryEntry | undefined;
}

/** Starts it all for test `t` (stopped when the test ends); `label` names the temp folder. */
export async function startEInvoiceEngine(t: TestContext, label: string): Promise<EInvoiceEngine> {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration, 'the emulator seeds administrations');
  const dir = folder(tempDir(t, label), 'scans');
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  return {
    emulator,
    harness,
    administration,
    customer: partyOf(administration),
    dir,
    entry: (fileName) =>
      [...harness.entries.values()].find((candidate) => candidate.fileName === fileName),
  };
}
