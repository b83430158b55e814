// The readiness gate's cost on a PDF a scanner writes over many pauses: each check after a pause
// reads only what was added since the last one, so the bytes read over the whole write stay
// proportional to the file's size (before, every check searched for `%%EOF` from the last byte
// back to the first: quadratic). The reads are counted through an injected reader and the gate's
// windows are ended by a manual clock, so nothing here depends on timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openFileSource } from '../../../../src-main/core/documents/byte-source.ts';
import {
  createReadinessGate,
  type FileVersion,
  type ReadinessGateOptions,
} from '../../../../src-main/core/intake/readiness-gate.ts';
import { largePdfBytes } from '../../../fixtures/generate-documents.ts';
import { createManualClock } from '../../../support/manual-clock.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { scanSlowly } from '../../../support/slow-scanner.ts';
import { tempDir } from '../../../support/temp-folders.ts';

async function versionOf(filePath: string): Promise<FileVersion> {
  const stats = await stat(filePath);
  return { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
}

/** A gate on a manual clock; `ready` settles with the first file it announces. */
function gateOnManualClock(
  t: { after(fn: () => void): void },
  openPdf?: ReadinessGateOptions<null>['openPdf'],
) {
  const clock = createManualClock();
  const announced: string[] = [];
  let whenAnnounced: () => void = () => {};
  const ready = new Promise<void>((resolve) => (whenAnnounced = resolve));
  const gate = createReadinessGate<null>({
    stabilityWindowMs: () => 1_000,
    onReady: (readyPath) => {
      announced.push(readyPath);
      whenAnnounced();
    },
    onVanished: () => assert.fail('the file never goes'),
    logger: createRecordingLogger(),
    clock,
    // The writer here keeps the file open; the probe is blind, as on Windows or a network share,
    // so the gate's own reads of the content are what is measured.
    openWriters: { check: async () => 'unknown' },
    ...(openPdf === undefined ? {} : { openPdf }),
  });
  t.after(() => gate.stop());
  return { gate, clock, announced, ready };
}

test('a PDF written in 64 parts is read about once in all, not once per pause', async (t) => {
  const filePath = path.join(tempDir(t, 'gate-reads'), 'slow-scan.pdf');
  const bytes = largePdfBytes(4 * 1024 * 1024);
  const parts = 64;
  let bytesRead = 0;
  let checks = 0;
  const { gate, clock, announced, ready } = gateOnManualClock(t, async (openedPath) => {
    checks += 1;
    const source = await openFileSource(openedPath);
    return {
      size: source.size,
      close: () => source.close(),
      async read(position, length) {
        const read = await source.read(position, length);
        bytesRead += read.length;
        return read;
      },
    };
  });

  await scanSlowly(filePath, bytes, {
    parts,
    pauseMs: 0,
    async onPartWritten(index) {
      // The watcher's hint for the new part, then one window without a change: the gate checks.
      const version = await versionOf(filePath);
      if (index === 0) gate.track(filePath, null, version);
      else gate.hint(filePath, version);
      const checksBefore = checks;
      await clock.step(`the gate's check after part ${index + 1}`, ready);
      assert.equal(checks, checksBefore + 1, `part ${index + 1} was judged by its content`);
    },
  });

  assert.deepEqual(announced, [filePath], 'the whole PDF is announced after its last part');
  assert.equal(checks, parts);
  // Linear: the file once, plus a few small reads (head, tail, xref) per check. Searching the
  // whole file at every check would have read about parts / 2 = 32 times its size.
  const perCheckAllowance = 16 * 1024;
  assert.ok(
    bytesRead <= bytes.length + parts * perCheckAllowance,
    `read ${bytesRead} bytes for a ${bytes.length}-byte file over ${parts} checks`,
  );
});

test('a PDF rewritten from its start between two checks is searched again from its start', async (t) => {
  const filePath = path.join(tempDir(t, 'gate-rewrite'), 'rewritten.pdf');
  const whole = largePdfBytes(256 * 1024);
  const { gate, clock, announced, ready } = gateOnManualClock(t);

  // A first, cut version is checked; then the scanner starts over and writes a longer file: a
  // whole PDF whose %%EOF lies before where the first search ended, and NUL padding after it.
  await scanSlowly(filePath, whole.subarray(0, 200 * 1024), { parts: 1, pauseMs: 0 });
  gate.track(filePath, null, await versionOf(filePath));
  await clock.step('the check of the cut first version', ready);
  assert.deepEqual(announced, []);
  const short = largePdfBytes(64 * 1024);
  const padded = Buffer.concat([short, Buffer.alloc(250 * 1024 - short.length)]);
  await scanSlowly(filePath, padded, { parts: 1, pauseMs: 0 });
  gate.hint(filePath, await versionOf(filePath));
  await clock.step('the check of the rewritten file', ready);
  assert.deepEqual(announced, [filePath], 'the rewritten whole file is announced at once');
});
