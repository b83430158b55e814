// Bytes sent per file (issue #14 finding 12), through the real engine, the emulator over HTTP and
// then the CLI on the same config folder: a PDF whose first bytes come before `%PDF-` (left
// out), a PNG (converted to PDF) and a JPEG (sent as it is) each record the bytes the emulator
// received, which History shows and `history` prints (plain, per locale, and --json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes, pngBytes, SMALL_JPEG } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { runCli } from '../../support/cli-process.ts';
import { sizeText } from '../../support/size-text.ts';

test('the bytes sent per file are recorded, and history prints them in nl and en and in --json', async (t) => {
  const emulator = await startTestEmulator(t);
  const harness = await startEngine(t, { emulator });
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const prefix = Buffer.from('X-Scanner-Header: 0042\r\n\r\n');
  const files = {
    'prefixed.pdf': Buffer.concat([prefix, await pdfBytes(2, { label: 'prefixed' })]),
    'scan.png': pngBytes(400, 300, { dpi: 150 }),
    'receipt.jpg': SMALL_JPEG,
  };
  const paths = Object.keys(files).map((name) => path.join(harness.root, name));
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(path.join(harness.root, name), bytes);
  }
  await harness.engine.handlers['drop.send']({
    paths,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const delivered = new Map<string, HistoryEntry>();
  for (const name of Object.keys(files)) {
    delivered.set(
      name,
      await harness.waitForEntry(
        `${name} delivered`,
        (entry) => entry.fileName === name && entry.uuid !== null,
      ),
    );
  }
  await harness.stop();

  // What the emulator received is the independent count.
  const received = new Map(emulator.uploads().map((upload) => [upload.uuid, upload.bytes]));
  for (const [name, entry] of delivered) {
    assert.equal(entry.sentBytes, received.get(entry.uuid ?? ''), `${name}: the bytes received`);
  }
  const onDisk = (name: string) => statSync(path.join(harness.root, name)).size;
  assert.equal(delivered.get('prefixed.pdf')?.sentBytes, onDisk('prefixed.pdf') - prefix.length);
  assert.notEqual(delivered.get('scan.png')?.sentBytes, onDisk('scan.png'), 'the converted PDF');
  assert.equal(delivered.get('receipt.jpg')?.sentBytes, SMALL_JPEG.length);

  const context = { configDir: harness.configDir, apiUrl: emulator.graphqlUrl };
  const json = await runCli(context, ['history', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const rows = (JSON.parse(json.stdout) as { rows: HistoryEntry[] }).rows;
  for (const [name, entry] of delivered) {
    assert.equal(rows.find((row) => row.id === entry.id)?.sentBytes, entry.sentBytes, name);
  }

  const pdfSent = delivered.get('prefixed.pdf')?.sentBytes ?? 0;
  for (const [locale, header, language] of [
    ['nl_BE.UTF-8', 'GROOTTE VERZONDEN', 'nl'],
    ['en_GB.UTF-8', 'SIZE SENT', 'en'],
  ] as const) {
    const table = await runCli({ ...context, env: { LC_ALL: locale } }, ['history']);
    assert.equal(table.code, 0, table.stderr);
    assert.ok(table.stdout.includes(header), `${header} in ${locale}`);
    const size = sizeText(pdfSent, language);
    assert.ok(
      table.stdout.split('\n').some((line) => line.includes('prefixed.pdf') && line.includes(size)),
      `${size} on the prefixed.pdf line:\n${table.stdout}`,
    );
  }
});
