/** The q-th quantile (0..1) by nearest rank: a value that was actually measured. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The median: the figure least moved by a stray slow turn. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The 99th percentile: how bad the occasional slow turn is. */
export function p99(values: readonly number[]): number {
  return quantile(values, 0.99);
}
