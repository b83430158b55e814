// Names that are not UTF-8 read as Windows-1252. Expected text: CPython's `cp1252` codec
// (bytes 0x80-0x9F, undefined ones as U+FFFD), an implementation independent of ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { link, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  giveReadableName,
  isUtf8Name,
  readableName,
  type NamingFs,
} from '../../../../src-main/core/intake/raw-names.ts';
import { latin1Name, writeRawNamed } from '../../../support/raw-names.ts';
import { tempDir } from '../../../support/temp-folders.ts';

const CPYTHON_CP1252_80_9F =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

test('Windows-1252 readings match CPython cp1252, undefined bytes as U+FFFD', () => {
  const high = Buffer.from(Array.from({ length: 32 }, (_, index) => 0x80 + index));
  assert.equal(readableName(high), CPYTHON_CP1252_80_9F);
  assert.equal(
    readableName(latin1Name('Facture F\xe9vrier \xe0 r\xe9gler.pdf')),
    'Facture Février à régler.pdf',
  );
  assert.equal(isUtf8Name(latin1Name('factuur-\xe9.pdf')), false);
  assert.equal(isUtf8Name(Buffer.from('factuur-é.pdf')), true);
});

test('a quiet file is renamed, a taken name numbered; a fresh one waits', async (t) => {
  const dir = tempDir(t, 'raw-unit');
  writeFileSync(path.join(dir, 'scan-\u00e9.pdf'), 'taken');
  writeRawNamed(dir, latin1Name('scan-\xe9.pdf'), Buffer.from('%PDF-1.4\n'));
  const early = await giveReadableName(dir, latin1Name('scan-\xe9.pdf'), 60_000, Date.now());
  assert.equal(early.outcome, 'wait');
  const later = await giveReadableName(
    dir,
    latin1Name('scan-\xe9.pdf'),
    60_000,
    Date.now() + 61_000,
  );
  assert.deepEqual(later, {
    outcome: 'renamed',
    path: path.join(dir, 'scan-é (2).pdf'),
    rawName: latin1Name('scan-\xe9.pdf').toString('hex'),
  });
  assert.deepEqual(readdirSync(dir).sort(), ['scan-é (2).pdf', 'scan-é.pdf']);
  assert.deepEqual(await giveReadableName(dir, latin1Name('gone-\xe9.pdf'), 0, Date.now()), {
    outcome: 'gone',
  });
});

/** Node's file operations, with another writer's file put at the first name the file is given. */
function anotherWriterFirst(otherFile: () => void): NamingFs {
  let raced = false;
  const first = () => {
    if (!raced) otherFile();
    raced = true;
  };
  return {
    stat,
    unlink,
    link: async (existing, target) => {
      first();
      await link(existing, target);
    },
    rename: async (source, target) => {
      first();
      await rename(source, target);
    },
  };
}

test('a file created under the readable name after it was found free is not replaced', async (t) => {
  const dir = tempDir(t, 'raw-race');
  const raw = latin1Name('scan-\xe9.pdf');
  writeRawNamed(dir, raw, Buffer.from('%PDF-1.4 scanned\n'));
  const theirs = path.join(dir, 'scan-é.pdf');
  const naming = await giveReadableName(
    dir,
    raw,
    0,
    Date.now() + 1000,
    anotherWriterFirst(() => writeFileSync(theirs, 'another writer')),
  );
  assert.deepEqual(naming, {
    outcome: 'renamed',
    path: path.join(dir, 'scan-é (2).pdf'),
    rawName: raw.toString('hex'),
  });
  assert.equal(readFileSync(theirs, 'utf8'), 'another writer', 'the other file is kept');
  assert.equal(readFileSync(path.join(dir, 'scan-é (2).pdf'), 'utf8'), '%PDF-1.4 scanned\n');
  assert.deepEqual(readdirSync(dir).sort(), ['scan-é (2).pdf', 'scan-é.pdf']);
});

test('where the file system has no hard links, the name is checked and the file renamed', async (t) => {
  const dir = tempDir(t, 'raw-nolink');
  const raw = latin1Name('scan-\xe9.pdf');
  writeRawNamed(dir, raw, Buffer.from('%PDF-1.4 scanned\n'));
  writeFileSync(path.join(dir, 'scan-é.pdf'), 'taken');
  const noLinks: NamingFs = {
    stat,
    unlink,
    rename,
    link: () =>
      Promise.reject(Object.assign(new Error('operation not permitted'), { code: 'EPERM' })),
  };
  const naming = await giveReadableName(dir, raw, 0, Date.now() + 1000, noLinks);
  assert.deepEqual(naming, {
    outcome: 'renamed',
    path: path.join(dir, 'scan-é (2).pdf'),
    rawName: raw.toString('hex'),
  });
  assert.equal(readFileSync(path.join(dir, 'scan-é.pdf'), 'utf8'), 'taken');
  assert.equal(readFileSync(path.join(dir, 'scan-é (2).pdf'), 'utf8'), '%PDF-1.4 scanned\n');
});
