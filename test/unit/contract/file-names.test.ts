// Names with invisible or reordering characters, and names over 255 bytes: the expected values
// are written out by hand from the code points (UTS #9 lists the bidi controls).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cleanFileName,
  hasInvisible,
  markInvisible,
  showRawName,
} from '../../../src-main/contract/file-names.ts';

test('bidi controls and invisible characters are marked for display and removed to send', () => {
  const name = 'rtl\u202Efdp.exe';
  assert.equal(markInvisible(name), 'rtl⟦U+202E⟧fdp.exe');
  assert.equal(cleanFileName(name), 'rtlfdp.exe');
  const lookalike = 'Fac\u200Btuur\u2066.pdf\u00AD';
  assert.equal(markInvisible(lookalike), 'Fac⟦U+200B⟧tuur⟦U+2066⟧.pdf⟦U+00AD⟧');
  assert.equal(cleanFileName(lookalike), 'Factuur.pdf');
  assert.ok(hasInvisible(name) && !hasInvisible('Facture été 2026.pdf'));
  assert.equal(markInvisible('Facture été 2026.pdf'), 'Facture été 2026.pdf');
});

test('a name over 255 bytes is shortened in its stem, whole characters, extension kept', () => {
  // 'é' is 2 bytes in UTF-8: 200 of them are 400 bytes.
  const long = `${'é'.repeat(200)}.pdf`;
  const short = cleanFileName(long);
  // 255 - '…' (3 bytes) - '.pdf' (4 bytes) = 248 bytes = 124 'é'.
  assert.equal(short, `${'é'.repeat(124)}….pdf`);
  assert.equal(Buffer.byteLength(short), 255);
  assert.equal(cleanFileName(`${'a'.repeat(255)}`), 'a'.repeat(255));
});

test('a name that is not UTF-8 is shown by its bytes, \\xNN for all but printable ASCII', () => {
  // The bytes as Python prints them (repr(b'...')): the same \xNN form, backslash doubled.
  const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');
  assert.equal(showRawName(hex('Facture F\xe9vrier.pdf')), 'Facture F\\xe9vrier.pdf');
  assert.equal(showRawName(hex('a\\b\x01\x7f\xff.pdf')), 'a\\\\b\\x01\\x7f\\xff.pdf');
  assert.equal(showRawName(''), '');
});
