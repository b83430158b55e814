// What a person types into `upload`: a mistyped path or an unknown category is a usage error that
// leaves no trace in the history, a folder stands for its documents, and a category can be named
// the way Clearfacts shows it (issue 14, findings 7 and 8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli, spawnCli, type CliResult } from '../../support/cli-process.ts';
import { withDeadline } from '../../support/waiting.ts';

function assertOneSentence(result: CliResult, pattern: RegExp): void {
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
}

async function historyRows(context: Parameters<typeof runCli>[0]): Promise<HistoryEntry[]> {
  const history = await runCli(context, ['history', '--json']);
  assert.equal(history.code, 0, history.stderr);
  return (JSON.parse(history.stdout) as { rows: HistoryEntry[] }).rows;
}

test('`upload`: a mistyped path is bad usage and recorded nowhere; a folder sends its documents', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'cli-usage');
  const context = {
    configDir: folder(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.addToken([...ALL_SCOPES]),
  };
  const target = ['--company', administration.companyNumber, '--type', 'purchase'];

  const good = path.join(root, 'good.pdf');
  await writeFile(good, await pdfBytes(1, { label: 'good' }));
  const typo = path.join(root, 'godo.pdf');
  const mistyped = await runCli(context, ['upload', good, typo, ...target]);
  assert.equal(mistyped.code, 2, 'a path that leads nowhere is bad usage');
  assertOneSentence(mistyped, new RegExp(`no file or folder at ${typo.replace(/[.]/g, '\\.')}`));
  assert.deepEqual(await historyRows(context), [], 'nothing recorded, not even the good file');
  assert.equal(emulator.uploads().length, 0);

  const batch = folder(root, 'batch');
  mkdirSync(path.join(batch, 'march'));
  mkdirSync(path.join(batch, '_uploaded'));
  await writeFile(path.join(batch, 'one.pdf'), await pdfBytes(1, { label: 'one' }));
  await writeFile(path.join(batch, 'march', 'two.pdf'), await pdfBytes(2, { label: 'two' }));
  await writeFile(path.join(batch, '.hidden.pdf'), await pdfBytes(1, { label: 'hidden' }));
  await writeFile(path.join(batch, '_uploaded', 'old.pdf'), await pdfBytes(1, { label: 'old' }));
  const sent = await runCli(context, ['upload', batch, ...target]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stdout, /Uploaded: 2, failed: 0,/);
  assert.deepEqual(
    emulator
      .uploads()
      .map((upload) => upload.filename)
      .sort(),
    ['one.pdf', 'two.pdf'],
  );

  const empty = folder(root, 'empty');
  const nothing = await runCli(context, ['upload', empty, ...target]);
  assert.equal(nothing.code, 2);
  assertOneSentence(nothing, /holds no documents/);
  assert.equal((await historyRows(context)).length, 2, 'only the two documents were recorded');
});

test('`--category` takes the name Clearfacts shows, and lists the names when none matches', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const [category] = administration.categories.permanent;
  assert.ok(category);
  const root = tempDir(t, 'cli-category');
  const context = {
    configDir: folder(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.addToken([...ALL_SCOPES]),
  };
  const file = path.join(root, 'statuten.pdf');
  await writeFile(file, await pdfBytes(1, { label: 'statuten' }));
  const target = ['--company', administration.companyNumber, '--type', 'permanent'];

  const unknown = await runCli(context, ['upload', file, ...target, '--category', 'Nope']);
  assert.equal(unknown.code, 2);
  assertOneSentence(unknown, /no permanent archive category "Nope"/);
  for (const existing of administration.categories.permanent) {
    assert.ok(unknown.stderr.includes(`"${existing.name}"`), `${existing.name} is listed`);
  }
  assert.deepEqual(await historyRows(context), []);

  const byName = await runCli(context, [
    'upload',
    file,
    ...target,
    '--category',
    category.name.toUpperCase(),
  ]);
  assert.equal(byName.code, 0, byName.stderr);
  assert.equal(emulator.uploads()[0]?.categoryId, category.id);

  const scans = folder(root, 'scans');
  const bound = await runCli(context, [
    'folders',
    'add',
    scans,
    ...target,
    '--category',
    category.name,
    '--json',
  ]);
  assert.equal(bound.code, 0, bound.stderr);
  assert.match(bound.stdout, new RegExp(`"categoryId": "${category.id}"`));
});

test('a reader that stops early (`categories … | head`) ends nothing in a stack trace', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'cli-epipe');
  const context = {
    configDir: folder(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.addToken([...ALL_SCOPES]),
  };
  for (const args of [['categories', administration.companyNumber], ['administrations']]) {
    const child = spawnCli(context, args);
    // Like `head` having read its lines: the pipe is closed before the command prints.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await withDeadline(
      `\`${args.join(' ')}\` with a closed stdout to end`,
      new Promise<number | null>((resolve) => child.on('close', resolve)),
    );
    assert.equal(stderr, '', `${args.join(' ')}: nothing on stderr`);
    assert.equal(code, 0);
  }
});

test('the help says where CLEARFACTS_TOKEN is accepted that other processes can read it', async () => {
  const help = await runCli({ configDir: tmpdir(), apiUrl: 'http://127.0.0.1:9/graphql' }, [
    '--help',
  ]);
  assert.equal(help.code, 0, help.stderr);
  const text = help.stdout.replace(/\s+/g, ' ');
  assert.match(text, /CLEARFACTS_TOKEN the token to use; takes precedence over a stored one/);
  assert.match(text, /Other processes of your user account can read a process's environment/);
  assert.match(text, /prefer the keyring \(`token set`\) or CLEARFACTS_TOKEN_FILE/);
});

test('a name with a bidi control is printed marked and sent to Clearfacts without it', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'cli-bidi');
  const context = {
    configDir: folder(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.addToken([...ALL_SCOPES]),
  };
  // Shown raw, U+202E (RIGHT-TO-LEFT OVERRIDE) shows the rest of the name in reverse order.
  const file = path.join(root, 'rtl\u202Efdp.pdf');
  await writeFile(file, await pdfBytes(1, { label: 'bidi' }));
  const sent = await runCli(context, [
    'upload',
    file,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.ok(!sent.stdout.includes('\u202E'), 'the raw control reached the terminal');
  assert.match(sent.stdout, /rtl⟦U\+202E⟧fdp\.pdf/);
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['rtlfdp.pdf'],
  );
});

test('`--version` and `-V` print the package’s version and exit 0; `--help` lists it in the user’s language', async (t) => {
  const context = { configDir: tempDir(t, 'cli-version'), apiUrl: 'http://127.0.0.1:9/graphql' };
  const packageJson: unknown = JSON.parse(
    await readFile(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
  );
  assert.ok(typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson);
  for (const flag of ['--version', '-V']) {
    const result = await runCli(context, [flag]);
    assert.deepEqual(result, { code: 0, stdout: `${String(packageJson.version)}\n`, stderr: '' });
  }
  const help = await runCli({ ...context, env: { LC_ALL: 'nl_BE.UTF-8', LANG: 'nl_BE.UTF-8' } }, [
    '--help',
  ]);
  assert.match(help.stdout, /-V, --version\s+toon het versienummer/);
});
