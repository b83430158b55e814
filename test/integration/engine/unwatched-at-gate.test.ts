// A file still at the readiness gate when its folder stops being watched may be half-written,
// and nothing will see it finish: its row is dropped, never moved on to `ready` and sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { scanSlowly, wholeJpeg } from '../../support/slow-scanner.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('files waiting at the gate when their folder is unbound are dropped, not sent', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'unbound'), 'scans');
  // A window no step of this test outlasts: the file is still at the gate when it is unbound.
  const harness = await startEngine(t, {
    emulator,
    token: emulator.demoToken,
    settings: { stabilityWindowMs: 120_000 },
  });
  const {
    folders: [view],
  } = await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  assert.ok(view);
  const half = wholeJpeg(64 * 1024);
  await scanSlowly(path.join(dir, 'half.jpg'), half.subarray(0, half.length / 2), {
    parts: 1,
    pauseMs: 0,
  });
  const waiting = await harness.waitForEntry(
    'the file waits at the gate',
    (entry) => entry.state === 'waiting_stability',
  );

  await harness.engine.handlers['folders.remove']({ id: view.binding.id });
  // A dropped row announces nothing, so the history is read again at each re-check.
  const read: { rows: HistoryEntry[] | null } = { rows: null };
  await harness.until('the waiting row is dropped or moved on', () => {
    void harness.allHistory().then((current) => (read.rows = current));
    return (
      read.rows !== null &&
      !read.rows.some((row) => row.id === waiting.id && row.state === 'waiting_stability')
    );
  });
  assert.deepEqual(
    (read.rows ?? []).map((row) => `${row.fileName}: ${row.state}`),
    [],
    'no row is left to be sent',
  );
  assert.deepEqual(emulator.uploads(), []);
});
