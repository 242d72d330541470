/**
 * Sensitivity of the tipping point (the SSD $/TB at which flash breaks even over the horizon) to
 * each input, moved one at a time by ±20 % (a "tornado"): which inputs the answer hangs on, so an
 * argument about, say, rack kW can be settled by seeing how far that input actually moves it.
 *
 * Pure, like the model it runs (src/lib/tco/tco.ts): the build renders the table and the text
 * alternative with it, and the calculator script re-runs it in the browser on every change.
 * The second half turns the result into the table HTML, the chart series and the one-sentence text
 * alternative (with the labels and formats of src/lib/tco/tco-view.ts, which imports no schema code).
 */
import {
  computeTco,
  validateTcoInputs,
  type MediumParam,
  type ScenarioParam,
  type TcoInputs,
} from './tco.ts';
import { escapeHtml, fieldOf, FIELDS, formatInput, getValue, num, perTB, withValues, type FieldKey } from './tco-view.ts';
import { lowerFirst } from '../format/text.ts';

// ---------------------------------------------------------------------------------------------
// Which inputs are moved, and how
// ---------------------------------------------------------------------------------------------

/** How far each input is moved either way: 20 %. */
export const SENSITIVITY_STEP = 0.2;
/** How many inputs the tornado shows by default. */
export const SENSITIVITY_TOP = 10;

/**
 * Inputs left out of the tornado, with the reason (shown under the table). Every other input is
 * moved by ±20 %, adjusted as {@link ADJUST} says.
 */
export const SKIPPED: Readonly<Partial<Record<FieldKey, string>>> = {
  'scenario.years':
    'the horizon is the period the break-even price is defined over, a whole number of years: changing it asks a different question rather than testing an input',
  'scenario.dutyIdle': 'the three duty-cycle shares must sum to 1, so one cannot move alone',
  'scenario.dutyRead': 'the three duty-cycle shares must sum to 1, so one cannot move alone',
  'scenario.dutyWrite': 'the three duty-cycle shares must sum to 1, so one cannot move alone',
  'ssd.pricePerTB': 'the tipping point is itself an SSD price per TB and does not depend on the quoted one',
};

/** Short reasons for {@link SKIPPED}, grouped, for the note under the table. */
const SKIPPED_NOTE =
  'Not moved: the horizon (the break-even is defined over it), the three duty-cycle shares (they must sum to 1) and the SSD price per TB (the tipping point is that price).';

type Adjust = (v: number) => number;
const atMost1: Adjust = (v) => Math.min(v, 1);
const atLeast1: Adjust = (v) => Math.max(v, 1);
const wholeAtLeast1: Adjust = (v) => Math.max(1, Math.round(v));

/**
 * How a moved value is kept valid, per parameter (either medium):
 * - `pue`, `protectionOverhead`: ratios that cannot fall below 1, so −20 % stops at 1;
 * - `dataReduction`: below 1 the software would inflate the data, so −20 % stops at 1 (with the
 *   usual 1.0, only +20 % moves it);
 * - `maxFill`, `afr`: fractions, so +20 % stops at 1;
 * - `drivesPerNode`: a whole number of slots, so the moved value is rounded (24 → 19 and 29);
 *   when rounding lands back on the value, that side does not move.
 * Rack units, node height and service life are not rounded: the model uses them as continuous
 * quantities (racks and purchases are counted with ceilings), and a fractional value is a fair
 * "density" or "life" sensitivity.
 */
const ADJUST: Readonly<Partial<Record<ScenarioParam | MediumParam, Adjust>>> = {
  pue: atLeast1,
  protectionOverhead: atLeast1,
  dataReduction: atLeast1,
  maxFill: atMost1,
  afr: atMost1,
  drivesPerNode: wholeAtLeast1,
};

/** The inputs the tornado moves, in the model's field order. */
export const SENSITIVITY_FIELDS: readonly FieldKey[] = FIELDS.map((f) => f.key).filter((k) => !(k in SKIPPED));

/**
 * The value an input takes when moved by `factor` (0.8 or 1.2), to 12 significant digits, kept
 * valid as {@link ADJUST} says.
 */
export function movedValue(key: FieldKey, value: number, factor: number): number {
  const param = key.slice(key.indexOf('.') + 1) as ScenarioParam | MediumParam;
  const adjust = ADJUST[param];
  // 12 significant digits drop binary noise (6 × 0.8 is 4.800000000000001), so the value tested is
  // the one a person would type, and typing it gives the same tipping point.
  const v = Number((value * factor).toPrecision(12));
  return adjust ? adjust(v) : v;
}

// ---------------------------------------------------------------------------------------------
// The tornado
// ---------------------------------------------------------------------------------------------

/** One side of a bar: the input's moved value and the tipping point there. */
export interface SensitivitySide {
  /** The input's value on this side (after keeping it valid). */
  value: number;
  /** The tipping point, $ per TB raw, with the input at `value`; ≤ 0 means no SSD price breaks even. */
  tipping: number;
}

export interface SensitivityBar {
  key: FieldKey;
  /** The input's value in the scenario being tested. */
  base: number;
  /** Input at −20 %; null when the moved value could not be modelled. */
  low: SensitivitySide | null;
  /** Input at +20 %; null when the moved value could not be modelled. */
  high: SensitivitySide | null;
  /**
   * How far the tipping point spreads, in $/TB: the largest minus the smallest of the tipping
   * points at base, −20 % and +20 %. For an input that moves it one way on each side this is
   * |high − low|; it stays honest when a step in a count makes both sides move the same way.
   */
  swing: number;
}

export interface Sensitivity {
  /** The tipping point with every input as given, $ per TB raw. */
  base: number;
  /** The inputs with the largest swing, largest first (ties in field order). */
  bars: SensitivityBar[];
  /** How many inputs were moved in all (the bars are the top ones). */
  tested: number;
}

const tippingOf = (inputs: TcoInputs) => computeTco(inputs).tippingPoint.ssdPricePerTB;

/**
 * Moves each input of {@link SENSITIVITY_FIELDS} by −20 % and +20 %, one at a time, recomputes the
 * tipping point, and returns the `top` inputs that move it most. Expects inputs that
 * validateTcoInputs accepts (the base tipping point is NaN otherwise).
 */
export function tippingSensitivity(inputs: TcoInputs, top = SENSITIVITY_TOP): Sensitivity {
  const base = tippingOf(inputs);
  const side = (key: FieldKey, factor: number): SensitivitySide | null => {
    const value = movedValue(key, getValue(inputs, key), factor);
    const moved = withValues(inputs, { [key]: value });
    if (validateTcoInputs(moved).length) return null;
    return { value, tipping: tippingOf(moved) };
  };
  const all = SENSITIVITY_FIELDS.map((key, order) => {
    const low = side(key, 1 - SENSITIVITY_STEP);
    const high = side(key, 1 + SENSITIVITY_STEP);
    const points = [base, ...(low ? [low.tipping] : []), ...(high ? [high.tipping] : [])];
    const swing = Math.max(...points) - Math.min(...points);
    return { bar: { key, base: getValue(inputs, key), low, high, swing }, order };
  });
  all.sort((a, b) => b.bar.swing - a.bar.swing || a.order - b.order);
  return { base, bars: all.slice(0, Math.max(0, top)).map((x) => x.bar), tested: all.length };
}

// ---------------------------------------------------------------------------------------------
// What the page shows
// ---------------------------------------------------------------------------------------------

/** A tipping point as shown: a price per TB, or "none" when no SSD price breaks even. */
export function tippingText(p: number): string {
  return p > 0 ? perTB(p) : `none (${perTB(p)})`;
}

/** A price per TB without the unit, for the table whose caption states it: "$36.36", "none (-$3.50)". */
const priceText = (p: number) => tippingText(p).replace(/\/TB/g, '');

const label = (key: FieldKey) => fieldOf(key)?.fullLabel ?? key;
const valueText = (key: FieldKey, v: number) => `${num(v, 4)} ${fieldOf(key)?.unit ?? ''}`.trim();

/** The one-sentence text alternative of the tornado chart. */
export function sensitivityAlt(s: Sensitivity): string {
  const moving = s.bars.filter((b) => b.swing > 0);
  const [first, ...rest] = moving;
  if (!first) {
    return `No input moved by ±20 % changes the tipping point (${tippingText(s.base)}); the table beside the chart lists the inputs tested.`;
  }
  const range = (b: SensitivityBar) =>
    `${b.low ? tippingText(b.low.tipping) : 'not modelled'} at −20 % and ${b.high ? tippingText(b.high.tipping) : 'not modelled'} at +20 %`;
  const next = rest.slice(0, 2).map((b) => `${lowerFirst(label(b.key))} (a swing of ${perTB(b.swing)})`);
  return (
    `The tipping point (${tippingText(s.base)}) moves most with ${lowerFirst(label(first.key))}: ${range(first)}` +
    (next.length ? `; next come ${next.join(' and ')}` : '') +
    '; the table beside the chart gives every figure.'
  );
}

/** Which medium costs less when SSD is quoted at `quote` and breaks even at `tipping` ($/TB). */
const cheaperAt = (quote: number, tipping: number) => (quote < tipping ? 'ssd' : quote > tipping ? 'hdd' : 'equal');

/**
 * The data table of the tornado chart (what prints and what screen readers read). With the quoted
 * SSD price, a tipping point on the other side of it from today's is tagged "flips" (the cheaper
 * medium changes).
 */
export function renderSensitivityTable(s: Sensitivity, quote?: number): string {
  const flips = (t: number) => quote !== undefined && cheaperAt(quote, t) !== cheaperAt(quote, s.base);
  const side = (x: SensitivitySide | null) =>
    x
      ? `<td class="num" data-value="${escapeHtml(formatInput(x.value))}" data-tipping="${x.tipping}">` +
        `<span class="tco-sens__tp">${priceText(x.tipping)}</span><br><span class="tco-small">at ${escapeHtml(num(x.value, 4))}</span>` +
        `${flips(x.tipping) ? '<br><span class="tco-tag tco-tag--flip">flips</span>' : ''}</td>`
      : `<td class="num">not valid</td>`;
  return (
    `<table class="tco-data tco-sens" data-base="${s.base}">` +
    `<caption>Tipping point ($ per TB) with each input moved ±20 %: the ${s.bars.length} of ${s.tested} inputs that move it most ` +
    `(now <span class="tco-sens__base">${tippingText(s.base)}</span>` +
    `${quote !== undefined ? `; SSD quoted at ${perTB(quote)}` : ''})</caption>` +
    `<thead><tr><th scope="col">Input</th><th scope="col" class="num">Input −20 %</th>` +
    `<th scope="col" class="num">Input +20 %</th><th scope="col" class="num">Swing</th></tr></thead><tbody>` +
    s.bars.map((b) =>
      `<tr data-field="${b.key}"><th scope="row">${escapeHtml(label(b.key))}<br><span class="tco-small">now ${escapeHtml(valueText(b.key, b.base))}</span></th>` +
      side(b.low) +
      side(b.high) +
      `<td class="num">${priceText(b.swing)}</td></tr>`).join('') +
    `</tbody></table>` +
    `<p class="tco-small tco-sens__note">Each cell gives the tipping point with that input moved, and the value it was moved to; ` +
    `every other input as above.${quote !== undefined ? ' <strong>flips</strong>: the tipping point moves to the other side of the SSD quote, so the cheaper medium changes.' : ''} ${SKIPPED_NOTE} ` +
    `Fractions stop at 1, ratios that cannot fall below 1 stop there, drives per node are rounded to whole drives.</p>`
  );
}

/** The chart's series: one row per bar, each side drawn from the base tipping point to its value. */
export interface SensitivityChartData {
  base: number;
  /** The quoted SSD price, $/TB, drawn as a second reference line (bars crossing it flip the verdict). */
  quote: number | null;
  labels: string[];
  /** [base, tipping at −20 %] per row; null where that side could not be modelled. */
  low: ([number, number] | null)[];
  /** [base, tipping at +20 %] per row. */
  high: ([number, number] | null)[];
  /** The moved input values, for tooltips ("at 11.2 kW IT load per rack"). */
  lowValue: (string | null)[];
  highValue: (string | null)[];
  alt: string;
}

export function sensitivityChartData(s: Sensitivity, quote?: number): SensitivityChartData {
  return {
    base: s.base,
    quote: quote ?? null,
    labels: s.bars.map((b) => label(b.key)),
    low: s.bars.map((b) => (b.low ? [s.base, b.low.tipping] : null)),
    high: s.bars.map((b) => (b.high ? [s.base, b.high.tipping] : null)),
    lowValue: s.bars.map((b) => (b.low ? valueText(b.key, b.low.value) : null)),
    highValue: s.bars.map((b) => (b.high ? valueText(b.key, b.high.value) : null)),
    alt: sensitivityAlt(s),
  };
}
