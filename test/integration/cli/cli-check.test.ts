// `clearfacts-uploader check`: what would happen to each file, sent nowhere, with nothing on
// stderr (pdf.js is quiet in its worker) and nothing written to the config folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { FIELD_CASES, FIELD_CASES_DIR } from '../../fixtures/field-cases/field-cases.ts';
import { runCli } from '../../support/cli-process.ts';

const Preview = z.object({
  path: z.string(),
  fileName: z.string(),
  kind: z.string(),
  sizeBytes: z.number(),
  pages: z.number().nullable(),
  sha256: z.string().nullable(),
  changes: z.array(
    z.union([
      z.object({
        change: z.literal('leave_out_prefix'),
        bytes: z.number(),
        sentSha256: z.string(),
      }),
      z.object({ change: z.literal('convert_to_pdf') }),
    ]),
  ),
  refusal: z
    .object({
      code: z.string(),
      message: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }),
      text: z.string(),
    })
    .nullable(),
});

async function context(t: { after: (fn: () => Promise<void>) => void }) {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-cli-check-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  // A loopback address nothing listens on: check must not need the API at all.
  return { configDir: path.join(root, 'config'), apiUrl: 'http://127.0.0.1:9/graphql' };
}

test('check --json gives every field case its verdict, pages, hashes and changes', async (t) => {
  const cli = await context(t);
  const files = FIELD_CASES.map((fieldCase) => path.join(FIELD_CASES_DIR, fieldCase.file));
  const result = await runCli(cli, ['check', '--json', ...files]);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 1, 'one field case is refused, so the exit code says so');
  const previews = z.array(Preview).parse(JSON.parse(result.stdout));
  for (const [index, fieldCase] of FIELD_CASES.entries()) {
    const preview = previews[index];
    assert.ok(preview !== undefined);
    const bytes = await readFile(path.join(FIELD_CASES_DIR, fieldCase.file));
    assert.equal(preview.sha256, createHash('sha256').update(bytes).digest('hex'));
    if ('refused' in fieldCase.verdict) {
      assert.equal(preview.refusal?.code, fieldCase.verdict.refused, fieldCase.file);
      continue;
    }
    assert.deepEqual([preview.refusal, preview.pages], [null, fieldCase.verdict.pages]);
    const prefix = fieldCase.prefixBytes ?? 0;
    assert.deepEqual(
      preview.changes,
      prefix === 0
        ? []
        : [
            {
              change: 'leave_out_prefix',
              bytes: prefix,
              sentSha256: createHash('sha256').update(bytes.subarray(prefix)).digest('hex'),
            },
          ],
      fieldCase.file,
    );
  }
  assert.equal(existsSync(cli.configDir), false, 'check writes nothing to the config folder');
});

test('check in words: exit 0 when every file would be sent, with what changes before sending', async (t) => {
  const cli = await context(t);
  const result = await runCli(cli, ['check', path.join(FIELD_CASES_DIR, 'leading-bom.pdf')]);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /type {5}a PDF, 2 pages/);
  assert.match(result.stdout, /the 3 byte\(s\) before %PDF- are left out/);
  assert.match(result.stdout, /verdict {2}would be sent/);
});

test('check takes what upload takes: a folder stands for its documents, a path to nothing is bad usage', async (t) => {
  const cli = await context(t);
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-cli-check-folder-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  await copyFile(path.join(FIELD_CASES_DIR, 'base-2pages.pdf'), path.join(folder, 'a.pdf'));
  await copyFile(path.join(FIELD_CASES_DIR, 'enc-real-password.pdf'), path.join(folder, 'b.pdf'));

  const listed = await runCli(cli, ['check', '--json', folder]);
  assert.equal(listed.stderr, '');
  assert.equal(listed.code, 1, 'b.pdf would be refused');
  const previews = z.array(Preview).parse(JSON.parse(listed.stdout));
  assert.deepEqual(
    previews.map((preview) => [preview.fileName, preview.pages, preview.refusal?.code ?? null]),
    [
      ['a.pdf', 2, null],
      ['b.pdf', null, 'pdf_needs_password'],
    ],
  );

  // A typo is not a file that "was moved or deleted".
  const typo = path.join(folder, 'scna.pdf');
  const missing = await runCli(cli, ['check', typo]);
  assert.equal(missing.code, 2, missing.stdout + missing.stderr);
  assert.ok(missing.stderr.includes(typo), missing.stderr);
  assert.doesNotMatch(missing.stdout + missing.stderr, /moved or deleted/);
});
