/**
 * The shipped TCO scenarios (src/content/tco/*.yaml): the debate they exist for. Expected figures
 * are worked by hand in the comments from the YAML's values, not taken from the model.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from '../../schemas/tco.ts';
import { computeTco, type TcoInputs } from './tco.ts';
import { buildView, renderCounts } from './tco-view.ts';

const DIR = 'src/content/tco';
type Param = { value: number; unit: string; source?: string; assumption?: string };
type Raw = { scenario: Record<string, Param>; hdd: Record<string, Param>; ssd: Record<string, Param>; presets?: { label: string; set: Record<string, number>; source?: string; assumption?: string }[] };
const load = (id: string): Raw => parse(readFileSync(`${DIR}/${id}.yaml`, 'utf8')) as Raw;
const values = (g: Record<string, Param>) => Object.fromEntries(Object.entries(g).map(([k, p]) => [k, p.value]));
const inputsOf = (raw: Raw, rackKW?: number): TcoInputs => {
  const scenario = values(raw.scenario);
  if (rackKW !== undefined) scenario.rackKW = rackKW;
  return { scenario, hdd: values(raw.hdd), ssd: values(raw.ssd) } as unknown as TcoInputs;
};

describe('the 10 PB / 5-year data lake', () => {
  const raw = load('ai-data-lake-10pb');

  it('ships the 10 PB, 5-year case with a 14 kW rack and equal service lives', () => {
    expect(raw.scenario.capacityTB!.value).toBe(10_000);
    expect(raw.scenario.years!.value).toBe(5);
    expect(raw.scenario.rackKW!.value).toBe(14);
    expect(raw.hdd.serviceLifeYears!.value).toBe(raw.ssd.serviceLifeYears!.value);
  });

  it('binds the SSD racks by power at 14 kW and by rack units at 40 kW, and the total moves', () => {
    // SSD drives: ceil(10,000 × 1.25 / 0.8 / 30.72) = ceil(508.6) = 509; nodes ceil(509 / 16) = 32
    // W_avg = 0.1 × 5 + 0.8 × 15 + 0.1 × 20 = 14.5 W; kW_IT = (509 × 14.5 + 32 × 250) / 1000 = 15.3805
    // racks for units: ceil(32 × 1 / 42) = 1; for power: ceil(15.3805 / 14) = 2 at 14 kW, 1 at 40 kW
    const at14 = computeTco(inputsOf(raw, 14));
    const at40 = computeTco(inputsOf(raw, 40));
    expect(at14.ssd.kwIT).toBeCloseTo(15.3805, 9);
    expect([at14.ssd.racksForUnits, at14.ssd.racksForPower, at14.ssd.racksBoundBy]).toEqual([1, 2, 'power']);
    expect([at40.ssd.racksForUnits, at40.ssd.racksForPower, at40.ssd.racksBoundBy]).toEqual([1, 1, 'units']);
    // one rack fewer at 40 kW: $1,500 × 12 months × 5 years = $90,000 less
    expect(at14.ssd.totals.total - at40.ssd.totals.total).toBeCloseTo(90_000, 6);
  });

  it('names the bound that holds on the page', () => {
    const ctx = { defaults: inputsOf(raw), provenance: {}, now: '2026-12-01' };
    const at14 = renderCounts(buildView(inputsOf(raw, 14), ctx));
    const at40 = renderCounts(buildView(inputsOf(raw, 40), ctx));
    const ssdBound = (html: string) => /Rack count bound by<\/th><td[^>]*>.*?<\/td><td[^>]*>(.*?)<\/td>/.exec(html)?.[1] ?? '';
    expect(ssdBound(at14)).toContain('<strong>power</strong>: 15.4 kW ÷ 14 kW per rack');
    expect(ssdBound(at40)).toContain('<strong>rack units</strong>: 32 × 1 U ÷ 42 U per rack');
  });
});

describe('the 1 EB / 10-year case', () => {
  it('ships 1 EB over 10 years with equal service lives', () => {
    const raw = load('exabyte-store-1eb');
    expect(raw.scenario.capacityTB!.value).toBe(1_000_000);
    expect(raw.scenario.years!.value).toBe(10);
    expect(raw.hdd.serviceLifeYears!.value).toBe(raw.ssd.serviceLifeYears!.value);
  });
});

describe('every shipped scenario', () => {
  const ids = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

  it('includes the training tier, the 10 PB and the 1 EB cases', () => {
    expect(ids).toEqual(expect.arrayContaining(['ai-training-tier-1pb', 'ai-data-lake-10pb', 'exabyte-store-1eb']));
  });

  it.each(ids)('%s: every input and preset is sourced or labelled, never both', (id) => {
    const raw = load(id);
    const unlabelled: string[] = [];
    for (const [group, keys] of [['scenario', SCENARIO_PARAMS], ['hdd', MEDIUM_PARAMS], ['ssd', MEDIUM_PARAMS]] as const) {
      for (const k of keys) {
        const p = raw[group][k];
        const ok = p !== undefined && (p.source === undefined) !== (p.assumption === undefined) && (p.source ?? p.assumption ?? '').trim() !== '';
        if (!ok) unlabelled.push(`${group}.${k}`);
      }
    }
    for (const p of raw.presets ?? []) if ((p.source === undefined) === (p.assumption === undefined)) unlabelled.push(`preset ${p.label}`);
    expect(unlabelled).toEqual([]);
  });

  it.each(ids)('%s: offers the 6 cents/kWh contract price and the co-authored lives as labelled presets', (id) => {
    const presets = load(id).presets ?? [];
    const contract = presets.find((p) => p.set['scenario.pricePerKWh'] === 0.06);
    expect(contract?.assumption).toMatch(/customer/);
    const lives = presets.find((p) => p.set['hdd.serviceLifeYears'] === 4 && p.set['ssd.serviceLifeYears'] === 10);
    expect(lives?.assumption).toMatch(/unverified/);
  });

  it.each(ids)('%s: prices each failed drive at the current drive price', (id) => {
    const raw = load(id);
    expect([raw.hdd.replaceDriveShare!.value, raw.ssd.replaceDriveShare!.value]).toEqual([1, 1]);
    expect(raw.hdd.replaceCost!.value).toBe(raw.ssd.replaceCost!.value);
  });

  it.each(ids)('%s: prices SSD as a user input with a dated example, not as a source', (id) => {
    const p = load(id).ssd.pricePerTB!;
    expect(p.source).toBeUndefined();
    expect(p.assumption).toMatch(/user input/);
    expect(p.assumption).toMatch(/2024/);
  });
});
