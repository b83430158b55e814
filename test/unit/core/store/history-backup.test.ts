// The history's backup names the user's files and companies like the history itself, so it is
// readable by its owner only, whatever the umask (issue #12).
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createHistoryBackup } from '../../../../src-main/core/store/history-backup.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { newFile, openTempHistory } from '../../../support/temp-history.ts';

test('history.backup.sqlite is written with mode 0600 under a permissive umask', async (t) => {
  const { db, file, repository } = openTempHistory(t);
  repository.insert(newFile());
  const previous = process.umask(0o022);
  t.after(() => process.umask(previous));
  const backupFile = path.join(path.dirname(file), 'history.backup.sqlite');
  const backup = createHistoryBackup({
    db,
    file: backupFile,
    intervalMs: 3_600_000,
    logger: createRecordingLogger(),
  });
  t.after(() => backup.stop());
  await backup.backUp();
  assert.equal(statSync(backupFile).mode & 0o777, 0o600);
});
