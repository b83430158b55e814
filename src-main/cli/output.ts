// How the CLI shows things: aligned tables for people, JSON for scripts, one line per file.
import { inCliLanguage } from './cli-language.ts';
import path from 'node:path';
import { choiceMessage, type Destination, type HistoryEntry } from '../contract/domain.ts';
import { markInvisible } from '../contract/file-names.ts';
import { redact } from '../core/index.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
}

/** One line for people: redacted, and invisible or reordering characters (in names) marked. */
export function printLine(line: string): void {
  process.stdout.write(`${markInvisible(redact(line))}\n`);
}

/** Columns padded to their widest cell; the last column is never padded. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  printLine(format(header));
  for (const row of rows) printLine(format(row));
}

export function describeDestination(destination: Destination): string {
  return 'categoryId' in destination
    ? `${destination.type} (${destination.categoryId})`
    : destination.type;
}

const STATE_LABELS: Record<HistoryEntry['state'], string> = {
  detected: 'detected',
  waiting_stability: 'waiting',
  ready: 'queued',
  uploading: 'sending',
  uploaded: 'uploaded',
  archived: 'uploaded',
  failed: 'failed',
  duplicate: 'duplicate',
  unconfirmed: 'unconfirmed',
  held: 'held',
  split: 'split',
};

export function stateLabel(entry: HistoryEntry): string {
  return STATE_LABELS[entry.state];
}

/** One line that says what happened to a file and, when it did not arrive, why. */
export function describeEntry(entry: HistoryEntry): string {
  const name = entry.fileName;
  const target = `${entry.companyNumber} ${describeDestination(entry.destination)}`;
  switch (entry.state) {
    case 'uploaded':
    case 'archived': {
      const pages =
        entry.pages === null ? '' : `, ${entry.pages} page${entry.pages === 1 ? '' : 's'}`;
      const moved = entry.archivedPath ? `, moved to ${path.dirname(entry.archivedPath)}` : '';
      const note = entry.failure ? ` (${inCliLanguage(entry.failure.message)})` : '';
      return `uploaded     ${name} → ${target} (${entry.uuid ?? 'marked done'}${pages}${moved})${note}`;
    }
    case 'failed':
    case 'unconfirmed': {
      const detail = entry.failure?.detail ? ` [${entry.failure.detail}]` : '';
      return `${entry.state.padEnd(12)} ${name}: ${entry.failure ? inCliLanguage(entry.failure.message) : ''}${detail}`;
    }
    case 'duplicate':
      return entry.hold
        ? `duplicate    ${name}: ${inCliLanguage(entry.hold.reason)} (\`resend ${entry.id}\` forces it)`
        : `duplicate    ${name}: the same content was already sent to ${entry.companyNumber}; not sent again (\`resend ${entry.id}\` forces it)`;
    case 'held': {
      const choices = (entry.hold?.choices ?? []).map(
        (choice) =>
          `\n             \`choose ${entry.id} ${choice.kind === 'send_to' ? `--send-to ${choice.companyNumber} --type ${choice.destination}` : '--here'}\`: ${inCliLanguage(choiceMessage(choice))}`,
      );
      return `held         ${name}: ${entry.hold ? inCliLanguage(entry.hold.reason) : ''}${choices.join('')}`;
    }
    case 'ready':
      return entry.failure
        ? `retrying     ${name}: ${inCliLanguage(entry.failure.message)}`
        : `queued       ${name} → ${target}`;
    default:
      return `${stateLabel(entry).padEnd(12)} ${name}`;
  }
}
