// The readiness gate's cost on a PDF a scanner writes over many pauses: each check after a pause
// reads only what was added since the last one, so the bytes read over the whole write stay
// proportional to the file's size (before, every check searched for `%%EOF` from the last byte
// back to the first: quadratic). The reads are counted through an injected reader and the gate's
// windows are ended by a manual clock, so nothing here depends on timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
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

/** The gate's PDF reader on the real file, counting the opens and the bytes read into `reads`. */
function countingReader(reads: {
  opened: number;
  bytes: number;
}): NonNullable<ReadinessGateOptions<null>['openPdf']> {
  return async (openedPath) => {
    reads.opened += 1;
    const source = await openFileSource(openedPath);
    return {
      size: source.size,
      close: () => source.close(),
      async read(position, length) {
        const read = await source.read(position, length);
        reads.bytes += read.length;
        return read;
      },
    };
  };
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
  const reads = { opened: 0, bytes: 0 };
  const { gate, clock, announced, ready } = gateOnManualClock(t, countingReader(reads));

  await scanSlowly(filePath, bytes, {
    parts,
    pauseMs: 0,
    async onPartWritten(index) {
      // The watcher's hint for the new part, then one window without a change: the gate checks.
      const version = await versionOf(filePath);
      if (index === 0) gate.track(filePath, null, version);
      else gate.hint(filePath, version);
      const checksBefore = reads.opened;
      await clock.step(`the gate's check after part ${index + 1}`, ready);
      assert.equal(reads.opened, checksBefore + 1, `part ${index + 1} was judged by its content`);
    },
  });

  assert.deepEqual(announced, [filePath], 'the whole PDF is announced after its last part');
  assert.equal(reads.opened, parts);
  // Linear: the file once, plus a few small reads (head, tail, xref) per check. Searching the
  // whole file at every check would have read about parts / 2 = 32 times its size.
  const perCheckAllowance = 16 * 1024;
  assert.ok(
    reads.bytes <= bytes.length + parts * perCheckAllowance,
    `read ${reads.bytes} bytes for a ${bytes.length}-byte file over ${parts} checks`,
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

test('a large PDF without %%EOF that comes back after each long pause is searched about once in all', async (t) => {
  const filePath = path.join(tempDir(t, 'gate-no-eof'), 'paused-scan.pdf');
  const whole = largePdfBytes(8 * 1024 * 1024);
  // Never its end: the scanner pauses longer than the gate's grace each time, so every part is
  // announced incomplete (the checks refuse it) and comes back through the gate when it grows.
  const passes = 8;
  const partBytes = Math.floor((whole.length - 64 * 1024) / passes);
  const reads = { opened: 0, bytes: 0 };
  const clock = createManualClock();
  const announced: number[] = [];
  let whenAnnounced: () => void = () => {};
  const gate = createReadinessGate<null>({
    stabilityWindowMs: () => 1_000,
    onReady: (_path, _context, version) => {
      announced.push(version.sizeBytes);
      whenAnnounced();
    },
    onVanished: () => assert.fail('the file never goes'),
    logger: createRecordingLogger(),
    clock,
    openWriters: { check: async () => 'unknown' },
    openPdf: countingReader(reads),
  });
  t.after(() => gate.stop());

  for (let pass = 1; pass <= passes; pass += 1) {
    await writeFile(filePath, whole.subarray(0, pass * partBytes));
    const ready = new Promise<void>((resolve) => (whenAnnounced = resolve));
    gate.track(filePath, null, await versionOf(filePath));
    for (let window = 0; announced.length < pass; window += 1) {
      assert.ok(window < 10, `pass ${pass} was announced within the grace`);
      await clock.step(`the gate's window ${window + 1} of pass ${pass}`, ready);
    }
  }

  const size = passes * partBytes;
  assert.deepEqual(
    announced,
    Array.from({ length: passes }, (_, index) => (index + 1) * partBytes),
    'every incomplete part is announced once, for the checks to refuse',
  );
  // Searching each pass from its last byte back to its first reads about passes / 2 = 4 times
  // the final size; resumed, the file once plus a few small reads per check.
  const allowance = passes * 6 * 16 * 1024;
  const said = `read ${reads.bytes} bytes for a ${size}-byte file over ${passes} passes`;
  t.diagnostic(said);
  assert.ok(reads.bytes <= size + allowance, said);
});
