/**
 * Tests for the TCO model. Every expected number is worked by hand and written here as a literal,
 * with the arithmetic in a comment; none is computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { TcoScenario } from '../../schemas/tco.ts';
import {
  ceilCount,
  computeTco,
  energyCostInYear,
  inputsFromScenario,
  purchasesInYear,
  tbPerWatt,
  validateTcoInputs,
  wattsAverage,
  type MediumInputs,
  type ScenarioInputs,
  type TcoInputs,
  type TcoYear,
} from './tco.ts';

// ---------------------------------------------------------------------------------------------
// A small scenario worked on paper
// ---------------------------------------------------------------------------------------------

import { BASE, HDD, SCENARIO, SSD } from './tco.fixture.ts';


/** The base scenario with some inputs changed. */
function variant(changes: {
  scenario?: Partial<ScenarioInputs>;
  hdd?: Partial<MediumInputs>;
  ssd?: Partial<MediumInputs>;
}): TcoInputs {
  return {
    scenario: { ...SCENARIO, ...changes.scenario },
    hdd: { ...HDD, ...changes.hdd },
    ssd: { ...SSD, ...changes.ssd },
  };
}

type ExpectedYear = Omit<TcoYear, 'year'>;

function expectYears(actual: readonly TcoYear[], expected: readonly ExpectedYear[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i];
    expect(a?.year).toBe(i + 1);
    for (const k of Object.keys(e) as (keyof ExpectedYear)[]) {
      expect(a?.[k], `year ${i + 1} ${k}`).toBeCloseTo(e[k], 6);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// figures.md §3.3: Scality's TB-per-watt check
// ---------------------------------------------------------------------------------------------

describe('Scality duty-cycle power check (figures.md §3.3)', () => {
  const exos = { idle: 5.7, read: 9.4, write: 6.4 }; // Seagate Exos X22 22 TB, W
  const micron = { idle: 5, read: 15, write: 20 }; // Micron 6500 ION 30.72 TB, W
  const readHeavy = { idle: 0.1, read: 0.8, write: 0.1 };
  const writeHeavy = { idle: 0.1, read: 0.1, write: 0.8 };

  it('averages the watts over the duty cycle', () => {
    // 0.1×5.7 + 0.8×9.4 + 0.1×6.4 = 0.57 + 7.52 + 0.64 = 8.73 W
    expect(wattsAverage(exos, readHeavy)).toBeCloseTo(8.73, 9);
    // 0.1×5.7 + 0.1×9.4 + 0.8×6.4 = 0.57 + 0.94 + 5.12 = 6.63 W
    expect(wattsAverage(exos, writeHeavy)).toBeCloseTo(6.63, 9);
    // 0.1×5 + 0.8×15 + 0.1×20 = 0.5 + 12 + 2 = 14.50 W
    expect(wattsAverage(micron, readHeavy)).toBeCloseTo(14.5, 9);
    // 0.1×5 + 0.1×15 + 0.8×20 = 0.5 + 1.5 + 16 = 18.00 W
    expect(wattsAverage(micron, writeHeavy)).toBeCloseTo(18, 9);
  });

  it('gives the published TB per watt and the HDD advantage', () => {
    // 22 / 8.73 = 2.5200… TB/W; 22 / 6.63 = 3.3183… TB/W
    const hddRead = tbPerWatt(22, 8.73);
    const hddWrite = tbPerWatt(22, 6.63);
    expect(hddRead).toBeCloseTo(2.52, 2);
    expect(hddWrite).toBeCloseTo(3.32, 2);
    // 30.72 / 14.5 = 2.1186… TB/W; 30.72 / 18 = 1.7067… TB/W
    const ssdRead = tbPerWatt(30.72, 14.5);
    const ssdWrite = tbPerWatt(30.72, 18);
    expect(ssdRead).toBeCloseTo(2.12, 2);
    expect(ssdWrite).toBeCloseTo(1.71, 2);
    // 2.5200 / 2.1186 − 1 = +18.9 %; 3.3183 / 1.7067 − 1 = +94.4 %
    expect(hddRead / ssdRead - 1).toBeCloseTo(0.189, 3);
    expect(hddWrite / ssdWrite - 1).toBeCloseTo(0.944, 3);
  });

  it('gives the energy cost per drive-year at PUE 1.58 and $0.0806/kWh (read-heavy)', () => {
    const tariff = { pue: 1.58, pricePerKWh: 0.0806, energyEscalation: 0 };
    // HDD: 8.73 W × 8,760 h = 76.4748 kWh; × 1.58 = 120.830 kWh; × $0.0806 = $9.7389 → $9.74
    const hdd = energyCostInYear(8.73 / 1000, tariff, 1);
    expect(hdd).toBeCloseTo(9.74, 2);
    expect(energyCostInYear(8.73 / 1000, { ...tariff, pricePerKWh: 1 }, 1)).toBeCloseTo(120.8, 1);
    // SSD: 14.5 W × 8,760 h = 127.02 kWh; × 1.58 = 200.692 kWh; × $0.0806 = $16.1758 → $16.18
    const ssd = energyCostInYear(14.5 / 1000, tariff, 1);
    expect(ssd).toBeCloseTo(16.18, 2);
    expect(energyCostInYear(14.5 / 1000, { ...tariff, pricePerKWh: 1 }, 1)).toBeCloseTo(200.7, 1);
    // Per TB-year: 9.7389 / 22 = $0.4427 → $0.44; 16.1758 / 30.72 = $0.5266 → $0.53
    expect(hdd / 22).toBeCloseTo(0.44, 2);
    expect(ssd / 30.72).toBeCloseTo(0.53, 2);
  });
});

// ---------------------------------------------------------------------------------------------
// The small scenario, end to end
// ---------------------------------------------------------------------------------------------

describe('a small scenario worked on paper', () => {
  const r = computeTco(BASE);

  it('sizes the HDD system', () => {
    // N_cap = ceil(1000 / 1 × 1.5 / 0.75 / 20) = ceil(2000 / 20) = 100; no throughput asked → N_perf 0
    expect(r.hdd.drivesForCapacity).toBe(100);
    expect(r.hdd.drivesForPerformance).toBe(0);
    expect(r.hdd.drives).toBe(100);
    expect(r.hdd.drivesBoundBy).toBe('capacity');
    expect(r.hdd.rawTB).toBe(2000); // 100 × 20 TB
    expect(r.hdd.nodes).toBe(4); // ceil(100 / 25)
    expect(r.hdd.wattsAvg).toBeCloseTo(7, 9); // 0.5 × 4 + 0.5 × 10 + 0 × 6
    expect(r.hdd.kwIT).toBeCloseTo(1.5, 9); // (100 × 7 + 4 × 200) / 1000 = (700 + 800) / 1000
    expect(r.hdd.racksForUnits).toBe(1); // ceil(4 × 4 U / 40 U) = ceil(0.4)
    expect(r.hdd.racksForPower).toBe(1); // ceil(1.5 kW / 10 kW) = ceil(0.15)
    expect(r.hdd.racks).toBe(1);
    expect(r.hdd.racksBoundBy).toBe('units'); // a tie is reported as units
    expect(r.hdd.driveCapexPerPurchase).toBe(20_000); // 100 × $10/TB × 20 TB
    expect(r.hdd.nodeCapexPerPurchase).toBe(8_000); // 4 × $2,000
    expect(r.hdd.purchases).toBe(2); // 3-year life over 6 years: years 1 and 4
  });

  it('sizes the SSD system', () => {
    // N_cap = ceil(1000 / 2 × 1.5 / 0.75 / 50) = ceil(500 × 2 / 50) = 20
    expect(r.ssd.drives).toBe(20);
    expect(r.ssd.drivesBoundBy).toBe('capacity');
    expect(r.ssd.nodes).toBe(1); // ceil(20 / 20)
    expect(r.ssd.wattsAvg).toBeCloseTo(10, 9); // 0.5 × 5 + 0.5 × 15 + 0 × 20
    expect(r.ssd.kwIT).toBeCloseTo(0.5, 9); // (20 × 10 + 1 × 300) / 1000
    expect(r.ssd.racks).toBe(1); // units ceil(2 / 40) = 1, power ceil(0.5 / 10) = 1
    expect(r.ssd.driveCapexPerPurchase).toBe(40_000); // 20 × $40/TB × 50 TB
    expect(r.ssd.nodeCapexPerPurchase).toBe(5_000); // 1 × $5,000
    expect(r.ssd.purchases).toBe(1); // 6-year life over 6 years
  });

  it('costs the HDD system year by year', () => {
    // capex: $20,000 + $8,000 = $28,000 in years 1 and 4
    // energy: 1.5 kW × 8,760 h × 1.5 × $0.1 = 13,140 kWh × 1.5 × 0.1 = $1,971 every year
    // space: 1 rack × $100 × 12 = $1,200; failures: 100 × 0.02 × $100 = $200
    // a year without purchase: 1,971 + 1,200 + 200 = $3,371; with one: 28,000 + 3,371 = $31,371
    expectYears(r.hdd.yearly, [
      { purchases: 1, capex: 28_000, energy: 1971, space: 1200, failures: 200, total: 31_371, cumulative: 31_371 },
      { purchases: 0, capex: 0, energy: 1971, space: 1200, failures: 200, total: 3371, cumulative: 34_742 },
      { purchases: 0, capex: 0, energy: 1971, space: 1200, failures: 200, total: 3371, cumulative: 38_113 },
      { purchases: 1, capex: 28_000, energy: 1971, space: 1200, failures: 200, total: 31_371, cumulative: 69_484 },
      { purchases: 0, capex: 0, energy: 1971, space: 1200, failures: 200, total: 3371, cumulative: 72_855 },
      { purchases: 0, capex: 0, energy: 1971, space: 1200, failures: 200, total: 3371, cumulative: 76_226 },
    ]);
    // totals: capex 2 × 28,000; energy 6 × 1,971; space 6 × 1,200; failures 6 × 200
    expect(r.hdd.totals.capex).toBeCloseTo(56_000, 6);
    expect(r.hdd.totals.energy).toBeCloseTo(11_826, 6);
    expect(r.hdd.totals.space).toBeCloseTo(7200, 6);
    expect(r.hdd.totals.failures).toBeCloseTo(1200, 6);
    expect(r.hdd.totals.total).toBeCloseTo(76_226, 6); // 56,000 + 11,826 + 7,200 + 1,200
    expect(r.hdd.costPerTBMonth).toBeCloseTo(1.058694, 5); // 76,226 / (1000 TB × 12 × 6)
  });

  it('costs the SSD system year by year', () => {
    // capex $45,000 in year 1; energy 0.5 kW × 8,760 × 1.5 × $0.1 = $657;
    // space 1 × 100 × 12 = $1,200; failures 20 × 0.01 × $500 = $100; running 657 + 1,200 + 100 = $1,957
    expectYears(r.ssd.yearly, [
      { purchases: 1, capex: 45_000, energy: 657, space: 1200, failures: 100, total: 46_957, cumulative: 46_957 },
      { purchases: 0, capex: 0, energy: 657, space: 1200, failures: 100, total: 1957, cumulative: 48_914 },
      { purchases: 0, capex: 0, energy: 657, space: 1200, failures: 100, total: 1957, cumulative: 50_871 },
      { purchases: 0, capex: 0, energy: 657, space: 1200, failures: 100, total: 1957, cumulative: 52_828 },
      { purchases: 0, capex: 0, energy: 657, space: 1200, failures: 100, total: 1957, cumulative: 54_785 },
      { purchases: 0, capex: 0, energy: 657, space: 1200, failures: 100, total: 1957, cumulative: 56_742 },
    ]);
    expect(r.ssd.totals).toEqual({
      capex: expect.closeTo(45_000, 6),
      energy: expect.closeTo(3942, 6), // 6 × 657
      space: expect.closeTo(7200, 6),
      failures: expect.closeTo(600, 6),
      total: expect.closeTo(56_742, 6), // 45,000 + 3,942 + 7,200 + 600
    });
    expect(r.ssd.costPerTBMonth).toBeCloseTo(0.788083, 5); // 56,742 / 72,000
  });

  it('finds the crossover in year 4, when the HDD refresh lands', () => {
    // cumulative SSD vs HDD: 46,957 > 31,371; 48,914 > 34,742; 50,871 > 38,113; 52,828 ≤ 69,484
    // and SSD stays below: 54,785 ≤ 72,855; 56,742 ≤ 76,226
    expect(r.crossover).toEqual({ year: 4, kind: 'crosses', holdsToHorizon: true });
  });

  it('finds the SSD $/TB at which the horizon TCOs are equal', () => {
    // SSD costs other than its drives: energy 3,942 + space 7,200 + failures 600 + nodes 5,000 = 16,742
    // p* = (76,226 − 16,742) / (20 drives × 50 TB × 1 purchase) = 59,484 / 1,000 = $59.484/TB
    // check: at $40/TB SSD TCO is 56,742 = 76,226 − 19,484, and 19,484 / 1,000 TB = $19.484/TB of headroom
    expect(r.tippingPoint.ssdPricePerTB).toBeCloseTo(59.484, 9);
    expect(r.tippingPoint.breakEvenPossible).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Crossover and tipping-point edge cases
// ---------------------------------------------------------------------------------------------

describe('failures priced at the current drive price (replaceDriveShare)', () => {
  const tied = computeTco({ scenario: SCENARIO, hdd: { ...HDD, replaceDriveShare: 1 }, ssd: { ...SSD, replaceDriveShare: 1 } });

  it('adds the drive at its current price to each failure', () => {
    // HDD: 1 × 20 TB × $10 + $100 = $300 per failure; 100 drives × 0.02 × $300 = $600 a year, $3,600 in 6
    expect(tied.hdd.replacementPerFailure).toBe(300);
    expect(tied.hdd.yearly[0]!.failures).toBeCloseTo(600, 9);
    expect(tied.hdd.totals.total).toBeCloseTo(78_626, 6); // 76,226 − 1,200 + 3,600
    // SSD: 1 × 50 TB × $40 + $500 = $2,500; 20 × 0.01 × $2,500 = $500 a year, $3,000 in 6
    expect(tied.ssd.replacementPerFailure).toBe(2500);
    expect(tied.ssd.totals.failures).toBeCloseTo(3000, 6);
    expect(tied.ssd.totals.total).toBeCloseTo(59_142, 6); // 56,742 − 600 + 3,000
  });

  it('moves the failure cost with the SSD price', () => {
    // at $80/TB: 20 × 0.01 × (50 × 80 + 500) = $900 a year
    const dearer = computeTco({ scenario: SCENARIO, hdd: HDD, ssd: { ...SSD, replaceDriveShare: 1, pricePerTB: 80 } });
    expect(dearer.ssd.yearly[0]!.failures).toBeCloseTo(900, 9);
  });

  it('counts the drive share of failures in the tipping point', () => {
    // failed SSDs over 6 years: 20 × 0.01 × 6 = 1.2; price-free SSD costs 3,942 + 7,200 + 5,000 + 1.2 × $500 = 16,742
    // p* = (78,626 − 16,742) / (1,000 TB × 1 purchase + 1.2 × 1 × 50 TB) = 61,884 / 1,060 = 58.381132…
    expect(tied.tippingPoint.otherCosts).toBeCloseTo(16_742, 6);
    expect(tied.tippingPoint.ssdPricePerTB).toBeCloseTo(61_884 / 1060, 9);
    // check: at p* the SSD total is 16,742 + 1,060 × p* = 78,626, HDD's
    const atTipping = computeTco({ scenario: SCENARIO, hdd: { ...HDD, replaceDriveShare: 1 }, ssd: { ...SSD, replaceDriveShare: 1, pricePerTB: 61_884 / 1060 } });
    expect(atTipping.ssd.totals.total).toBeCloseTo(78_626, 6);
  });
});

describe('crossover and tipping point', () => {
  it('reports no crossover within the horizon, and a tipping point independent of the quoted price', () => {
    // SSD at $80/TB: capex 20 × 80 × 50 + 5,000 = $85,000; cumulative 85,000 + 1,957 × y
    // y4: 92,828 > 69,484; y5: 94,785 > 72,855; y6: 96,742 > 76,226 (and earlier years higher still)
    const r = computeTco(variant({ ssd: { pricePerTB: 80 } }));
    expect(r.crossover).toBeNull();
    expect(r.ssd.totals.total).toBeCloseTo(96_742, 6);
    // p* uses the SSD's other costs only, so it is still (76,226 − 16,742) / 1,000
    expect(r.tippingPoint.ssdPricePerTB).toBeCloseTo(59.484, 9);
  });

  it('says distinctly when SSD is cheaper from year 1', () => {
    // SSD at $20/TB: capex 20 × 20 × 50 + 5,000 = $25,000; year 1: 25,000 + 1,957 = 26,957 ≤ 31,371
    // then 28,914 ≤ 34,742; 30,871 ≤ 38,113; 32,828 ≤ 69,484; 34,785 ≤ 72,855; 36,742 ≤ 76,226
    const r = computeTco(variant({ ssd: { pricePerTB: 20 } }));
    expect(r.crossover).toEqual({ year: 1, kind: 'ssd-cheaper-from-start', holdsToHorizon: true });
  });

  it('flags a crossover that a later SSD refresh undoes, and counts every SSD purchase in p*', () => {
    // HDD life 6: one purchase; cumulative 28,000 + 3,371 × y = 31,371, 34,742, 38,113, 41,484, …, 48,226
    // SSD life 3 at $27/TB: capex 20 × 27 × 50 + 5,000 = $32,000 in years 1 and 4
    // SSD cumulative: 33,957 > 31,371; 35,914 > 34,742; 37,871 ≤ 38,113 (crossover, year 3);
    // year 4: 2 × 32,000 + 4 × 1,957 = 71,828 > 41,484, so it does not hold
    const r = computeTco(variant({ hdd: { serviceLifeYears: 6 }, ssd: { serviceLifeYears: 3, pricePerTB: 27 } }));
    expect(r.hdd.totals.total).toBeCloseTo(48_226, 6);
    expect(r.ssd.yearly.map((y) => y.cumulative)).toEqual([
      expect.closeTo(33_957, 6),
      expect.closeTo(35_914, 6),
      expect.closeTo(37_871, 6),
      expect.closeTo(71_828, 6),
      expect.closeTo(73_785, 6),
      expect.closeTo(75_742, 6),
    ]);
    expect(r.crossover).toEqual({ year: 3, kind: 'crosses', holdsToHorizon: false });
    // SSD other costs: 3,942 + 7,200 + 600 + 2 purchases × 5,000 nodes = 21,742
    // p* = (48,226 − 21,742) / (20 × 50 TB × 2 purchases) = 26,484 / 2,000 = $13.242/TB
    expect(r.tippingPoint.ssdPricePerTB).toBeCloseTo(13.242, 9);
    expect(r.tippingPoint.breakEvenPossible).toBe(true);
  });

  it('says when flash cannot break even at any drive price', () => {
    // SSD node at $100,000: other costs 3,942 + 7,200 + 600 + 100,000 = 111,742 > HDD TCO 76,226
    // p* = (76,226 − 111,742) / 1,000 = −$35.516/TB
    const r = computeTco(variant({ ssd: { nodePrice: 100_000 } }));
    expect(r.tippingPoint.ssdPricePerTB).toBeCloseTo(-35.516, 9);
    expect(r.tippingPoint.breakEvenPossible).toBe(false);
    expect(r.crossover).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Sizing and costing edge cases
// ---------------------------------------------------------------------------------------------

describe('energy escalation', () => {
  it('keeps energy flat with zero escalation', () => {
    const r = computeTco(BASE);
    // 1.5 kW × 8,760 × 1.5 × 0.1 = $1,971 in every year
    expect(r.hdd.yearly.map((y) => y.energy)).toEqual(Array.from({ length: 6 }, () => expect.closeTo(1971, 6)));
  });

  it('compounds a positive escalation from year 2', () => {
    const r = computeTco(variant({ scenario: { energyEscalation: 0.1 } }));
    // year 1: 1,971; year 2: 1,971 × 1.1 = 2,168.1; year 3: 1,971 × 1.21 = 2,384.91
    expect(r.hdd.yearly[0]?.energy).toBeCloseTo(1971, 6);
    expect(r.hdd.yearly[1]?.energy).toBeCloseTo(2168.1, 6);
    expect(r.hdd.yearly[2]?.energy).toBeCloseTo(2384.91, 6);
    // SSD: 657, 722.7, 794.97; six-year total 657 × (1.1⁶ − 1) / 0.1 = 657 × 7.71561 = 5,069.15577
    expect(r.ssd.yearly[1]?.energy).toBeCloseTo(722.7, 6);
    expect(r.ssd.totals.energy).toBeCloseTo(5069.15577, 5);
  });
});

describe('drive count', () => {
  it('is bound by performance when the throughput floor needs more drives (figures.md §3.5)', () => {
    // HDD: 100 GB/s / 0.285 GB/s = 350.88 → 351 drives, above the 100 for capacity
    // SSD: 100 / 5 = 20 for performance = 20 for capacity: a tie, reported as capacity
    const r = computeTco(variant({ scenario: { requiredGBps: 100 }, hdd: { driveGBps: 0.285 } }));
    expect(r.hdd.drivesForCapacity).toBe(100);
    expect(r.hdd.drivesForPerformance).toBe(351);
    expect(r.hdd.drives).toBe(351);
    expect(r.hdd.drivesBoundBy).toBe('performance');
    // nodes ceil(351 / 25) = ceil(14.04) = 15; kW (351 × 7 + 15 × 200) / 1000 = (2,457 + 3,000) / 1000
    expect(r.hdd.nodes).toBe(15);
    expect(r.hdd.kwIT).toBeCloseTo(5.457, 9);
    // racks: units ceil(15 × 4 / 40) = ceil(1.5) = 2; power ceil(5.457 / 10) = 1 → 2, units-bound
    expect(r.hdd.racks).toBe(2);
    expect(r.hdd.racksBoundBy).toBe('units');
    expect(r.ssd.drivesForPerformance).toBe(20);
    expect(r.ssd.drives).toBe(20);
    expect(r.ssd.drivesBoundBy).toBe('capacity');
  });

  it('is not pushed up by floating-point noise', () => {
    // 1000 / 1 × 1.4 / 0.7 / 20 = 100 exactly on paper (100.00000000000001 in doubles)
    const r = computeTco(variant({ hdd: { protectionOverhead: 1.4, maxFill: 0.7 } }));
    expect(r.hdd.drives).toBe(100);
    expect(ceilCount(100.00000000000001)).toBe(100);
    expect(ceilCount(100.001)).toBe(101);
    expect(ceilCount(0)).toBe(0);
  });
});

describe('racks', () => {
  it('are bound by power when the rack kW cap binds before rack units', () => {
    // rack cap 1 kW: HDD 1.5 kW → ceil(1.5) = 2 racks for power vs ceil(16 / 40) = 1 for units
    // space: 2 × $100 × 12 = $2,400 a year
    // SSD 0.5 kW → 1 for power, 1 for units: a tie, reported as units
    const r = computeTco(variant({ scenario: { rackKW: 1 } }));
    expect(r.hdd.racksForPower).toBe(2);
    expect(r.hdd.racksForUnits).toBe(1);
    expect(r.hdd.racks).toBe(2);
    expect(r.hdd.racksBoundBy).toBe('power');
    expect(r.hdd.yearly[0]?.space).toBeCloseTo(2400, 9);
    expect(r.ssd.racks).toBe(1);
    expect(r.ssd.racksBoundBy).toBe('units');
  });
});

describe('refresh timing', () => {
  it('buys at years 1, 5 and 9 with a 4-year life over 10 years', () => {
    // k × 4 + 1 for k = 0, 1, 2 → 1, 5, 9 (13 is past the horizon); ceil(10 / 4) = 3 purchases
    const r = computeTco(variant({ scenario: { years: 10 }, hdd: { serviceLifeYears: 4 } }));
    expect(r.hdd.yearly.map((y) => y.purchases)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
    // $28,000 per purchase
    expect(r.hdd.yearly.map((y) => y.capex)).toEqual([28_000, 0, 0, 0, 28_000, 0, 0, 0, 28_000, 0]);
    expect(r.hdd.purchases).toBe(3);
    expect(r.hdd.totals.capex).toBe(84_000);
  });

  it('buys in year floor(k × L) + 1 for a non-integer life', () => {
    // L = 2.5: k × L = 0, 2.5, 5, 7.5 (10 is year 11) → years 1, 3, 6, 8
    expect(Array.from({ length: 10 }, (_, i) => purchasesInYear(i + 1, 2.5))).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 0]);
    // L = 0.7, year 21: 20 ≤ 0.7k < 21 holds for k = 29 only (0.7 × 29 = 20.3; 0.7 × 30 = 21 is year 22)
    expect(purchasesInYear(21, 0.7)).toBe(1);
    // over 21 years, k = 0..29: ceil(21 / 0.7) = 30 purchases
    expect(Array.from({ length: 21 }, (_, i) => purchasesInYear(i + 1, 0.7)).reduce((a, b) => a + b)).toBe(30);
    // L = 0.5: two purchases a year (k × 0.5 = 0 and 0.5 in year 1, 1 and 1.5 in year 2)
    expect(purchasesInYear(1, 0.5)).toBe(2);
    expect(purchasesInYear(2, 0.5)).toBe(2);
    // a life as long as the horizon: one purchase only
    expect(Array.from({ length: 6 }, (_, i) => purchasesInYear(i + 1, 6))).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

describe('validateTcoInputs', () => {
  it('accepts the small scenario', () => {
    expect(validateTcoInputs(BASE)).toEqual([]);
  });

  it('names the field and says what was expected, with the unit', () => {
    const errors = validateTcoInputs(variant({ hdd: { driveTB: 0 } }));
    expect(errors).toEqual([
      { field: 'hdd.driveTB', message: 'expected a value greater than 0 (TB raw per drive), found 0' },
    ]);
  });

  it('refuses impossible values field by field', () => {
    const errors = validateTcoInputs(
      variant({
        scenario: { years: 2.5, pue: 0.9, rackKW: 0, energyEscalation: -1, pricePerKWh: -0.1 },
        hdd: { maxFill: 0, protectionOverhead: 0.8, drivesPerNode: 2.5, dataReduction: 0 },
        ssd: { afr: 1.57, serviceLifeYears: 0, nodeU: 0, pricePerTB: -1, driveGBps: 0 },
      }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'scenario.years',
      'scenario.pricePerKWh',
      'scenario.pue',
      'scenario.energyEscalation',
      'scenario.rackKW',
      'hdd.drivesPerNode',
      'hdd.dataReduction',
      'hdd.protectionOverhead',
      'hdd.maxFill',
      'ssd.pricePerTB',
      'ssd.driveGBps',
      'ssd.nodeU',
      'ssd.afr',
      'ssd.serviceLifeYears',
    ]);
    const message = (field: string) => errors.find((e) => e.field === field)?.message;
    expect(message('scenario.years')).toBe('expected a whole number from 1 to 30 (years), found 2.5');
    expect(message('scenario.pue')).toBe('expected a value of 1 or more (ratio facility/IT power), found 0.9');
    expect(message('ssd.afr')).toBe(
      'expected a value from 0 to 1 (failures per drive-year (fraction)), found 1.57',
    );
    expect(message('hdd.maxFill')).toBe(
      'expected a value greater than 0 and at most 1 (fraction of usable capacity), found 0',
    );
  });

  it('bounds the horizon at 1..30 years', () => {
    expect(validateTcoInputs(variant({ scenario: { years: 30 } }))).toEqual([]);
    expect(validateTcoInputs(variant({ scenario: { years: 1 } }))).toEqual([]);
    expect(validateTcoInputs(variant({ scenario: { years: 31 } })).map((e) => e.field)).toEqual(['scenario.years']);
    expect(validateTcoInputs(variant({ scenario: { years: 0 } })).map((e) => e.field)).toEqual(['scenario.years']);
  });

  it('checks that the duty fractions sum to 1 within 1e-6', () => {
    // 0.1 + 0.8 + 0.1 is 0.9999999999999999 in doubles: accepted
    expect(validateTcoInputs(variant({ scenario: { dutyIdle: 0.1, dutyRead: 0.8, dutyWrite: 0.1 } }))).toEqual([]);
    const errors = validateTcoInputs(variant({ scenario: { dutyIdle: 0.1, dutyRead: 0.8, dutyWrite: 0.2 } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('scenario.duty');
    expect(errors[0]?.message).toMatch(/^expected dutyIdle \+ dutyRead \+ dutyWrite to sum to 1 .*found 0\.1 \+ 0\.8 \+ 0\.2 = 1\.1/);
    // each fraction is also range-checked on its own
    expect(validateTcoInputs(variant({ scenario: { dutyIdle: -0.5, dutyRead: 1.5 } })).map((e) => e.field)).toEqual([
      'scenario.dutyIdle',
      'scenario.dutyRead',
    ]);
  });

  it('refuses numbers that are not finite, and missing ones', () => {
    const missing = { ...SSD } as Partial<MediumInputs>;
    delete missing.wattsRead;
    const errors = validateTcoInputs({
      ...variant({ scenario: { capacityTB: Number.NaN }, hdd: { nodePrice: Number.POSITIVE_INFINITY } }),
      ssd: missing as MediumInputs,
    });
    expect(errors).toEqual([
      { field: 'scenario.capacityTB', message: 'expected a finite number (TB effective), found NaN' },
      { field: 'hdd.nodePrice', message: 'expected a finite number ($ per node), found Infinity' },
      { field: 'ssd.wattsRead', message: 'expected a finite number (W per drive), found undefined' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// From content
// ---------------------------------------------------------------------------------------------

describe('inputsFromScenario', () => {
  it('takes the value of each param', () => {
    const param = (value: number) => ({ value, unit: 'u', assumption: 'for the test' });
    const params = <K extends string>(values: Record<K, number>) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, param(v as number)]));
    const content = {
      title: 'Small',
      description: 'A scenario small enough to work on paper.',
      scenario: params(SCENARIO),
      hdd: params(HDD),
      ssd: params(SSD),
    } as unknown as TcoScenario;
    expect(inputsFromScenario(content)).toEqual(BASE);
  });
});
