/** The q-quantile by the nearest-rank method (NaN for no data). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface Percentiles {
  p50: number;
  p99: number;
  n: number;
}

export function percentiles(xs: readonly number[]): Percentiles {
  return { p50: round(quantile(xs, 0.5)), p99: round(quantile(xs, 0.99)), n: xs.length };
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
