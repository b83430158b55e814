// Issue 10, failure 4: the history emptied, deleted or damaged with folders still bound. Before
// the delivery journal, the next start sent every file still in the folders again (after-upload
// "leave"), or ended on "database disk image is malformed". Now the history is rebuilt from the
// backup and the journal before anything is sent, so only the new file goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfBytes } from '../fixtures/generate-documents.ts';
import { startTestEmulator } from '../emulator/emulator-test-support.ts';
import { startEngine, type EngineHarness } from '../support/engine-harness.ts';
import { runCli } from '../support/cli-process.ts';
import { folder, tempDir } from '../support/temp-folders.ts';

const ACCIDENTS: [string, (history: string, configDir: string) => Promise<void>][] = [
  ['truncated to 0 bytes', (history) => truncate(history, 0)],
  ['deleted', (history) => rm(history)],
  [
    'damaged',
    async (history) => {
      // Pages after the header overwritten: SQLite opens it, then finds it malformed.
      const handle = await open(history, 'r+');
      await handle.write(Buffer.alloc(8_192, 0x5a), 0, 8_192, 4_096);
      await handle.close();
    },
  ],
  [
    'deleted with its backup (the journal alone remembers)',
    async (history, configDir) => {
      await rm(history);
      await rm(path.join(configDir, 'history.backup.sqlite'));
    },
  ],
];

test('a lost, empty or damaged history sends nothing again', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'lost-history');
  const configDir = folder(root, 'config');
  const dir = folder(root, 'scans');
  const options = {
    emulator,
    token: emulator.demoToken,
    configDir,
    settings: { afterUpload: 'leave' as const },
  };
  const waitArchived = (harness: EngineHarness, fileName: string) =>
    harness.waitForEntry(`${fileName} archived`, (entry) => {
      return entry.fileName === fileName && entry.state === 'archived';
    });

  const first = await startEngine(t, options);
  await first.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  for (let index = 0; index < 3; index += 1) {
    await writeFile(path.join(dir, `kept-${index}.pdf`), await pdfBytes(1, { label: `${index}` }));
  }
  for (let index = 0; index < 3; index += 1) await waitArchived(first, `kept-${index}.pdf`);
  const untouched = await first.engine.handlers['status.get']({});
  assert.equal(untouched.historyRebuilt, null, 'a history never lost is not called rebuilt');
  await first.stop();
  let sent = 3;
  assert.equal(emulator.uploads().length, sent);

  for (const [accident, happen] of ACCIDENTS) {
    await happen(path.join(configDir, 'history.sqlite'), configDir);
    const next = await startEngine(t, options);
    // The start-up scan has looked at every file in the folder before this one is seen.
    const fresh = `after ${accident}.pdf`;
    await writeFile(path.join(dir, fresh), await pdfBytes(1, { label: fresh }));
    await waitArchived(next, fresh);
    sent += 1;
    assert.deepEqual(
      emulator
        .uploads()
        .map((upload) => upload.filename)
        .slice(3),
      ACCIDENTS.slice(0, sent - 3).map(([name]) => `after ${name}.pdf`),
      `history ${accident}: only the new file was sent`,
    );
    const history = await next.allHistory();
    assert.equal(
      history.filter((entry) => entry.fileName.startsWith('kept-') && entry.uuid !== null).length,
      3,
      `history ${accident}: the delivered files are in the history again`,
    );
    // The user is told, with the path and what came back.
    const told = (await next.engine.handlers['status.get']({})).historyRebuilt;
    assert.ok(told?.code === 'history_rebuilt', `history ${accident}: the status says so`);
    assert.equal(told.params.databasePath, path.join(configDir, 'history.sqlite'));
    await next.stop();
  }

  // The CLI's status, with no engine running, says it too, in the CLI's language.
  const status = await runCli(
    { configDir, apiUrl: emulator.graphqlUrl, env: { LC_ALL: 'nl_BE.UTF-8' } },
    ['status'],
  );
  // The CLI's label is in the CLI's language too (issue #14).
  const line = `De geschiedenisdatabase (${path.join(configDir, 'history.sqlite')})`;
  const labelled = status.stdout.split('\n').find((text) => text.startsWith('Geschiedenis:'));
  assert.ok(labelled?.includes(line), status.stdout);
  assert.match(status.stdout, /opnieuw opgebouwd/);
});
