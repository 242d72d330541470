/** The spread of a set of runs, and how figures are rounded for the record. Pure. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/**
 * A figure as recorded: four significant digits, but never fewer than the whole number
 * (12891.46 -> 12891, 4.79349 -> 4.793, 0.309248 -> 0.3092). Run-to-run noise is larger than that.
 */
export function roundFigure(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 1000) return Math.round(x);
  return Number(x.toPrecision(4));
}

/** Median (mean of the two middle values for an even count), min, max and n; each rounded. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: roundFigure(median), min: roundFigure(s[0]!), max: roundFigure(s.at(-1)!), n: s.length };
}
