import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isIgnoredName,
  isIgnoredRelativePath,
} from '../../../../src-main/core/folders/ignored-names.ts';

test('temporary, system and hidden names are ignored, whatever their case', () => {
  for (const name of [
    'invoice.pdf.part',
    'invoice.pdf.crdownload',
    'invoice.PDF.PART',
    'scan.tmp',
    '~$invoice.docx',
    '.~lock.invoice.ods#',
    '._invoice.pdf',
    'Thumbs.db',
    'thumbs.db',
    'desktop.ini',
    '@eaDir',
    '.DS_Store',
    '.hidden',
    '_uploaded',
    '_Uploaded',
    '$RECYCLE.BIN',
    'System Volume Information',
    'backup~',
  ]) {
    assert.equal(isIgnoredName(name), true, name);
  }
});

test('ordinary document names are not ignored', () => {
  for (const name of [
    'invoice.pdf',
    'factuur 2026-11 (1).pdf',
    'ticket.jpeg',
    'uploaded.pdf',
    'part.pdf',
    'tmp',
    'Ünïcödé 📄.pdf',
    '_uploaded.pdf',
  ]) {
    assert.equal(isIgnoredName(name), false, name);
  }
});

test('a path is ignored when any segment below the watched folder is', () => {
  assert.equal(isIgnoredRelativePath('_uploaded/2026-11/invoice.pdf'), true);
  assert.equal(isIgnoredRelativePath('a/@eaDir/invoice.pdf'), true);
  assert.equal(isIgnoredRelativePath('a\\.hidden\\invoice.pdf'), true);
  assert.equal(isIgnoredRelativePath('Purchase/2026/invoice.pdf'), false);
});
