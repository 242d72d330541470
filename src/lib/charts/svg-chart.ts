/**
 * A static line chart as SVG geometry: scales, "nice" axis ticks and path data. Pure: numbers in,
 * coordinates and strings out, so a page can print a chart with no script (the printable kits).
 * Coordinates are rounded to 0.01 so the markup is small and stable.
 */

export interface ChartSeries {
  /** Legend label. */
  label: string;
  /** One y value per x; `NaN` or non-finite values break the line there. */
  values: readonly number[];
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels around the plot area. */
  padding?: { top: number; right: number; bottom: number; left: number };
  /** Roughly how many y ticks to aim for (default 5). */
  yTicks?: number;
  /** Start the y axis at 0 even when every value is far above it (default true). */
  zeroBased?: boolean;
}

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
}

export interface ChartLine {
  label: string;
  /** SVG path data (`M … L …`), one sub-path per unbroken run of finite values. */
  d: string;
  points: ChartPoint[];
}

export interface ChartTick {
  /** Position along the axis, in SVG units. */
  at: number;
  value: number;
}

export interface LineChart {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  lines: ChartLine[];
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  yMin: number;
  yMax: number;
}

/** A coordinate rounded to 1/100 of a pixel: short, stable SVG. */
export const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Evenly spaced round tick values covering [min, max]: steps of 1, 2, 2.5 or 5 times a power of
 * ten, the first at or below `min` and the last at or above `max`.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) / 2;
    return niceTicks(min - pad, max + pad, count);
  }
  const rawStep = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rawStep * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * Lays out a line chart: x is the value index (0 … n−1, spread evenly across the plot), y is
 * scaled to the nice ticks that cover every finite value (and 0 when `zeroBased`).
 */
export function lineChart(series: readonly ChartSeries[], box: ChartBox): LineChart {
  const pad = box.padding ?? { top: 10, right: 10, bottom: 30, left: 50 };
  const plot = { x: pad.left, y: pad.top, width: box.width - pad.left - pad.right, height: box.height - pad.top - pad.bottom };
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const finite = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const zeroBased = box.zeroBased ?? true;
  const lo = finite.length ? Math.min(...finite, ...(zeroBased ? [0] : [])) : 0;
  const hi = finite.length ? Math.max(...finite, ...(zeroBased ? [0] : [])) : 1;
  const ticks = niceTicks(lo, hi, box.yTicks ?? 5);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  const xAt = (i: number) => round(plot.x + (n <= 1 ? plot.width / 2 : (i * plot.width) / (n - 1)));
  const yAt = (v: number) => round(plot.y + plot.height - ((v - yMin) / (yMax - yMin || 1)) * plot.height);

  const lines = series.map((s) => {
    const points: ChartPoint[] = [];
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        pen = false;
        return;
      }
      const p = { x: xAt(i), y: yAt(v), value: v };
      points.push(p);
      d += `${d ? ' ' : ''}${pen ? 'L' : 'M'}${p.x} ${p.y}`;
      pen = true;
    });
    return { label: s.label, d, points };
  });
  return {
    width: box.width,
    height: box.height,
    plot,
    lines,
    xTicks: Array.from({ length: n }, (_, i) => ({ at: xAt(i), value: i })),
    yTicks: ticks.map((value) => ({ at: yAt(value), value })),
    yMin,
    yMax,
  };
}
