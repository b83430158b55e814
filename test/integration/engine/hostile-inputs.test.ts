// Issue 3, "Done means" 4: every kind of file a scan folder really gets ends in its expected
// state with a specific reason; names with accents, emoji and 200 characters arrive intact; no
// failed file is moved or deleted.
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FailureCode } from '../../../src-main/contract/domain.ts';
import {
  HTML_PAGE,
  largePdfBytes,
  pdfBytes,
  pngBytes,
  SMALL_JPEG,
  ublInvoiceXml,
  writeEncryptedPdf,
  writeTruncatedPdf,
  writeZeroPagePdf,
} from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import {
  assertTokenNowhere,
  logLines,
  monthFolder,
  startEngine,
} from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

const LONG_NAME = `${'Leverancier factuur 2026 '.repeat(8).slice(0, 196)}.pdf`;

test('hostile files fail with their own reason and stay; odd names arrive intact', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'hostile'), 'scans');
  const harness = await startEngine(t, {
    emulator,
    token: emulator.demoToken,
    settings: { maxUploadBytes: 300_000 },
  });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });

  const refused: Record<string, FailureCode> = {
    'truncated.pdf': 'pdf_incomplete',
    'encrypted.pdf': 'pdf_needs_password',
    'empty.pdf': 'empty_file',
    'no-pages.pdf': 'pdf_no_pages',
    'login-page.pdf': 'unsupported_type',
    'too-big.pdf': 'too_large',
  };
  await writeTruncatedPdf(path.join(dir, 'truncated.pdf'), 4);
  await writeEncryptedPdf(path.join(dir, 'encrypted.pdf'));
  await writeFile(path.join(dir, 'empty.pdf'), '');
  await writeZeroPagePdf(path.join(dir, 'no-pages.pdf'));
  await writeFile(path.join(dir, 'login-page.pdf'), HTML_PAGE);
  await writeFile(path.join(dir, 'too-big.pdf'), largePdfBytes(400_000));

  const accepted: Record<string, { sentAs: string; pages: number }> = {
    'scan.png': { sentAs: 'scan.pdf', pages: 1 },
    'bon.jpg': { sentAs: 'bon.jpg', pages: 1 },
    'e-factuur.xml': { sentAs: 'e-factuur.xml', pages: 1 },
    'Factuur café Élève – déjà vu.pdf': { sentAs: 'Factuur café Élève – déjà vu.pdf', pages: 2 },
    'Rekening 🧾 ☕ février.pdf': { sentAs: 'Rekening 🧾 ☕ février.pdf', pages: 3 },
    [LONG_NAME]: { sentAs: LONG_NAME, pages: 1 },
  };
  await writeFile(path.join(dir, 'scan.png'), pngBytes(120, 80, { dpi: 150 }));
  await writeFile(path.join(dir, 'bon.jpg'), SMALL_JPEG);
  await writeFile(path.join(dir, 'e-factuur.xml'), ublInvoiceXml());
  for (const [name, { pages }] of Object.entries(accepted)) {
    if (name.endsWith('.pdf'))
      await writeFile(path.join(dir, name), await pdfBytes(pages, { label: 'Factuur' }));
  }

  const total = Object.keys(refused).length + Object.keys(accepted).length;
  const finished = () =>
    [...harness.entries.values()].filter((entry) => ['failed', 'archived'].includes(entry.state))
      .length === total;
  await harness.until('every file has an outcome', finished, 120_000);
  await harness.engine.whenIdle();

  const { rows } = await harness.engine.handlers['history.query']({
    filter: {},
    offset: 0,
    limit: 100,
  });
  assert.equal(rows.length, total);
  for (const [name, code] of Object.entries(refused)) {
    const entry = rows.find((row) => row.fileName === name);
    assert.equal(entry?.state, 'failed', `${name} failed`);
    assert.equal(entry?.failure?.code, code, `${name}: ${entry?.failure?.message}`);
    assert.ok(englishOf(entry?.failure?.message).length > 20, `${name} has a sentence`);
    assert.ok(existsSync(path.join(dir, name)), `${name} stays where it is`);
  }
  const uploads = emulator.uploads();
  assert.equal(uploads.length, Object.keys(accepted).length, 'refused files are never sent');
  for (const [name, { sentAs, pages }] of Object.entries(accepted)) {
    const entry = rows.find((row) => row.fileName === name);
    assert.equal(entry?.state, 'archived', `${name}: ${englishOf(entry?.failure?.message)}`);
    const upload = uploads.find((candidate) => candidate.filename === sentAs);
    assert.ok(upload, `${name} arrived as ${sentAs}`);
    assert.equal(upload.pages, pages);
    assert.ok(
      existsSync(path.join(dir, '_uploaded', monthFolder(), name)),
      `${name} was moved under its own name`,
    );
  }
  const png = rows.find((row) => row.fileName === 'scan.png');
  assert.equal(png?.kind, 'png');
  assert.deepEqual(
    readFileSync(path.join(dir, '_uploaded', monthFolder(), 'scan.png')).subarray(1, 4),
    Buffer.from('PNG'),
  );

  await harness.engine.stop();
  assertTokenNowhere(harness.configDir, emulator.demoToken);
  assert.equal(
    logLines(harness.configDir).some((line) => line.includes(emulator.demoToken)),
    false,
  );
});
