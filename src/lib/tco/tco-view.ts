/**
 * What the TCO page shows, computed from the model (src/lib/tco/tco.ts): field definitions, URL state,
 * inline errors, the verdict sentences, the §3.5 pitfall warnings, chart series and the HTML of
 * the parts that change when an input changes. Pure (no DOM, no Astro, no clock): the page's
 * frontmatter renders the build-time result with it and the calculator script re-renders the same
 * HTML in the browser, so the two can never disagree.
 *
 * Imports only values from ./tco.ts (never src/schemas, which would pull Zod into the page's JS).
 */
import { escapeHtml, lowerFirst, plural } from '../format/text.ts';
import { cents, count, money, moneyShort, num, parseNumber, percent, perTB, readNumber } from '../format/numbers.ts';
import {
  computeTco,
  DUTY_SUM_FIELD,
  MEDIUM_UNITS,
  SCENARIO_UNITS,
  validateTcoInputs,
  type MediumParam,
  type ScenarioParam,
  type TcoInputs,
  type TcoResult,
} from './tco.ts';

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

export type Group = 'scenario' | 'hdd' | 'ssd';
export type FieldKey = `scenario.${ScenarioParam}` | `hdd.${MediumParam}` | `ssd.${MediumParam}`;

export const GROUPS: readonly Group[] = ['scenario', 'hdd', 'ssd'];
export const GROUP_LABEL: Readonly<Record<Group, string>> = { scenario: 'Scenario', hdd: 'HDD', ssd: 'SSD' };

const SCENARIO_LABEL: Readonly<Record<ScenarioParam, string>> = {
  capacityTB: 'Effective capacity',
  years: 'Horizon',
  requiredGBps: 'Required throughput',
  dutyIdle: 'Share of time idle',
  dutyRead: 'Share of time reading',
  dutyWrite: 'Share of time writing',
  pricePerKWh: 'Electricity price',
  pue: 'PUE',
  energyEscalation: 'Electricity price rise per year',
  rackU: 'Usable units per rack',
  rackKW: 'Power cap per rack',
  rackMonthPrice: 'Rack rent per month',
};

const MEDIUM_LABEL: Readonly<Record<MediumParam, string>> = {
  driveTB: 'Drive capacity',
  pricePerTB: 'Drive price per TB',
  driveGBps: 'Throughput per drive',
  wattsIdle: 'Drive power, idle',
  wattsRead: 'Drive power, reading',
  wattsWrite: 'Drive power, writing',
  drivesPerNode: 'Drives per node',
  nodePrice: 'Node price without drives',
  nodeWatts: 'Node power without drives',
  nodeU: 'Node height',
  afr: 'Annual failure rate',
  replaceCost: 'Fixed cost per failed drive',
  replaceDriveShare: 'Share of the drive price per failure',
  serviceLifeYears: 'Service life',
  dataReduction: 'Data reduction',
  protectionOverhead: 'Protection overhead',
  maxFill: 'Maximum fill',
};

export interface FieldDef {
  /** `group.param`, as in the model's errors and in the URL. */
  key: FieldKey;
  group: Group;
  param: string;
  /** Label within its group ("Drive capacity"). */
  label: string;
  /** Label that names the field on its own ("HDD drive capacity"). */
  fullLabel: string;
  /** The unit the model assumes. */
  unit: string;
  /** DOM id of the input; the error element is `${id}-err`. */
  id: string;
}


function def(group: Group, param: string, label: string, unit: string): FieldDef {
  return {
    key: `${group}.${param}` as FieldKey,
    group,
    param,
    label,
    fullLabel: group === 'scenario' ? label : `${GROUP_LABEL[group]} ${lowerFirst(label)}`,
    unit,
    id: `tco-${group}-${param}`,
  };
}

/** Every input, in the model's order: scenario, then HDD, then SSD. */
export const FIELDS: readonly FieldDef[] = [
  ...(Object.keys(SCENARIO_UNITS) as ScenarioParam[]).map((p) => def('scenario', p, SCENARIO_LABEL[p], SCENARIO_UNITS[p])),
  ...(['hdd', 'ssd'] as const).flatMap((g) =>
    (Object.keys(MEDIUM_UNITS) as MediumParam[]).map((p) => def(g, p, MEDIUM_LABEL[p], MEDIUM_UNITS[p]))),
];

const FIELD_BY_KEY = new Map<string, FieldDef>(FIELDS.map((f) => [f.key, f]));
export const fieldOf = (key: string): FieldDef | undefined => FIELD_BY_KEY.get(key);

/** Id of the element holding the duty-sum error, shared by the three duty inputs. */
export const DUTY_ERROR_ID = 'tco-scenario-duty-err';
export const DUTY_FIELDS: readonly FieldKey[] = ['scenario.dutyIdle', 'scenario.dutyRead', 'scenario.dutyWrite'];

export function getValue(inputs: TcoInputs, key: FieldKey): number {
  const [group, param] = key.split('.') as [Group, string];
  return (inputs[group] as Record<string, number>)[param]!;
}

/** A copy of `inputs` with the given fields replaced. */
export function withValues(inputs: TcoInputs, values: Partial<Record<FieldKey, number>>): TcoInputs {
  const out: TcoInputs = { scenario: { ...inputs.scenario }, hdd: { ...inputs.hdd }, ssd: { ...inputs.ssd } };
  for (const [key, v] of Object.entries(values) as [FieldKey, number][]) {
    const [group, param] = key.split('.') as [Group, string];
    (out[group] as Record<string, number>)[param] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers typed by people, and the URL
// ---------------------------------------------------------------------------------------------

/** How a number is written into an input and the URL: shortest exact form, no exponent for ordinary sizes. */
export function formatInput(n: number): string {
  return String(n);
}

/** Text typed into the inputs, keyed by field; only fields whose text differs from the sourced value. */
export type RawValues = Partial<Record<FieldKey, string>>;

/** Whether typed text means something other than the sourced value (unparseable text counts as changed). */
export function isChanged(raw: string, sourced: number): boolean {
  return parseNumber(raw) !== sourced;
}

/** Only the entries of `raw` that differ from the sourced value, in field order. */
export function changedOnly(raw: RawValues, defaults: TcoInputs): RawValues {
  const out: RawValues = {};
  for (const f of FIELDS) {
    const r = raw[f.key];
    if (r !== undefined && isChanged(r, getValue(defaults, f.key))) out[f.key] = r.trim();
  }
  return out;
}

/** The model's inputs for the typed text: sourced values where nothing was typed; NaN for unparseable text. */
export function inputsFor(defaults: TcoInputs, raw: RawValues): TcoInputs {
  const values: Partial<Record<FieldKey, number>> = {};
  for (const [key, r] of Object.entries(raw) as [FieldKey, string][]) values[key] = parseNumber(r) ?? NaN;
  return withValues(defaults, values);
}

/** State from a query string (`?ssd.pricePerTB=60`): known fields that differ from the sourced value. */
export function stateFromSearch(search: string, defaults: TcoInputs): { raw: RawValues; ignored: string[] } {
  const params = new URLSearchParams(search);
  const raw: RawValues = {};
  const ignored: string[] = [];
  for (const [k, v] of params) {
    if (fieldOf(k)) raw[k as FieldKey] = v;
    else ignored.push(k);
  }
  return { raw: changedOnly(raw, defaults), ignored };
}

/** Query string for the state: changed fields only, in field order; '' when nothing changed. */
export function searchFromState(raw: RawValues, defaults: TcoInputs): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(changedOnly(raw, defaults))) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface FieldProblem {
  /** A field key, or DUTY_SUM_FIELD for the duty cycle as a whole. */
  field: string;
  /** What to show: names the field, says what was expected and what was found. */
  message: string;
  /** Id of the input to jump to. */
  target: string;
}

/** The model's validation errors, named by their labels; unparseable text is quoted as typed. */
export function inputProblems(inputs: TcoInputs, raw: RawValues = {}): FieldProblem[] {
  return validateTcoInputs(inputs).map((e) => {
    if (e.field === DUTY_SUM_FIELD) {
      return { field: e.field, message: `Duty cycle: ${e.message}`, target: fieldOf(DUTY_FIELDS[0]!)!.id };
    }
    const f = fieldOf(e.field);
    if (!f) return { field: e.field, message: `${e.field}: ${e.message}`, target: '' };
    const typed = raw[f.key];
    const reading = typed === undefined ? undefined : readNumber(typed);
    const message = typed !== undefined && reading && !reading.ok
      ? `expected a number (${f.unit}), found ${typed.trim() === '' ? 'nothing' : `“${typed.trim()}”`}${reading.hint ? `: ${reading.hint}` : ''}`
      : e.message;
    return { field: f.key, message: `${f.fullLabel}: ${message}`, target: f.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

// The one set of number formatters (src/lib/format/numbers.ts), re-exported for the TCO page and its scripts.
export { count, money, moneyShort, num, percent, perTB };

export { escapeHtml };

// ---------------------------------------------------------------------------------------------
// Verdict
// ---------------------------------------------------------------------------------------------

export type Cheaper = 'hdd' | 'ssd' | 'equal';

export interface Verdict {
  /** Which medium costs less over the horizon. */
  cheaper: Cheaper;
  /** The tipping point in one sentence (HTML). */
  tipping: string;
  /** When, if ever, SSD's cumulative cost comes down to HDD's (HTML). */
  crossover: string;
}

export function verdict(inputs: TcoInputs, r: TcoResult): Verdict {
  const years = inputs.scenario.years;
  const hddTco = r.hdd.totals.total;
  const ssdTco = r.ssd.totals.total;
  const cheaper: Cheaper = ssdTco < hddTco ? 'ssd' : ssdTco > hddTco ? 'hdd' : 'equal';
  const over = `over ${plural(years, 'year')}`;
  const quoted = inputs.ssd.pricePerTB;
  const p = r.tippingPoint.ssdPricePerTB;
  let tipping: string;
  if (!r.tippingPoint.breakEvenPossible) {
    const other = r.tippingPoint.otherCosts;
    tipping =
      `SSD cannot break even with HDD ${over} at any drive price: even with free SSD drives, its nodes, ` +
      `energy, space and fixed failure costs (<strong>${moneyShort(other)}</strong>) cost at least HDD’s whole TCO ` +
      `(<strong>${moneyShort(hddTco)}</strong>), so <strong>HDD is cheaper</strong>.`;
  } else {
    const where = quoted > p
      ? `${num(quoted / p)}× the break-even price, so <strong>HDD is cheaper</strong> ${over}`
      : quoted < p
        ? `${percent(1 - quoted / p)} below it, so <strong>SSD is cheaper</strong> ${over}`
        : 'exactly the break-even price, so <strong>the two cost the same</strong>';
    tipping =
      `SSD breaks even with HDD ${over} at <strong>${perTB(p)}</strong>; ` +
      `this scenario prices SSD at <strong>${perTB(quoted)}</strong>, ${where}.`;
  }
  return { cheaper, tipping, crossover: crossoverSentence(years, r) };
}

function crossoverSentence(years: number, r: TcoResult): string {
  const last = years - 1;
  const atEnd = `year ${years}: SSD ${moneyShort(r.ssd.yearly[last]!.cumulative)} vs HDD ${moneyShort(r.hdd.yearly[last]!.cumulative)} cumulative`;
  const c = r.crossover;
  if (!c) {
    return `<strong>No crossover within ${plural(years, 'year')}</strong>: SSD’s cumulative cost stays above HDD’s every year (${atEnd}).`;
  }
  if (c.kind === 'ssd-cheaper-from-start') {
    return c.holdsToHorizon
      ? `<strong>No crossover needed</strong>: SSD costs no more than HDD from year 1 and stays at or below it to year ${years}.`
      : `SSD costs no more than HDD in year 1, but <strong>its cumulative cost rises above HDD’s later</strong> (${atEnd}).`;
  }
  return c.holdsToHorizon
    ? `<strong>Crossover in year ${c.year}</strong>: SSD’s cumulative cost comes down to HDD’s and stays at or below it to year ${years}.`
    : `<strong>Crossover in year ${c.year}</strong>, but it does not hold: SSD’s cumulative cost goes back above HDD’s later (${atEnd}).`;
}

// ---------------------------------------------------------------------------------------------
// Pitfalls (figures.md §3.5)
// ---------------------------------------------------------------------------------------------

/** Where a sourced value comes from, as far as the warnings need to know. */
export interface FieldProvenance {
  /** The source's `published` date, else its `retrieved` date. */
  asOf?: string;
  /** Which of the two `asOf` is. */
  asOfKind?: 'published' | 'retrieved';
  /** The source is a retail price average (a directional proxy only). */
  retail?: boolean;
  /** Set when the value is an assumption rather than sourced. */
  assumption?: boolean;
}
export type Provenance = Partial<Record<FieldKey, FieldProvenance>>;

/** What provenance needs from a scenario's params and its sources. */
export interface ParamRef { source?: string; assumption?: string }
export interface SourceRef { title: string; published?: string; retrieved: string; note?: string }

const RETAIL = /\bretail\b/i;
const NOT_RETAIL = /\bnot (?:a |an )?retail\b/i;
const mentionsRetail = (s: string | undefined) => !!s && RETAIL.test(s) && !NOT_RETAIL.test(s);

/**
 * Provenance of each input: the as-of date of its source (`published`, else `retrieved`) and, for
 * drive prices, whether the source (title or note) or the reason describes a retail price.
 */
export function provenanceFor(
  params: Record<Group, Record<string, ParamRef>>,
  sourceOf: (id: string) => SourceRef | undefined,
): Provenance {
  const out: Provenance = {};
  for (const f of FIELDS) {
    const p = params[f.group]?.[f.param];
    if (!p) continue;
    const isDrivePrice = f.param === 'pricePerTB';
    if (p.source === undefined) {
      out[f.key] = { assumption: true, ...(isDrivePrice && mentionsRetail(p.assumption) ? { retail: true } : {}) };
      continue;
    }
    const src = sourceOf(p.source);
    out[f.key] = {
      ...(src ? { asOf: src.published ?? src.retrieved, asOfKind: src.published ? 'published' as const : 'retrieved' as const } : {}),
      ...(isDrivePrice && src && (mentionsRetail(src.title) || mentionsRetail(src.note)) ? { retail: true } : {}),
    };
  }
  return out;
}

export interface PitfallContext {
  /** The scenario's sourced values. */
  defaults: TcoInputs;
  provenance: Provenance;
  /** Build date, YYYY-MM-DD. */
  now: string;
}

export interface Warning {
  id: string;
  level: 'warn' | 'info';
  title: string;
  /** Body, HTML. */
  html: string;
  /** Buttons that set fields (the toggle §3.5 asks for). */
  actions?: { label: string; set: RawValues }[];
}

/** Sourced prices older than this many days are flagged as dated. */
export const DATED_AFTER_DAYS = 730;
/** The inputs that are prices, which move (figures.md §3.5, "date everything"). */
const PRICE_PARAMS = new Set(['pricePerKWh', 'rackMonthPrice', 'pricePerTB', 'nodePrice', 'replaceCost']);

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** The pitfalls of figures.md §3.5 that apply to these inputs. */
export function pitfalls(inputs: TcoInputs, r: TcoResult, ctx: PitfallContext): Warning[] {
  const out: Warning[] = [];
  const { hdd, ssd, scenario: s } = inputs;

  // Different lives only matter when they buy a different number of sets within the horizon.
  if (hdd.serviceLifeYears !== ssd.serviceLifeYears && r.hdd.purchases !== r.ssd.purchases) {
    const variants = [hdd.serviceLifeYears, ssd.serviceLifeYears].map((life) => {
      const v = withValues(inputs, { 'hdd.serviceLifeYears': life, 'ssd.serviceLifeYears': life });
      const p = computeTco(v).tippingPoint.ssdPricePerTB;
      return { life, p };
    });
    out.push({
      id: 'refresh',
      level: 'warn',
      title: 'Asymmetric refresh',
      html:
        `HDD is replaced every ${plural(hdd.serviceLifeYears, 'year')} but SSD every ${plural(ssd.serviceLifeYears, 'year')}; ` +
        `much of the gap can come from that assumption alone. With the same life for both, the tipping point would be ` +
        variants.map((v) => `${v.p > 0 ? `<strong>${perTB(v.p)}</strong>` : '<strong>none</strong> (no SSD price breaks even)'} at ${plural(v.life, 'year')}`).join(' and ') +
        ` (now ${r.tippingPoint.breakEvenPossible ? perTB(r.tippingPoint.ssdPricePerTB) : 'none'}).`,
      actions: variants.map((v) => ({
        label: `Use ${plural(v.life, 'year')} for both`,
        set: { 'hdd.serviceLifeYears': formatInput(v.life), 'ssd.serviceLifeYears': formatInput(v.life) },
      })),
    });
  }

  if (hdd.dataReduction !== ssd.dataReduction) {
    out.push({
      id: 'reduction',
      level: 'warn',
      title: 'Unequal data reduction',
      html:
        `Data reduction is ${num(hdd.dataReduction)}× for HDD and ${num(ssd.dataReduction)}× for SSD. Compare like with like: ` +
        `apply reduction only where the software really delivers it on this data, to both media if it runs on both.`,
      actions: [{ label: 'Use 1× for both', set: { 'hdd.dataReduction': '1', 'ssd.dataReduction': '1' } }],
    });
  } else if (hdd.dataReduction > 1) {
    out.push({
      id: 'reduction',
      level: 'info',
      title: 'Data reduction is a claim',
      html: `Both media assume ${num(hdd.dataReduction)}× data reduction. Vendor figures (5–20×) are claims; use what this customer’s data actually reduces by.`,
    });
  }

  const retail = (['hdd', 'ssd'] as const).filter(
    (m) => ctx.provenance[`${m}.pricePerTB`]?.retail && inputs[m].pricePerTB === ctx.defaults[m].pricePerTB,
  );
  if (retail.length) {
    out.push({
      id: 'retail',
      level: 'warn',
      title: 'Retail price as a proxy',
      html:
        retail.map((m) => `The ${GROUP_LABEL[m]} price (${perTB(inputs[m].pricePerTB)})`).join(' and ') +
        ` is a retail average: a directional proxy only, not a contract price for this drive class. ` +
        `Enter the quoted $/TB; the tipping point above says which quotes win.`,
    });
  }

  const nodeShare = (['hdd', 'ssd'] as const).map((m) => {
    const nodeKW = (r[m].nodes * inputs[m].nodeWatts) / 1000;
    return { m, nodeKW, share: r[m].kwIT > 0 ? nodeKW / r[m].kwIT : 0 };
  });
  if (nodeShare.some((n) => n.share >= 0.4)) {
    out.push({
      id: 'system-watts',
      level: 'info',
      title: 'System watts, not drive watts',
      html:
        nodeShare.map((n, i) => `${i === 0 ? 'Nodes' : 'nodes'} draw ${num(n.nodeKW, 1)} of ${GROUP_LABEL[n.m]}’s ${num(r[n.m].kwIT, 1)} kW (${percent(n.share)})`).join('; ') +
        `. Per-drive power is close to parity; node count, node watts and space decide the difference, so check the node figures.`,
    });
  }

  if (r.hdd.drivesBoundBy === 'performance') {
    out.push({
      id: 'performance',
      level: 'info',
      title: 'HDD sized by throughput',
      html:
        `The ${num(s.requiredGBps)} GB/s floor needs ${count(r.hdd.drivesForPerformance)} HDDs, more than the ` +
        `${count(r.hdd.drivesForCapacity)} that hold the data: HDD cost here is a performance cost.`,
    });
  } else if (s.requiredGBps === 0) {
    out.push({
      id: 'performance',
      level: 'info',
      title: 'No throughput floor',
      html: `Required throughput is 0, so drive counts come from capacity alone. For throughput-heavy data paths, set the GB/s the workload needs: HDD counts can be set by throughput rather than capacity.`,
    });
  }

  if (r.hdd.racksBoundBy === 'power' || r.ssd.racksBoundBy === 'power') {
    const which = (['hdd', 'ssd'] as const).filter((m) => r[m].racksBoundBy === 'power').map((m) => GROUP_LABEL[m]).join(' and ');
    out.push({
      id: 'rack-power',
      level: 'info',
      title: 'Racks bound by power',
      html: `${which} racks are limited by the ${num(s.rackKW)} kW per-rack cap before they run out of units. Rack kW is a facility figure: use the contracted one.`,
    });
  }

  const dated = FIELDS.filter((f) => {
    if (!PRICE_PARAMS.has(f.param)) return false;
    const asOf = ctx.provenance[f.key]?.asOf;
    return asOf !== undefined && daysBetween(asOf, ctx.now) > DATED_AFTER_DAYS && getValue(inputs, f.key) === getValue(ctx.defaults, f.key);
  });
  if (dated.length) {
    out.push({
      id: 'dated',
      level: 'info',
      title: 'Dated figures',
      html:
        `${plural(dated.length, 'sourced price')} ${dated.length === 1 ? 'is' : 'are'} more than two years old: ` +
        dated.map((f) => `${escapeHtml(lowerFirst(f.fullLabel))} (${ctx.provenance[f.key]!.asOf})`).join(', ') +
        `. Prices move; check them before quoting.`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Chart series
// ---------------------------------------------------------------------------------------------

export const COMPONENTS = ['capex', 'energy', 'space', 'failures'] as const;
export type Component = (typeof COMPONENTS)[number];
export const COMPONENT_LABEL: Readonly<Record<Component, string>> = {
  capex: 'Capex (drives and nodes)',
  energy: 'Energy',
  space: 'Space',
  failures: 'Failures',
};

export interface ChartData {
  years: number[];
  hddCumulative: number[];
  ssdCumulative: number[];
  /** Year of the crossover, if any (1-based). */
  crossoverYear: number | null;
  components: { key: Component; label: string; hdd: number; ssd: number }[];
  /** Text alternatives for the two charts. */
  lineAlt: string;
  barAlt: string;
}

export function chartData(inputs: TcoInputs, r: TcoResult): ChartData {
  const years = r.hdd.yearly.map((y) => y.year);
  const c = r.crossover;
  const lineAlt =
    `Cumulative cost over ${plural(inputs.scenario.years, 'year')}: HDD reaches ${moneyShort(r.hdd.totals.total)}, SSD ${moneyShort(r.ssd.totals.total)}; ` +
    (c ? `SSD is at or below HDD from year ${c.year}.` : 'the lines do not cross.') +
    ' The table beside the chart gives every year.';
  const barAlt =
    `Cost by component over the horizon: ` +
    COMPONENTS.map((k) => `${COMPONENT_LABEL[k].toLowerCase()} HDD ${moneyShort(r.hdd.totals[k])}, SSD ${moneyShort(r.ssd.totals[k])}`).join('; ') +
    '.';
  return {
    years,
    hddCumulative: r.hdd.yearly.map((y) => y.cumulative),
    ssdCumulative: r.ssd.yearly.map((y) => y.cumulative),
    crossoverYear: c?.year ?? null,
    components: COMPONENTS.map((k) => ({ key: k, label: COMPONENT_LABEL[k], hdd: r.hdd.totals[k], ssd: r.ssd.totals[k] })),
    lineAlt,
    barAlt,
  };
}

// ---------------------------------------------------------------------------------------------
// The whole view, and its HTML
// ---------------------------------------------------------------------------------------------

export type TcoView =
  | { ok: true; inputs: TcoInputs; result: TcoResult; verdict: Verdict; warnings: Warning[]; chart: ChartData }
  | { ok: false; inputs: TcoInputs; problems: FieldProblem[] };

export function buildView(inputs: TcoInputs, ctx: PitfallContext, raw: RawValues = {}): TcoView {
  const problems = inputProblems(inputs, raw);
  if (problems.length) return { ok: false, inputs, problems };
  const result = computeTco(inputs);
  return {
    ok: true,
    inputs,
    result,
    verdict: verdict(inputs, result),
    warnings: pitfalls(inputs, result, ctx),
    chart: chartData(inputs, result),
  };
}

/** The verdict block: tipping point, crossover, headline totals; or the list of inputs to fix. */
export function renderSummary(v: TcoView): string {
  if (!v.ok) {
    return (
      `<p class="tco-verdict__bad"><strong>${plural(v.problems.length, 'input')} cannot be modelled</strong>; ` +
      `the figures below are the last that could be modelled.</p><ul class="tco-problems">` +
      v.problems.map((p) => `<li>${p.target ? `<a href="#${p.target}">${escapeHtml(p.message)}</a>` : escapeHtml(p.message)}</li>`).join('') +
      `</ul>`
    );
  }
  const { result: r, verdict: vd, inputs } = v;
  const fig = (m: 'hdd' | 'ssd') =>
    `<div class="tco-figure-box tco-figure-box--${m}${vd.cheaper === m ? ' tco-figure-box--win' : ''}">` +
    `<dt>${GROUP_LABEL[m]} TCO, ${plural(inputs.scenario.years, 'year')}${vd.cheaper === m ? ' <span class="tco-tag tco-tag--win">cheaper</span>' : ''}</dt>` +
    `<dd><span class="tco-big">${moneyShort(r[m].totals.total)}</span> ` +
    `<span class="tco-small">${cents(r[m].costPerTBMonth)} per TB-month</span></dd></div>`;
  return (
    `<p class="tco-tipping" data-cheaper="${vd.cheaper}">${vd.tipping}</p>` +
    `<p class="tco-crossover" data-crossover="${r.crossover?.year ?? 'none'}">${vd.crossover}</p>` +
    `<dl class="tco-figures">${fig('hdd')}${fig('ssd')}` +
    `<div class="tco-figure-box"><dt>Tipping point</dt><dd><span class="tco-big">${r.tippingPoint.breakEvenPossible ? perTB(r.tippingPoint.ssdPricePerTB) : 'none'}</span> ` +
    `<span class="tco-small">SSD price now ${perTB(inputs.ssd.pricePerTB)}</span></dd></div></dl>`
  );
}

/** One line for the foot of the calculator, so the verdict stays in sight while inputs scroll. */
export function renderTicker(v: TcoView): string {
  if (!v.ok) return `<span class="tco-ticker__bad">${plural(v.problems.length, 'input')} cannot be modelled</span>`;
  const { result: r, verdict: vd, inputs } = v;
  const winner = vd.cheaper === 'equal' ? 'Same cost' : `${GROUP_LABEL[vd.cheaper]} cheaper`;
  const tp = r.tippingPoint.breakEvenPossible ? perTB(r.tippingPoint.ssdPricePerTB) : 'none';
  return `<strong>${winner}</strong> · break-even ${tp} · SSD ${perTB(inputs.ssd.pricePerTB)} · crossover ${r.crossover ? `year ${r.crossover.year}` : 'none'}`;
}

export function renderWarnings(v: TcoView): string {
  if (!v.ok || v.warnings.length === 0) return '';
  return (
    `<ul class="tco-warnings">` +
    v.warnings.map((w) =>
      `<li class="tco-warning tco-warning--${w.level}" data-warning="${w.id}">` +
      `<strong class="tco-warning__title">${w.level === 'warn' ? 'Warning' : 'Note'}: ${escapeHtml(w.title)}.</strong> ${w.html}` +
      (w.actions?.length
        ? ` <span class="tco-warning__actions no-print">${w.actions.map((a) =>
          `<button type="button" class="tco-action" data-set="${escapeHtml(JSON.stringify(a.set))}">${escapeHtml(a.label)}</button>`).join(' ')}</span>`
        : '') +
      `</li>`).join('') +
    `</ul>`
  );
}

/** Drive, node and rack counts, with what bound them. */
export function renderCounts(v: TcoView): string {
  if (!v.ok) return '';
  const { result: r, inputs } = v;
  const s = inputs.scenario;
  const row = (label: string, cell: (m: 'hdd' | 'ssd') => string, cls = 'num') =>
    `<tr><th scope="row">${label}</th><td class="${cls}">${cell('hdd')}</td><td class="${cls}">${cell('ssd')}</td></tr>`;
  const driveBound = (m: 'hdd' | 'ssd') =>
    r[m].drivesBoundBy === 'performance'
      ? `<strong>performance</strong>: ${num(s.requiredGBps)} GB/s ÷ ${num(inputs[m].driveGBps, 3)} GB/s per drive`
      : `<strong>capacity</strong>: ${count(s.capacityTB)} TB ÷ ${num(inputs[m].dataReduction)} × ${num(inputs[m].protectionOverhead)} ÷ ${num(inputs[m].maxFill)} ÷ ${num(inputs[m].driveTB)} TB`;
  const rackBound = (m: 'hdd' | 'ssd') =>
    r[m].racksBoundBy === 'power'
      ? `<strong>power</strong>: ${num(r[m].kwIT, 1)} kW ÷ ${num(s.rackKW)} kW per rack`
      : `<strong>rack units</strong>: ${count(r[m].nodes)} × ${num(inputs[m].nodeU)} U ÷ ${num(s.rackU)} U per rack`;
  return (
    `<table class="tco-counts"><caption>Drives, nodes and racks, and what bound them</caption>` +
    `<thead><tr><td></td><th scope="col" class="num">HDD</th><th scope="col" class="num">SSD</th></tr></thead><tbody>` +
    row('Drives to hold the data', (m) => count(r[m].drivesForCapacity)) +
    row('Drives to deliver the throughput', (m) => count(r[m].drivesForPerformance)) +
    row('<strong>Drives deployed</strong>', (m) => `<strong>${count(r[m].drives)}</strong>`) +
    row('Drive count bound by', driveBound, 'tco-bound') +
    row('Raw capacity', (m) => `${count(r[m].rawTB)} TB`) +
    row('Nodes', (m) => count(r[m].nodes)) +
    row('Average power per drive', (m) => `${num(r[m].wattsAvg)} W`) +
    row('IT load, drives and nodes', (m) => `${num(r[m].kwIT, 1)} kW`) +
    row('Racks for the rack units', (m) => count(r[m].racksForUnits)) +
    row('Racks for the power cap', (m) => count(r[m].racksForPower)) +
    row('<strong>Racks</strong>', (m) => `<strong>${count(r[m].racks)}</strong>`) +
    row('Rack count bound by', rackBound, 'tco-bound') +
    row('Purchases of the full set', (m) => `${count(r[m].purchases)} (every ${plural(inputs[m].serviceLifeYears, 'year')})`) +
    `</tbody></table>`
  );
}

/** The data table of the cumulative-cost chart. */
export function renderCumulativeTable(v: TcoView): string {
  if (!v.ok) return '';
  const { result: r } = v;
  const cross = r.crossover?.year;
  return (
    `<table class="tco-data"><caption>Cumulative cost by year</caption>` +
    `<thead><tr><th scope="col">Year</th><th scope="col" class="num">HDD</th><th scope="col" class="num">SSD</th><th scope="col" class="num">SSD − HDD</th></tr></thead><tbody>` +
    r.hdd.yearly.map((h, i) => {
      const sd = r.ssd.yearly[i]!;
      const diff = sd.cumulative - h.cumulative;
      const mark = h.year === cross ? ' <span class="tco-tag">crossover</span>' : '';
      return `<tr${mark ? ' class="tco-cross-row"' : ''}><th scope="row">${h.year}${mark}</th><td class="num">${money(h.cumulative)}</td>` +
        `<td class="num">${money(sd.cumulative)}</td><td class="num">${diff > 0 ? '+' : diff < 0 ? '−' : ''}${money(Math.abs(diff))}</td></tr>`;
    }).join('') +
    `</tbody></table>`
  );
}

/** The data table of the component chart. */
export function renderComponentTable(v: TcoView): string {
  if (!v.ok) return '';
  const { result: r, inputs } = v;
  return (
    `<table class="tco-data"><caption>Cost by component over ${plural(inputs.scenario.years, 'year')}</caption>` +
    `<thead><tr><th scope="col">Component</th><th scope="col" class="num">HDD</th><th scope="col" class="num">SSD</th></tr></thead><tbody>` +
    COMPONENTS.map((k) =>
      `<tr><th scope="row"><span class="tco-swatch tco-swatch--${k}" aria-hidden="true"></span>${COMPONENT_LABEL[k]}</th>` +
      `<td class="num">${money(r.hdd.totals[k])}</td><td class="num">${money(r.ssd.totals[k])}</td></tr>`).join('') +
    `</tbody><tfoot><tr><th scope="row">Total</th><td class="num">${money(r.hdd.totals.total)}</td><td class="num">${money(r.ssd.totals.total)}</td></tr></tfoot></table>`
  );
}

/** The inputs that differ from the sourced values (printed with the results). */
export function renderChanged(raw: RawValues, defaults: TcoInputs, resetHref?: string): string {
  const changed = Object.entries(changedOnly(raw, defaults)) as [FieldKey, string][];
  if (changed.length === 0) return '';
  return (
    `<p><strong>${plural(changed.length, 'input')} changed from the sourced values</strong>; the results use:` +
    (resetHref ? ` <a class="no-print" href="${escapeHtml(resetHref)}" data-tco-reset>Reset to sourced values</a>` : '') +
    `</p><ul>` +
    changed.map(([k, r]) => {
      const f = fieldOf(k)!;
      return `<li>${escapeHtml(f.fullLabel)}: <strong>${escapeHtml(r)}</strong> ${escapeHtml(f.unit)} (sourced: ${escapeHtml(formatInput(getValue(defaults, k)))})</li>`;
    }).join('') +
    `</ul>`
  );
}
