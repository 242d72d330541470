/**
 * The HDD-vs-SSD total-cost-of-ownership model (figures.md §3.2, issue 5). Pure: numbers in,
 * numbers out; the build and the in-page calculator run this same code.
 *
 * Units used throughout (the content's `unit` strings should match {@link SCENARIO_UNITS} and
 * {@link MEDIUM_UNITS}):
 * - capacity in decimal TB (raw per drive; the scenario's `capacityTB` is *effective* capacity);
 * - throughput in GB/s; device power in W, system load in kW, energy in kWh;
 * - money in the scenario's currency ($ in shipped content); time in whole years, year 1 first;
 * - ratios and fractions as plain numbers (0.0157, not 1.57 %).
 *
 * Nothing is rounded except counts of drives, nodes, racks and purchases, which are whole by nature.
 */
import type { MEDIUM_PARAMS, SCENARIO_PARAMS, TcoScenario } from '../../schemas/tco.ts';

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** Names of the inputs shared by both media. */
export type ScenarioParam = (typeof SCENARIO_PARAMS)[number];
/** Names of the inputs that differ between HDD and SSD. */
export type MediumParam = (typeof MEDIUM_PARAMS)[number];
export type ScenarioInputs = Record<ScenarioParam, number>;
export type MediumInputs = Record<MediumParam, number>;
export type Medium = 'hdd' | 'ssd';
export const MEDIA: readonly Medium[] = ['hdd', 'ssd'];

/** The model's inputs: bare numbers in the units of {@link SCENARIO_UNITS} / {@link MEDIUM_UNITS}. */
export interface TcoInputs {
  scenario: ScenarioInputs;
  hdd: MediumInputs;
  ssd: MediumInputs;
}

/** The unit the model assumes for each shared input. */
export const SCENARIO_UNITS: Readonly<Record<ScenarioParam, string>> = {
  capacityTB: 'TB effective',
  years: 'years',
  requiredGBps: 'GB/s aggregate',
  dutyIdle: 'fraction of time',
  dutyRead: 'fraction of time',
  dutyWrite: 'fraction of time',
  pricePerKWh: '$/kWh',
  pue: 'ratio facility/IT power',
  energyEscalation: 'fraction per year',
  rackU: 'U per rack',
  rackKW: 'kW IT load per rack',
  rackMonthPrice: '$ per rack-month',
};

/** The unit the model assumes for each per-medium input. */
export const MEDIUM_UNITS: Readonly<Record<MediumParam, string>> = {
  driveTB: 'TB raw per drive',
  pricePerTB: '$ per TB raw',
  driveGBps: 'GB/s per drive',
  wattsIdle: 'W per drive',
  wattsRead: 'W per drive',
  wattsWrite: 'W per drive',
  drivesPerNode: 'drives per node',
  nodePrice: '$ per node',
  nodeWatts: 'W per node',
  nodeU: 'U per node',
  afr: 'failures per drive-year (fraction)',
  replaceCost: '$ per failed drive, besides the drive share',
  replaceDriveShare: 'fraction of the current drive price per failed drive',
  serviceLifeYears: 'years',
  dataReduction: 'ratio logical/stored',
  protectionOverhead: 'ratio raw/usable',
  maxFill: 'fraction of usable capacity',
};

/** Bare numbers (`.value`) from a content scenario, whose params carry value, unit and source. */
export function inputsFromScenario(s: TcoScenario): TcoInputs {
  return { scenario: valuesOf(s.scenario), hdd: valuesOf(s.hdd), ssd: valuesOf(s.ssd) };
}

function valuesOf<K extends string>(params: Record<K, { value: number }>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(params) as K[]) out[k] = params[k].value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** An impossible input. `field` is `scenario.<param>`, `hdd.<param>` or `ssd.<param>`. */
export interface TcoInputError {
  field: string;
  message: string;
}

/** Field name of the error raised when the three duty fractions do not sum to 1. */
export const DUTY_SUM_FIELD = 'scenario.duty';
/** How far from 1 the duty fractions may sum (rounding in content or URLs). */
export const DUTY_SUM_TOLERANCE = 1e-6;
/** Longest horizon the calculator accepts, in years. */
export const MAX_YEARS = 30;

/**
 * The domain of one input: its kind (`ok` and `expected`), and sanity limits that keep every
 * figure the model derives finite. The limits are not data, only the edge of what a storage
 * scenario can mean: `floor` is the smallest positive value accepted where the input divides
 * (a drive of 1e-320 TB would need infinitely many drives), `max` the largest. They are the one
 * source of truth for the content schema (src/schemas/tco.ts), the build and the calculator.
 */
export interface TcoDomain {
  ok: (v: number) => boolean;
  /** What was expected, completing "expected …". */
  expected: string;
  /** Smallest accepted value above 0, for inputs the model divides by. */
  floor?: number;
  /** Largest accepted value. */
  max: number;
}

const positive = (max: number, floor?: number): TcoDomain => ({ ok: (v) => v > 0, expected: 'a value greater than 0', floor, max });
const nonNegative = (max: number): TcoDomain => ({ ok: (v) => v >= 0, expected: 'a value of 0 or more', max });
const atLeastOne = (max: number): TcoDomain => ({ ok: (v) => v >= 1, expected: 'a value of 1 or more', max });
const fraction: TcoDomain = { ok: (v) => v >= 0 && v <= 1, expected: 'a value from 0 to 1', max: 1 };
const fill: TcoDomain = { ok: (v) => v > 0 && v <= 1, expected: 'a value greater than 0 and at most 1', floor: 0.01, max: 1 };
const escalation: TcoDomain = { ok: (v) => v > -1, expected: 'a value greater than -1 (a fall of less than 100 %)', max: 1 };
const wholeAtLeastOne = (max: number): TcoDomain => ({ ok: (v) => Number.isInteger(v) && v >= 1, expected: 'a whole number of 1 or more', max });
const horizon: TcoDomain = {
  ok: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_YEARS,
  expected: `a whole number from 1 to ${MAX_YEARS}`,
  max: MAX_YEARS,
};

/** Domains of the shared inputs (in the units of {@link SCENARIO_UNITS}). */
export const SCENARIO_DOMAINS: Readonly<Record<ScenarioParam, TcoDomain>> = {
  capacityTB: positive(1e7, 0.001), // up to 10 EB effective
  years: horizon,
  requiredGBps: nonNegative(1e6), // up to 1 PB/s
  dutyIdle: fraction,
  dutyRead: fraction,
  dutyWrite: fraction,
  pricePerKWh: nonNegative(10),
  pue: atLeastOne(5),
  energyEscalation: escalation, // at most +100 % a year
  rackU: wholeAtLeastOne(100),
  rackKW: positive(1000, 0.1),
  rackMonthPrice: nonNegative(1e6),
};

/** Domains of the per-medium inputs (in the units of {@link MEDIUM_UNITS}). */
export const MEDIUM_DOMAINS: Readonly<Record<MediumParam, TcoDomain>> = {
  driveTB: positive(1000, 0.001),
  pricePerTB: nonNegative(1e6),
  driveGBps: positive(1000, 0.001),
  wattsIdle: nonNegative(1000),
  wattsRead: nonNegative(1000),
  wattsWrite: nonNegative(1000),
  drivesPerNode: wholeAtLeastOne(10_000),
  nodePrice: nonNegative(1e7),
  nodeWatts: nonNegative(1e5),
  nodeU: positive(100, 0.1),
  afr: fraction,
  replaceCost: nonNegative(1e6),
  replaceDriveShare: fraction,
  serviceLifeYears: atLeastOne(50),
  dataReduction: positive(100, 0.1),
  protectionOverhead: atLeastOne(10),
  maxFill: fill,
};

/** The domain of `scenario.<param>`, `hdd.<param>` or `ssd.<param>`, and its unit. */
export function tcoDomain(group: 'scenario' | Medium, param: string): { domain: TcoDomain; unit: string } | undefined {
  const domain = group === 'scenario' ? SCENARIO_DOMAINS[param as ScenarioParam] : MEDIUM_DOMAINS[param as MediumParam];
  const unit = group === 'scenario' ? SCENARIO_UNITS[param as ScenarioParam] : MEDIUM_UNITS[param as MediumParam];
  return domain && unit ? { domain, unit } : undefined;
}

/** The domain in words, limits included: "a value greater than 0, at least 0.001 and at most 1000". */
export function describeDomain(d: TcoDomain): string {
  return `${d.expected}${d.floor !== undefined ? `, at least ${d.floor}` : ''}${d.max !== undefined ? `, at most ${d.max}` : ''}`;
}

/**
 * What a value outside its domain should have been, completing "expected …" (unit included), or
 * undefined when it is inside. The schema, {@link validateTcoInputs} and the calculator use this.
 */
export function tcoValueProblem(group: 'scenario' | Medium, param: string, v: unknown): string | undefined {
  const found = tcoDomain(group, param);
  if (!found) return undefined;
  const { domain, unit } = found;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `a finite number (${unit})`;
  if (!domain.ok(v)) return `${domain.expected} (${unit})`;
  if (domain.floor !== undefined && v < domain.floor) return `at least ${domain.floor} (${unit})`;
  if (v > domain.max) return `at most ${domain.max} (${unit})`;
  return undefined;
}

/** The duty-sum rule as "expected …" text, or undefined when the fractions sum to 1 (or one is not a number). */
export function dutySumProblem(idle: unknown, read: unknown, write: unknown): string | undefined {
  const parts = [idle, read, write];
  if (!parts.every((p) => typeof p === 'number' && Number.isFinite(p))) return undefined;
  const sum = (idle as number) + (read as number) + (write as number);
  if (Math.abs(sum - 1) <= DUTY_SUM_TOLERANCE) return undefined;
  return `dutyIdle + dutyRead + dutyWrite to sum to 1 (fractions of time), found ${String(idle)} + ${String(read)} + ${String(write)} = ${sum}`;
}

/**
 * The impossible inputs, in a stable order (scenario, then hdd, then ssd, each in domain order; the
 * duty-sum check last). Empty when the inputs can be modelled. Messages say what was expected,
 * with the unit, and what was found.
 */
export function validateTcoInputs(inputs: TcoInputs): TcoInputError[] {
  return [
    ...checkGroup('scenario', inputs.scenario, SCENARIO_DOMAINS),
    ...checkGroup('hdd', inputs.hdd, MEDIUM_DOMAINS),
    ...checkGroup('ssd', inputs.ssd, MEDIUM_DOMAINS),
    ...checkDutySum(inputs.scenario),
  ];
}

function checkGroup<K extends string>(
  group: 'scenario' | Medium,
  values: Record<K, number> | undefined,
  domains: Readonly<Record<K, TcoDomain>>,
): TcoInputError[] {
  const errors: TcoInputError[] = [];
  for (const k of Object.keys(domains) as K[]) {
    const v: unknown = values?.[k];
    const expected = tcoValueProblem(group, k, v);
    if (expected) errors.push({ field: `${group}.${k}`, message: `expected ${expected}, found ${String(v)}` });
  }
  return errors;
}

function checkDutySum(s: ScenarioInputs | undefined): TcoInputError[] {
  const problem = dutySumProblem(s?.dutyIdle, s?.dutyRead, s?.dutyWrite);
  return problem ? [{ field: DUTY_SUM_FIELD, message: `expected ${problem}` }] : [];
}

/** Thrown by {@link computeTco} for inputs outside their domains: the model refuses rather than print NaN. */
export class TcoInputsError extends Error {
  readonly errors: TcoInputError[];
  constructor(errors: TcoInputError[]) {
    super(`TCO inputs cannot be modelled: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.errors = errors;
  }
}

// ---------------------------------------------------------------------------------------------
// Building blocks (exported so pages and tests can show intermediate figures)
// ---------------------------------------------------------------------------------------------

/** Hours in a (non-leap) year: energy is priced over 8,760 h per year of operation. */
export const HOURS_PER_YEAR = 8760;

/** Relative tolerance under which a count is taken to be the integer it is next to. */
const COUNT_TOLERANCE = 1e-9;

/**
 * Smallest whole number ≥ x, for counting drives, nodes, racks and purchases, ignoring
 * binary floating-point noise: 1000 / 1 × 1.4 / 0.7 / 20 is 100.00000000000001 in doubles but
 * needs 100 drives, not 101.
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= COUNT_TOLERANCE * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

/**
 * Drives needed to hold the data: ceil(C_eff / DRR × k_prot / u_max / S).
 * @param capacityTB effective capacity the customer needs (TB)
 * @param m the medium's dataReduction (×), protectionOverhead (raw/usable), maxFill (fraction)
 *   and driveTB (TB raw per drive)
 */
export function drivesForCapacity(
  capacityTB: number,
  m: Pick<MediumInputs, 'dataReduction' | 'protectionOverhead' | 'maxFill' | 'driveTB'>,
): number {
  return ceilCount(capacityTB / m.dataReduction * m.protectionOverhead / m.maxFill / m.driveTB);
}

/**
 * Drives needed to deliver the throughput: ceil(B_req / G_drive); 0 when nothing is required.
 * @param requiredGBps aggregate GB/s the workload needs
 * @param driveGBps sustained GB/s one drive delivers for this workload
 */
export function drivesForPerformance(requiredGBps: number, driveGBps: number): number {
  return requiredGBps > 0 ? ceilCount(requiredGBps / driveGBps) : 0;
}

/** Power of one drive in each state, in W. */
export interface DeviceWatts {
  idle: number;
  read: number;
  write: number;
}

/** Share of time spent in each state; fractions summing to 1. */
export interface DutyCycle {
  idle: number;
  read: number;
  write: number;
}

/**
 * Average power of one drive over a duty cycle (Scality's method), in W:
 * f_idle·W_idle + f_read·W_read + f_write·W_write.
 */
export function wattsAverage(watts: DeviceWatts, duty: DutyCycle): number {
  return duty.idle * watts.idle + duty.read * watts.read + duty.write * watts.write;
}

/** Raw capacity per watt of average power, in TB/W. */
export function tbPerWatt(driveTB: number, wattsAvg: number): number {
  return driveTB / wattsAvg;
}

/** IT load of the system in kW: (drives × W_avg + nodes × W_node) / 1000. */
export function itLoadKW(drives: number, wattsAvg: number, nodes: number, nodeWatts: number): number {
  return (drives * wattsAvg + nodes * nodeWatts) / 1000;
}

/** What energy costs: facility overhead, tariff and its yearly escalation. */
export type Tariff = Pick<ScenarioInputs, 'pue' | 'pricePerKWh' | 'energyEscalation'>;

/**
 * Energy cost of a constant IT load during year `year` (1-based), in $:
 * kW_IT × 8,760 h × PUE × $/kWh × (1 + esc)^(year − 1).
 */
export function energyCostInYear(kwIT: number, tariff: Tariff, year: number): number {
  return kwIT * HOURS_PER_YEAR * tariff.pue * tariff.pricePerKWh * (1 + tariff.energyEscalation) ** (year - 1);
}

/** Which limit set the rack count; a tie is reported as `units`. */
export type RackBound = 'units' | 'power';

export interface RackCount {
  /** Racks to hold the nodes: ceil(nodes × U_node / rack_U). */
  forUnits: number;
  /** Racks to stay within the per-rack IT power cap: ceil(kW_IT / rack_kW). */
  forPower: number;
  /** The larger of the two. */
  racks: number;
  boundBy: RackBound;
}

/** Racks needed, bound by rack units or by rack kW, whichever binds. */
export function rackCount(
  nodes: number,
  nodeU: number,
  kwIT: number,
  rack: Pick<ScenarioInputs, 'rackU' | 'rackKW'>,
): RackCount {
  const forUnits = ceilCount(nodes * nodeU / rack.rackU);
  const forPower = ceilCount(kwIT / rack.rackKW);
  return forPower > forUnits
    ? { forUnits, forPower, racks: forPower, boundBy: 'power' }
    : { forUnits, forPower, racks: forUnits, boundBy: 'units' };
}

/**
 * How many times drives and nodes are bought in year `year` (1-based), given a service life in
 * years. The k-th purchase (k = 0, 1, …) happens in year floor(k × L) + 1: a 4-year life buys in
 * years 1, 5, 9; a 2.5-year life in years 1, 3, 6, 8. Counting k with k × L < y gives
 * ceil(y / L), so year y holds ceil(y / L) − ceil((y − 1) / L) purchases (more than one only when
 * L < 1). Over a horizon of Y years that is ceil(Y / L) purchases in all, as in figures.md §3.2.
 */
export function purchasesInYear(year: number, serviceLifeYears: number): number {
  return ceilCount(year / serviceLifeYears) - ceilCount((year - 1) / serviceLifeYears);
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** Which requirement set the drive count; a tie is reported as `capacity`. */
export type DriveBound = 'capacity' | 'performance';

/** Cost per component, in $. */
export interface CostComponents {
  /** Drives and nodes, at purchase and at each refresh. */
  capex: number;
  /** Electricity, facility overhead included through PUE. */
  energy: number;
  /** Rack rental. */
  space: number;
  /**
   * Replacement of failed drives: drives × AFR × (share × the drive at the current $/TB + the
   * fixed $ per failure), so with equal AFR the media differ only by drive count and price.
   */
  failures: number;
  /** Sum of the four. */
  total: number;
}

/** One year of one medium, in $. */
export interface TcoYear extends CostComponents {
  /** 1-based year of the horizon. */
  year: number;
  /** Purchases of the full drive and node set in this year (1 in year 1, then at each refresh). */
  purchases: number;
  /** Total of this year and every year before it. */
  cumulative: number;
}

/** The model's figures for one medium. */
export interface MediumTco {
  /** Drives to hold the data (N_cap). */
  drivesForCapacity: number;
  /** Drives to deliver the throughput (N_perf); 0 when no throughput is required. */
  drivesForPerformance: number;
  /** Drives deployed: max(N_cap, N_perf). */
  drives: number;
  drivesBoundBy: DriveBound;
  /** Raw TB deployed: drives × TB per drive. */
  rawTB: number;
  /** Nodes/enclosures: ceil(drives / drivesPerNode). */
  nodes: number;
  /** Average W per drive over the duty cycle. */
  wattsAvg: number;
  /** IT load in kW (drives plus nodes), before PUE. */
  kwIT: number;
  racksForUnits: number;
  racksForPower: number;
  racks: number;
  racksBoundBy: RackBound;
  /** $ of drives at one purchase: drives × $/TB × TB per drive. */
  driveCapexPerPurchase: number;
  /** $ of nodes at one purchase: nodes × $ per node. */
  nodeCapexPerPurchase: number;
  /** $ per failed drive: replaceDriveShare × TB per drive × $/TB (the current price) + replaceCost. */
  replacementPerFailure: number;
  /** Purchases within the horizon: ceil(years / service life). */
  purchases: number;
  /** One row per year, 1..years. */
  yearly: TcoYear[];
  /** Each component summed over the horizon; `totals.total` is the horizon TCO. */
  totals: CostComponents;
  /** Horizon TCO per effective TB per month: TCO / (capacityTB × 12 × years). */
  costPerTBMonth: number;
}

/**
 * When SSD's cumulative cost first comes down to HDD's or below. `null` in {@link TcoResult}
 * means it never does within the horizon.
 */
export interface Crossover {
  /** First year (1-based) in which SSD's cumulative cost is at or below HDD's. */
  year: number;
  /**
   * `crosses`: SSD costs more in year 1 and catches up in `year`.
   * `ssd-cheaper-from-start`: SSD is already at or below HDD in year 1 (`year` is 1).
   */
  kind: 'crosses' | 'ssd-cheaper-from-start';
  /**
   * Whether SSD stays at or below HDD, cumulatively, in every year from `year` to the horizon.
   * False when a later SSD refresh pushes it back above.
   */
  holdsToHorizon: boolean;
}

/**
 * The SSD $/TB at which SSD's horizon TCO equals HDD's. SSD TCO is linear in its $/TB, since only
 * its drive capex and the drive share of each failure's replacement depend on it. With
 * F = N_SSD × AFR_SSD × years failed drives and share s of the drive price per failure:
 * p* = (TCO_HDD − (SSD energy + space + node capex + F × replaceCost))
 *      / (N_SSD × S_SSD × purchases_SSD + F × s × S_SSD).
 * Below p* flash costs less over the horizon; above it, more.
 */
export interface TippingPoint {
  /** p* in $ per TB raw. Zero or negative when flash cannot break even. */
  ssdPricePerTB: number;
  /**
   * False when p* ≤ 0: SSD's other costs alone reach HDD's TCO, so no drive price, not even
   * free drives, makes flash break even.
   */
  breakEvenPossible: boolean;
  /** SSD's horizon costs that do not depend on its $/TB: energy, space, nodes, fixed failure costs. */
  otherCosts: number;
}

export interface TcoResult {
  hdd: MediumTco;
  ssd: MediumTco;
  crossover: Crossover | null;
  tippingPoint: TippingPoint;
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/**
 * HDD and SSD cost per year and over the horizon, the crossover year and the tipping point.
 * Refuses (throws {@link TcoInputsError}) inputs that {@link validateTcoInputs} rejects: inside
 * the domains every figure is finite, so no NaN or Infinity can reach a page.
 */
export function computeTco(inputs: TcoInputs): TcoResult {
  const errors = validateTcoInputs(inputs);
  if (errors.length) throw new TcoInputsError(errors);
  const hdd = computeMedium(inputs.scenario, inputs.hdd);
  const ssd = computeMedium(inputs.scenario, inputs.ssd);
  return { hdd, ssd, crossover: findCrossover(hdd.yearly, ssd.yearly), tippingPoint: tippingPoint(hdd, ssd, inputs.ssd, inputs.scenario.years) };
}

/** The figures for one medium under the shared scenario. */
export function computeMedium(s: ScenarioInputs, m: MediumInputs): MediumTco {
  const nCap = drivesForCapacity(s.capacityTB, m);
  const nPerf = drivesForPerformance(s.requiredGBps, m.driveGBps);
  const drives = Math.max(nCap, nPerf);
  const nodes = ceilCount(drives / m.drivesPerNode);
  const wattsAvg = wattsAverage(
    { idle: m.wattsIdle, read: m.wattsRead, write: m.wattsWrite },
    { idle: s.dutyIdle, read: s.dutyRead, write: s.dutyWrite },
  );
  const kwIT = itLoadKW(drives, wattsAvg, nodes, m.nodeWatts);
  const rack = rackCount(nodes, m.nodeU, kwIT, s);
  const driveCapexPerPurchase = drives * m.pricePerTB * m.driveTB;
  const nodeCapexPerPurchase = nodes * m.nodePrice;
  const replacementPerFailure = m.replaceDriveShare * m.driveTB * m.pricePerTB + m.replaceCost;
  const yearly = yearlyCosts(s, m, {
    purchaseCost: driveCapexPerPurchase + nodeCapexPerPurchase,
    kwIT,
    racks: rack.racks,
    drives,
    replacementPerFailure,
  });
  const totals = sumComponents(yearly);
  return {
    drivesForCapacity: nCap,
    drivesForPerformance: nPerf,
    drives,
    drivesBoundBy: nPerf > nCap ? 'performance' : 'capacity',
    rawTB: drives * m.driveTB,
    nodes,
    wattsAvg,
    kwIT,
    racksForUnits: rack.forUnits,
    racksForPower: rack.forPower,
    racks: rack.racks,
    racksBoundBy: rack.boundBy,
    driveCapexPerPurchase,
    nodeCapexPerPurchase,
    replacementPerFailure,
    purchases: yearly.reduce((n, y) => n + y.purchases, 0),
    yearly,
    totals,
    costPerTBMonth: totals.total / (s.capacityTB * 12 * s.years),
  };
}

interface Deployment {
  /** $ for the full drive and node set, bought once. */
  purchaseCost: number;
  kwIT: number;
  racks: number;
  drives: number;
  /** $ per failed drive. */
  replacementPerFailure: number;
}

/** One row per year 1..years: capex at each purchase, energy with escalation, space, failures. */
function yearlyCosts(s: ScenarioInputs, m: MediumInputs, d: Deployment): TcoYear[] {
  const rows: TcoYear[] = [];
  let cumulative = 0;
  for (let year = 1; year <= s.years; year++) {
    const purchases = purchasesInYear(year, m.serviceLifeYears);
    const capex = purchases * d.purchaseCost;
    const energy = energyCostInYear(d.kwIT, s, year);
    const space = d.racks * s.rackMonthPrice * 12;
    const failures = d.drives * m.afr * d.replacementPerFailure;
    const total = capex + energy + space + failures;
    cumulative += total;
    rows.push({ year, purchases, capex, energy, space, failures, total, cumulative });
  }
  return rows;
}

function sumComponents(rows: readonly CostComponents[]): CostComponents {
  const sum: CostComponents = { capex: 0, energy: 0, space: 0, failures: 0, total: 0 };
  for (const r of rows) {
    sum.capex += r.capex;
    sum.energy += r.energy;
    sum.space += r.space;
    sum.failures += r.failures;
    sum.total += r.total;
  }
  return sum;
}

/** First year in which SSD's cumulative cost is at or below HDD's; null if none in the horizon. */
export function findCrossover(hdd: readonly TcoYear[], ssd: readonly TcoYear[]): Crossover | null {
  const years = Math.min(hdd.length, ssd.length);
  const ssdAtOrBelow = (i: number) => (ssd[i]?.cumulative ?? Infinity) <= (hdd[i]?.cumulative ?? -Infinity);
  for (let i = 0; i < years; i++) {
    if (!ssdAtOrBelow(i)) continue;
    let holdsToHorizon = true;
    for (let j = i + 1; j < years; j++) if (!ssdAtOrBelow(j)) holdsToHorizon = false;
    return { year: i + 1, kind: i === 0 ? 'ssd-cheaper-from-start' : 'crosses', holdsToHorizon };
  }
  return null;
}

/** The SSD $/TB at which SSD's horizon TCO equals HDD's (see {@link TippingPoint}). */
export function tippingPoint(hdd: MediumTco, ssd: MediumTco, ssdInputs: MediumInputs, years: number): TippingPoint {
  const failedDrives = ssd.drives * ssdInputs.afr * years;
  const otherCosts =
    ssd.totals.energy + ssd.totals.space + ssd.nodeCapexPerPurchase * ssd.purchases + failedDrives * ssdInputs.replaceCost;
  const perDollarPerTB = ssd.rawTB * ssd.purchases + failedDrives * ssdInputs.replaceDriveShare * ssdInputs.driveTB;
  const ssdPricePerTB = (hdd.totals.total - otherCosts) / perDollarPerTB;
  return { ssdPricePerTB, breakEvenPossible: ssdPricePerTB > 0, otherCosts };
}
