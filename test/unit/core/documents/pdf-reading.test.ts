// Every kind of PDF the field cases showed, as the field files themselves and as generated
// variants, ends with the stated verdict; every expected page count is qpdf's, a reader that
// shares no code with the app's (pdf.js).
import { englishOf } from '../../../../src-main/contract/messages/render-message.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkDocument } from '../../../../src-main/core/documents/check-document.ts';
import type { DocumentCheck } from '../../../../src-main/core/documents/document-check.ts';
import { FIELD_CASES, FIELD_CASES_DIR } from '../../../fixtures/field-cases/field-cases.ts';
import {
  ENCRYPTIONS,
  PADDINGS,
  PREFIXES,
  incrementallyUpdatedPdf,
  manyObjectsPdf,
  MISCOUNTED_TREES,
  miscountedPageTreePdf,
  pageTreePdf,
  qpdfEncryptArgs,
  stalePageTreePdf,
  writeRevision,
  xfaPdf,
} from '../../../fixtures/pdf-variants.ts';
import {
  qpdfPageCount,
  qpdfPageTree,
  qpdfReading,
  qpdfWrite,
} from '../../../support/qpdf-oracle.ts';
import { readPdf as emulatorReadPdf } from '../../../emulator/pdf-reading.ts';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

const options = { maxUploadBytes: 100 * 1024 * 1024 };
let folder = '';

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-reading-'));
});
test.after(async () => {
  await rm(folder, { recursive: true, force: true });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function written(name: string, bytes: Uint8Array): Promise<string> {
  const filePath = path.join(folder, name);
  await writeFile(filePath, bytes);
  return filePath;
}

/** The check accepts the file with qpdf's page count (which must be a real count). */
async function assertAcceptedAsQpdfCounts(filePath: string): Promise<DocumentCheck> {
  const expected = await qpdfPageCount(filePath);
  assert.ok(expected !== null && expected > 0, `qpdf reads ${path.basename(filePath)}`);
  const check = await checkDocument(filePath, options);
  assert.deepEqual(
    { kind: check.kind, failure: check.failure, pages: check.pages },
    { kind: 'pdf', failure: null, pages: expected },
    path.basename(filePath),
  );
  return check;
}

test('every field case ends with its stated verdict, and its page count is qpdf’s', async () => {
  for (const fieldCase of FIELD_CASES) {
    const filePath = path.join(FIELD_CASES_DIR, fieldCase.file);
    const check = await checkDocument(filePath, options);
    const oracle = await qpdfPageCount(filePath);
    if ('refused' in fieldCase.verdict) {
      assert.equal(check.failure?.code, fieldCase.verdict.refused, fieldCase.file);
      assert.equal(oracle, null, `qpdf also needs a password for ${fieldCase.file}`);
      continue;
    }
    assert.deepEqual(
      { failure: check.failure, pages: check.pages },
      { failure: null, pages: fieldCase.verdict.pages },
      fieldCase.file,
    );
    assert.equal(oracle, fieldCase.verdict.pages, `qpdf on ${fieldCase.file}`);
    assert.equal(check.prefixBytes, fieldCase.prefixBytes ?? 0, fieldCase.file);
  }
});

test('padding of any size after %%EOF is accepted, whatever the padding is', async () => {
  for (const base of [pageTreePdf({ pages: 2 }), incrementallyUpdatedPdf(1, 2)]) {
    for (const padding of PADDINGS) {
      const name = `padded-${padding.name.replaceAll(/\W+/g, '-')}.pdf`;
      await assertAcceptedAsQpdfCounts(await written(name, Buffer.concat([base, padding.bytes])));
    }
  }
});

test('a PDF whose writer left out %%EOF is read whole, as qpdf reads it; one cut before its startxref is not', async () => {
  const base = pageTreePdf({ pages: 3 });
  const markerless = base.subarray(0, base.lastIndexOf('%%EOF'));
  for (const [name, ending] of [
    ['none', ''],
    ['misspelt', '%EOF\r\n'],
    ['blanks-and-nul', ' \n\0\0\0'],
  ] as const) {
    const ended = Buffer.concat([markerless, Buffer.from(ending, 'latin1')]);
    await assertAcceptedAsQpdfCounts(await written(`no-eof-${name}.pdf`, ended));
  }
  // Cut inside the trailer, before startxref: really cut off.
  const cut = base.subarray(0, base.lastIndexOf('startxref') - 5);
  const check = await checkDocument(await written('no-eof-cut.pdf', cut), options);
  assert.equal(check.failure?.code, 'pdf_incomplete', 'a file cut before its startxref');
});

test('bytes before %PDF- are left out of the sent copy only when that copy is well-formed', async () => {
  const base = pageTreePdf({ pages: 3 });
  for (const prefix of PREFIXES) {
    const slug = prefix.name.replaceAll(/\W+/g, '-');
    // Added after the file was written: offsets count from %PDF-, so the copy without it is right.
    const added = await written(`prefixed-${slug}.pdf`, Buffer.concat([prefix.bytes, base]));
    const check = await assertAcceptedAsQpdfCounts(added);
    assert.equal(check.prefixBytes, prefix.bytes.length, prefix.name);
    assert.equal(check.sentSha256, sha256(base), prefix.name);
    assert.equal(check.sha256, sha256(await readFile(added)), 'the original is what is hashed');
    // Written with the prefix (offsets count from byte 0): stripping would break it.
    const asWritten = shiftedOffsets(base, prefix.bytes);
    const kept = await assertAcceptedAsQpdfCounts(await written(`kept-${slug}.pdf`, asWritten));
    assert.equal(kept.prefixBytes, 0, prefix.name);
    assert.equal(kept.sentSha256, null, prefix.name);
  }
});

/** The same PDF written by a program that put `prefix` first and counted offsets from byte 0. */
function shiftedOffsets(pdf: Buffer, prefix: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const shifted = text
    .replaceAll(/^(\d{10}) 00000 n/gm, (_, at: string) => {
      return `${String(Number(at) + prefix.length).padStart(10, '0')} 00000 n`;
    })
    .replace(/startxref\n(\d+)/, (_, at: string) => `startxref\n${Number(at) + prefix.length}`);
  return Buffer.concat([prefix, Buffer.from(shifted, 'latin1')]);
}

test('a catalog or page-tree root without /Type is read like any other', async () => {
  for (const pages of [1, 3, 7]) {
    for (const missing of ['catalogType', 'pagesType'] as const) {
      const bytes = pageTreePdf({ pages, [missing]: false });
      await assertAcceptedAsQpdfCounts(await written(`no-${missing}-${pages}.pdf`, bytes));
    }
  }
});

test('pages are counted from the tree the xref points at, not a stale later copy', async () => {
  for (const pages of [2, 5, 12]) {
    await assertAcceptedAsQpdfCounts(await written(`stale-${pages}.pdf`, stalePageTreePdf(pages)));
  }
});

test('nested incremental updates count every page; a cut inside the last one is incomplete', async () => {
  for (const updates of [1, 2, 5]) {
    const bytes = incrementallyUpdatedPdf(2, updates);
    await assertAcceptedAsQpdfCounts(await written(`updated-${updates}.pdf`, bytes));
    const lastEnd = bytes.lastIndexOf('%%EOF', bytes.length - 7);
    // Cut after the previous revision's %%EOF: inside an object, the xref, the trailer.
    for (const fraction of [0.2, 0.6, 0.95]) {
      const cutAt = Math.floor(lastEnd + 6 + (bytes.length - lastEnd - 6) * fraction);
      const cut = await written(`updated-${updates}-cut.pdf`, bytes.subarray(0, cutAt));
      const check = await checkDocument(cut, options);
      assert.equal(check.failure?.code, 'pdf_incomplete', `cut at ${fraction}`);
    }
  }
});

test('xref streams with object streams are read, updated or not', async () => {
  for (const [name, bytes] of [
    ['plain', pageTreePdf({ pages: 4 })],
    ['updated', incrementallyUpdatedPdf(2, 3)],
  ] as const) {
    const input = await written(`objstm-in-${name}.pdf`, bytes);
    const output = path.join(folder, `objstm-${name}.pdf`);
    await qpdfWrite(['--object-streams=generate', input, output]);
    const text = (await readFile(output)).toString('latin1');
    assert.match(text, /\/Type\s*\/ObjStm/, 'qpdf wrote object streams');
    await assertAcceptedAsQpdfCounts(output);
  }
});

test('encrypted PDFs: an empty user password is accepted, a real one is refused', async () => {
  const plain = await written('to-encrypt.pdf', pageTreePdf({ pages: 3 }));
  for (const encryption of ENCRYPTIONS) {
    const method = encryption.name;
    const slug = method.replaceAll(' ', '-');
    const open = path.join(folder, `enc-empty-${slug}.pdf`);
    await qpdfWrite(qpdfEncryptArgs(encryption, '', plain, open));
    await assertAcceptedAsQpdfCounts(open);

    const locked = path.join(folder, `enc-real-${slug}.pdf`);
    await qpdfWrite(qpdfEncryptArgs(encryption, 'user', plain, locked));
    assert.equal(await qpdfPageCount(locked), null, `qpdf needs a password for ${method}`);
    const check = await checkDocument(locked, options);
    assert.equal(check.failure?.code, 'pdf_needs_password', method);
  }
});

test('a pure dynamic XFA form is refused; XFA beside real pages goes through', async () => {
  const dynamic = await written('xfa-dynamic.pdf', xfaPdf({ dynamic: true, pages: 1 }));
  const refused = await checkDocument(dynamic, options);
  assert.equal(refused.failure?.code, 'pdf_xfa_only');
  assert.match(englishOf(refused.failure?.message), /dynamic XFA form/);
  for (const pages of [1, 3]) {
    await assertAcceptedAsQpdfCounts(
      await written(`xfa-static-${pages}.pdf`, xfaPdf({ dynamic: false, pages })),
    );
  }
});

test('a 10,000-page PDF and a 65,000-object PDF are counted exactly', async () => {
  await assertAcceptedAsQpdfCounts(
    await written('ten-thousand.pdf', pageTreePdf({ pages: 10_000 })),
  );
  await assertAcceptedAsQpdfCounts(await written('many-objects.pdf', manyObjectsPdf(65_000)));
  const input = path.join(folder, 'many-objects.pdf');
  const compressed = path.join(folder, 'many-objects-objstm.pdf');
  await qpdfWrite(['--object-streams=generate', input, compressed]);
  await assertAcceptedAsQpdfCounts(compressed);
});

test('the field files are told to be PDFs by their content whatever their name says', async () => {
  for (const fieldCase of FIELD_CASES) {
    const copy = path.join(folder, `renamed-${fieldCase.file}.jpg`);
    await copyFile(path.join(FIELD_CASES_DIR, fieldCase.file), copy);
    const check = await checkDocument(copy, options);
    assert.equal(check.kind, 'pdf', fieldCase.file);
  }
});

test('every field case with every other kind’s fault keeps its answer; qpdf agrees unless it had to repair', async () => {
  const mutations: readonly { name: string; of(bytes: Buffer): Buffer }[] = [
    ...PADDINGS.map((padding) => ({
      name: padding.name,
      of: (bytes: Buffer) => Buffer.concat([bytes, padding.bytes]),
    })),
    ...PREFIXES.map((prefix) => ({
      name: prefix.name,
      of: (bytes: Buffer) => Buffer.concat([prefix.bytes, bytes]),
    })),
    {
      name: 'a BOM before and NULs after',
      of: (bytes: Buffer) =>
        Buffer.concat([PREFIXES[0]?.bytes ?? Buffer.alloc(0), bytes, Buffer.alloc(8192)]),
    },
  ];
  for (const fieldCase of FIELD_CASES) {
    const original = await readFile(path.join(FIELD_CASES_DIR, fieldCase.file));
    for (const mutation of mutations) {
      const slug = `${fieldCase.file}-${mutation.name}`.replaceAll(/\W+/g, '-');
      const filePath = await written(`${slug}.pdf`, mutation.of(original));
      const oracle = await qpdfReading(filePath);
      const check = await checkDocument(filePath, options);
      const label = `${fieldCase.file} with ${mutation.name}`;
      if ('refused' in fieldCase.verdict) {
        assert.equal(oracle.pages, null, `qpdf needs a password for ${label}`);
        assert.equal(check.failure?.code, fieldCase.verdict.refused, label);
        continue;
      }
      // Where qpdf had to rebuild the xref it is no oracle (see qpdfReading); the stated answer,
      // read by qpdf and poppler from the file before the fault, is.
      if (!oracle.repaired) assert.equal(oracle.pages, fieldCase.verdict.pages, `qpdf on ${label}`);
      assert.deepEqual(
        { failure: check.failure, pages: check.pages },
        { failure: null, pages: fieldCase.verdict.pages },
        label,
      );
    }
    if ('refused' in fieldCase.verdict) continue;
    // The same document encrypted by qpdf: readable without a password, or needing one.
    const source = path.join(FIELD_CASES_DIR, fieldCase.file);
    const decrypted = path.join(folder, `plain-${fieldCase.file}`);
    await qpdfWrite(['--decrypt', source, decrypted]);
    for (const [userPassword, keyArgs] of [
      ['', ['256']],
      ['', ['128', '--use-aes=y']],
      ['user', ['256']],
    ] as const) {
      const encrypted = path.join(
        folder,
        `enc-${userPassword || 'empty'}-${keyArgs[0]}-${fieldCase.file}`,
      );
      await qpdfWrite(['--encrypt', userPassword, 'owner', ...keyArgs, '--', decrypted, encrypted]);
      const label = `${fieldCase.file} encrypted (${keyArgs.join(' ')}, user password ${JSON.stringify(userPassword)})`;
      const check = await checkDocument(encrypted, options);
      if (userPassword === '') {
        assert.equal(await qpdfPageCount(encrypted), fieldCase.verdict.pages, label);
        assert.deepEqual(
          { failure: check.failure, pages: check.pages },
          { failure: null, pages: fieldCase.verdict.pages },
          label,
        );
      } else {
        assert.equal(await qpdfPageCount(encrypted), null, label);
        assert.equal(check.failure?.code, 'pdf_needs_password', label);
      }
    }
  }
});

test('a PDF after more than 1 KB of other bytes is refused as a PDF that starts late, not as text', async () => {
  const base = await readFile(path.join(FIELD_CASES_DIR, 'base-2pages.pdf'));
  for (const prefixBytes of [1025, 2000, 4000]) {
    const prefix = Buffer.from('X-Mailer: scanner header line\n'.repeat(200).slice(0, prefixBytes));
    const filePath = await written(`late-${prefixBytes}.pdf`, Buffer.concat([prefix, base]));
    // An independent reader still finds the PDF: the refusal must not say it is something else.
    assert.equal((await qpdfReading(filePath)).pages, 2, `qpdf reads the ${prefixBytes}-byte case`);
    const check = await checkDocument(filePath, options);
    assert.equal(check.kind, 'pdf');
    assert.equal(check.failure?.code, 'pdf_prefix_too_long', `${prefixBytes} bytes in front`);
    assert.deepEqual(check.failure?.message.params, { prefixBytes, limitBytes: 1024 });
    assert.doesNotMatch(englishOf(check.failure?.message), /text file|unknown type|not a PDF/);
  }
});

test('an incremental update whose own or previous %%EOF is missing is read whole, as qpdf reads it; a cut inside its last update is not', async () => {
  // Revisions (0: the original) written without their %%EOF: the first, a middle one, the last,
  // and combinations.
  for (const missing of [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]]) {
    const slug = `updated-without-eof-${missing.join('-')}`;
    const bytes = incrementallyUpdatedPdf(2, 2, new Set(missing));
    await assertAcceptedAsQpdfCounts(await written(`${slug}.pdf`, bytes));
    const whole = await qpdfPageCount(await written(`${slug}-whole.pdf`, bytes));
    // The last update starts after the previous revision's startxref offset (and %%EOF if any).
    const text = bytes.toString('latin1');
    const lastStartxref = text.lastIndexOf('startxref');
    const previousStartxref = text.lastIndexOf('startxref', lastStartxref - 1);
    const updateStart = text.indexOf('\n', text.indexOf('\n', previousStartxref) + 1) + 1;
    // Inside its objects, xref and trailer; then inside the startxref offset's digits.
    const cuts = [0.1, 0.5, 0.9].map((fraction) =>
      Math.floor(updateStart + (lastStartxref - updateStart) * fraction),
    );
    cuts.push(lastStartxref + 'startxref\n'.length + 1);
    for (const cutAt of cuts) {
      const cut = await written(`${slug}-cut.pdf`, bytes.subarray(0, cutAt));
      const label = `without %%EOF in ${missing.join(', ')}, cut at ${cutAt} of ${bytes.length}`;
      // qpdf confirms the cut file is short of what its last revision holds (or must repair it).
      const oracle = await qpdfReading(cut);
      assert.ok(oracle.repaired || (oracle.pages ?? 0) < (whole ?? 0), `qpdf on ${label}`);
      const check = await checkDocument(cut, options);
      assert.equal(check.failure?.code, 'pdf_incomplete', label);
    }
  }
});

/**
 * The pages pdf.js (the reader in Firefox) shows, in order, as qpdf names objects (`12 0 R`);
 * `none` for a page it cannot show. Its public API only, the way a viewer pages through a file.
 */
async function pagesPdfjsShows(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS });
  try {
    const document = await task.promise;
    const shown: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      try {
        const { ref } = await document.getPage(number);
        shown.push(ref === null ? 'none' : `${ref.num} ${ref.gen} R`);
      } catch {
        shown.push('none');
      }
    }
    return shown;
  } finally {
    await task.destroy();
  }
}

test('a page tree is counted by its leaves, as qpdf walks it; a /Count that disagrees is refused with a true reason', async () => {
  for (const { name, tree } of MISCOUNTED_TREES) {
    const bytes = miscountedPageTreePdf(tree);
    const filePath = await written(`miscounted-${name.replaceAll(/\W+/g, '-')}.pdf`, bytes);
    // qpdf: the root's /Count (as --show-npages and pdfinfo print it) and the leaves it walks.
    const { declared, leaves, objects } = await qpdfPageTree(filePath);
    const emulator = await emulatorReadPdf(bytes);
    const check = await checkDocument(filePath, options);
    const refusal = { code: check.failure?.code, message: check.failure?.message };
    if (declared !== leaves) {
      // No count is true for every reader; the refusal gives both, and neither is "no pages".
      assert.deepEqual(
        refusal,
        {
          code: 'pdf_page_count_mismatch',
          message: {
            code: 'pdf_page_count_mismatch',
            params: { declaredPages: declared, foundPages: leaves },
          },
        },
        name,
      );
      assert.doesNotMatch(englishOf(check.failure?.message), /damaged|cut off|password/, name);
      // The emulator's reader (pdf-lib, not pdf.js) finds the same root /Count.
      assert.equal(emulator.outcome === 'read' && emulator.declaredPages, declared, name);
    } else if (leaves === 0) {
      assert.equal(check.failure?.code, 'pdf_no_pages', name);
    } else if ((await pagesPdfjsShows(bytes)).join() !== objects.join()) {
      // The root is right, but pdf.js goes by an inner node's wrong /Count: it shows other pages
      // than the leaves qpdf (and poppler) show.
      assert.deepEqual(
        refusal,
        {
          code: 'pdf_page_count_mismatch',
          message: { code: 'pdf_page_tree_miscounted', params: {} },
        },
        name,
      );
    } else {
      await assertAcceptedAsQpdfCounts(filePath);
      assert.equal(check.pages, leaves, name);
    }
  }
});

test('a page listed twice in the tree counts twice, as qpdf and pdfinfo count it', async () => {
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
  const bytes = writeRevision(
    null,
    new Map([
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [3 0 R 3 0 R 4 0 R] /Count 3 >>'],
      [3, page],
      [4, page],
    ]),
    { root: 1, size: 5 },
  );
  const filePath = await written('page-listed-twice.pdf', bytes);
  const { declared, leaves } = await qpdfPageTree(filePath);
  assert.equal(leaves, declared, 'qpdf walks as many pages as the root counts');
  await assertAcceptedAsQpdfCounts(filePath);
});
