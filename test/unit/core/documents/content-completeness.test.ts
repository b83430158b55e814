// The completeness rule by content: a JPEG reaches EOI, a PNG reaches IEND, XML closes its root;
// data after the end is allowed, a cut anywhere before it is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  judgeBytes,
  judgeFile,
  jpegReachesEnd,
} from '../../../../src-main/core/documents/content-completeness.ts';
import { jpeg, peppolInvoiceXml, png } from '../../../emulator/test-documents.ts';
import { sampleInvoice, ublXml, withNesting } from '../../../fixtures/e-invoice-builder.ts';
import { wholeJpeg } from '../../../support/slow-scanner.ts';
import { tempDir } from '../../../support/temp-folders.ts';

test('a JPEG is complete only once its markers reach EOI, and data after it is allowed', () => {
  const whole = wholeJpeg(20_000);
  assert.equal(jpegReachesEnd(whole), true);
  assert.equal(jpegReachesEnd(jpeg()), true);
  for (const cut of [3, 10, 100, 5_000, whole.length / 2, whole.length - 1]) {
    assert.equal(jpegReachesEnd(whole.subarray(0, Math.floor(cut))), false, `cut at ${cut}`);
  }
  const withTrailer = Buffer.concat([whole, Buffer.from('phone maker notes'), Buffer.alloc(500)]);
  assert.deepEqual(judgeBytes(withTrailer), { verdict: 'complete', kind: 'jpeg' });
});

test('an EOI inside an EXIF thumbnail does not make a cut JPEG whole', () => {
  const thumbnail = [0xff, 0xd8, 0xff, 0xd9];
  const app1 = [0xff, 0xe1, 0x00, thumbnail.length + 2, ...thumbnail];
  const whole = wholeJpeg(4_000);
  const withExif = Buffer.concat([whole.subarray(0, 2), Buffer.from(app1), whole.subarray(2)]);
  assert.equal(jpegReachesEnd(withExif), true);
  assert.equal(jpegReachesEnd(withExif.subarray(0, 2 + app1.length + 40)), false);
});

test('a PNG is complete at IEND with trailing data allowed; cut before it, it is not', () => {
  const whole = png();
  assert.deepEqual(judgeBytes(whole), { verdict: 'complete', kind: 'png' });
  assert.deepEqual(judgeBytes(Buffer.concat([whole, Buffer.from('trailing')])), {
    verdict: 'complete',
    kind: 'png',
  });
  assert.deepEqual(judgeBytes(whole.subarray(0, whole.length - 5)), {
    verdict: 'incomplete',
    kind: 'png',
  });
});

test('XML is complete once well-formed to the end of its root, judged from the file', async (t) => {
  const dir = tempDir(t, 'completeness-xml');
  const whole = peppolInvoiceXml();
  const judge = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return judgeFile(file);
  };
  assert.deepEqual(await judge('whole.xml', whole), { verdict: 'complete', kind: 'xml' });
  assert.deepEqual(await judge('spaced.xml', Buffer.concat([whole, Buffer.from('\n\n')])), {
    verdict: 'complete',
    kind: 'xml',
  });
  assert.deepEqual(await judge('cut.xml', whole.subarray(0, Math.floor(whole.length * 0.8))), {
    verdict: 'incomplete',
    kind: 'xml',
  });
  // Cut just before the root's closing tag ends: every element but the root is closed.
  assert.deepEqual(await judge('unclosed.xml', whole.subarray(0, whole.lastIndexOf('>'))), {
    verdict: 'incomplete',
    kind: 'xml',
  });
});

test('XML nested past the reader’s depth limit is let through to the check, not waited on', async (t) => {
  // The check refuses it for its depth (xml_nested_too_deep); called incomplete, the gate
  // would wait for an end it never looks for.
  const file = path.join(tempDir(t, 'completeness-deep'), 'deep.xml');
  await writeFile(file, withNesting(ublXml(sampleInvoice()), 200_000));
  assert.deepEqual(await judgeFile(file), { verdict: 'complete', kind: 'xml' });
});

test('XML with a 200 KB comment or declared entities is let through to the check, not waited on', async (t) => {
  const dir = tempDir(t, 'completeness-refused');
  const xml = ublXml(sampleInvoice());
  const longComment = path.join(dir, 'long-comment.xml');
  await writeFile(longComment, xml.replace('<cbc:', `<!-- ${'c'.repeat(200 * 1024)} --><cbc:`));
  assert.deepEqual(await judgeFile(longComment), { verdict: 'complete', kind: 'xml' });
  const entities = path.join(dir, 'entities.xml');
  await writeFile(
    entities,
    xml.replace(/^(<\?xml[^>]*\?>)/, '$1\n<!DOCTYPE Invoice [<!ENTITY lol "lol">]>'),
  );
  assert.deepEqual(await judgeFile(entities), { verdict: 'complete', kind: 'xml' });
});

test('other content is not judged, and a file is judged by its bytes, not its name', async (t) => {
  const dir = tempDir(t, 'completeness');
  assert.deepEqual(judgeBytes(Buffer.from('%PDF-1.7\n')), { verdict: 'not_judged' });
  const named = path.join(dir, 'scan.pdf');
  await writeFile(named, wholeJpeg(3_000).subarray(0, 1_000));
  assert.deepEqual(await judgeFile(named), { verdict: 'incomplete', kind: 'jpeg' });
  const text = path.join(dir, 'notes.jpg');
  await writeFile(text, 'plain text');
  assert.deepEqual(await judgeFile(text), { verdict: 'not_judged' });
});
