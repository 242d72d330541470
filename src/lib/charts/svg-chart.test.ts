/** Tests for the static SVG chart geometry. Expected coordinates are worked by hand. */
import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from './svg-chart.ts';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 93, 5)).toEqual([0, 25, 50, 75, 100]);
    // raw step 8.7e6 / 4 = 2.175e6 -> 2.5e6
    expect(niceTicks(0, 8.7e6, 5)).toEqual([0, 2.5e6, 5e6, 7.5e6, 1e7]);
    // raw step 8.7e6 / 5 = 1.74e6 -> 2e6
    expect(niceTicks(0, 8.7e6, 6)).toEqual([0, 2e6, 4e6, 6e6, 8e6, 1e7]);
    expect(niceTicks(3, 17, 4)).toEqual([0, 5, 10, 15, 20]);
  });
  it('handles a flat or reversed range and bad input', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(10, 10, 3)).toEqual([5, 10, 15]);
    expect(niceTicks(100, 0, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });
  it('does not collect floating-point noise', () => {
    expect(niceTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('lineChart', () => {
  // Plot area: x 50..250 (width 200), y 10..110 (height 100). Ticks 0..100 step 25.
  const box = { width: 260, height: 140, padding: { top: 10, right: 10, bottom: 30, left: 50 } };

  it('scales index to x and value to y, top of the plot being the highest tick', () => {
    const c = lineChart([{ label: 'A', values: [0, 50, 100] }], box);
    expect(c.plot).toEqual({ x: 50, y: 10, width: 200, height: 100 });
    expect(c.yMin).toBe(0);
    expect(c.yMax).toBe(100);
    // x: 50, 150, 250; y: 110 - v/100*100
    expect(c.lines[0]!.d).toBe('M50 110 L150 60 L250 10');
    expect(c.xTicks.map((t) => t.at)).toEqual([50, 150, 250]);
    expect(c.yTicks.map((t) => [t.value, t.at])).toEqual([[0, 110], [25, 85], [50, 60], [75, 35], [100, 10]]);
  });

  it('breaks the line at missing values', () => {
    const c = lineChart([{ label: 'A', values: [0, Number.NaN, 100] }], box);
    expect(c.lines[0]!.d).toBe('M50 110 M250 10');
    expect(c.lines[0]!.points).toHaveLength(2);
  });

  it('shares one y scale across series and rounds to 0.01', () => {
    const c = lineChart([{ label: 'A', values: [10, 20, 30] }, { label: 'B', values: [0, 1, 90] }], box);
    // ticks 0..100 (step 25); 30 -> 110 - 30 = 80; 1 -> 109
    expect(c.lines[0]!.d).toBe('M50 100 L150 90 L250 80');
    expect(c.lines[1]!.d).toBe('M50 110 L150 109 L250 20');
    const thirds = lineChart([{ label: 'A', values: [0, 0, 0, 100] }], box);
    expect(thirds.xTicks.map((t) => t.at)).toEqual([50, 116.67, 183.33, 250]);
  });

  it('survives no data', () => {
    const c = lineChart([], box);
    expect(c.lines).toEqual([]);
    expect(c.xTicks).toEqual([]);
    // an empty chart still gets an axis: 0..1 in quarters
    expect(c.yTicks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
