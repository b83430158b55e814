// How the CLI shows things: aligned tables for people, JSON for scripts, one line per file.
import { cliTerm, inCliLanguage } from './cli-language.ts';
import { msg } from '../contract/messages/msg.ts';
import path from 'node:path';
import {
  choiceMessage,
  type Destination,
  type HistoryEntry,
  type HoldChoice,
  UNROUTED_COMPANY_NUMBER,
} from '../contract/domain.ts';
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

/** Where a file goes, in the CLI's language: purchases, sales, or an archive type and category. */
export function describeDestination(destination: Destination): string {
  return 'categoryId' in destination
    ? inCliLanguage(
        msg('cli_destination_archive', {
          archiveType: destination.type,
          categoryId: destination.categoryId,
        }),
      )
    : cliTerm('destination', destination.type);
}

/**
 * What an e-invoice is, in the CLI's language ("factuur F-1 van Brouwerij NV"): its kind, number
 * (BT-1) and supplier (its name, else the number it gives); null for any other file.
 */
export function describeEInvoice(entry: Pick<HistoryEntry, 'eInvoice'>): string | null {
  const summary = entry.eInvoice;
  if (summary === null || summary === undefined) return null;
  const { supplier } = summary;
  const params = {
    eInvoiceKind: summary.documentType,
    supplier:
      supplier.name ?? supplier.vatNumber ?? supplier.companyNumber ?? supplier.endpoint ?? '?',
  };
  return inCliLanguage(
    summary.number === null
      ? msg('cli_e_invoice_no_number', params)
      : msg('cli_e_invoice', { ...params, number: summary.number }),
  );
}

/**
 * The history table's "why" cell: what the file is when it is an e-invoice, then why it failed
 * or waits (a hold's reason), else the uuid Clearfacts gave it.
 */
export function historyReason(entry: HistoryEntry): string {
  const why = entry.failure
    ? inCliLanguage(entry.failure.message)
    : entry.hold
      ? inCliLanguage(entry.hold.reason)
      : entry.uuid
        ? `uuid ${entry.uuid}`
        : '';
  return [describeEInvoice(entry), why].filter((part) => part !== null && part !== '').join(': ');
}

/** The word for a row's state in the history table, from the catalogue's state words. */
export function stateLabel(entry: HistoryEntry): string {
  return cliTerm('state', entry.state);
}

/** A line's leading state word, padded so the names after it line up (history, `watch`). */
export function lead(word: string): string {
  return word.padEnd(12);
}

/** The flags of `choose` that answer `choice`; a picked administration is the user's to fill in. */
function chooseFlags(choice: HoldChoice): string {
  switch (choice.kind) {
    case 'send_to':
      return `--send-to ${choice.companyNumber} --type ${choice.destination}`;
    case 'send_here':
      return '--here';
    case 'pick_administration':
      return '--send-to <company> --type purchase|sale';
  }
}

/**
 * Where a file goes: its administration's number and tray; an e-invoice inbox's file that its
 * parties have not routed yet (UNROUTED_COMPANY_NUMBER, no company's number) goes to "the inbox".
 */
export function describeTarget(entry: HistoryEntry): string {
  if (entry.companyNumber === UNROUTED_COMPANY_NUMBER)
    return inCliLanguage(msg('cli_folder_inbox'));
  return `${entry.companyNumber} ${describeDestination(entry.destination)}`;
}

/**
 * What happened to a file, as describeEntryLines says it, in one text (a held file's choices on
 * lines of their own), for output that keeps line breaks as they are (the watch's live view).
 */
export function describeEntry(entry: HistoryEntry): string {
  return describeEntryLines(entry).join('\n');
}

/**
 * Prints describeEntryLines one printLine each: a line break inside one printed line would be
 * marked as an invisible character, not broken.
 */
export function printEntry(entry: HistoryEntry): void {
  for (const line of describeEntryLines(entry)) printLine(line);
}

/**
 * One line that says what happened to a file and, when it did not arrive, why; a held file has
 * one more line for each choice, with the command that makes it.
 */
export function describeEntryLines(entry: HistoryEntry): string[] {
  return entry.state === 'held' ? describeHeld(entry) : [describeOne(entry)];
}

/** A held file: why, then each choice with its command. */
function describeHeld(entry: HistoryEntry): string[] {
  const name = entry.fileName;
  const choices = (entry.hold?.choices ?? []).map(
    (choice) =>
      `             \`choose ${entry.id} ${chooseFlags(choice)}\`: ${inCliLanguage(choiceMessage(choice))}`,
  );
  // Every hold can be dismissed, even one that proposes no administration (#18 F7).
  if (entry.dismissedAt === null || entry.dismissedAt === undefined) {
    choices.push(
      `             \`dismiss ${entry.id}\`: ${inCliLanguage(msg('cli_dismiss_choice'))}`,
    );
  }
  return [
    `${lead(cliTerm('state', 'held'))} ${name}: ${entry.hold ? inCliLanguage(entry.hold.reason) : ''}`,
    ...choices,
  ];
}

/** The notes of a batch that was cut (its parts carry the uuids), not sent whole. */
const CUT_NOTES = new Set([
  'split_into_parts',
  'split_into_parts_blank',
  'split_blank_backs_left_out',
]);

/** Any file that is not held: one line. */
function describeOne(entry: HistoryEntry): string {
  const name = entry.fileName;
  const target = describeTarget(entry);
  switch (entry.state) {
    case 'uploaded':
    case 'archived': {
      const receipt = [
        // A file of a combined document has no uuid of its own: it went in that document; nor
        // has a batch cut into parts (each part has its own), which the user never marked done.
        entry.uuid ??
          (entry.bundleId !== null && entry.bundleId !== undefined
            ? inCliLanguage(msg('cli_combined_into', { id: entry.bundleId }))
            : CUT_NOTES.has(entry.splitNote?.code ?? '')
              ? cliTerm('state', 'split')
              : inCliLanguage(msg('cli_marked_done'))),
        ...(entry.pages === null ? [] : [inCliLanguage(msg('cli_pages', { count: entry.pages }))]),
        // What the upload carried, counted as the body handed it to fetch (#14 finding 12).
        ...(entry.sentBytes === null || entry.sentBytes === undefined
          ? []
          : [inCliLanguage(msg('cli_bytes_sent', { sizeBytes: entry.sentBytes }))]),
        ...(entry.archivedPath
          ? [inCliLanguage(msg('cli_moved_to', { folder: path.dirname(entry.archivedPath) }))]
          : []),
      ].join(', ');
      const note = entry.failure ? ` (${inCliLanguage(entry.failure.message)})` : '';
      return `${lead(cliTerm('state', 'uploaded'))} ${name} → ${target} (${receipt})${note}`;
    }
    case 'failed':
    case 'unconfirmed': {
      const detail = entry.failure?.detail ? ` [${entry.failure.detail}]` : '';
      return `${lead(cliTerm('state', entry.state))} ${name}: ${entry.failure ? inCliLanguage(entry.failure.message) : ''}${detail}`;
    }
    case 'duplicate':
      return entry.hold
        ? `${lead(cliTerm('state', 'duplicate'))} ${name}: ${inCliLanguage(entry.hold.reason)} (${inCliLanguage(msg('cli_resend_forces', { id: entry.id }))})`
        : `${lead(cliTerm('state', 'duplicate'))} ${name}: ${inCliLanguage(msg('cli_duplicate_sent_before', { companyNumber: entry.companyNumber, id: entry.id }))}`;
    case 'ready':
      return entry.failure
        ? `${lead(inCliLanguage(msg('cli_retrying')))} ${name}: ${inCliLanguage(entry.failure.message)}`
        : `${lead(cliTerm('state', 'ready'))} ${name} → ${target}`;
    default:
      return `${lead(cliTerm('state', entry.state))} ${name}`;
  }
}
