// Commander's own words in the CLI's language: the help's titles, usage words and value notes,
// the help option and command, and what it says about a wrong command line. Commander has no
// translations; it documents `configureHelp`, `configureOutput`, `helpOption`, `helpCommand` and
// `showHelpAfterError` for replacing its words (commander 15 Readme, "Custom help"). Its error
// sentences are fixed English with the specifics in quotes (lib/command.js), so they are matched
// here and said again from the catalogues.
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import type { Terms } from '../contract/messages/message.ts';
import { msg } from '../contract/messages/msg.ts';
import type { Message } from '../contract/messages/message.ts';
import { cliTerm, inCliLanguage } from './cli-language.ts';

type CliHelpKey = keyof Terms['cliHelp'];

/** A description of the help (a command's, an option's) in the CLI's language. */
export function helpText(key: CliHelpKey): string {
  return cliTerm('cliHelp', key);
}

/** Commander's section titles, as `formatHelp` passes them to `styleTitle`. */
const TITLES: Readonly<Record<string, CliHelpKey>> = {
  'Usage:': 'title_usage',
  'Arguments:': 'title_arguments',
  'Options:': 'title_options',
  'Global Options:': 'title_global_options',
  'Commands:': 'title_commands',
};

/** A private-use character: not white space to commander's wrapping, and in no catalogue. */
const UNBREAKABLE = '\uE000';

/** An item's description with its notes (choices, default) as commander adds them. */
function withNotes(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const said = `(${notes.join(', ')})`;
  return description === '' ? said : `${description} ${said}`;
}

function choicesNote(choices: readonly string[] | undefined): string[] {
  return choices === undefined
    ? []
    : [
        `${helpText('extra_choices')} ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      ];
}

function defaultNote(value: unknown, described: string | undefined): string[] {
  // The term carries its colon: French writes a space before it ("par défaut : …").
  return [`${helpText('extra_default')} ${described ?? JSON.stringify(value)}`];
}

/**
 * The help's overrides: titles, `[options]`/`[command]` in the usage line and the command list,
 * and the notes after
 * a description, which commander writes as `(choices: …, default: …)`. Which defaults are shown
 * follows commander's `Help.optionDescription`: those of options that take a value, and booleans.
 */
export const HELP_IN_CLI_LANGUAGE: HelpConfiguration = {
  // Commander leaves a description unwrapped when its column is under 40 characters: in a
  // 60-column terminal every line then ran to 100-400 characters and the terminal broke it at
  // column 0. A column of 20 or more reads better wrapped.
  minWidthToWrap: 20,
  boxWrap(this: Help, text: string, width: number): string {
    // French writes a space before : ; ! ? and » ("par défaut : …", "5 à 600 ; 30"); commander
    // wraps at any white space, so that space is hidden from it as one character it does not
    // break at, then given back.
    return Help.prototype.boxWrap
      .call(this, text.replace(/ (?=[:;!?»])/g, UNBREAKABLE), width)
      .replaceAll(UNBREAKABLE, ' ');
  },
  styleTitle(title: string): string {
    const key = TITLES[title];
    return key === undefined ? title : helpText(key);
  },
  commandUsage(this: Help, command: Command): string {
    return Help.prototype.commandUsage
      .call(this, command)
      .split(' ')
      .map((word) =>
        word === '[options]'
          ? helpText('usage_options')
          : word === '[command]'
            ? helpText('usage_command')
            : word,
      )
      .join(' ');
  },
  subcommandTerm(this: Help, command: Command): string {
    return Help.prototype.subcommandTerm
      .call(this, command)
      .replace(/^(\S+) \[options\]/, `$1 ${helpText('usage_options')}`);
  },
  optionDescription(option: Option): string {
    const showDefault =
      option.defaultValue !== undefined &&
      (option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean'));
    return withNotes(option.description, [
      ...choicesNote(option.argChoices),
      ...(showDefault ? defaultNote(option.defaultValue, option.defaultValueDescription) : []),
    ]);
  },
  argumentDescription(argument: Argument): string {
    return withNotes(argument.description, [
      ...choicesNote(argument.argChoices),
      ...(argument.defaultValue === undefined
        ? []
        : defaultNote(argument.defaultValue, argument.defaultValueDescription)),
    ]);
  },
};

/** A reason given with an invalid value: commander's list of choices, or one of ours. */
function reasonOf(reason: string): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
  return choices ? inCliLanguage(msg('cli_usage_choices', { choices: choices[1] ?? '' })) : reason;
}

/** "(Did you mean --json?)" after an unknown option or command, when commander has one. */
function suggestionOf(rest: string | undefined): string {
  const suggestion = /\(Did you mean (?:one of )?(.*)\?\)/s.exec(rest ?? '')?.[1];
  return suggestion === undefined
    ? ''
    : `\n${inCliLanguage(msg('cli_usage_did_you_mean', { suggestion }))}`;
}

/** Commander's error sentences (commander 15, lib/command.js), each with its specifics. */
const ERRORS: readonly [RegExp, (match: RegExpExecArray) => Message][] = [
  [
    /^error: unknown option ('.*?')(\n.*)?$/s,
    (m) => msg('cli_usage_unknown_option', { option: m[1] ?? '' }),
  ],
  [
    /^error: unknown command ('.*?')(\n.*)?$/s,
    (m) => msg('cli_usage_unknown_command', { command: m[1] ?? '' }),
  ],
  [
    /^error: missing required argument ('.*')$/s,
    (m) => msg('cli_usage_missing_argument', { argument: m[1] ?? '' }),
  ],
  [
    /^error: option ('.*') argument missing$/s,
    (m) => msg('cli_usage_option_missing_argument', { option: m[1] ?? '' }),
  ],
  [
    /^error: required option ('.*') not specified$/s,
    (m) => msg('cli_usage_missing_option', { option: m[1] ?? '' }),
  ],
  [
    /^error: too many arguments.*? but got \d+: (.*)\.$/s,
    (m) => msg('cli_usage_too_many_arguments', { received: m[1] ?? '' }),
  ],
  [
    /^error: option ('.*?') argument ('.*?') is invalid\. (.*)$/s,
    (m) =>
      msg('cli_usage_invalid_value', {
        option: m[1] ?? '',
        value: m[2] ?? '',
        reason: reasonOf(m[3] ?? ''),
      }),
  ],
  [
    /^error: command-argument value ('.*?') is invalid for argument ('.*?')\. (.*)$/s,
    (m) =>
      msg('cli_usage_invalid_value', {
        option: m[2] ?? '',
        value: m[1] ?? '',
        reason: reasonOf(m[3] ?? ''),
      }),
  ],
];

/**
 * What commander says about a wrong command line, in the CLI's language. A sentence this
 * commander does not write (a future version's) is passed on as it is.
 */
export function commanderErrorInCliLanguage(text: string): string {
  const sentence = text.replace(/\n$/, '');
  for (const [pattern, message] of ERRORS) {
    const match = pattern.exec(sentence);
    if (match === null) continue;
    const suggestion = message(match).code.startsWith('cli_usage_unknown_')
      ? suggestionOf(match[2])
      : '';
    return `${inCliLanguage(message(match))}${suggestion}\n`;
  }
  return text;
}

/**
 * The help's width in columns: `COLUMNS` when it holds a positive whole number (POSIX names it the
 * user's preferred width; GNU ls reads it too when its output is piped, so `--help | less` keeps
 * the terminal's width), else the terminal's own width, else commander's 80.
 */
function helpWidth(stream: NodeJS.WriteStream): number {
  const columns = Number(process.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY ? stream.columns : 80;
}

/**
 * Gives `program` (and the commands added to it afterwards, which inherit these settings) the
 * CLI's language: call before adding commands. What commander writes to stderr (its errors, in
 * the CLI's language, and help asked for by a wrong command line) goes to `writeErr`, which must
 * redact it: commander echoes what was typed, which may be a token.
 */
export function speakCliLanguage(program: Command, writeErr: (text: string) => void): Command {
  return program
    .helpOption('-h, --help', helpText('help_option'))
    .helpCommand(`help ${helpText('usage_command')}`, helpText('help_command'))
    .configureHelp(HELP_IN_CLI_LANGUAGE)
    .configureOutput({
      writeErr,
      getOutHelpWidth: () => helpWidth(process.stdout),
      getErrHelpWidth: () => helpWidth(process.stderr),
      outputError: (text) => writeErr(commanderErrorInCliLanguage(text)),
    })
    .showHelpAfterError(inCliLanguage(msg('cli_help_after_error')));
}
