/**
 * Tests for the tornado (tipping point with each input moved ±20 %). Every expected number is
 * worked by hand on the small scenario of tco.test.ts and written here as a literal, with the
 * arithmetic in a comment; none is computed by the code under test.
 *
 * The scenario, and the figures every case below starts from (see tco.test.ts for their working):
 *   HDD: 100 drives × 20 TB, 4 nodes, 1.5 kW, 1 rack, 3-year life → 2 purchases of $28,000;
 *        TCO = capex 56,000 + energy 11,826 + space 7,200 + failures 1,200 = $76,226
 *   SSD: 20 drives × 50 TB, 1 node, 0.5 kW, 1 rack, 6-year life → 1 purchase;
 *        costs other than its drives = energy 3,942 + space 7,200 + failures 600 + node 5,000 = $16,742
 *   p* = (76,226 − 16,742) / (20 × 50 TB × 1) = $59.484/TB
 * Energy per kW of IT load: 8,760 h × PUE 1.5 × $0.1 = $1,314 a year, $7,884 over 6 years.
 */
import { describe, expect, it } from 'vitest';
import type { MediumInputs, ScenarioInputs, TcoInputs } from './tco.ts';
import {
  movedValue,
  renderSensitivityTable,
  sensitivityAlt,
  sensitivityChartData,
  SENSITIVITY_FIELDS,
  tippingSensitivity,
  type Sensitivity,
  type SensitivityBar,
} from './tco-sensitivity.ts';

import { BASE, HDD, SCENARIO, SSD } from './tco.fixture.ts';

function variant(changes: { scenario?: Partial<ScenarioInputs>; hdd?: Partial<MediumInputs>; ssd?: Partial<MediumInputs> }): TcoInputs {
  return { scenario: { ...SCENARIO, ...changes.scenario }, hdd: { ...HDD, ...changes.hdd }, ssd: { ...SSD, ...changes.ssd } };
}

/** Every input's bar (no top-N cut). */
const everything = (inputs: TcoInputs) => tippingSensitivity(inputs, 1000);
const barOf = (s: Sensitivity, key: string): SensitivityBar => {
  const b = s.bars.find((x) => x.key === key);
  if (!b) throw new Error(`no bar for ${key}`);
  return b;
};

function expectBar(b: SensitivityBar, e: { low: [number, number]; high: [number, number]; swing: number }) {
  expect(b.low?.value, `${b.key} value at −20 %`).toBeCloseTo(e.low[0], 9);
  expect(b.low?.tipping, `${b.key} tipping at −20 %`).toBeCloseTo(e.low[1], 6);
  expect(b.high?.value, `${b.key} value at +20 %`).toBeCloseTo(e.high[0], 9);
  expect(b.high?.tipping, `${b.key} tipping at +20 %`).toBeCloseTo(e.high[1], 6);
  expect(b.swing, `${b.key} swing`).toBeCloseTo(e.swing, 6);
}

describe('which inputs are moved', () => {
  it('skips the horizon, the duty shares and the SSD price, and moves the other 41', () => {
    // 12 shared + 2 × 17 per medium = 46 inputs; minus years, dutyIdle, dutyRead, dutyWrite, ssd.pricePerTB = 41
    expect(SENSITIVITY_FIELDS).toHaveLength(41);
    for (const k of ['scenario.years', 'scenario.dutyIdle', 'scenario.dutyRead', 'scenario.dutyWrite', 'ssd.pricePerTB']) {
      expect(SENSITIVITY_FIELDS).not.toContain(k);
    }
    expect(SENSITIVITY_FIELDS).toContain('hdd.pricePerTB');
    expect(SENSITIVITY_FIELDS).toContain('scenario.rackKW');
  });

  it('keeps moved values valid: fractions at most 1, ratios at least 1, whole drives per node', () => {
    expect(movedValue('scenario.rackKW', 10, 0.8)).toBe(8);
    expect(movedValue('scenario.rackKW', 10, 1.2)).toBe(12);
    expect(movedValue('hdd.maxFill', 0.9, 1.2)).toBe(1); // 1.08 → 1
    expect(movedValue('ssd.afr', 0.9, 1.2)).toBe(1); // 1.08 → 1
    expect(movedValue('scenario.pue', 1.1, 0.8)).toBe(1); // 0.88 → 1
    expect(movedValue('hdd.protectionOverhead', 1.1, 0.8)).toBe(1); // 0.88 → 1
    expect(movedValue('ssd.dataReduction', 1, 0.8)).toBe(1); // 0.8 would inflate the data → 1
    expect(movedValue('ssd.dataReduction', 1, 1.2)).toBe(1.2);
    expect(movedValue('ssd.drivesPerNode', 24, 0.8)).toBe(19); // 19.2 → 19
    expect(movedValue('ssd.drivesPerNode', 24, 1.2)).toBe(29); // 28.8 → 29
    expect(movedValue('hdd.drivesPerNode', 2, 0.8)).toBe(2); // 1.6 → 2: that side does not move
    expect(movedValue('hdd.nodeU', 4, 0.8)).toBe(3.2); // continuous in the model: not rounded to whole U
    expect(movedValue('ssd.serviceLifeYears', 6, 0.8)).toBe(4.8); // 4.800000000000001 in doubles, cleaned to 12 digits
  });
});

describe('the tipping point with one input moved', () => {
  const s = everything(BASE);

  it('starts from the unmoved tipping point', () => {
    expect(s.base).toBeCloseTo(59.484, 9);
    expect(s.tested).toBe(41);
    expect(s.bars).toHaveLength(41);
  });

  it('moves with the HDD price one for one (per TB of SSD bought)', () => {
    // $8/TB: HDD drive capex 100 × 8 × 20 = 16,000 (−4,000) × 2 purchases = −8,000 → TCO 68,226
    //   p* = (68,226 − 16,742) / 1,000 = 51.484
    // $12/TB: +8,000 → 84,226 → p* = 67.484; swing 16
    expectBar(barOf(s, 'hdd.pricePerTB'), { low: [8, 51.484], high: [12, 67.484], swing: 16 });
  });

  it('moves with electricity through both media’s energy', () => {
    // $0.08/kWh: HDD energy 11,826 × 0.8 = 9,460.8 (−2,365.2) → 73,860.8;
    //   SSD other 16,742 − 3,942 × 0.2 = 16,742 − 788.4 = 15,953.6 → p* = 57,907.2 / 1,000 = 57.9072
    // $0.12/kWh: 78,591.2 and 17,530.4 → p* = 61,060.8 / 1,000 = 61.0608; swing 3.1536
    expectBar(barOf(s, 'scenario.pricePerKWh'), { low: [0.08, 57.9072], high: [0.12, 61.0608], swing: 3.1536 });
    // PUE scales energy exactly as the price does: 1.2 and 1.8 give the same two tipping points
    expectBar(barOf(s, 'scenario.pue'), { low: [1.2, 57.9072], high: [1.8, 61.0608], swing: 3.1536 });
  });

  it('does not move with inputs that cancel or do not bind', () => {
    // rack rent: both media have 1 rack, so ±$20 × 12 × 6 is added to both sides of p* and cancels
    // rack kW 8 or 12: HDD ceil(1.5 / 8) = 1 rack, SSD ceil(0.5 / 8) = 1: the rack count does not change
    // required throughput 0 ± 20 % is still 0, so HDD throughput per drive does not matter either
    for (const k of ['scenario.rackMonthPrice', 'scenario.rackKW', 'scenario.requiredGBps', 'hdd.driveGBps', 'scenario.energyEscalation']) {
      expect(barOf(s, k).swing, k).toBeCloseTo(0, 9);
      expect(barOf(s, k).low?.tipping, k).toBeCloseTo(59.484, 9);
    }
  });

  it('measures the swing as the spread when both sides move the same way (SSD drive size)', () => {
    // 40 TB: N = ceil(1000 / 2 × 1.5 / 0.75 / 40) = 25 drives, 2 nodes, kW (25 × 10 + 2 × 300) / 1000 = 0.85
    //   other = energy 0.85 × 7,884 = 6,701.4 + space 7,200 + failures 25 × 0.01 × 500 × 6 = 750 + nodes 10,000 = 24,651.4
    //   p* = (76,226 − 24,651.4) / (25 × 40 TB) = 51,574.6 / 1,000 = 51.5746
    // 60 TB: N = ceil(1000 / 60) = 17 drives, 1 node, kW (170 + 300) / 1000 = 0.47
    //   other = 0.47 × 7,884 = 3,705.48 + 7,200 + 17 × 0.01 × 500 × 6 = 510 + 5,000 = 16,415.48
    //   p* = (76,226 − 16,415.48) / (17 × 60 TB) = 59,810.52 / 1,020 = 58.637765
    // both below the base 59.484: swing = 59.484 − 51.5746 = 7.9094 (not |58.6378 − 51.5746| = 7.0632)
    expectBar(barOf(s, 'ssd.driveTB'), { low: [40, 51.5746], high: [60, 58.637765], swing: 7.9094 });
  });

  it('moves only one side when rounding or a ceiling absorbs the other (drives per node)', () => {
    // HDD 20 per node: nodes ceil(100 / 20) = 5, kW (700 + 1,000) / 1000 = 1.7
    //   capex (20,000 + 10,000) × 2 = 60,000; energy 1.7 × 7,884 = 13,402.8; space 7,200; failures 1,200
    //   TCO 81,802.8 → p* = (81,802.8 − 16,742) / 1,000 = 65.0608
    // HDD 30 per node: nodes ceil(100 / 30) = 4, as now → 59.484; swing 5.5768
    expectBar(barOf(s, 'hdd.drivesPerNode'), { low: [20, 65.0608], high: [30, 59.484], swing: 5.5768 });
    // SSD 16 per node: nodes ceil(20 / 16) = 2: +$5,000 node, +0.3 kW × 7,884 = +2,365.2 energy
    //   other 16,742 + 7,365.2 = 24,107.2 → p* = 52,118.8 / 1,000 = 52.1188; SSD 24 per node: 1 node, unchanged
    expectBar(barOf(s, 'ssd.drivesPerNode'), { low: [16, 52.1188], high: [24, 59.484], swing: 7.3652 });
  });

  it('ranks the inputs by swing, largest first', () => {
    // Hand-worked swings of every input that moves p* by more than $7/TB:
    //   ssd.serviceLifeYears  4.8 y: ceil(6 / 4.8) = 2 purchases: other 3,942 + 7,200 + 600 + 2 × 5,000 = 21,742
    //                         p* = (76,226 − 21,742) / (1,000 TB × 2) = 27.242; 7.2 y: 1 purchase, 59.484 → 32.242
    //   ssd.protectionOverhead 1.2: N = ceil(500 × 1.2 / 0.75 / 50) = 16, 1 node, 0.46 kW:
    //                         other 0.46 × 7,884 = 3,626.64 + 7,200 + 480 + 5,000 = 16,306.64
    //                         p* = 59,919.36 / 800 = 74.8992
    //                         1.8: N = 24, 2 nodes, 0.84 kW: other 6,622.56 + 7,200 + 720 + 10,000 = 24,542.56
    //                         p* = 51,683.44 / 1,200 = 43.0695333 → swing 31.8296667
    //   ssd.dataReduction     1.6: N = ceil(625 × 1.5 / 0.75 / 50) = 25 → other 24,651.4 (as for 40 TB drives)
    //                         p* = 51,574.6 / 1,250 TB = 41.25968
    //                         2.4: N = ceil(416.7 × 2 / 50) = 17 → other 16,415.48, p* = 59,810.52 / 850 = 70.3653176
    //                         → swing 29.1056376
    //   ssd.maxFill           0.6 → 25 drives, 0.9 → 17 drives: the same two tipping points, the same swing;
    //                         the tie keeps field order (dataReduction comes first)
    //   hdd.serviceLifeYears  2.4 y: ceil(6 / 2.4) = 3 purchases: +28,000 → 104,226 → p* 87.484;
    //                         3.6 y: ceil(6 / 3.6) = 2, unchanged → swing 28
    //   hdd.maxFill           0.6: N = 125, 5 nodes, 1.875 kW: capex (25,000 + 10,000) × 2 = 70,000,
    //                         energy 1.875 × 7,884 = 14,782.5, space 7,200, failures 1,500 → 93,482.5 → 76.7405
    //                         0.9: N = 84, 4 nodes, 1.388 kW: capex (16,800 + 8,000) × 2 = 49,600,
    //                         energy 10,942.992, space 7,200, failures 1,008 → 68,750.992 → 52.008992 → 24.731508
    //   hdd.protectionOverhead 1.2: N = 80 → HDD 66,882.24 → 50.14024; 1.8: N = 120 → 91,146.56 → 74.40456 → 24.26432
    //   hdd.pricePerTB 16; hdd.driveTB 8.011508; ssd.driveTB 7.9094; capacityTB 7.71617; hdd.dataReduction 7.475008
    //   (1.2: N = 84 → 52.008992; 0.8 stops at 1); ssd.drivesPerNode 7.3652
    // Everything else moves p* by less: hdd.nodePrice 6.4 (4 nodes × $400 × 2), hdd.drivesPerNode 5.5768,
    //   pricePerKWh and pue 3.1536, hdd.nodeWatts 2.52288, ssd.nodePrice 2, hdd.wattsRead 1.5768 (±1 W × 100 drives),
    //   and the other watts, AFRs and
    //   replacement costs below $1; rack inputs, node heights, throughput and escalation not at all.
    const top = tippingSensitivity(BASE, 5);
    expect(top.bars.map((b) => b.key)).toEqual([
      'ssd.serviceLifeYears', 'ssd.protectionOverhead', 'ssd.dataReduction', 'ssd.maxFill', 'hdd.serviceLifeYears',
    ]);
    expectBar(top.bars[0]!, { low: [4.8, 27.242], high: [7.2, 59.484], swing: 32.242 });
    expectBar(top.bars[1]!, { low: [1.2, 74.8992], high: [1.8, 43.0695333], swing: 31.8296667 });
    expectBar(top.bars[2]!, { low: [1.6, 41.25968], high: [2.4, 70.3653176], swing: 29.1056376 });
    expectBar(top.bars[3]!, { low: [0.6, 41.25968], high: [0.9, 70.3653176], swing: 29.1056376 });
    expectBar(top.bars[4]!, { low: [2.4, 87.484], high: [3.6, 59.484], swing: 28 });
    expect(top.tested).toBe(41);

    const ranked = everything(BASE).bars.map((b) => b.key);
    expect(ranked.slice(5, 14)).toEqual([
      'hdd.maxFill', 'hdd.protectionOverhead', 'hdd.pricePerTB', 'hdd.driveTB', 'ssd.driveTB',
      'scenario.capacityTB', 'hdd.dataReduction', 'ssd.drivesPerNode', 'hdd.nodePrice',
    ]);
    expectBar(barOf(everything(BASE), 'hdd.maxFill'), { low: [0.6, 76.7405], high: [0.9, 52.008992], swing: 24.731508 });
    expectBar(barOf(everything(BASE), 'hdd.protectionOverhead'), { low: [1.2, 50.14024], high: [1.8, 74.40456], swing: 24.26432 });
    // capacity 800 TB: HDD 80 drives → 66,882.24; SSD 16 drives → other 16,306.64: p* = 50,575.6 / 800 = 63.2195
    // 1,200 TB: HDD 120 drives → 91,146.56; SSD 24 drives → other 24,542.56: p* = 66,604 / 1,200 = 55.5033333
    expectBar(barOf(everything(BASE), 'scenario.capacityTB'), { low: [800, 63.2195], high: [1200, 55.5033333], swing: 7.7161667 });
  });

  it('stops a fraction at 1 and tests the capped value', () => {
    // HDD fill 0.9 as the base: N = 84 → HDD 68,750.992 → p* 52.008992
    // +20 % = 1.08 → 1: N = ceil(1,500 / 20) = 75, 3 nodes, kW (525 + 600) / 1000 = 1.125
    //   capex (15,000 + 6,000) × 2 = 42,000; energy 1.125 × 7,884 = 8,869.5; space 7,200; failures 900
    //   TCO 58,969.5 → p* = 42.2275
    // −20 % = 0.72: N = ceil(1,500 / 0.72 / 20) = ceil(104.17) = 105, 5 nodes, kW (735 + 1,000) / 1000 = 1.735
    //   capex (21,000 + 10,000) × 2 = 62,000; energy 13,678.74; space 7,200; failures 1,260 → 84,138.74 → 67.39674
    const s = everything(variant({ hdd: { maxFill: 0.9 } }));
    expect(s.base).toBeCloseTo(52.008992, 6);
    expectBar(barOf(s, 'hdd.maxFill'), { low: [0.72, 67.39674], high: [1, 42.2275], swing: 25.16924 });
  });

  it('leaves out a side that cannot be modelled', () => {
    // escalation −0.9 × 1.2 = −1.08: a fall of more than 100 % a year is refused; −0.72 is fine
    const b = barOf(everything(variant({ scenario: { energyEscalation: -0.9 } })), 'scenario.energyEscalation');
    expect(b.high).toBeNull();
    expect(b.low?.value).toBeCloseTo(-0.72, 12);
  });

  it('returns no bars for top 0 and keeps counting the inputs tested', () => {
    expect(tippingSensitivity(BASE, 0)).toEqual({ base: expect.closeTo(59.484, 9), bars: [], tested: 41 });
  });
});

describe('what the page shows', () => {
  const s = tippingSensitivity(BASE, 3);

  it('says in one sentence which input moves the tipping point most', () => {
    expect(sensitivityAlt(s)).toBe(
      'The tipping point ($59.48/TB) moves most with SSD service life: $27.24/TB at −20 % and $59.48/TB at +20 %; ' +
      'next come SSD protection overhead (a swing of $31.83/TB) and SSD data reduction (a swing of $29.11/TB); ' +
      'the table beside the chart gives every figure.',
    );
  });

  it('says so when nothing moves it, and marks a tipping point with no break-even', () => {
    const flat: Sensitivity = { base: -3.5, tested: 1, bars: [{ key: 'scenario.rackKW', base: 10, low: { value: 8, tipping: -3.5 }, high: { value: 12, tipping: -3.5 }, swing: 0 }] };
    expect(sensitivityAlt(flat)).toBe(
      'No input moved by ±20 % changes the tipping point (none (-$3.50/TB)); the table beside the chart lists the inputs tested.',
    );
  });

  it('renders the data table with the tested values, in rank order', () => {
    const html = renderSensitivityTable(s);
    expect(html).toContain('the 3 of 41 inputs that move it most');
    expect(html.match(/<tr data-field="([^"]+)"/g)).toEqual([
      '<tr data-field="ssd.serviceLifeYears"', '<tr data-field="ssd.protectionOverhead"', '<tr data-field="ssd.dataReduction"',
    ]);
    // the moved value is written exactly (for the calculator), and shown with its unit
    expect(html).toContain('<td class="num" data-value="4.8" data-tipping="27.242"><span class="tco-sens__tp">$27.24</span><br><span class="tco-small">at 4.8</span></td>');
    expect(html).toContain('<td class="num">$32.24</td>'); // the swing; the caption gives the unit, $ per TB
    expect(html).toContain('Tipping point ($ per TB) with each input moved ±20 %');
    expect(html).not.toContain('tco-tag--flip'); // no quote given
    expect(html).toContain('Not moved: the horizon');
  });

  it('tags a tipping point on the other side of the quoted SSD price', () => {
    // quoted at $50/TB: today 59.484 > 50, SSD cheaper; SSD life 4.8 y → 27.242 < 50, HDD cheaper: flips;
    // 7.2 y → 59.484, no flip; protection 1.2 → 74.8992 and 1.8 → 43.0695 (flips); reduction 1.6 → 41.2597 (flips)
    const html = renderSensitivityTable(s, 50);
    expect(html).toContain('SSD quoted at $50.00/TB');
    expect(html.match(/<span class="tco-tag tco-tag--flip">flips<\/span>/g)).toHaveLength(3);
    expect(html).toContain('so the cheaper medium changes');
  });

  it('gives the chart one floating bar per side, from the base to the moved tipping point', () => {
    const c = sensitivityChartData(s);
    expect(c.labels).toEqual(['SSD service life', 'SSD protection overhead', 'SSD data reduction']);
    expect(c.low[0]).toEqual([expect.closeTo(59.484, 9), expect.closeTo(27.242, 9)]);
    expect(c.high[0]).toEqual([expect.closeTo(59.484, 9), expect.closeTo(59.484, 9)]);
    expect(c.lowValue[0]).toBe('4.8 years');
  });
});
