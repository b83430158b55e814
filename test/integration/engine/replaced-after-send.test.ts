// Issue #10: the file at a watched path is replaced (renamed over) after its upload and before the
// move, by another file of the same size and mtime; or rewritten after the move step's check and
// before its rename into _uploaded/. It is not the file that was sent: it must not
// be moved as done, the row names the uuid Clearfacts holds the earlier version under (nl/fr/en),
// and the new content is sent as a file of its own.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { renderMessage } from '../../../src-main/contract/messages/index.ts';
import type { AfterUploadFs } from '../../../src-main/core/queue/after-upload.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { isSettled, monthFolder, startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The same PDF with one byte of its binary comment line (`%` and four bytes ≥ 128 after the
 * header, ISO 32000-1 §7.5.2) changed: the same size, another SHA-256, still a well-formed PDF.
 */
function sameSizeOtherContent(original: Buffer): Buffer {
  const copy = Buffer.from(original);
  const comment = copy.indexOf('\n%', 0, 'latin1') + 2;
  assert.ok(comment > 2 && (copy[comment] ?? 0) >= 0x80, 'pdf-lib writes a binary comment line');
  copy[comment] = (copy[comment] ?? 0x80) ^ 0x01;
  return copy;
}

/** A watched folder, the path of the file in it, the version sent and the version found after. */
interface Scenario {
  dir: string;
  filePath: string;
  first: Buffer;
  second: Buffer;
}

test('a file renamed over after its upload, same size and mtime, is not moved as the one sent', async (t) => {
  const dir = folder(tempDir(t, 'replaced'), 'scans');
  const filePath = path.join(dir, 'invoice.pdf');
  const first = Buffer.from(await pdfBytes(1, { label: 'sent version' }));
  const second = sameSizeOtherContent(first);
  assert.equal(second.length, first.length);
  assert.notEqual(sha256(second), sha256(first));

  // The replacement happens for real on the temp folder; the injected step only picks the moment
  // (after Clearfacts answered, just before the move looks at the file), which no timing can.
  let replaced = false;
  const fs: AfterUploadFs = {
    ...fsPromises,
    stat: (async (target: string, ...rest: []) => {
      if (!replaced && target === filePath) {
        replaced = true;
        const before = await fsPromises.stat(filePath);
        const staged = path.join(dir, '.invoice.pdf.part');
        await fsPromises.writeFile(staged, second);
        await fsPromises.utimes(staged, before.atime, before.mtime);
        await fsPromises.rename(staged, filePath);
        const after = await fsPromises.stat(filePath);
        assert.equal(after.size, before.size);
        assert.ok(Math.abs(after.mtimeMs - before.mtimeMs) < 1, 'the same mtime');
        assert.notEqual(after.ino, before.ino, 'another file (inode) at the same path');
      }
      return fsPromises.stat(target, ...rest);
    }) as AfterUploadFs['stat'],
  };
  await assertOtherVersionSentOnItsOwn(t, { dir, filePath, first, second }, fs, () => {
    assert.ok(replaced, 'the file was replaced before the move step looked at it');
  });
});

test('a file rewritten between the check before the move and the move is not moved as the one sent', async (t) => {
  const dir = folder(tempDir(t, 'rewritten'), 'scans');
  const filePath = path.join(dir, 'invoice.pdf');
  const first = Buffer.from(await pdfBytes(1, { label: 'sent version' }));
  const second = Buffer.from(await pdfBytes(2, { label: 'second scan' }));

  // The hook writes in the window the step had left open: after it compared the file with the
  // version sent, before the rename into _uploaded/ (a scanner's second pass, in place).
  let rewritten = false;
  const fs: AfterUploadFs = {
    ...fsPromises,
    rename: async (from, to) => {
      if (!rewritten && from === filePath) {
        rewritten = true;
        await fsPromises.writeFile(filePath, second);
      }
      return fsPromises.rename(from, to);
    },
  };
  await assertOtherVersionSentOnItsOwn(t, { dir, filePath, first, second }, fs, () => {
    assert.ok(rewritten, 'the file was rewritten between the check and the move');
  });
});

/**
 * What the user must see once a version other than the one sent was found at the move step: the
 * sent version's row stays `uploaded` and names its uuid (nl/fr/en), and the other version is
 * sent once and moved under a row of its own. The engine watches `scenario.dir`, the first
 * version is written, and `afterUploadFs` makes the fault; `assertFaultHappened` checks it did.
 */
async function assertOtherVersionSentOnItsOwn(
  t: TestContext,
  scenario: Scenario,
  afterUploadFs: AfterUploadFs,
  assertFaultHappened: () => void,
): Promise<void> {
  const { filePath, dir, first, second } = scenario;
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const harness = await startEngine(t, { emulator, token: emulator.demoToken, afterUploadFs });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await fsPromises.writeFile(filePath, first);

  const left = await harness.waitForEntry('the sent version settles', isSettled);
  assertFaultHappened();
  assert.equal(left.state, 'uploaded', 'the replacement is not moved as the file sent');
  assert.equal(left.failure?.code, 'after_upload_failed');
  const firstUpload = emulator.uploads().find((upload) => upload.sha256 === sha256(first));
  assert.ok(firstUpload, 'the first version reached Clearfacts');
  assert.equal(left.uuid, firstUpload.uuid);
  const reason = left.failure?.message;
  assert.ok(reason);
  assert.equal(reason.code, 'changed_after_send');
  for (const language of ['nl', 'fr', 'en'] as const) {
    assert.ok(
      renderMessage(reason, language).includes(firstUpload.uuid),
      `the ${language} message names the earlier version's uuid`,
    );
  }

  // The new content is new work: through the gate, sent, and moved under its own row.
  const newer = await harness.waitForEntry(
    'the replacement is sent and moved as a file of its own',
    (entry) => entry.id !== left.id && entry.state === 'archived',
  );
  const uploads = emulator.uploads().map((upload) => upload.sha256);
  assert.deepEqual(uploads.sort(), [sha256(first), sha256(second)].sort(), 'each version once');
  assert.ok(newer.archivedPath);
  assert.equal(path.dirname(newer.archivedPath), path.join(dir, '_uploaded', monthFolder()));
  assert.deepEqual(readFileSync(newer.archivedPath), second, 'what was moved is what it sent');
  assert.equal(existsSync(filePath), false);
  assert.equal(
    harness.entries.get(left.id)?.state,
    'uploaded',
    'the earlier row is never archived',
  );
}
