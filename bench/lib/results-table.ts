// The one table `npm run bench` prints: each figure beside what it is compared with in the same
// run, its target and whether it met it.
export interface ResultRow {
  area: string;
  measure: string;
  result: string;
  comparedWith: string;
  target: string;
  /** null: informational, no target of its own. */
  pass: boolean | null;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function renderTable(rows: readonly ResultRow[]): string {
  const header = ['Area', 'Measure', 'Result', 'Compared with (same run)', 'Target', 'Pass'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const verdict = row.pass === null ? '—' : row.pass ? 'pass' : '**FAIL**';
      const cells = [row.area, row.measure, row.result, row.comparedWith, row.target, verdict];
      return `| ${cells.map(escapeCell).join(' | ')} |`;
    }),
  ];
  return lines.join('\n');
}

export function megabytes(bytes: number): string {
  const value = bytes / 1024 ** 2;
  return `${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} MB`;
}

export function milliseconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

/** The value at quantile q (0..1) of the numbers, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
