// The help's own sections after commander's (exit codes, environment), laid out and wrapped as
// commander lays out its options, at the terminal's width. The catalogues once wrapped them by
// hand for English: at 80 columns the French environment section ran to 88 characters and the
// Dutch one to 88, so the terminal broke their words wherever the line ran out.
import type { Command } from 'commander';

/** One line of a section: `term` (an exit code, a variable) and what it means. */
interface HelpItem {
  term: string;
  description: string;
}

/**
 * A section as the catalogues write it: a title line, then one `  <term>  <description>` line an
 * item (two spaces or more between them). Throws on any other line: a catalogue's text is ours.
 */
function parseSection(text: string): { title: string; items: HelpItem[] } {
  const [title = '', ...lines] = text.split('\n');
  const items = lines.map((line) => {
    const match = /^ +(\S+) {2,}(\S.*)$/.exec(line);
    if (match === null) throw new Error(`not a help item: ${JSON.stringify(line)}`);
    return { term: match[1] ?? '', description: match[2] ?? '' };
  });
  return { title, items };
}

/**
 * `text`, a help section as the catalogues write it (see parseSection), formatted for `command`'s
 * help: its terms in one column, its descriptions wrapped by commander's `formatItem` (with the
 * CLI's `boxWrap`, which keeps French " :" together) at the width commander uses for that output
 * (the terminal's columns; 80 when not a terminal).
 */
export function formatHelpSection(command: Command, error: boolean, text: string): string {
  const output = command.configureOutput();
  const helpWidth = error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.();
  const helper = command.createHelp();
  helper.prepareContext({ error, helpWidth });
  const { title, items } = parseSection(text);
  const termWidth = Math.max(...items.map((item) => helper.displayWidth(item.term)));
  const formatted = items.map((item) =>
    helper.formatItem(item.term, termWidth, item.description, helper),
  );
  return [title, ...formatted].join('\n');
}
