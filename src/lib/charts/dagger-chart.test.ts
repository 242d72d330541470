/**
 * Tests for the dagger chart geometry. Expected coordinates are worked by hand from the constants
 * (top 2, title line 16, row step 20, bar height 14, pair gap 14, track x 72 and width 206, titles
 * wrapped at 52 characters) and
 * written as literals.
 */
import { describe, expect, it } from 'vitest';
import { daggerChart, daggerChartAlt, ratioText, wrapWords, type DaggerGap } from './dagger-chart.ts';

const INGRESS: DaggerGap = { rank: 1, metric: 'Max ingress', unit: 'Gbps', better: 'higher', theirs: 60, ours: { value: 150, unit: 'Gbps' } };
const LATENCY: DaggerGap = { rank: 2, metric: 'p99 first byte', unit: 'ms', better: 'lower', theirs: 'TBD', ours: { value: 'TBD', unit: 'ms' } };
const ACCOUNTS: DaggerGap = { rank: 3, metric: 'Accounts per region', unit: 'accounts', better: 'higher', theirs: 250 };

describe('daggerChart', () => {
  const c = daggerChart([INGRESS, LATENCY, ACCOUNTS], 'Azure');

  it('draws a known pair on one scale, the larger figure spanning the track', () => {
    const p = c.pairs[0]!;
    // title: y 2 + 16 = 18, baseline 18 − 4 = 14; then y = 18 + 4 = 22
    expect(p.title).toEqual([{ text: 'Gap 1 · Max ingress (Gbps, higher is better)', y: 14 }]);
    // theirs: row at 22, baseline 22 + 14 − 3 = 33; scale max(60, 150) = 150: 60 / 150 × 206 = 82.4
    expect(p.theirs).toEqual({
      label: 'Azure', textY: 33, valueText: '60 Gbps',
      mark: { kind: 'bar', x: 72, y: 22, width: 82.4, height: 14, value: 60, text: '60 Gbps' },
    });
    // ours: row at 42, baseline 53; 150 / 150 × 206 = 206
    expect(p.ours).toEqual({
      label: 'Ours', textY: 53, valueText: '150 Gbps',
      mark: { kind: 'bar', x: 72, y: 42, width: 206, height: 14, value: 150, text: '150 Gbps' },
    });
    expect(p.ratio).toBe(2.5); // 150 / 60
    expect(p.note).toBeUndefined();
  });

  it('draws TBD as a labelled band across the whole track, never as a short bar', () => {
    // after pair 1: y = 62 + 14 = 76; title baseline 76 + 16 − 4 = 88; rows at 96 and 116
    const p = c.pairs[1]!;
    expect(p.title).toEqual([{ text: 'Gap 2 · p99 first byte (ms, lower is better)', y: 88 }]);
    expect(p.theirs.mark).toEqual({ kind: 'tbd', x: 72, y: 96, width: 206, height: 14, text: 'TBD' });
    expect(p.ours.mark).toEqual({ kind: 'tbd', x: 72, y: 116, width: 206, height: 14, text: 'TBD' });
    expect([p.theirs.valueText, p.ours.valueText]).toEqual(['TBD', 'TBD']);
    expect(p.ratio).toBe('TBD');
  });

  it('says in words when there is no figure of ours, and sizes the whole chart', () => {
    // y = 136 + 14 = 150; the title is 55 characters, so two lines: "Gap 3 · Accounts per region
    // (accounts, higher is" (48; adding " better)" makes 56) and "better)", baselines 162 and 178;
    // y = 182 + 4 = 186; theirs row at 186 (250 / 250 → the full 206); ours row at 206, baseline 217
    const p = c.pairs[2]!;
    expect(p.title).toEqual([{ text: 'Gap 3 · Accounts per region (accounts, higher is', y: 162 }, { text: 'better)', y: 178 }]);
    expect(p.theirs.mark).toMatchObject({ kind: 'bar', y: 186, width: 206 });
    expect(p.ours).toEqual({ label: 'Ours', textY: 217, valueText: '—', mark: { kind: 'none', x: 72, y: 217, text: 'no like-for-like figure of ours' } });
    expect(p.ratio).toBeNull();
    // y after the last pair: 226 + 14 = 240; height = 240 − 14 + 4 = 230
    expect(c.height).toBe(230);
    expect(c.width).toBe(400);
  });

  it('scales a pair by the known side when the other is TBD, and keeps a real zero at zero', () => {
    const tbdTheirs = daggerChart([{ rank: 1, metric: 'Read', unit: 'GB/s', better: 'higher', theirs: 'TBD', ours: { value: 40, unit: 'GB/s' } }], 'X').pairs[0]!;
    expect(tbdTheirs.theirs.mark.kind).toBe('tbd');
    expect(tbdTheirs.ours.mark).toMatchObject({ kind: 'bar', width: 206, value: 40 });
    expect(tbdTheirs.ratio).toBe('TBD');
    // both 0: the scale falls back to 1 so nothing divides by zero; 0 / 1 × 206 = 0; no ratio (÷ 0)
    const zeros = daggerChart([{ rank: 1, metric: 'Errors', unit: '%', better: 'lower', theirs: 0, ours: { value: 0, unit: '%' } }], 'X').pairs[0]!;
    expect(zeros.theirs.mark).toMatchObject({ kind: 'bar', width: 0, value: 0, text: '0 %' });
    expect(zeros.ratio).toBeNull();
  });

  it('does not put different units on one scale', () => {
    const p = daggerChart([{ rank: 1, metric: 'Ingress', unit: 'Gbps', better: 'higher', theirs: 60, ours: { value: 7.5, unit: 'GB/s' } }], 'X').pairs[0]!;
    // each bar its own scale: 60 / 60 and 7.5 / 7.5 → both the full 206
    expect(p.theirs.mark).toMatchObject({ width: 206 });
    expect(p.ours.mark).toMatchObject({ width: 206, text: '7.5 GB/s' });
    expect(p.ratio).toBeNull();
    expect(p.note).toBe('Different units (Gbps and GB/s): each bar on its own scale.');
  });

  it('wraps a long title onto more lines, 16 units apart', () => {
    // 18 × "word": line 1 "Gap 1 ·" (7) + 9 × " word" = 52; line 2 the other 9 words (44) + " (x," = 48,
    // " higher" would make 55; line 3 "higher is better)"
    const long = 'word '.repeat(18).trim();
    const p = daggerChart([{ rank: 1, metric: long, unit: 'x', better: 'higher', theirs: 1 }], 'X').pairs[0]!;
    expect(p.title.map((t) => t.text)).toEqual([`Gap 1 ·${' word'.repeat(9)}`, `${'word '.repeat(9)}(x,`, 'higher is better)']);
    expect(p.title.map((t) => t.y)).toEqual([14, 30, 46]);
    // rows start after the titles: 2 + 3 × 16 + 4 = 54
    expect(p.theirs.mark).toMatchObject({ y: 54 });
  });
});

describe('wrapWords', () => {
  it('fills lines up to the limit and gives a long word its own line', () => {
    expect(wrapWords('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
    expect(wrapWords('  ', 5)).toEqual([]);
  });
});

describe('text', () => {
  it('writes ratios, TBD and nothing-to-compare', () => {
    expect(ratioText(2.5)).toBe('2.5×');
    expect(ratioText(1 / 3)).toBe('0.33×'); // rounded to 2 decimals
    expect(ratioText(2400)).toBe('2,400×');
    expect(ratioText('TBD')).toBe('TBD');
    expect(ratioText(null)).toBe('—');
  });

  it('gives a one-sentence text alternative naming every gap and both figures', () => {
    expect(daggerChartAlt([INGRESS, LATENCY, ACCOUNTS], 'Azure')).toBe(
      'Azure dagger gaps, their figure against ours, each on its own scale (1 of 3 with both figures known): ' +
      'gap 1, max ingress: Azure 60 Gbps, ours 150 Gbps; gap 2, p99 first byte: Azure TBD, ours TBD; ' +
      'gap 3, accounts per region: Azure 250 accounts, no figure of ours to compare.',
    );
    expect(daggerChartAlt([LATENCY], 'GCP')).toContain('(none yet with both figures known)');
    expect(daggerChartAlt([], 'OCI')).toBe('No quantified OCI gaps yet.');
  });
});
