import { test } from 'node:test';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sizeText } from '../../../support/size-text.ts';
import { checkDocument } from '../../../../src-main/core/documents/check-document.ts';
import type { DocumentCheck } from '../../../../src-main/core/documents/document-check.ts';
import {
  EXE_BYTES,
  HTML_PAGE,
  ORDER_XML,
  SMALL_JPEG,
  handBuiltPdf,
  pngBytes,
  ublInvoiceXml,
  writeEncryptedPdf,
  writePdf,
  writeTruncatedPdf,
  writeZeroPagePdf,
} from '../../../fixtures/generate-documents.ts';

const options = { maxUploadBytes: 20 * 1024 * 1024 };
let folder = '';

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-check-'));
});
test.after(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function check(name: string, content: string | Uint8Array): Promise<DocumentCheck> {
  const filePath = path.join(folder, name);
  await writeFile(filePath, content);
  return checkDocument(filePath, options);
}

async function checkWritten(
  name: string,
  write: (filePath: string) => Promise<void>,
): Promise<DocumentCheck> {
  const filePath = path.join(folder, name);
  await write(filePath);
  return checkDocument(filePath, options);
}

test('valid 1- and 30-page PDFs pass with their real page count, size, mtime and SHA-256', async () => {
  for (const pages of [1, 30]) {
    const filePath = path.join(folder, `scan-${pages}.pdf`);
    await writePdf(filePath, pages);
    const result = await checkDocument(filePath, options);
    const bytes = await readFile(filePath);
    assert.deepEqual(
      {
        kind: result.kind,
        pages: result.pages,
        failure: result.failure,
        willConvert: result.willConvert,
      },
      { kind: 'pdf', pages, failure: null, willConvert: false },
    );
    assert.equal(result.sizeBytes, bytes.length);
    assert.ok(result.mtimeMs > 0);
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
  }
});

test('PDFs checked at the same time each get their own pages and SHA-256', async () => {
  const counts = [1, 4, 2, 7, 3];
  const filePaths = counts.map((pages) => path.join(folder, `together-${pages}.pdf`));
  await Promise.all(filePaths.map((filePath, index) => writePdf(filePath, counts[index] ?? 1)));
  const results = await Promise.all(filePaths.map((filePath) => checkDocument(filePath, options)));
  for (const [index, result] of results.entries()) {
    const filePath = filePaths[index] ?? '';
    assert.equal(result.pages, counts[index]);
    assert.equal(result.failure, null);
    assert.equal(
      result.sha256,
      createHash('sha256')
        .update(await readFile(filePath))
        .digest('hex'),
    );
  }
});

test('a PDF is recognised by its content whatever its name says', async () => {
  const filePath = path.join(folder, 'scan.jpg');
  await writePdf(filePath, 2);
  const result = await checkDocument(filePath, options);
  assert.equal(result.kind, 'pdf');
  assert.equal(result.pages, 2);
  assert.equal(result.failure, null);
});

test('a truncated PDF is refused as incomplete', async () => {
  const result = await checkWritten('cut.pdf', (filePath) => writeTruncatedPdf(filePath));
  assert.equal(result.kind, 'pdf');
  assert.equal(result.failure?.code, 'pdf_incomplete');
  assert.match(englishOf(result.failure?.message), /cut off/);
  assert.match(result.sha256 ?? '', /^[0-9a-f]{64}$/);
});

test('a PDF that ends properly but has no readable document is refused as unreadable', async () => {
  const result = await check('garbage.pdf', '%PDF-1.4\nthis is not a pdf body at all\n%%EOF\n');
  assert.equal(result.failure?.code, 'pdf_unreadable');
  assert.match(
    englishOf(result.failure?.message),
    /could not read this file, even after trying to repair it/,
  );
});

test('a PDF whose user password is not empty is refused as needing a password', async () => {
  const result = await checkWritten('locked.pdf', writeEncryptedPdf);
  assert.equal(result.kind, 'pdf');
  assert.equal(result.failure?.code, 'pdf_needs_password');
  assert.match(englishOf(result.failure?.message), /needs a password to open/);
});

test('the same hand-built PDF without /Encrypt passes, so the encryption is what was refused', async () => {
  const result = await check(
    'plain.pdf',
    handBuiltPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ]),
  );
  assert.equal(result.failure, null);
  assert.equal(result.pages, 1);
});

test('an empty file and a zero-page PDF are refused with their own reasons', async () => {
  const empty = await check('empty.pdf', '');
  assert.equal(empty.failure?.code, 'empty_file');
  assert.equal(empty.sizeBytes, 0);
  assert.equal(empty.sha256, createHash('sha256').digest('hex'));

  const noPages = await checkWritten('nothing.pdf', writeZeroPagePdf);
  assert.equal(noPages.kind, 'pdf');
  assert.equal(noPages.failure?.code, 'pdf_no_pages');
});

test('an HTML page and a Windows program named .pdf are refused saying what they really are', async () => {
  const html = await check('factuur.pdf', HTML_PAGE);
  assert.equal(html.kind, 'unknown');
  assert.equal(html.failure?.code, 'unsupported_type');
  assert.match(
    englishOf(html.failure?.message),
    /^This is an HTML page, not a PDF\. Clearfacts accepts/,
  );

  const exe = await check('invoice.pdf', EXE_BYTES);
  assert.equal(exe.failure?.code, 'unsupported_type');
  assert.match(englishOf(exe.failure?.message), /^This is a Windows program \(EXE\), not a PDF\./);

  const text = await check('notes.txt', 'just some notes\n');
  assert.match(englishOf(text.failure?.message), /^This is a plain text file\. Clearfacts accepts/);
});

test('a PNG is accepted for conversion and a JPEG as it is', async () => {
  const png = await check('photo.png', pngBytes(40, 20));
  assert.deepEqual(
    { kind: png.kind, pages: png.pages, failure: png.failure, willConvert: png.willConvert },
    { kind: 'png', pages: 1, failure: null, willConvert: true },
  );
  const jpeg = await check('photo.jpeg', SMALL_JPEG);
  assert.deepEqual(
    { kind: jpeg.kind, pages: jpeg.pages, failure: jpeg.failure, willConvert: jpeg.willConvert },
    { kind: 'jpeg', pages: 1, failure: null, willConvert: false },
  );
});

test('a PNG cut off while being saved is refused before any decoder sees it', async () => {
  const result = await check('cut.png', pngBytes(60, 60).subarray(0, 70));
  assert.equal(result.kind, 'png');
  assert.equal(result.failure?.code, 'conversion_failed');
  assert.match(englishOf(result.failure?.message), /incomplete or damaged/);
});

test('TIFF is refused with a reason, since no conversion is offered', async () => {
  const tiffHeader = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0, 0, 0, 0]);
  const result = await check('scan.tif', tiffHeader);
  assert.equal(result.kind, 'tiff');
  assert.equal(result.failure?.code, 'unsupported_type');
  assert.match(englishOf(result.failure?.message), /TIFF image/);
});

test('UBL invoices and credit notes pass; other XML is refused saying what it is', async () => {
  const invoice = await check('peppol.xml', ublInvoiceXml());
  assert.deepEqual([invoice.kind, invoice.failure, invoice.pages], ['xml', null, 1]);
  const creditNote = await check('credit.xml', ublInvoiceXml({ root: 'CreditNote' }));
  assert.equal(creditNote.failure, null);
  const noDeclaration = await check(
    'bare.xml',
    '<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>',
  );
  assert.equal(noDeclaration.kind, 'xml');
  assert.equal(noDeclaration.failure, null);

  const order = await check('order.xml', ORDER_XML);
  assert.equal(order.failure?.code, 'xml_not_invoice');
  assert.match(englishOf(order.failure?.message), /"order" document, not a UBL/);

  const wrongNamespace = await check('fake.xml', '<Invoice xmlns="urn:example:invoice"/>');
  assert.equal(wrongNamespace.failure?.code, 'xml_not_invoice');
  assert.match(englishOf(wrongNamespace.failure?.message), /not in the UBL 2 namespace/);
  assert.equal(wrongNamespace.failure?.detail, 'urn:example:invoice');
  assert.equal(wrongNamespace.failure?.detailFrom, undefined, 'the app’s words, not Clearfacts’');

  const broken = await check('broken.xml', ublInvoiceXml().slice(0, 300));
  assert.equal(broken.failure?.code, 'xml_not_invoice');
  assert.match(englishOf(broken.failure?.message), /not well-formed/);
});

test('a file over the limit is refused with both sizes, before any parsing', async () => {
  const filePath = path.join(folder, 'big.pdf');
  await writePdf(filePath, 3);
  const result = await checkDocument(filePath, { maxUploadBytes: 1000 });
  assert.equal(result.kind, 'pdf');
  assert.equal(result.failure?.code, 'too_large');
  // Both sizes as every surface writes them: 1,000 bytes is under a kilobyte, so in bytes.
  const size = sizeText((await readFile(filePath)).length, 'en');
  assert.ok(
    englishOf(result.failure?.message).startsWith(`The file is ${size}; at most 1,000\u00a0bytes`),
    englishOf(result.failure?.message),
  );
  assert.equal(result.sha256, sha256Of(await readFile(filePath)));
});

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

test('every kind carries the SHA-256 of its bytes on disk, however it was read', async () => {
  const files: [string, Uint8Array][] = [
    ['hash.png', pngBytes(30, 30)],
    ['hash.jpeg', SMALL_JPEG],
    ['hash.exe', EXE_BYTES],
    ['hash-invoice.xml', Buffer.from(ublInvoiceXml())],
  ];
  for (const [name, bytes] of files) {
    const result = await check(name, bytes);
    assert.equal(result.sha256, sha256Of(bytes), name);
  }
});

test('a symlink loop and a file without read permission are reported, not thrown', async () => {
  const loop = path.join(folder, 'loop.pdf');
  await symlink(loop, loop);
  const looped = await checkDocument(loop, options);
  assert.equal(looped.failure?.code, 'file_unreadable');
  assert.equal(looped.sha256, null);
  if (process.getuid?.() === 0) return;
  const locked = path.join(folder, 'locked.pdf');
  await writePdf(locked, 1);
  await chmod(locked, 0o000);
  const unreadable = await checkDocument(locked, options);
  assert.equal(unreadable.failure?.code, 'file_unreadable');
});

test('a missing file and a folder are reported, not thrown', async () => {
  const missing = await checkDocument(path.join(folder, 'gone.pdf'), options);
  assert.equal(missing.failure?.code, 'file_missing');
  assert.equal(missing.sha256, null);
  const directory = path.join(folder, 'a-folder.pdf');
  await mkdir(directory);
  const notAFile = await checkDocument(directory, options);
  assert.equal(notAFile.failure?.code, 'file_unreadable');
});

test('a JPEG cut before its end marker is refused as incomplete; one with a trailer is sent', async () => {
  const cut = await check('cut.jpg', SMALL_JPEG.subarray(0, SMALL_JPEG.length - 2));
  assert.equal(cut.failure?.code, 'file_incomplete');
  assert.match(englishOf(cut.failure.message), /incomplete/);
  const trailer = await check('trailer.jpg', Buffer.concat([SMALL_JPEG, Buffer.from('notes')]));
  assert.equal(trailer.failure, null);
});

test('an e-invoice over the limit is told what makes it large, not to scan at a lower resolution', async () => {
  const filePath = path.join(folder, 'big-invoice.xml');
  await writeFile(filePath, ublInvoiceXml());
  const result = await checkDocument(filePath, { maxUploadBytes: 100 });
  assert.equal(result.failure?.code, 'too_large');
  const words = englishOf(result.failure?.message);
  assert.doesNotMatch(words, /scan/);
  assert.match(words, /PDF embedded in it/);
});
