/**
 * Numbers as people type them and as people read them: the one parser (TCO calculator, triage,
 * their client scripts) and the one set of formatters (pages, printed kit, slides). Pure.
 */

/** A plain decimal: digits with an optional point and exponent (`60`, `.5`, `-0.2`, `1e6`). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands grouped with commas: `1,000`, `12,500.75`. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
/** A comma used as the decimal mark: `0,5`, `12,75`. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A typed number, or why not: `blank`, `not-a-number`; `hint` says what to write instead when
 * the intent is clear (a decimal comma). Callers phrase the message for their page.
 */
export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; reason: 'blank' | 'not-a-number'; hint?: string };

/**
 * Reads a number as typed. Accepted: a decimal point (`0.5`, `.5`), an exponent (`1e6`), thousands
 * grouped with commas (`1,000,000`), spaces or underscores between digits (`10 000`, `10_000`).
 * Refused: a decimal comma (`0,5`: a comma only groups thousands, so it is read neither as 5 nor
 * as 0.5; the hint says to write 0.5), units or suffixes (`12 TB`, `12.5k`), hex, `Infinity`, blank.
 */
export function readNumber(raw: string | number): NumberReading {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: 'not-a-number' };
  const typed = raw.trim();
  if (typed === '') return { ok: false, reason: 'blank' };
  let s = typed.replace(/(?<=\d)[\s_](?=\d)/g, '');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (DECIMAL.test(s) && Number.isFinite(Number(s))) return { ok: true, value: Number(s) };
  if (DECIMAL_COMMA.test(s)) return { ok: false, reason: 'not-a-number', hint: `write ${s.replace(',', '.')} with a decimal point (a comma only groups thousands, as in 1,000)` };
  return { ok: false, reason: 'not-a-number' };
}

/** The number typed, or undefined when `readNumber` refuses it. */
export function parseNumber(raw: string | number): number | undefined {
  const r = readNumber(raw);
  return r.ok ? r.value : undefined;
}

const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCompact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimals = new Map<number, Intl.NumberFormat>();
const dec = (digits: number) => {
  let f = decimals.get(digits);
  if (!f) decimals.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f;
};

/** Whole dollars: $1,911,844. */
export const money = (n: number) => usd0.format(n);
/** Dollars and cents: $36.36. */
export const cents = (n: number) => usd2.format(n);
/** Money in three significant digits, for summaries and axis labels: $950, $12.5K, $1.91M, $1.05B. */
export const moneyShort = (n: number) => usdCompact.format(n);
/** A price per TB: $36.36/TB. */
export const perTB = (n: number) => `${cents(n)}/TB`;
/** A whole count with thousands separators: 1,200. */
export const count = (n: number) => int.format(n);
/** A number with thousands separators and at most `digits` decimals: 1,234.57. */
export const num = (n: number, digits = 2) => dec(digits).format(n);
/** A fraction as a percentage: 0.25 → "25 %". */
export const percent = (fraction: number, digits = 0) => `${num(fraction * 100, digits)} %`;
