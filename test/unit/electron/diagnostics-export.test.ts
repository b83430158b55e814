import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { registerSecret } from '../../../src-main/core/logging/secret-redactor.ts';
import {
  diagnosticsFileName,
  writeDiagnosticsZip,
} from '../../../src-main/electron/diagnostics-export.ts';

/** The zip's files, without its folder entries. */
function fileNames(files: Record<string, Uint8Array>): string[] {
  return Object.keys(files)
    .filter((name) => !name.endsWith('/'))
    .sort();
}

test('the zip holds the logs, the settings and about.json, with every secret redacted', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-diagnostics-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const secret = 'diagnostics-test-secret-abcdefghijkl';
  registerSecret(secret);
  const logsDir = path.join(dir, 'logs');
  await mkdir(logsDir);
  await writeFile(path.join(logsDir, 'main.log'), `[info] started\n[warn] pasted ${secret}\n`);
  await writeFile(path.join(logsDir, 'main.1.log'), '[info] older\n');
  await writeFile(path.join(logsDir, 'clearfacts-uploader.log.1'), '{"msg":"headless run"}\n');
  await writeFile(path.join(logsDir, 'notes.txt'), 'not a log');
  const destination = path.join(dir, diagnosticsFileName(new Date('2026-11-22T09:30:00Z')));
  assert.match(
    path.basename(destination),
    /^clearfacts-uploader-diagnostics-2026-11-22-0930\.zip$/,
  );

  await writeDiagnosticsZip(
    {
      logsDir,
      settings: {
        apiUrl: 'https://api.clearfacts.be/graphql',
        folders: [{ path: `/scans/${secret}` }],
      },
      about: { version: '1.2.3', tokenStorage: { backend: 'safeStorage', secure: true } },
    },
    destination,
  );
  const files = unzipSync(new Uint8Array(await readFile(destination)));
  assert.deepEqual(fileNames(files), [
    'about.json',
    'logs/clearfacts-uploader.log.1',
    'logs/main.1.log',
    'logs/main.log',
    'settings.json',
  ]);
  const all = Object.values(files)
    .map((file) => strFromU8(file))
    .join('\n');
  assert.equal(all.includes(secret), false);
  assert.match(strFromU8(files['logs/main.log'] ?? new Uint8Array()), /pasted \[REDACTED\]/);
  const about: unknown = JSON.parse(strFromU8(files['about.json'] ?? new Uint8Array()));
  assert.ok(
    typeof about === 'object' && about !== null && 'version' in about && 'exportedAt' in about,
  );
});

test('a missing log folder still gives a zip with the settings', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clearfacts-diagnostics-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const destination = path.join(dir, 'out.zip');
  await writeDiagnosticsZip(
    { logsDir: path.join(dir, 'none'), settings: {}, about: {} },
    destination,
  );
  const files = unzipSync(new Uint8Array(await readFile(destination)));
  assert.deepEqual(fileNames(files), ['about.json', 'settings.json']);
});
