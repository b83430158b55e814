// The CLI speaks the user's language in its own words too (labels, table headers, state words,
// summaries, "Error:"), not only in core's messages (issue #14); a refused CLEARFACTS_TOKEN is
// changed where the variable is set, and a config folder that cannot be written is named (#12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import {
  addPurchaseFolder,
  runCli,
  type CliContext,
  type CliResult,
} from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/**
 * English words and phrases of the CLI's own output that must not reach a nl or fr terminal.
 * Chosen so none is also a Dutch or French word the catalogues use ("type", "pages", "ID").
 */
const ENGLISH = [
  'Engine',
  'Queue',
  'Files:',
  'Folder:',
  'Hold:',
  'Last upload',
  'Last error',
  'not running',
  'config folder',
  'waiting',
  'sending',
  'uploaded',
  'failed',
  'unconfirmed',
  'duplicate',
  'none',
  'STATE',
  'FILE',
  'WHEN',
  'WHY',
  'PATH',
  'GOES TO',
  'PENDING',
  'UPLOADED',
  'FAILED',
  'No folders',
  'No watched folder',
  'verdict',
  'would be sent',
  'refused',
  'Error:',
  'page,',
  'purchase',
  'moved to',
  'queued',
  'See them',
  'file(s)',
  'COMPANY',
  'NAME',
  'ACCOUNT MANAGER',
  'SENT',
  'various',
];

/** What is left of a line once user data is taken out: commands in backticks, paths. */
function wordsOf(output: string, userData: readonly string[]): string {
  let text = output.replace(/`[^`]*`/g, ' ');
  for (const data of userData) text = text.split(data).join(' ');
  return text;
}

function assertNoEnglish(result: CliResult, what: string, userData: readonly string[]): void {
  const text = wordsOf(`${result.stdout}\n${result.stderr}`, userData);
  const found = ENGLISH.filter((word) =>
    new RegExp(`(^|[^\\p{L}])${word.replace(/[()]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text),
  );
  assert.deepEqual(found, [], `${what} speaks English:\n${result.stdout}${result.stderr}`);
}

for (const locale of ['nl_BE.UTF-8', 'fr_BE.UTF-8']) {
  test(`status, history, folders, check and upload speak ${locale} in their own words`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const root = tempDir(t, 'taal');
    const context: CliContext = {
      configDir: folder(root, 'instellingen'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.addToken([...ALL_SCOPES]),
      env: { LC_ALL: locale, LANG: locale },
    };
    const scans = folder(root, 'scans');
    const goed = path.join(root, 'goed.pdf');
    const kapot = path.join(root, 'kapot.pdf');
    await writeFile(goed, await pdfBytes(2, { label: 'goed' }));
    await writeFile(kapot, 'geen pdf');
    const userData = [root, administration.companyNumber, 'goed.pdf', 'kapot.pdf'];

    const noFolders = await runCli(context, ['folders', 'list']);
    assert.equal(noFolders.code, 0, noFolders.stderr);
    assertNoEnglish(noFolders, 'folders list (none)', userData);

    const upload = await runCli(context, [
      'upload',
      goed,
      kapot,
      '--company',
      administration.companyNumber,
      '--type',
      'purchase',
    ]);
    assert.equal(upload.code, 1, upload.stderr);
    const uuids = [...upload.stdout.matchAll(/[0-9a-f]{8}-[0-9a-f-]{27}/g)].map((m) => m[0]);
    assertNoEnglish(upload, 'upload', [...userData, ...uuids]);

    await addPurchaseFolder(context, scans, administration.companyNumber);
    const listed = await runCli(context, ['folders', 'list']);
    const folderIds = [...listed.stdout.matchAll(/^(\S+)\s+\//gm)].map((m) => m[1] ?? '');
    assertNoEnglish(listed, 'folders list', [...userData, ...folderIds, 'off']);

    const status = await runCli(context, ['status']);
    assertNoEnglish(status, 'status', [...userData, ...uuids]);
    assert.match(
      status.stdout,
      locale.startsWith('nl') ? /^Verwerking: /m : /^Moteur : |^Moteur: /m,
    );
    // The last upload and failure are told as times of the reader's language, never raw ISO.
    assert.doesNotMatch(status.stdout, /\d{4}-\d\d-\d\dT\d\d:\d\d/, status.stdout);

    const history = await runCli(context, ['history']);
    assert.equal(history.code, 0, history.stderr);
    assertNoEnglish(history, 'history', [...userData, ...uuids]);

    const check = await runCli(context, ['check', goed, kapot]);
    assertNoEnglish(check, 'check', [...userData, 'sha256']);

    const unknownFolder = await runCli(context, ['folders', 'remove', 'nergens']);
    assert.equal(unknownFolder.code, 2);
    assertNoEnglish(unknownFolder, 'an error', [...userData, 'nergens']);
  });
}

for (const [locale, various] of [
  ['nl_BE.UTF-8', 'diverse'],
  ['fr_BE.UTF-8', 'divers'],
] as const) {
  test(`administrations and categories speak ${locale}; --type takes the word categories shows`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const [category] = administration.categories.various;
    assert.ok(category);
    const root = tempDir(t, 'soorten');
    const context: CliContext = {
      configDir: folder(root, 'instellingen'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.addToken([...ALL_SCOPES]),
      env: { LC_ALL: locale, LANG: locale },
    };
    const administrationData = emulator.seed.administrations.flatMap((item) => [
      item.companyNumber,
      item.name,
      ...(item.accountManager === null ? [] : [item.accountManager]),
    ]);

    const listed = await runCli(context, ['administrations']);
    assert.equal(listed.code, 0, listed.stderr);
    assertNoEnglish(listed, 'administrations', administrationData);

    const categories = await runCli(context, ['categories', administration.companyNumber]);
    assert.equal(categories.code, 0, categories.stderr);
    const categoryData = [
      ...administration.categories.various,
      ...administration.categories.permanent,
    ].flatMap((item) => [item.id, item.name]);
    assertNoEnglish(categories, 'categories', [administration.companyNumber, ...categoryData]);
    assert.match(
      categories.stdout,
      new RegExp(`^${various}\\s+${category.id}\\s+${category.name}`, 'm'),
    );

    const added = await runCli(context, [
      'folders',
      'add',
      folder(root, 'verzekeringen'),
      '--company',
      administration.companyNumber,
      '--type',
      various,
      '--category',
      category.name,
      '--json',
    ]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, new RegExp(`"type": ?"various"`), 'stored as the API names it');
    const byApiValue = await runCli(context, [
      'folders',
      'add',
      folder(root, 'statuten'),
      '--company',
      administration.companyNumber,
      '--type',
      'permanent',
      '--category',
      administration.categories.permanent[0]?.name ?? '',
    ]);
    assert.equal(byApiValue.code, 0, `the API's value is still taken: ${byApiValue.stderr}`);

    const unknown = await runCli(context, [
      'folders',
      'add',
      root,
      '--company',
      administration.companyNumber,
      '--type',
      'onzin',
    ]);
    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(
      unknown.stderr,
      new RegExp(`\\b${various}\\b`),
      'the refusal lists the localized word',
    );
    assertNoEnglish(unknown, 'a wrong --type', [root, administration.companyNumber, 'onzin']);
  });
}

test('a refused CLEARFACTS_TOKEN is changed in the variable, not with `token set`', async (t) => {
  const emulator = await startTestEmulator(t);
  const context: CliContext = {
    configDir: folder(tempDir(t, 'env-token'), 'config'),
    apiUrl: emulator.graphqlUrl,
    token: 'cfREVOKED'.padEnd(80, 'x'),
  };
  const refused = await runCli(context, ['administrations']);
  assert.equal(refused.code, 3, refused.stderr);
  assert.match(refused.stderr, /CLEARFACTS_TOKEN/);
  assert.doesNotMatch(refused.stderr, /token set/);
});

test('a config folder that cannot be written is named, with what to do, and no stack', async (t) => {
  const root = tempDir(t, 'read-only');
  const configDir = folder(root, 'config');
  // Root writes anywhere: as root the child runs as nobody, which may not write root's folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(root, 0o755);
  else {
    chmodSync(configDir, 0o555);
    t.after(() => chmodSync(configDir, 0o755));
  }
  const context: CliContext = {
    configDir,
    apiUrl: 'http://127.0.0.1:9/graphql',
    ...(asRoot ? { user: { uid: 65534, gid: 65534 } } : {}),
  };
  for (const command of [['status'], ['history'], ['folders', 'list']]) {
    const result = await runCli(context, command);
    assert.equal(result.code, 2, `${command.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(`config folder ${configDir} cannot be written`));
    assert.match(result.stderr, /--config-dir/);
    assert.doesNotMatch(result.stderr, /\n\s+at |Something went wrong/);
  }
});
