/** Small statistics for the balance report: means, rounding, quantiles and percentiles of scores. */

export const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
export const round1 = (x: number) => Math.round(x * 10) / 10;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

/** Share of random scores below x (ties count half), 0–100. */
export function percentile(sorted: readonly number[], x: number): number {
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    if (v < x - 1e-9) below++;
    else if (Math.abs(v - x) <= 1e-9) equal++;
  }
  return round1((100 * (below + equal / 2)) / Math.max(1, sorted.length));
}
