// A file that changes on disk after it was queued loses its backoff and is checked again: what
// arrives in Clearfacts is the new content, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('a queued file that changes is gated and checked again with its backoff reset', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'changed'), 'scans');
  // Slow retries, so the file is still waiting for its next attempt when it changes.
  const harness = await startEngine(t, {
    emulator,
    token: emulator.demoToken,
    tuning: { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 },
  });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  // A 503 with Retry-After: Clearfacts did nothing, so the file is retried (RFC 9110 §15.6.4).
  emulator.setFaults({
    appliesTo: 'uploads',
    errorRate: 1,
    errorStatuses: [503],
    errorRetryAfterSeconds: 1,
  });
  const filePath = path.join(dir, 'invoice.pdf');
  await writeFile(filePath, await pdfBytes(1, { label: 'first version' }));
  await harness.until('the file waits for a retry', () =>
    [...harness.entries.values()].some((entry) => entry.state === 'ready' && entry.attempts === 1),
  );
  const [waiting] = [...harness.entries.values()];
  assert.ok(waiting);
  assert.equal(waiting.failure?.code, 'transient');

  emulator.setFaults({});
  await writeFile(filePath, await pdfBytes(3, { label: 'second version' }));
  await harness.until(
    'the file is archived',
    () => harness.entries.get(waiting.id)?.state === 'archived',
    60_000,
  );
  const archived = harness.entries.get(waiting.id);
  assert.equal(archived?.attempts, 1, 'the backoff was reset: one more send, not two');
  assert.equal(archived?.pages, 3);
  const uploads = emulator.uploads();
  assert.equal(uploads.length, 1);
  assert.equal(uploads[0]?.pages, 3, 'the new content is what arrived');
});
