// The control channel's framing: lines of JSON however the bytes are cut, and a peer held to the
// bound and to JSON, with nothing delivered after the first bad frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameReader } from '../../../../src-main/core/control/frame-reader.ts';

function collect(maxFrameBytes = 1_000) {
  const frames: unknown[] = [];
  const errors: string[] = [];
  const reader = createFrameReader({
    maxFrameBytes,
    onFrame: (frame) => frames.push(frame),
    onError: (reason) => errors.push(reason),
  });
  return { reader, frames, errors };
}

test('frames split across chunks, several in one chunk, CRLF and blank lines', () => {
  const { reader, frames, errors } = collect();
  const bytes = Buffer.from('{"a":1}\n{"b":"é"}\r\n\n[3]\n{"c"');
  // One byte at a time also cuts the two-byte "é" in half.
  for (const byte of bytes) reader.push(Buffer.from([byte]));
  assert.deepEqual(frames, [{ a: 1 }, { b: 'é' }, [3]]);
  reader.push(Buffer.from(':4}\n{"d":5}\n'));
  assert.deepEqual(frames.slice(3), [{ c: 4 }, { d: 5 }]);
  assert.deepEqual(errors, []);
});

test('a line that is not JSON, or not UTF-8, stops the reader after one error', () => {
  for (const bad of [
    Buffer.from('{"a":1}\nnot json\n{"b":2}\n'),
    Buffer.from([0x22, 0xff, 0x22, 0x0a]),
  ]) {
    const { reader, frames, errors } = collect();
    reader.push(bad);
    reader.push(Buffer.from('{"late":true}\n'));
    assert.equal(errors.length, 1, bad.toString('hex'));
    assert.match(errors[0] ?? '', /not a line of UTF-8 JSON/);
    assert.ok(!frames.some((frame) => JSON.stringify(frame).includes('late')));
  }
});

test('a frame over the bound fails whether or not its newline has arrived', () => {
  const open = collect(16);
  open.reader.push(Buffer.from('{"a":"0123'));
  assert.deepEqual(open.errors, []);
  open.reader.push(Buffer.from('456789abcdef"'));
  assert.match(open.errors[0] ?? '', /longer than 16 bytes/);

  const closed = collect(16);
  closed.reader.push(Buffer.from(`{"a":"${'x'.repeat(20)}"}\n{"b":1}\n`));
  assert.equal(closed.errors.length, 1);
  assert.deepEqual(closed.frames, []);

  const exact = collect(16);
  exact.reader.push(Buffer.from(`{"a":"${'x'.repeat(8)}"}\n`));
  assert.deepEqual(exact.errors, [], 'a frame of exactly the bound is accepted');
  assert.equal(exact.frames.length, 1);
});

test('stop() drops the partial line and delivers nothing more', () => {
  const { reader, frames, errors } = collect();
  reader.push(Buffer.from('{"a":'));
  reader.stop();
  reader.push(Buffer.from('1}\n{"b":2}\n'));
  assert.deepEqual(frames, []);
  assert.deepEqual(errors, []);
});
