// The CLI's help, commander's own words and errors, `service status` and `watch`'s live view
// speak the terminal's language (issue #14): on a nl or fr terminal no text of the English
// catalogue that the language translates may appear, as the renderer's e2e checks do per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileState, InClearfactsFilter } from '../../../src-main/contract/domain.ts';
import { stateWord } from '../../../src-main/contract/file-states.ts';
import { en } from '../../../src-main/contract/messages/en.ts';
import { fr } from '../../../src-main/contract/messages/fr.ts';
import { nl } from '../../../src-main/contract/messages/nl.ts';
import type { Catalogue } from '../../../src-main/contract/messages/catalogue.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import {
  addPurchaseFolder,
  gatherOutput,
  runCli,
  spawnCli,
  useStabilityWindow,
  type CliContext,
  type CliResult,
} from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';
import { wholePiecesIn } from '../../support/whole-pieces.ts';

type Language = 'nl' | 'fr';

/** Every text of a catalogue by key: messages (each plural form) and term-table words. */
function texts(catalogue: Catalogue): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [code, text] of Object.entries(catalogue.messages)) {
    if (typeof text === 'string') flat.set(code, text);
    else for (const [form, one] of Object.entries(text)) flat.set(`${code}.${form}`, one);
  }
  for (const [table, words] of Object.entries(catalogue.terms)) {
    for (const [key, word] of Object.entries(words as Record<string, string>)) {
      flat.set(`${table}.${key}`, word);
    }
  }
  return flat;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The English pieces (between placeholders, per line) of every text the language translates,
 * as page-checks.ts builds them for the renderer: short pieces, and pieces the translation uses
 * itself ("purchase" in a value list), prove nothing.
 */
function englishOnlyPieces(language: Language): string[] {
  const translated = texts(language === 'nl' ? nl : fr);
  const ownText = normalise([...translated.values()].join('\n'));
  const pieces = new Set<string>();
  for (const [key, text] of texts(en)) {
    if (translated.get(key) === text) continue;
    for (const line of text.split('\n')) {
      for (const piece of line.split(/\{\{[^}]*\}\}|\{[a-z]+\}/)) {
        const trimmed = normalise(piece).replace(/^[(|:;,\s]+|[.:…(|;,\s]+$/g, '');
        if ((trimmed.length >= 5 || trimmed.includes(' ')) && !ownText.includes(trimmed)) {
          pieces.add(trimmed);
        }
      }
    }
  }
  return [...pieces];
}

const PIECES = { nl: englishOnlyPieces('nl'), fr: englishOnlyPieces('fr') };

/** Values a user types, whatever the language: the states `history --status` takes. */
const VALUE_LISTS = [
  FileState.options.map(stateWord).join(', '),
  InClearfactsFilter.options.join(', '),
];

function assertNoEnglish(
  result: Pick<CliResult, 'stdout' | 'stderr'>,
  language: Language,
  what: string,
  userData: readonly string[] = [],
): void {
  // Normalised first: the help wraps long lines, value lists among them.
  let text = normalise(`${result.stdout}\n${result.stderr}`);
  for (const data of [...userData, ...VALUE_LISTS]) text = text.split(data).join(' ');
  const found = wholePiecesIn(text, PIECES[language]);
  assert.deepEqual(found, [], `${what} speaks English:\n${result.stdout}${result.stderr}`);
}

/** The subcommands a help lists: its item lines that start with a lowercase word. */
function subcommandsOf(help: string): string[] {
  return [...help.matchAll(/^ {2}([a-z][a-z-]*)(?= |$)/gm)]
    .map((match) => match[1] ?? '')
    .filter((name) => name !== 'help');
}

const LOCALES: Record<Language, string> = { nl: 'nl_BE.UTF-8', fr: 'fr_BE.UTF-8' };

/** The terminal's language only from LANG, as on a desktop where LC_ALL is not set. */
const localeEnvironment = (language: Language): NodeJS.ProcessEnv => ({
  LANG: LOCALES[language],
  LC_ALL: '',
  LC_MESSAGES: '',
});

/**
 * Which texts a command's help and usage errors show does not depend on the language: one
 * language's walk of every help and mistake finds a text that bypasses the catalogues, and the
 * catalogue tests prove fr translates every key nl does. The other language reads commander's own
 * words and a sample (each CLI process costs about a second of CPU; the full walk in both
 * languages was the suite's slowest file).
 */
const FULL_WALK_LANGUAGE: Language = 'nl';
const SAMPLED_COMMANDS = new Set(['folders', 'folders add', 'history', 'upload']);
const SAMPLED_MISTAKES = new Set([
  'frobnicate',
  '--bogus',
  'folders add',
  'history --limit lots',
  'retry abc',
]);

for (const language of ['nl', 'fr'] as const) {
  test(`--help of the program and of every command, and usage errors, speak ${language}`, async (t) => {
    const root = tempDir(t, `help-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: 'http://127.0.0.1:9/graphql',
      env: localeEnvironment(language),
    };
    const userData = [root];
    const pending: string[][] = [[]];
    let helps = 0;
    while (pending.length > 0) {
      const command = pending.shift() ?? [];
      const help = await runCli(context, [...command, '--help']);
      assert.equal(help.code, 0, `${command.join(' ')} --help: ${help.stderr}`);
      assertNoEnglish(help, language, `${['clearfacts-uploader', ...command].join(' ')} --help`, [
        ...userData,
      ]);
      // French puts a space before a colon; the wrapping must not leave the colon alone at the
      // start of a line ("(par défaut" / ": …").
      assert.doesNotMatch(
        help.stdout,
        /^\s+[:;]/m,
        `${command.join(' ')} --help wraps before a colon`,
      );
      helps += 1;
      for (const sub of subcommandsOf(help.stdout)) {
        if (language === FULL_WALK_LANGUAGE || SAMPLED_COMMANDS.has([...command, sub].join(' '))) {
          pending.push([...command, sub]);
        }
      }
    }
    // The program, its 15 commands and the subcommands of token, folders and service.
    if (language === FULL_WALK_LANGUAGE) assert.ok(helps >= 25, `${helps} helps read`);
    else assert.equal(helps, 1 + SAMPLED_COMMANDS.size);

    const mistakes: string[][] = [
      ['frobnicate'],
      ['--bogus'],
      ['folders', 'add'],
      ['folders', 'add', root, '--type', 'purchase'],
      ['history', '--limit', 'lots'],
      ['history', '--status', 'vergeten'],
      ['upload', path.join(root, 'a.pdf'), '--company', '0123456789', '--type', 'elders'],
      ['folders', 'list', 'extra'],
      ['ui', '--port'],
      ['retry'],
      ['retry', 'abc'],
      ['mark-done'],
      ['resend', '--incident', 'gisteren'],
      ['choose', '1'],
      ['categories', '0123456789'],
      ['categories', '12345'],
      ['upload', path.join(root, 'a.pdf'), '--company', '0123456749', '--type', 'various'],
    ];
    const tried =
      language === FULL_WALK_LANGUAGE
        ? mistakes
        : mistakes.filter((args) => SAMPLED_MISTAKES.has(args.join(' ')));
    for (const args of tried) {
      const wrong = await runCli(context, args);
      assert.equal(wrong.code, 2, `${args.join(' ')}: ${wrong.stderr}`);
      assert.notEqual(wrong.stderr.trim(), '', `${args.join(' ')} says what is wrong`);
      assertNoEnglish(wrong, language, args.join(' '), [
        ...userData,
        'frobnicate',
        'bogus',
        'gisteren',
      ]);
    }
  });

  test(`token set, check and clear, categories and a blocked upload speak ${language}`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const root = tempDir(t, `token-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      env: localeEnvironment(language),
    };
    const token = emulator.addToken([...ALL_SCOPES]);
    // Scope names and the token's backend are Clearfacts' and the program's words, not prose.
    const userData = [root, administration.companyNumber, ...ALL_SCOPES];

    const none = await runCli(context, ['token', 'check']);
    assert.equal(none.code, 3, none.stderr);
    assertNoEnglish(none, language, 'token check (no token)', userData);
    const withoutConsent = await runCli(context, ['token', 'set'], `${token}\n`);
    assert.equal(withoutConsent.code, 2, withoutConsent.stderr);
    assertNoEnglish(withoutConsent, language, 'token set (no keyring)', userData);
    const set = await runCli(context, ['token', 'set', '--allow-plain-file'], `${token}\n`);
    assert.equal(set.code, 0, set.stderr);
    assertNoEnglish(set, language, 'token set', userData);
    const check = await runCli(context, ['token', 'check']);
    assert.equal(check.code, 0, check.stderr);
    assertNoEnglish(check, language, 'token check', userData);

    // The headers are too short to be caught as English pieces: they are compared as words.
    const categories = await runCli(context, ['categories', administration.companyNumber]);
    assert.equal(categories.code, 0, categories.stderr);
    const header = categories.stdout.split('\n')[0]?.trim().split(/\s+/);
    assert.deepEqual(header, language === 'nl' ? ['SOORT', 'ID', 'NAAM'] : ['SORTE', 'ID', 'NOM']);

    const cleared = await runCli(context, ['token', 'clear']);
    assert.equal(cleared.code, 0, cleared.stderr);
    assertNoEnglish(cleared, language, 'token clear', userData);

    // A token without the upload scope blocks the queue: the files stay queued for the next run.
    const document = path.join(root, 'factuur.pdf');
    await writeFile(document, await pdfBytes(1, { label: 'scope' }));
    const blocked = await runCli(
      { ...context, token: emulator.addToken(['read_administrations', 'archive_read']) },
      ['upload', document, '--company', administration.companyNumber, '--type', 'purchase'],
    );
    assert.equal(blocked.code, 3, `${blocked.stdout}${blocked.stderr}`);
    assertNoEnglish(blocked, language, 'upload (queue blocked)', [...userData, 'factuur.pdf']);
    // The blocked line itself: the hold's reason, then what becomes of the file, in the language.
    assert.ok(
      blocked.stderr.includes(
        language === 'nl'
          ? 'De token mist de scope upload_document'
          : 'Le jeton n’a pas la portée upload_document',
      ),
      blocked.stderr,
    );
    assert.ok(
      blocked.stderr.includes(
        language === 'nl'
          ? '1 bestand blijft in de wachtrij en wordt bij de volgende run verstuurd.'
          : '1 fichier reste en file d’attente et sera envoyé par la prochaine exécution.',
      ),
      blocked.stderr,
    );
  });

  test(`service status and a watch run speak ${language}`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const root = tempDir(t, `watch-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      token: emulator.addToken([...ALL_SCOPES]),
      env: { ...localeEnvironment(language), XDG_CONFIG_HOME: folder(root, 'xdg') },
    };
    useStabilityWindow(context.configDir);
    const scans = folder(root, 'scans');
    const userData = [root, administration.companyNumber, emulator.graphqlUrl, 'factuur.pdf'];

    const idle = await runCli(context, ['service', 'status']);
    assert.equal(idle.code, 1, 'a service that is not installed does not run');
    assertNoEnglish(idle, language, 'service status', userData);

    const watchWithout = spawnCli(context, ['watch']);
    let firstOutput = '';
    watchWithout.stdout.on('data', (chunk: Buffer) => (firstOutput += chunk.toString()));
    watchWithout.stderr.on('data', (chunk: Buffer) => (firstOutput += chunk.toString()));
    const firstWaits = createWaitList();
    watchWithout.stdout.on('data', () => firstWaits.wake());
    await firstWaits.until('watch without folders to say so', () =>
      firstOutput.includes('folders add') ? true : undefined,
    );
    const firstEnd = new Promise((resolve) => watchWithout.on('close', resolve));
    watchWithout.kill('SIGTERM');
    await withDeadline('the first watch to stop', firstEnd);
    assertNoEnglish({ stdout: firstOutput, stderr: '' }, language, 'watch (no folders)', userData);

    await addPurchaseFolder(context, scans, administration.companyNumber);

    const watch = spawnCli(context, ['watch']);
    const { output, waits } = gatherOutput(watch);
    const ended = new Promise<number | null>((resolve) => watch.on('close', resolve));
    t.after(() => {
      if (watch.exitCode === null) watch.kill('SIGKILL');
    });
    await waits.until('watch to say it watches the folder', () =>
      output().includes(scans) || output().includes('Ctrl-C') ? true : undefined,
    );
    await writeFile(path.join(scans, 'factuur.pdf'), await pdfBytes(1, { label: 'taal' }));
    const uuid = await waits.until(
      'watch to tell the upload with its uuid',
      () => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(output())?.[0],
      { detail: () => `output: ${output()}` },
    );

    const running = await runCli(context, ['service', 'status']);
    assertNoEnglish(running, language, 'service status (engine running)', [
      ...userData,
      uuid,
      String(watch.pid),
    ]);

    watch.kill('SIGTERM');
    assert.equal(await withDeadline('watch to stop on SIGTERM', ended), 0, output());
    assertNoEnglish({ stdout: output(), stderr: '' }, language, 'watch', [...userData, uuid]);
  });
}

/**
 * The lines of a help that run past `width`: a line counts when it could have been broken (a
 * space after its indentation) and is not the usage line, which commander never wraps.
 */
function linesPast(help: string, width: number): string[] {
  return help
    .split('\n')
    .slice(1)
    .filter((line) => [...line].length > width && / /.test(line.trimStart()));
}

for (const language of ['nl', 'fr'] as const) {
  test(`${language} --help fits COLUMNS of 60, 80 and 120, never wrapping before French punctuation`, async (t) => {
    const root = tempDir(t, `help-width-${language}`);
    for (const columns of [60, 80, 120]) {
      const context: CliContext = {
        configDir: folder(root, 'config'),
        apiUrl: 'http://127.0.0.1:9/graphql',
        env: { ...localeEnvironment(language), COLUMNS: String(columns) },
      };
      // The program's (commander's items, then the exit codes and the environment from the
      // catalogues) and one with long notes: `folders add --split` lists its modes, its range
      // "(5 à 600 ; 30 …)" and its default.
      for (const command of [[], ['folders', 'add']]) {
        const help = await runCli(context, [...command, '--help']);
        assert.equal(help.code, 0, help.stderr);
        const where = `${language} ${command.join(' ')} --help at ${columns} columns`;
        assert.deepEqual(linesPast(help.stdout, columns), [], where);
        assert.doesNotMatch(help.stdout, /^\s+[:;!?»]/mu, `${where} wraps before punctuation`);
      }
    }
  });
}
