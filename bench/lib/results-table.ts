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

/**
 * The upper bound of a one-sided confidence interval for the q-quantile of the distribution the
 * numbers were drawn from: the smallest order statistic X(u) with P(Binomial(n, q) ≤ u - 1) ≥
 * `confidence`, distribution-free (Hahn & Meeker, "Statistical Intervals", 2nd ed., §5.2). With
 * 60 numbers, q 0.95 and confidence 0.95 it is the largest; with 120, the second largest; with
 * fewer than 59 there is none (even the largest falls short of the confidence): null. It answers
 * "could the true q-quantile be this high?", where comparing two nearest-rank p95s of the same
 * distribution says "higher" half the time.
 */
export function quantileUpperBound(
  values: readonly number[],
  q: number,
  confidence: number,
): number | null {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  // P(Binomial(n, q) = k), summed in log space so (1 - q)^n cannot underflow.
  let logChoose = 0;
  let cumulative = 0;
  for (let k = 0; k < n; k += 1) {
    if (k > 0) logChoose += Math.log((n - k + 1) / k);
    cumulative += Math.exp(logChoose + k * Math.log(q) + (n - k) * Math.log(1 - q));
    // P(X ≤ k) ≥ confidence: the bound is X(k + 1), 1-based.
    if (cumulative >= confidence) return sorted[k] as number;
  }
  return null;
}

/** The value at quantile q (0..1) of the numbers, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
