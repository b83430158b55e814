// The emulator reads PDFs with pdf-lib plus its own tolerance, never with the app's pdf.js; on
// every field case and generated variant it must agree with qpdf, the independent oracle.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIELD_CASES, FIELD_CASES_DIR } from '../fixtures/field-cases/field-cases.ts';
import {
  ENCRYPTIONS,
  MISCOUNTED_TREES,
  PADDINGS,
  incrementallyUpdatedPdf,
  miscountedPageTreePdf,
  pageTreePdf,
  qpdfEncryptArgs,
  stalePageTreePdf,
} from '../fixtures/pdf-variants.ts';
import { qpdfPageCount, qpdfPageTree, qpdfWrite } from '../support/qpdf-oracle.ts';
import { readPdf } from './pdf-reading.ts';

test('every field case: the emulator’s reading agrees with qpdf', async () => {
  for (const fieldCase of FIELD_CASES) {
    const filePath = path.join(FIELD_CASES_DIR, fieldCase.file);
    const pages = await qpdfPageCount(filePath);
    const reading = await readPdf(await readFile(filePath));
    assert.deepEqual(
      reading,
      pages === null
        ? { outcome: 'needs_password' }
        : { outcome: 'read', pages, declaredPages: pages },
      fieldCase.file,
    );
  }
});

test('generated variants: padding, missing /Type, stale trees, updates, encryption (object streams too)', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-emulator-pdf-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const variants: [string, Buffer][] = [
    [
      'padded.pdf',
      Buffer.concat([pageTreePdf({ pages: 3 }), PADDINGS[2]?.bytes ?? Buffer.alloc(0)]),
    ],
    ['no-types.pdf', pageTreePdf({ pages: 4, catalogType: false, pagesType: false })],
    ['stale.pdf', stalePageTreePdf(5)],
    ['updated.pdf', incrementallyUpdatedPdf(2, 4)],
  ];
  const plain = path.join(folder, 'plain.pdf');
  await writeFile(plain, pageTreePdf({ pages: 3 }));
  for (const [name, bytes] of variants) await writeFile(path.join(folder, name), bytes);
  const names = variants.map(([name]) => name);
  for (const encryption of ENCRYPTIONS) {
    for (const user of ['', 'user']) {
      const name = `enc-${encryption.name.replaceAll(' ', '-')}-${user === '' ? 'empty' : 'real'}.pdf`;
      await qpdfWrite(qpdfEncryptArgs(encryption, user, plain, path.join(folder, name)));
      names.push(name);
    }
  }
  for (const name of names) {
    const filePath = path.join(folder, name);
    const pages = await qpdfPageCount(filePath);
    assert.deepEqual(
      await readPdf(await readFile(filePath)),
      pages === null
        ? { outcome: 'needs_password' }
        : { outcome: 'read', pages, declaredPages: pages },
      name,
    );
  }
});

test('a damaged object is read past without pdf-lib’s console lines reaching stderr', async () => {
  // A child process, so the lines pdf-lib writes to its console are caught where users see them.
  const broken =
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n4 0 obj\n<< /Broken ) ] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  const reader = new URL('./pdf-reading.ts', import.meta.url).href;
  const script = `const { readPdf } = await import(${JSON.stringify(reader)});
console.log(JSON.stringify(await readPdf(new TextEncoder().encode(${JSON.stringify(broken)}))));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), { outcome: 'read', pages: 1, declaredPages: 1 });
  assert.equal(child.stderr, '', 'nothing on stderr');
});

test('a page tree whose /Count disagrees with its leaves: the emulator reads both as qpdf does', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-emulator-count-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  for (const { name, tree } of MISCOUNTED_TREES) {
    const bytes = miscountedPageTreePdf(tree);
    const filePath = path.join(folder, 'miscounted.pdf');
    await writeFile(filePath, bytes);
    const { declared, leaves } = await qpdfPageTree(filePath);
    // A negative /Count shows no page (pdftoppm renders none).
    assert.deepEqual(
      await readPdf(bytes),
      { outcome: 'read', pages: Math.max(0, Math.min(declared, leaves)), declaredPages: declared },
      name,
    );
  }
});
