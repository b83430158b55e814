// `status --json` as a monitoring script reads it, and its exit code, in every queue state: asked
// of a running `watch` over the control channel, and computed from the history when none runs.
// One emulator and one watch process go through the states in turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FolderView } from '../../../src-main/contract/domain.ts';
import { connectToRunningEngine } from '../../../src-main/core/index.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { withDeadline } from '../../support/waiting.ts';
import {
  health,
  runCli,
  type HealthJson,
  startWatch,
  tokenSet,
  useStabilityWindow,
  type CliContext,
  type WatchProcess,
} from '../../support/cli-process.ts';

function holdKinds(json: HealthJson): string[] {
  return json.holds.map((hold) => hold.kind);
}

function hasEntry(watch: WatchProcess, fileName: string, state: string): boolean {
  return [...watch.entries.values()].some(
    (entry) => entry.fileName === fileName && entry.state === state,
  );
}

test('`status --json` and its exit code in every queue state, with and without a running engine', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const company = administration.companyNumber;
  const root = tempDir(t, 'status-health');
  const configDir = folder(root, 'config');
  const scans = folder(root, 'scans');
  const doomed = folder(root, 'doomed');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  useStabilityWindow(configDir);
  await tokenSet(context, emulator.addToken([...ALL_SCOPES]));
  for (const bound of [scans, doomed]) {
    const added = await runCli(context, [
      'folders',
      'add',
      bound,
      '--company',
      company,
      '--type',
      'sale',
    ]);
    assert.equal(added.code, 0, added.stderr);
  }

  // No engine, nothing happened yet: healthy, the folders read from the disk.
  const quiet = await health(context);
  assert.equal(quiet.code, 0);
  assert.equal(quiet.json.running, false);
  assert.equal(quiet.json.attention, false);
  assert.deepEqual(quiet.json.holds, []);
  assert.deepEqual(
    quiet.json.folders.map((item) => [item.path, item.available, item.availability]),
    [
      [scans, true, null],
      [doomed, true, null],
    ],
  );
  assert.equal(quiet.json.lastUpload, null);
  assert.equal(quiet.json.lastError, null);

  const watch = startWatch(t, context);
  await watch.until('the engine reports its status', () => watch.status() !== null);
  const idle = await health(context);
  assert.equal(idle.code, 0, 'idle');
  assert.equal(idle.json.running, true);
  assert.equal(idle.json.status.state, 'idle');
  assert.deepEqual(
    idle.json.folders.map((item) => item.availability),
    ['watching', 'watching'],
  );

  // Uploading: Clearfacts holds the upload until the test lets it through, however long the
  // `status` process takes to start on a loaded machine.
  emulator.setFaults({ latencyMs: 600_000, appliesTo: 'uploads' });
  await writeFile(path.join(scans, 'slow.pdf'), await pdfBytes(1, { label: 'slow' }));
  await watch.until('slow.pdf is being sent', () => hasEntry(watch, 'slow.pdf', 'uploading'));
  const uploading = await health(context);
  assert.equal(uploading.code, 0, 'sending needs nobody');
  assert.equal(uploading.json.status.state, 'uploading');
  assert.equal(uploading.json.status.counts.uploading, 1);
  emulator.setFaults({});
  await watch.until('slow.pdf is delivered', () => hasEntry(watch, 'slow.pdf', 'archived'));
  const delivered = await health(context);
  assert.equal(delivered.json.lastUpload?.fileName, 'slow.pdf');
  assert.match(delivered.json.lastUpload?.uuid ?? '', /\S/);

  // Paused by the user: held, but nothing is wrong.
  const remote = await connectToRunningEngine(configDir);
  assert.ok(remote, 'the watch answers on its control channel');
  t.after(() => remote.close());
  await remote.handlers['queue.pause']({});
  const paused = await health(context);
  assert.equal(paused.code, 0, 'a pause is the user’s own choice');
  assert.deepEqual(holdKinds(paused.json), ['paused']);
  assert.equal(paused.json.holds[0]?.message.code, 'paused_by_user');
  await remote.handlers['queue.resume']({});

  // An unavailable folder.
  await rm(doomed, { recursive: true, force: true });
  await watch.until('the intake reports the folder unavailable', () =>
    watch.events.some(
      (event) =>
        event.event === 'folders.changed' &&
        (event as unknown as { folders: FolderView[] }).folders.some(
          (view) => view.binding.path === doomed && view.availability === 'unavailable',
        ),
    ),
  );
  const lost = await health(context);
  assert.equal(lost.code, 1, 'an unavailable folder needs the user');
  assert.deepEqual(
    lost.json.folders.map((item) => [item.path, item.available]),
    [
      [scans, true],
      [doomed, false],
    ],
  );
  const removed = await runCli(context, ['folders', 'remove', doomed]);
  assert.equal(removed.code, 0, removed.stderr);

  // A failed file.
  await writeFile(path.join(scans, 'broken.pdf'), 'not a pdf at all');
  await watch.until('broken.pdf fails', () => hasEntry(watch, 'broken.pdf', 'failed'));
  const failed = await health(context);
  assert.equal(failed.code, 1, 'a failed file needs the user');
  assert.equal(failed.json.status.counts.failed, 1);
  assert.equal(failed.json.lastError?.fileName, 'broken.pdf');
  assert.equal(failed.json.lastError?.failure.code, 'unsupported_type');

  // An unconfirmed file: Clearfacts took it but never answered.
  emulator.setFaults({ hangRate: 1, hangStage: 'after-processing' });
  await writeFile(path.join(scans, 'unanswered.pdf'), await pdfBytes(1, { label: 'unanswered' }));
  await watch.until('unanswered.pdf is unconfirmed', () =>
    hasEntry(watch, 'unanswered.pdf', 'unconfirmed'),
  );
  emulator.setFaults({});
  const unconfirmed = await health(context);
  assert.equal(unconfirmed.code, 1, 'an unconfirmed file needs the user');
  assert.equal(unconfirmed.json.status.counts.unconfirmed, 1);
  assert.equal(unconfirmed.json.lastError?.fileName, 'unanswered.pdf');

  watch.child.kill('SIGTERM');
  assert.equal((await withDeadline('the watch to stop on SIGTERM', watch.exited)).code, 0);

  // No engine: the same from the history, and the folders from the disk.
  const stopped = await health(context);
  assert.equal(stopped.json.running, false);
  assert.equal(stopped.code, 1, 'failed and unconfirmed files still need the user');
  assert.deepEqual(stopped.json.status.counts, unconfirmed.json.status.counts);
  assert.deepEqual(stopped.json.lastUpload, unconfirmed.json.lastUpload);
  assert.deepEqual(stopped.json.lastError, unconfirmed.json.lastError);
  await rm(scans, { recursive: true, force: true });
  const missing = await health(context);
  assert.deepEqual(
    missing.json.folders.map((item) => [item.available, item.reason?.code]),
    [[false, 'folder_not_found']],
  );

  const human = await runCli(context, ['status']);
  assert.equal(human.code, 1);
  assert.match(human.stdout, /Engine: +not running/);
  assert.match(human.stdout, /Folder: .*unavailable/);
  assert.match(human.stdout, /Last error: +unanswered\.pdf/);
});
