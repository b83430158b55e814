// Issue #14's CLI leftovers, in nl, fr and en: `token check`, `token set` and `token clear` name
// where the token is kept in the terminal's language, not by the store's English id ("file");
// `history --status` offers `moved` for a file moved to `_uploaded`, never "archived", which reads
// as Clearfacts' Archive destination (finding 13); `upload`'s line for each file says how many
// bytes were sent (finding 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { runCli, type CliContext } from '../../support/cli-process.ts';
import { sizeText } from '../../support/size-text.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

type Language = 'nl' | 'fr' | 'en';

const LOCALES: Record<Language, string> = {
  nl: 'nl_BE.UTF-8',
  fr: 'fr_BE.UTF-8',
  en: 'en_GB.UTF-8',
};

const languageEnvironment = (language: Language): NodeJS.ProcessEnv => ({
  LANG: LOCALES[language],
  LC_ALL: '',
  LC_MESSAGES: '',
});

/** The plain-file store as a reader of each language is told it, written by hand. */
const PLAIN_FILE: Record<Language, { stored: string; set: string; removed: string }> = {
  nl: {
    stored: 'een bestand op deze computer (niet versleuteld)',
    set: 'Token bewaard (een bestand op deze computer) voor ',
    removed: 'Token verwijderd (een bestand op deze computer).',
  },
  fr: {
    stored: 'un fichier sur cet ordinateur (non chiffré)',
    set: 'Jeton conservé (un fichier sur cet ordinateur) pour ',
    removed: 'Jeton supprimé (un fichier sur cet ordinateur).',
  },
  en: {
    stored: 'a file on this computer (not encrypted)',
    set: 'Token stored (a file on this computer) for ',
    removed: 'Token removed (a file on this computer).',
  },
};

for (const language of ['nl', 'fr', 'en'] as const) {
  test(`token set, check and clear name the token's store in ${language}`, async (t) => {
    const emulator = await startTestEmulator(t);
    const root = tempDir(t, `store-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      env: languageEnvironment(language),
    };
    const token = emulator.addToken([...ALL_SCOPES]);
    const expected = PLAIN_FILE[language];

    const set = await runCli(context, ['token', 'set', '--allow-plain-file'], `${token}\n`);
    assert.equal(set.code, 0, set.stderr);
    assert.ok(set.stdout.includes(expected.set), `token set says:\n${set.stdout}`);

    const check = await runCli(context, ['token', 'check']);
    assert.equal(check.code, 0, check.stderr);
    const lines = check.stdout.split('\n').map((line) => line.trimEnd());
    assert.ok(
      lines.some((line) => line.endsWith(` ${expected.stored}`)),
      `token check names the store "${expected.stored}":\n${check.stdout}`,
    );

    const cleared = await runCli(context, ['token', 'clear']);
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.equal(cleared.stdout.trim(), expected.removed);
  });

  test(`history --status offers "moved", never "archived", in ${language}`, async (t) => {
    const root = tempDir(t, `moved-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: 'http://127.0.0.1:9/graphql',
      env: languageEnvironment(language),
    };
    const help = await runCli(context, ['history', '--help']);
    assert.equal(help.code, 0, help.stderr);
    const text = help.stdout.replace(/\s+/g, ' ');
    assert.match(text, /\buploaded, moved, failed\b/, text);
    assert.doesNotMatch(text, /archived|gearchiveerd|archivé/i, text);

    // The history is read without an engine or a token: an empty list, exit 0.
    const moved = await runCli(context, ['history', '--status', 'moved,uploaded']);
    assert.equal(moved.code, 0, moved.stderr);
    const wrong = await runCli(context, ['history', '--status', 'verplaatst']);
    assert.equal(wrong.code, 2, wrong.stderr);
    assert.match(wrong.stderr, /\bmoved\b/);
    assert.doesNotMatch(wrong.stderr, /archived/);
  });
}

const SENT: Record<Language, string> = { nl: 'verzonden', fr: 'envoyés', en: 'sent' };

for (const language of ['nl', 'fr', 'en'] as const) {
  test(`upload's line for each file says how many bytes were sent, in ${language}`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const root = tempDir(t, `sent-${language}`);
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      env: languageEnvironment(language),
      token: emulator.addToken([...ALL_SCOPES]),
    };
    const file = path.join(root, 'factuur.pdf');
    await writeFile(file, await pdfBytes(3));
    const upload = await runCli(context, [
      'upload',
      file,
      '--company',
      administration.companyNumber,
      '--type',
      'purchase',
    ]);
    assert.equal(upload.code, 0, upload.stderr);
    const [received] = emulator.uploads();
    assert.ok(received);
    assert.equal(received.bytes, (await stat(file)).size, 'the PDF went as it is');
    const expected = `${sizeText(received.bytes, language)} ${SENT[language]}`;
    const line = upload.stdout.split('\n').find((one) => one.includes('factuur.pdf')) ?? '';
    assert.ok(line.includes(expected), `"${expected}" in the file's line: ${upload.stdout}`);
  });
}
