import { test } from 'node:test';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import {
  administrationFolderName,
  categoryFolderNames,
  parseAdministrationFolderName,
  resolveCategoryByFolderName,
  toSafeFolderName,
} from '../../../../src-main/core/folders/accountant-tree-names.ts';
import { isIgnoredName } from '../../../../src-main/core/folders/ignored-names.ts';

test('folder names are made valid on Windows', () => {
  assert.equal(toSafeFolderName('Bank / Statements: 2026?'), 'Bank _ Statements_ 2026_');
  assert.equal(toSafeFolderName('A<B>C"D|E*F\\G'), 'A_B_C_D_E_F_G');
  assert.equal(toSafeFolderName('Tab\tand\nnewline'), 'Tab_and_newline');
  assert.equal(toSafeFolderName('Trailing dots... '), 'Trailing dots');
  assert.equal(toSafeFolderName('CON'), 'CON_');
  assert.equal(toSafeFolderName('nul.txt'), 'nul_.txt');
  assert.equal(toSafeFolderName('com1'), 'com1_');
  assert.equal(toSafeFolderName('Console'), 'Console');
  assert.equal(toSafeFolderName('   '), '_');
  assert.equal(toSafeFolderName('x'.repeat(300)).length, 120);
  assert.equal(toSafeFolderName('Crédit & Épargne'), 'Crédit & Épargne');
});

test('a safe folder name is never one the intake ignores', () => {
  for (const name of ['.Misc', '~$x', 'Notes.tmp', '_uploaded', 'Thumbs.db', '.part']) {
    const safe = toSafeFolderName(name);
    assert.equal(isIgnoredName(safe), false, `${name} -> ${safe}`);
  }
});

test('administration folders are named "<name> (<company number>)" and read back', () => {
  const name = administrationFolderName({
    name: 'Bakkerij Peeters: BV',
    companyNumber: '0123456789',
  });
  assert.equal(name, 'Bakkerij Peeters_ BV (0123456789)');
  assert.deepEqual(parseAdministrationFolderName(name), { ok: true, companyNumber: '0123456789' });
  assert.deepEqual(parseAdministrationFolderName('Renamed by the user (0123456789)'), {
    ok: true,
    companyNumber: '0123456789',
  });
  assert.deepEqual(parseAdministrationFolderName('Peeters (BE 0123.456.789)'), {
    ok: true,
    companyNumber: '0123456789',
  });
  assert.deepEqual(parseAdministrationFolderName('Old style (123456789)'), {
    ok: true,
    companyNumber: '0123456789',
  });
  assert.deepEqual(parseAdministrationFolderName('Foo (Belgium) (0987654321)'), {
    ok: true,
    companyNumber: '0987654321',
  });
});

test('malformed administration folder names get a reason', () => {
  const missing = parseAdministrationFolderName('Bakkerij Peeters');
  assert.equal(missing.ok, false);
  assert.match(
    missing.ok ? '' : englishOf(missing.reason),
    /not named "<administration name> \(<company number>\)"/,
  );
  const wrong = parseAdministrationFolderName('Peeters (12345)');
  assert.equal(wrong.ok, false);
  assert.match(wrong.ok ? '' : englishOf(wrong.reason), /not a Belgian company number/);
  assert.equal(parseAdministrationFolderName('Peeters (1234567890)').ok, false);
});

test('category folder names are unique and resolve back to their ids', () => {
  const categories = [
    { id: 'c2', name: 'Bank:Statements' },
    { id: 'c1', name: 'Bank/Statements' },
    { id: 'c3', name: 'Contracts' },
  ];
  const names = categoryFolderNames(categories);
  assert.equal(names.get('c1'), 'Bank_Statements');
  assert.equal(names.get('c2'), 'Bank_Statements (2)');
  assert.equal(names.get('c3'), 'Contracts');
  assert.equal(resolveCategoryByFolderName(categories, 'Bank_Statements (2)'), 'c2');
  assert.equal(resolveCategoryByFolderName(categories, 'contracts'), 'c3');
  assert.equal(resolveCategoryByFolderName(categories, 'Unknown'), null);
});
