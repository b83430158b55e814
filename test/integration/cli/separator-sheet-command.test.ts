// `clearfacts-uploader separator-sheet --company …` reads a company number the way every other
// command does (issue #12: BE, dots, dashes, spaces, the old 9 digits; mod-97 check digits before
// anything is made), since a sheet printed with a mistyped number sends the documents after it to
// an administration nobody chose. The printed sheet is read back by poppler and zxing, not by us.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareBarcodeReader } from '../../../src-main/core/split/barcode-reader.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { argumentsFor, childEnvironment, type CliContext } from '../../support/cli-process.ts';
import { withDeadline } from '../../support/waiting.ts';

const run = promisify(execFile);

/** The command's exit code and its standard output as bytes (the sheet is a binary PDF). */
function sheetCommand(
  context: CliContext,
  args: readonly string[],
): Promise<{ code: number | null; pdf: Buffer; stderr: string }> {
  const child = spawn(process.execPath, argumentsFor(context, ['separator-sheet', ...args]), {
    env: childEnvironment(context),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return withDeadline(
    `\`separator-sheet ${args.join(' ')}\` to finish`,
    new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, pdf: Buffer.concat(chunks), stderr }));
    }),
  );
}

test('separator-sheet takes a company number in any written form and refuses wrong check digits', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-sheet-cli-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const context: CliContext = {
    configDir: path.join(folder, 'config'),
    apiUrl: 'http://127.0.0.1:9/graphql',
  };

  const written = await sheetCommand(context, ['--type', 'sale', '--company', 'BE 0412.345.614']);
  assert.equal(written.code, 0, written.stderr);
  const file = path.join(folder, 'sheet.pdf');
  await writeFile(file, written.pdf);
  await run('pdftoppm', ['-r', '100', '-png', '-singlefile', file, path.join(folder, 'page')]);
  await prepareBarcodeReader();
  const codes = await readBarcodes(await readFile(path.join(folder, 'page.png')), {
    formats: ['QRCode'],
  });
  assert.deepEqual(
    codes.map((code) => code.text),
    ['CFU-SEP/1?type=sale&company=0412345614'],
  );

  const mistyped = await sheetCommand(context, ['--type', 'sale', '--company', '0412345615']);
  assert.equal(mistyped.code, 2);
  assert.equal(mistyped.pdf.length, 0, 'no sheet is printed for a mistyped number');
  assert.match(mistyped.stderr, /0412345615/);
});

test('separator-sheet says which options a sheet takes in the terminal language (nl, fr)', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-sheet-language-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const expected = {
    nl: {
      next: 'Een blad "next" neemt geen --company en geen --category.',
      sale: 'Een blad "verkopen" neemt geen --category.',
      various: 'Een blad "diverse" heeft --category <name-or-id> nodig.',
      empty: '"" is geen categorie-id: die telt 1 tot 200 tekens.',
    },
    fr: {
      next: 'Une feuille « next » ne prend ni --company ni --category.',
      sale: 'Une feuille « ventes » ne prend pas de --category.',
      various: 'Une feuille « divers » demande --category <name-or-id>.',
      empty: '«  » n’est pas un identifiant de catégorie : il compte de 1 à 200 caractères.',
    },
  };
  for (const language of ['nl', 'fr'] as const) {
    const context: CliContext = {
      configDir: path.join(folder, `config-${language}`),
      apiUrl: 'http://127.0.0.1:9/graphql',
      env: { LANG: language === 'nl' ? 'nl_BE.UTF-8' : 'fr_BE.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    };
    const cases: [keyof (typeof expected)['nl'], string[]][] = [
      ['next', ['--type', 'next', '--category', 'x']],
      ['sale', ['--type', 'sale', '--category', 'x']],
      ['various', ['--type', 'various']],
      ['empty', ['--type', 'permanent', '--category', '']],
    ];
    for (const [mistake, args] of cases) {
      const refused = await sheetCommand(context, args);
      assert.equal(refused.code, 2, `${language} ${mistake}: ${refused.stderr}`);
      assert.equal(refused.pdf.length, 0);
      assert.ok(
        refused.stderr.includes(expected[language][mistake]),
        `${language} ${mistake}: ${refused.stderr}`,
      );
    }
  }
});

test('an archive sheet names a category its administration has: a misspelt one is refused with the real ones; unchecked, it is printed with a warning', async (t) => {
  const emulator = await startTestEmulator(t);
  const administration = emulator.seed.administrations.find((one) =>
    one.categories.permanent.some((category) => category.name === 'Statuten'),
  );
  assert.ok(administration, 'a Dutch administration of the seed, with its category Statuten');
  const company = administration.companyNumber;
  const folder = await mkdtemp(path.join(tmpdir(), 'cf-sheet-category-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const locales = { en: 'en_GB.UTF-8', nl: 'nl_BE.UTF-8', fr: 'fr_BE.UTF-8' };
  const contextIn = (language: keyof typeof locales, token?: string): CliContext => ({
    configDir: path.join(folder, `config-${language}`),
    apiUrl: emulator.graphqlUrl,
    ...(token === undefined ? {} : { token }),
    env: { LANG: locales[language], LC_ALL: '', LC_MESSAGES: '' },
  });
  /** `separator-sheet --type permanent --company <company> --category <category>`. */
  const permanentSheet = (context: CliContext, category: string) =>
    sheetCommand(context, ['--type', 'permanent', '--company', company, '--category', category]);
  // The seed's permanent categories, as the seed lists them (test/emulator/seed.ts).
  const names = '"Huurovereenkomst", "Statuten", "Leasingcontracten", "Arbeidsreglement"';
  const refusals = {
    en: `Administration ${company} has no permanent archive category "Statutn". Its permanent categories: ${names}.`,
    nl: `De administratie ${company} heeft geen archiefcategorie (permanent) "Statutn". Haar categorieën (permanent): ${names}.`,
    fr: `Le dossier ${company} n’a pas de catégorie d’archive (permanent) « Statutn ». Ses catégories (permanent) : ${names}.`,
  };
  for (const language of ['en', 'nl', 'fr'] as const) {
    const misspelt = await permanentSheet(contextIn(language, emulator.demoToken), 'Statutn');
    assert.equal(misspelt.code, 2, misspelt.stderr);
    assert.equal(misspelt.pdf.length, 0, 'no sheet for a category that does not exist');
    assert.ok(misspelt.stderr.includes(refusals[language]), `${language}: ${misspelt.stderr}`);
  }

  const named = await permanentSheet(contextIn('nl', emulator.demoToken), 'statuten');
  assert.equal(named.code, 0, named.stderr);
  assert.equal(named.stderr, '', 'a category that exists is printed without a word');
  assert.equal(named.pdf.subarray(0, 5).toString(), '%PDF-');

  // Without a token, the list cannot be read: the sheet is printed, and stderr says so.
  const noToken = await permanentSheet(contextIn('nl'), 'Statutn');
  assert.equal(noToken.code, 0, noToken.stderr);
  assert.equal(noToken.pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(
    noToken.stderr.startsWith(
      `Let op: de categorie "Statutn" kon niet nagekeken worden bij de archiefcategorieën van ${company}: `,
    ),
    noToken.stderr,
  );
  // Without --company there is no administration to look in.
  const anyAdministration = await sheetCommand(contextIn('fr', emulator.demoToken), [
    '--type',
    'divers',
    '--category',
    'Contrats',
  ]);
  assert.equal(anyAdministration.code, 0, anyAdministration.stderr);
  assert.ok(
    anyAdministration.stderr.startsWith(
      'Attention : la catégorie « Contrats » n’est pas vérifiée, car la feuille ne nomme aucune administration (--company)',
    ),
    anyAdministration.stderr,
  );
  assert.deepEqual(emulator.uploads(), [], 'checking a sheet sends nothing');
  assert.deepEqual(emulator.phantoms(), [], 'and no mutation');

  // Clearfacts unreachable: printed, with the reason in the warning.
  await emulator.close();
  const offline = await permanentSheet(contextIn('en', emulator.demoToken), 'Statutn');
  assert.equal(offline.code, 0, offline.stderr);
  assert.equal(offline.pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(
    offline.stderr,
    /^Warning: the category "Statutn" could not be checked against the archive categories of \d{10}: Could not reach Clearfacts/,
  );
  // A command is not the queue: it names the address it tried and tries nothing again later.
  assert.ok(offline.stderr.includes(emulator.graphqlUrl), offline.stderr);
  assert.doesNotMatch(offline.stderr, /tried again later/);
});
