// The history filter as a WHERE clause that the indexes serve (state, company, destination,
// detected date); name search compares folded names.
import type { HistoryFilter } from '../../contract/domain.ts';
import { foldForSearch } from './search-name.ts';

export class InvalidHistoryFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidHistoryFilterError';
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date alone means that whole local day; anything else must be an ISO date-time. */
function parseBoundary(value: string, field: 'from' | 'to'): number {
  const dateOnly = DATE_ONLY.test(value);
  const ms = dateOnly ? new Date(`${value}T00:00:00`).getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InvalidHistoryFilterError(
      `The ${field} date "${value}" is not a date: use YYYY-MM-DD or an ISO date-time.`,
    );
  }
  // `to` is inclusive: through the end of that day when only a day is given.
  return field === 'to' && dateOnly ? ms + DAY_MS : ms;
}

/** `%text%` for LIKE, folded like the stored names, with LIKE's own characters escaped. */
function likePattern(text: string): string {
  return `%${foldForSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "1210.50", "1210,50" or "1.210,50" as a number, when the search looks like an amount. */
function parseAmount(text: string): number | null {
  if (!/^-?\d{1,3}([.\s]?\d{3})*([.,]\d{1,2})?$/.test(text)) return null;
  const decimal = /[.,]\d{1,2}$/.exec(text);
  const whole = (decimal === null ? text : text.slice(0, decimal.index)).replace(/[.\s]/g, '');
  return Number(`${whole}${decimal === null ? '' : `.${decimal[0].slice(1)}`}`);
}

export function historyFilterToSql(filter: HistoryFilter): {
  where: string;
  params: (string | number)[];
} {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.states && filter.states.length > 0) {
    clauses.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (filter.parentId !== undefined) {
    clauses.push('parent_id = ?');
    params.push(filter.parentId);
  }
  if (filter.companyNumber) {
    clauses.push('company_number = ?');
    params.push(filter.companyNumber);
  }
  if (filter.destinationType) {
    clauses.push('destination_type = ?');
    params.push(filter.destinationType);
  }
  if (filter.from) {
    clauses.push('detected_at >= ?');
    params.push(parseBoundary(filter.from, 'from'));
  }
  if (filter.to) {
    const to = parseBoundary(filter.to, 'to');
    const dateOnly = DATE_ONLY.test(filter.to);
    clauses.push(dateOnly ? 'detected_at < ?' : 'detected_at <= ?');
    params.push(to);
  }
  const search = filter.search?.trim();
  if (search) {
    // A scan of short columns: about 10 ms at 100,000 rows, and inserts stay cheap. The search
    // box also finds an e-invoice by supplier, number or amount.
    const like = likePattern(search);
    const amount = parseAmount(search);
    clauses.push(
      `(search_name LIKE ? ESCAPE '\\' OR invoice_supplier LIKE ? ESCAPE '\\'
        OR lower(invoice_number) LIKE ? ESCAPE '\\'${amount === null ? '' : ' OR invoice_amount = ?'})`,
    );
    params.push(like, like, like, ...(amount === null ? [] : [amount]));
  }
  if (filter.supplier?.trim()) {
    clauses.push(`invoice_supplier LIKE ? ESCAPE '\\'`);
    params.push(likePattern(filter.supplier.trim()));
  }
  if (filter.invoiceNumber?.trim()) {
    clauses.push(`lower(invoice_number) LIKE ? ESCAPE '\\'`);
    params.push(likePattern(filter.invoiceNumber.trim()));
  }
  if (filter.amountMin !== undefined) {
    clauses.push('invoice_amount >= ?');
    params.push(filter.amountMin);
  }
  if (filter.amountMax !== undefined) {
    clauses.push('invoice_amount <= ?');
    params.push(filter.amountMax);
  }
  if (filter.inClearfacts === 'archive') {
    // The rows whose cell says so (contract/in-clearfacts.ts): delivered, not only given a uuid.
    clauses.push(
      `destination_type IN ('various', 'permanent') AND uuid IS NOT NULL
        AND state IN ('uploaded', 'archived')`,
    );
  } else if (filter.inClearfacts === 'unchecked') {
    clauses.push(
      `cf_status IS NULL AND uuid IS NOT NULL AND destination_type IN ('purchase', 'sale')
        AND state IN ('uploaded', 'archived')`,
    );
  } else if (filter.inClearfacts !== undefined) {
    clauses.push('cf_status = ?');
    params.push(filter.inClearfacts);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
