// Company numbers as people type them, read one way everywhere. Check digits computed by hand:
// 04123456 mod 97 = 83, 97 - 83 = 14, so 0412.345.614 is valid; 0000000000 would need 97.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  normaliseCompanyNumber,
  readEnteredCompanyNumber,
} from '../../../src-main/contract/company-number.ts';
import { parseCompanyNumber } from '../../../src-main/cli/commands/administrations-actions.ts';
import { parseAdministrationFolderName } from '../../../src-main/core/folders/accountant-tree-names.ts';

const WRITTEN_FORMS = [
  '0412345614',
  '0412.345.614',
  'BE0412345614',
  'be 0412 345 614',
  'BE-0412-345-614',
  ' 0412345614',
  '412345614',
  'Be0412/345/614 ',
];

test('every usual written form reads as the same bare number, in core, the CLI and tree folders', () => {
  for (const written of WRITTEN_FORMS) {
    assert.equal(normaliseCompanyNumber(written), '0412345614', written);
    assert.deepEqual(readEnteredCompanyNumber(written), { ok: true, companyNumber: '0412345614' });
    assert.equal(parseCompanyNumber(written), '0412345614', written);
    const folder = parseAdministrationFolderName(`Bakkerij Peeters (${written.trim()})`);
    assert.deepEqual(folder, { ok: true, companyNumber: '0412345614' }, written);
  }
});

test('wrong check digits and all zeros are refused before any request, saying why', () => {
  for (const typed of ['0000000000', '0412345615', 'BE 0412.345.641']) {
    assert.deepEqual(readEnteredCompanyNumber(typed), { ok: false, problem: 'check_digits' });
    assert.throws(() => parseCompanyNumber(typed), /last two digits do not match/);
  }
  for (const typed of ['12', 'NL123456789B01', '04123456140', '']) {
    assert.deepEqual(readEnteredCompanyNumber(typed), {
      ok: false,
      problem: 'not_a_company_number',
    });
    assert.throws(() => parseCompanyNumber(typed), /not a Belgian company number \(0 followed/);
  }
});
