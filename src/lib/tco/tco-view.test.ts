/**
 * Tests for the TCO page's view helpers: fields, typed numbers, URL state, errors, the verdict
 * sentences, the §3.5 warnings and the HTML they render. The scenario is the small one of
 * tco.test.ts, whose figures are worked by hand there (HDD TCO $76,226, SSD $56,742, crossover
 * in year 4, tipping point $59.484/TB); expected strings here are written out, not computed.
 */
import { describe, expect, it } from 'vitest';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from '../../schemas/tco.ts';
import { computeTco, type TcoInputs } from './tco.ts';
import {
  buildView,
  changedOnly,
  chartData,
  FIELDS,
  fieldOf,
  inputProblems,
  inputsFor,
  isChanged,
  pitfalls,
  provenanceFor,
  renderChanged,
  renderCumulativeTable,
  renderSummary,
  renderTicker,
  renderWarnings,
  searchFromState,
  stateFromSearch,
  verdict,
  withValues,
  type PitfallContext,
} from './tco-view.ts';

import { BASE, SCENARIO } from './tco.fixture.ts';
const CTX: PitfallContext = { defaults: BASE, provenance: {}, now: '2026-11-26' };

describe('fields', () => {
  it('cover every schema param once, scenario then HDD then SSD', () => {
    expect(FIELDS.map((f) => f.key)).toEqual([
      ...SCENARIO_PARAMS.map((p) => `scenario.${p}`),
      ...MEDIUM_PARAMS.map((p) => `hdd.${p}`),
      ...MEDIUM_PARAMS.map((p) => `ssd.${p}`),
    ]);
    expect(new Set(FIELDS.map((f) => f.id)).size).toBe(FIELDS.length);
  });

  it('name a field on its own, with its medium', () => {
    expect(fieldOf('hdd.driveTB')).toMatchObject({ fullLabel: 'HDD drive capacity', unit: 'TB raw per drive', id: 'tco-hdd-driveTB' });
    expect(fieldOf('scenario.pue')?.fullLabel).toBe('PUE');
    expect(fieldOf('ssd.afr')?.fullLabel).toBe('SSD annual failure rate');
    expect(fieldOf('nope.x')).toBeUndefined();
  });
});

describe('typed numbers', () => {
  it('counts text as changed only when it means another number', () => {
    expect(isChanged('60', 60)).toBe(false);
    expect(isChanged('60.0', 60)).toBe(false);
    expect(isChanged('61', 60)).toBe(true);
    expect(isChanged('', 60)).toBe(true);
    expect(isChanged('abc', 60)).toBe(true);
  });
});

describe('URL state', () => {
  it('writes only changed fields, in field order', () => {
    const raw = { 'ssd.pricePerTB': '25', 'scenario.years': '6', 'hdd.driveTB': '24', 'scenario.pue': '1.2' } as const;
    expect(searchFromState(raw, BASE)).toBe('?scenario.pue=1.2&hdd.driveTB=24&ssd.pricePerTB=25');
    expect(searchFromState({}, BASE)).toBe('');
    expect(searchFromState({ 'scenario.years': '6' }, BASE)).toBe('');
  });

  it('reads back what it wrote, ignoring unknown keys and unchanged values', () => {
    const search = searchFromState({ 'ssd.pricePerTB': '25', 'hdd.afr': '0.03' }, BASE);
    expect(stateFromSearch(search, BASE)).toEqual({ raw: { 'hdd.afr': '0.03', 'ssd.pricePerTB': '25' }, ignored: [] });
    expect(stateFromSearch('?ssd.pricePerTB=40&utm_source=mail&ssd.nodeU=1', BASE)).toEqual({
      raw: { 'ssd.nodeU': '1' },
      ignored: ['utm_source'],
    });
  });

  it('keeps text that is not a number, so the error can be shown and shared', () => {
    const search = searchFromState({ 'hdd.driveTB': '2 2&x' }, BASE);
    expect(search).toBe('?hdd.driveTB=2+2%26x');
    expect(stateFromSearch(search, BASE).raw).toEqual({ 'hdd.driveTB': '2 2&x' });
  });

  it('turns the state into model inputs without touching the sourced values', () => {
    const inputs = inputsFor(BASE, { 'ssd.pricePerTB': '25', 'hdd.driveTB': 'x' });
    expect(inputs.ssd.pricePerTB).toBe(25);
    expect(inputs.hdd.driveTB).toBeNaN();
    expect(inputs.scenario).toEqual(SCENARIO);
    expect(BASE.ssd.pricePerTB).toBe(40);
    expect(changedOnly({ 'ssd.pricePerTB': '40', 'ssd.afr': ' 0.02 ' }, BASE)).toEqual({ 'ssd.afr': '0.02' });
  });
});

describe('input problems', () => {
  it('name the field, the expectation with its unit, and what was found', () => {
    const bad = withValues(BASE, { 'hdd.driveTB': 0 });
    expect(inputProblems(bad)).toEqual([{
      field: 'hdd.driveTB',
      message: 'HDD drive capacity: expected a value greater than 0 (TB raw per drive), found 0',
      target: 'tco-hdd-driveTB',
    }]);
  });

  it('quote unparseable text as typed', () => {
    const raw = { 'ssd.pricePerTB': 'cheap' } as const;
    expect(inputProblems(inputsFor(BASE, raw), raw)[0]?.message).toBe('SSD drive price per TB: expected a number ($ per TB raw), found “cheap”');
    const blank = { 'ssd.pricePerTB': '' } as const;
    expect(inputProblems(inputsFor(BASE, blank), blank)[0]?.message).toBe('SSD drive price per TB: expected a number ($ per TB raw), found nothing');
    const comma = { 'ssd.afr': '0,02' } as const;
    expect(inputProblems(inputsFor(BASE, comma), comma)[0]?.message)
      .toBe('SSD annual failure rate: expected a number (failures per drive-year (fraction)), found “0,02”: write 0.02 with a decimal point (a comma only groups thousands, as in 1,000)');
  });

  it('report the duty cycle as a whole', () => {
    const p = inputProblems(withValues(BASE, { 'scenario.dutyRead': 0.6 }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'scenario.duty', target: 'tco-scenario-dutyIdle' });
    expect(p[0]?.message).toMatch(/^Duty cycle: expected dutyIdle \+ dutyRead \+ dutyWrite to sum to 1/);
  });
});

describe('verdict', () => {
  it('states the tipping point against the quoted SSD price: HDD dearer at $40 vs $59.48', () => {
    const v = verdict(BASE, computeTco(BASE));
    expect(v.cheaper).toBe('ssd');
    expect(v.tipping).toBe(
      'SSD breaks even with HDD over 6 years at <strong>$59.48/TB</strong>; this scenario prices SSD at ' +
      '<strong>$40.00/TB</strong>, 33 % below it, so <strong>SSD is cheaper</strong> over 6 years.',
    );
    expect(v.crossover).toBe(
      '<strong>Crossover in year 4</strong>: SSD’s cumulative cost comes down to HDD’s and stays at or below it to year 6.',
    );
  });

  it('flips when SSD is priced above the tipping point', () => {
    // SSD at $80/TB: TCO $96,742 against HDD $76,226; no crossover (tco.test.ts)
    const inputs = withValues(BASE, { 'ssd.pricePerTB': 80 });
    const v = verdict(inputs, computeTco(inputs));
    expect(v.cheaper).toBe('hdd');
    expect(v.tipping).toContain('<strong>$59.48/TB</strong>');
    expect(v.tipping).toContain('1.34× the break-even price, so <strong>HDD is cheaper</strong> over 6 years');
    expect(v.crossover).toBe(
      '<strong>No crossover within 6 years</strong>: SSD’s cumulative cost stays above HDD’s every year ' +
      '(year 6: SSD $96.7K vs HDD $76.2K cumulative).',
    );
  });

  it('says when SSD is cheaper from year 1, and when a crossover does not hold', () => {
    const cheap = withValues(BASE, { 'ssd.pricePerTB': 20 });
    expect(verdict(cheap, computeTco(cheap)).crossover).toBe(
      '<strong>No crossover needed</strong>: SSD costs no more than HDD from year 1 and stays at or below it to year 6.',
    );
    const undone = withValues(BASE, { 'hdd.serviceLifeYears': 6, 'ssd.serviceLifeYears': 3, 'ssd.pricePerTB': 27 });
    expect(verdict(undone, computeTco(undone)).crossover).toBe(
      '<strong>Crossover in year 3</strong>, but it does not hold: SSD’s cumulative cost goes back above HDD’s later ' +
      '(year 6: SSD $75.7K vs HDD $48.2K cumulative).',
    );
  });

  it('says when flash cannot break even at any price', () => {
    // SSD node at $100,000: other costs $111,742 against HDD's $76,226
    const inputs = withValues(BASE, { 'ssd.nodePrice': 100_000 });
    const v = verdict(inputs, computeTco(inputs));
    expect(v.cheaper).toBe('hdd');
    expect(v.tipping).toBe(
      'SSD cannot break even with HDD over 6 years at any drive price: even with free SSD drives, its nodes, energy, ' +
      'space and fixed failure costs (<strong>$112K</strong>) cost at least HDD’s whole TCO (<strong>$76.2K</strong>), so <strong>HDD is cheaper</strong>.',
    );
  });
});

describe('pitfall warnings (figures.md §3.5)', () => {
  const ids = (inputs: TcoInputs, ctx = CTX) => pitfalls(inputs, computeTco(inputs), ctx).map((w) => w.id);

  it('flag asymmetric refresh with the tipping point under equal lives, and offer both', () => {
    // The small scenario: HDD 3 years, SSD 6 years.
    // Both at 3: SSD buys twice; other costs 3,942 + 7,200 + 600 + 2 × 5,000 = 21,742;
    //   p* = (76,226 − 21,742) / (1,000 TB × 2) = $27.242/TB.
    // Both at 6: HDD buys once: 28,000 + 6 × 3,371 = 48,226; p* = (48,226 − 16,742) / 1,000 = $31.484/TB.
    const [w] = pitfalls(BASE, computeTco(BASE), CTX).filter((x) => x.id === 'refresh');
    expect(w?.level).toBe('warn');
    expect(w?.html).toContain('<strong>$27.24/TB</strong> at 3 years and <strong>$31.48/TB</strong> at 6 years (now $59.48/TB)');
    expect(w?.actions).toEqual([
      { label: 'Use 3 years for both', set: { 'hdd.serviceLifeYears': '3', 'ssd.serviceLifeYears': '3' } },
      { label: 'Use 6 years for both', set: { 'hdd.serviceLifeYears': '6', 'ssd.serviceLifeYears': '6' } },
    ]);
    expect(ids(withValues(BASE, { 'ssd.serviceLifeYears': 3 }))).not.toContain('refresh');
    // Lives of 6 and 8 years over a 6-year horizon: one purchase each, so nothing to flag.
    expect(ids(withValues(BASE, { 'hdd.serviceLifeYears': 6, 'ssd.serviceLifeYears': 8 }))).not.toContain('refresh');
  });

  it('flag unequal data reduction', () => {
    expect(ids(BASE)).toContain('reduction'); // HDD 1×, SSD 2×
    expect(ids(withValues(BASE, { 'ssd.dataReduction': 1 }))).not.toContain('reduction');
  });

  it('flag a retail price proxy only while the sourced price is in use', () => {
    const ctx = { ...CTX, provenance: { 'ssd.pricePerTB': { asOf: '2026-01-01', retail: true } } };
    expect(ids(BASE, ctx)).toContain('retail');
    expect(ids(withValues(BASE, { 'ssd.pricePerTB': 30 }), ctx)).not.toContain('retail');
  });

  it('flag sourced prices more than two years old', () => {
    const ctx = { ...CTX, provenance: { 'scenario.pricePerKWh': { asOf: '2024-03-18' }, 'hdd.wattsIdle': { asOf: '2020-01-01' } } };
    const w = pitfalls(BASE, computeTco(BASE), ctx).find((x) => x.id === 'dated');
    expect(w?.html).toBe('1 sourced price is more than two years old: electricity price (2024-03-18). Prices move; check them before quoting.');
    expect(ids(BASE, { ...ctx, now: '2026-03-01' })).not.toContain('dated');
  });

  it('note a performance-bound HDD count and a missing throughput floor', () => {
    expect(ids(BASE)).toContain('performance'); // no floor set
    // 100 GB/s ÷ 0.25 GB/s = 400 HDDs > 100 for capacity
    const w = pitfalls(withValues(BASE, { 'scenario.requiredGBps': 100 }), computeTco(withValues(BASE, { 'scenario.requiredGBps': 100 })), CTX)
      .find((x) => x.id === 'performance');
    expect(w?.title).toBe('HDD sized by throughput');
    expect(w?.html).toContain('needs 400 HDDs, more than the 100 that hold the data');
  });

  it('note node power and power-bound racks', () => {
    // HDD: nodes 4 × 200 W = 0.8 of 1.5 kW (53 %)
    expect(ids(BASE)).toContain('system-watts');
    // rack cap 1 kW: HDD needs ceil(1.5 / 1) = 2 racks for power, 1 for units
    expect(ids(withValues(BASE, { 'scenario.rackKW': 1 }))).toContain('rack-power');
  });
});

describe('provenance', () => {
  it('dates each sourced value and spots retail drive prices', () => {
    const params = {
      scenario: { pue: { source: 'uptime' }, years: { assumption: 'a round horizon' }, pricePerKWh: { source: 'eia' } },
      hdd: { pricePerTB: { source: 'bulk' } },
      ssd: { pricePerTB: { source: 'retail' }, afr: { assumption: 'same as HDD, not a retail figure' } },
    };
    const sources: Record<string, { title: string; published?: string; retrieved: string; note?: string }> = {
      uptime: { title: 'PUE survey', published: '2023-11-23', retrieved: '2026-11-26' },
      eia: { title: 'Average retail electricity price', published: '2024-03-18', retrieved: '2026-11-26' },
      bulk: { title: 'Bulk prices', retrieved: '2026-11-26', note: 'Bulk buyer, not retail.' },
      retail: { title: 'Flash costs', retrieved: '2026-11-26', note: 'Retail (Amazon) averages.' },
    };
    expect(provenanceFor(params as never, (id) => sources[id])).toEqual({
      'scenario.pue': { asOf: '2023-11-23', asOfKind: 'published' },
      'scenario.years': { assumption: true },
      'scenario.pricePerKWh': { asOf: '2024-03-18', asOfKind: 'published' }, // "retail" matters for drive prices only
      'hdd.pricePerTB': { asOf: '2026-11-26', asOfKind: 'retrieved' },
      'ssd.pricePerTB': { asOf: '2026-11-26', asOfKind: 'retrieved', retail: true },
      'ssd.afr': { assumption: true },
    });
  });
});

describe('rendered HTML', () => {
  it('marks the verdict and the crossover with data attributes the page and tests read', () => {
    const html = renderSummary(buildView(BASE, CTX));
    expect(html).toContain('<p class="tco-tipping" data-cheaper="ssd">');
    expect(html).toContain('<p class="tco-crossover" data-crossover="4">');
    expect(html).toContain('$56.7K'); // SSD TCO
    expect(renderTicker(buildView(BASE, CTX))).toBe(
      '<strong>SSD cheaper</strong> · break-even $59.48/TB · SSD $40.00/TB · crossover year 4',
    );
  });

  it('lists the problems instead of figures when inputs cannot be modelled', () => {
    const v = buildView(withValues(BASE, { 'hdd.driveTB': 0 }), CTX);
    expect(v.ok).toBe(false);
    expect(renderSummary(v)).toContain('<a href="#tco-hdd-driveTB">HDD drive capacity: expected a value greater than 0 (TB raw per drive), found 0</a>');
    expect(renderWarnings(v)).toBe('');
    expect(renderCumulativeTable(v)).toBe('');
  });

  it('marks the crossover row in the cumulative table', () => {
    const html = renderCumulativeTable(buildView(BASE, CTX));
    expect(html).toContain('<tr class="tco-cross-row"><th scope="row">4 <span class="tco-tag">crossover</span></th><td class="num">$69,484</td><td class="num">$52,828</td><td class="num">−$16,656</td></tr>');
    expect(html.match(/<tr/g)).toHaveLength(7); // header + 6 years
  });

  it('escapes typed text and offers the reset link in the list of changes', () => {
    const html = renderChanged({ 'ssd.pricePerTB': '<b>x</b>', 'ssd.afr': '0.01' }, BASE, '/tco/x/');
    expect(html).toContain('SSD drive price per TB: <strong>&lt;b&gt;x&lt;/b&gt;</strong> $ per TB raw (sourced: 40)');
    expect(html).toContain('<a class="no-print" href="/tco/x/" data-tco-reset>');
    expect(html).toContain('1 input changed');
    expect(renderChanged({}, BASE)).toBe('');
  });

  it('gives chart series and text alternatives from the same result', () => {
    const c = chartData(BASE, computeTco(BASE));
    expect(c.years).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.crossoverYear).toBe(4);
    expect(c.hddCumulative[3]).toBeCloseTo(69_484, 6);
    expect(c.components.map((x) => x.key)).toEqual(['capex', 'energy', 'space', 'failures']);
    expect(c.lineAlt).toContain('SSD is at or below HDD from year 4');
  });
});
