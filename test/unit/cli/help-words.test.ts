// Every `--help` of the CLI in Dutch and French uses the language's words: an English word may
// appear only where the user types it (a command, an option, a value the command takes in every
// language, such as `next` or `pages:N`) or where it is a name (Clearfacts, JSON, systemd). A
// destination type has a word in each language, which `--type` takes and lists, so the prose
// around it uses that word too ("achats", never "purchase"). The help is built in this process for
// each language, as main.ts builds it for the terminal's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { buildProgram } from '../../../src-main/cli/cli-program.ts';
import { useSettingsLanguage } from '../../../src-main/cli/cli-language.ts';
import { FileState, InClearfactsFilter } from '../../../src-main/contract/domain.ts';
import { stateWord } from '../../../src-main/contract/file-states.ts';
import { SEPARATOR_TYPES } from '../../../src-main/contract/split-modes.ts';
import { DESTINATION_TYPES } from '../../../src-main/contract/destination-types.ts';
import { msg } from '../../../src-main/contract/messages/msg.ts';
import { CATALOGUES, renderMessage } from '../../../src-main/contract/messages/render-message.ts';

type Language = 'en' | 'nl' | 'fr';

/**
 * The prose of every help of the program in `language`, by command path and item ("folders add
 * --split"): descriptions with the notes commander adds (choices, default), as `--help` shows them.
 */
function helpsIn(language: Language): Map<string, string> {
  useSettingsLanguage(language);
  const program = buildProgram(
    () => Promise.reject(new Error('no command runs in this test')),
    () => {},
  );
  const helps = new Map<string, string>();
  const walk = (command: Command, names: string[]): void => {
    const help = command.createHelp();
    const where = names.join(' ');
    helps.set(where, help.commandDescription(command));
    for (const option of help.visibleOptions(command)) {
      helps.set(`${where} ${option.flags}`, help.optionDescription(option));
    }
    for (const argument of help.visibleArguments(command)) {
      helps.set(`${where} <${argument.name()}>`, help.argumentDescription(argument));
    }
    for (const sub of command.commands) walk(sub, [...names, sub.name()]);
  };
  walk(program, []);
  // The program's help ends with these two sections (main.ts adds them after commander's text).
  helps.set('exit codes', renderMessage(msg('cli_help_exit_codes'), language));
  helps.set(
    'environment',
    renderMessage(
      msg('cli_help_environment', { tuningVariable: 'CLEARFACTS_UPLOADER_TUNING', example: '' }),
      language,
    ),
  );
  return helps;
}

/**
 * A help text's prose: without what the user types as it is written (options, placeholders,
 * `quoted commands`, the choices commander quotes, JSON field lists, `mode:N`, variables).
 */
function prose(help: string): string {
  return help
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/(?<![\w<>])\/[\w<>/.-]+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/(?<![\w-])-{1,2}[a-zA-Z][\w-]*/g, ' ')
    .replace(/[\w-]+:[A-Z]\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*/g, ' ');
}

const words = (text: string): string[] =>
  [...text.matchAll(/\p{L}[\p{L}\d_'’-]*/gu)].map((match) => match[0].toLowerCase());

/** What a user types whatever the language, and names no language translates. */
function typedOrNames(english: Map<string, string>): Set<string> {
  const commands = [...english.keys()].flatMap((path) => path.split(' '));
  return new Set(
    [
      ...commands,
      // The split modes (split-modes.ts's SPLIT_MODE_FORM and BUNDLE_FORM).
      ...['off', 'separator', 'blank', 'blank-backs', 'page', 'pages', 'bundle'],
      ...SEPARATOR_TYPES.filter((type) => !(DESTINATION_TYPES as readonly string[]).includes(type)),
      ...FileState.options.map(stateWord),
      ...InClearfactsFilter.options,
      // Names: the product, formats, systems, commands and systemd's own word ("lingering").
      ...['clearfacts', 'uploader', 'graphql', 'json', 'pdf', 'png', 'jpeg', 'ctrl-c', 'docker'],
      ...['systemd', 'launchd', 'lingering', 'loopback', 'windows', 'ps', 'e', 'id', 'ids'],
    ].map((word) => word.toLowerCase()),
  );
}

/**
 * Words English shares with the language, spelled the same and meaning the same there (Dutch
 * "of" is "or"): they prove nothing. Each was read in the help where it stands. Dutch says
 * "scope" as its catalogue does everywhere; French says "portée".
 */
const SHARED: Record<'nl' | 'fr', readonly string[]> = {
  nl: [
    ...['in', 'is', 'of', 'n', 'stop', 'start', 'apart', 'document', 'app', 'browser', 'script'],
    ...['argument', 'scope', 'tests', 'benchmarks'],
  ],
  fr: [
    ...['a', 'n', 'documents', 'document', 'traces', 'version', 'standard', 'mode', 'session'],
    ...['destination', 'administration', 'installation', 'files', 'port', 'local', 'script'],
    ...['machine', 'usage', 'option', 'argument', 'secrets', 'tests'],
  ],
};

/** A destination type as the API names it and as English words it. */
const ENGLISH_DESTINATIONS = new Set<string>([
  ...DESTINATION_TYPES,
  ...Object.values(CATALOGUES.en.terms.destination),
  ...Object.values(CATALOGUES.en.terms.archiveType),
]);

test('the nl and fr help texts use English only where the user types it', () => {
  const english = helpsIn('en');
  const typed = typedOrNames(english);
  const found: string[] = [];
  try {
    for (const language of ['nl', 'fr'] as const) {
      const helps = helpsIn(language);
      // The destination words this language lists for `--type`, which its prose must use too.
      const destinationWords = new Set([
        ...Object.values(CATALOGUES[language].terms.destination),
        ...Object.values(CATALOGUES[language].terms.archiveType),
      ]);
      for (const [command, help] of helps) {
        // A destination among the choices commander quotes is listed by this language's word.
        for (const [, value = ''] of help.matchAll(/"([^"]*)"/g)) {
          if (ENGLISH_DESTINATIONS.has(value) && !destinationWords.has(value)) {
            found.push(`${language} \`${command} --help\`: choice ${value}`);
          }
        }
        const vocabulary = new Set(words(prose(english.get(command) ?? '')));
        for (const word of new Set(words(prose(help)))) {
          if (!vocabulary.has(word) || typed.has(word) || destinationWords.has(word)) continue;
          if (SHARED[language].includes(word)) continue;
          found.push(`${language} \`${command} --help\`: ${word}`);
        }
      }
    }
  } finally {
    useSettingsLanguage('system');
  }
  assert.deepEqual(found, []);
});
