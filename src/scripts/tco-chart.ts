/**
 * The TCO charts (cumulative cost, cost by component, and the sensitivity tornado), drawn with the parts of Chart.js they use (registered one by one so Vite
 * leaves the rest out). Colours come from CSS custom properties, so light and dark themes both
 * work; animation is off when the reader prefers reduced motion.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { COMPONENTS, moneyShort, perTB, type ChartData, type Component } from '../lib/tco/tco-view.ts';
import type { SensitivityChartData } from '../lib/tco/tco-sensitivity.ts';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Palette {
  fg: string;
  muted: string;
  line: string;
  bg: string;
  hdd: string;
  ssd: string;
  cross: string;
  low: string;
  high: string;
  component: Record<Component, string>;
}

function palette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1b1f24'),
    muted: v('--muted', '#57606a'),
    line: v('--line', '#d0d7de'),
    bg: v('--bg', '#ffffff'),
    hdd: v('--tco-hdd', '#d55e00'),
    ssd: v('--tco-ssd', '#0072b2'),
    cross: v('--tco-cross', '#6e40c9'),
    low: v('--tco-low', '#a6611a'),
    high: v('--tco-high', '#1b7f79'),
    component: {
      capex: v('--tco-capex', '#0072b2'),
      energy: v('--tco-energy', '#e69f00'),
      space: v('--tco-space', '#009e73'),
      failures: v('--tco-failures', '#cc79a7'),
    },
  };
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Draws a dashed vertical line at the crossover year, labelled. */
function crossoverPlugin(state: { year: number | null; color: string; bg: string; font: string }): Plugin<'line'> {
  return {
    id: 'tcoCrossover',
    afterDatasetsDraw(chart) {
      if (state.year === null) return;
      const scale = chart.scales['x'];
      if (!scale) return;
      const x = scale.getPixelForValue(state.year - 1);
      const { top, bottom, left, right } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = state.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = state.font;
      const label = `Crossover, year ${state.year}`;
      const w = ctx.measureText(label).width;
      const alignRight = x + 6 + w > right;
      const tx = alignRight ? Math.max(left, x - 6 - w) : x + 6;
      ctx.fillStyle = state.bg;
      ctx.fillRect(tx - 3, top + 2, w + 6, 18);
      ctx.fillStyle = state.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(label, tx, top + 5);
      ctx.restore();
    },
  };
}

/** A drawn chart: new figures, a theme change, a reduced-motion change. */
export interface DrawnChart<D> {
  update(data: D): void;
  /** Re-reads the colours (theme change). */
  restyle(): void;
  /** Animation on or off (reduced-motion change). */
  setMotion(): void;
}

type AxisStyle = { grid: { color: string }; ticks: { color: string }; border: { color: string }; title?: { color: string } };

/** The parts both cost charts share: palette, axes, legend, tooltips, motion. */
function costChartBase(root: HTMLElement) {
  const state = { p: palette(root), fontFamily: getComputedStyle(root).fontFamily };
  Chart.defaults.font.family = state.fontFamily;
  const money = (v: number | string) => moneyShort(Number(v));
  const scales = () => ({
    x: { grid: { color: state.p.line }, ticks: { color: state.p.muted, maxRotation: 0 }, border: { color: state.p.line } },
    y: { beginAtZero: true, grid: { color: state.p.line }, ticks: { color: state.p.muted, callback: money }, border: { color: state.p.line } },
  });
  const common = (): ChartOptions<'line' | 'bar'> => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 250 },
    plugins: {
      legend: { labels: { color: state.p.fg, usePointStyle: true, boxHeight: 8 } },
      tooltip: {
        callbacks: { label: (c) => `${c.dataset.label}: ${moneyShort(c.parsed.y ?? 0)}` },
      },
    },
  });
  /** Re-reads the palette and recolours the axes and legend of `chart`. */
  const restyleAxes = (chart: Chart) => {
    state.p = palette(root);
    const sc = chart.options.scales as Record<string, AxisStyle>;
    for (const axis of Object.values(sc)) {
      if (axis.title) axis.title.color = state.p.muted;
      axis.grid.color = state.p.line;
      axis.ticks.color = state.p.muted;
      axis.border.color = state.p.line;
    }
    const legend = chart.options.plugins?.legend?.labels;
    if (legend) legend.color = state.p.fg;
  };
  const setMotion = (chart: Chart) => {
    chart.options.animation = reducedMotion() ? false : { duration: 250 };
    chart.update('none');
  };
  return { state, scales, common, restyleAxes, setMotion };
}

/** Cumulative cost per year, HDD vs SSD, with the crossover year marked. */
export function createCumulative(root: HTMLElement, canvas: HTMLCanvasElement, first: ChartData): DrawnChart<ChartData> {
  const base = costChartBase(root);
  const { state, scales, common } = base;
  const cross = { year: first.crossoverYear, color: state.p.cross, bg: state.p.bg, font: `600 12px ${state.fontFamily}` };
  const line = new Chart(canvas, {
    type: 'line',
    data: {
      labels: first.years.map(String),
      datasets: [
        { label: 'HDD', data: first.hddCumulative, borderColor: state.p.hdd, backgroundColor: state.p.hdd, pointStyle: 'rect', borderWidth: 2.5 },
        { label: 'SSD', data: first.ssdCumulative, borderColor: state.p.ssd, backgroundColor: state.p.ssd, pointStyle: 'triangle', borderDash: [7, 4], borderWidth: 2.5, pointRadius: 4 },
      ],
    },
    options: {
      ...(common() as ChartOptions<'line'>),
      scales: { ...scales(), x: { ...scales().x, title: { display: true, text: 'Year', color: state.p.muted } } },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        ...(common().plugins as ChartOptions<'line'>['plugins']),
        tooltip: { callbacks: { title: (items) => `Year ${items[0]?.label ?? ''}`, label: (c) => `${c.dataset.label}: ${moneyShort(c.parsed.y ?? 0)}` } },
      },
    },
    plugins: [crossoverPlugin(cross)],
  });
  const [hdd, ssd] = line.data.datasets;
  return {
    update(data) {
      cross.year = data.crossoverYear;
      line.data.labels = data.years.map(String);
      if (hdd) hdd.data = data.hddCumulative;
      if (ssd) ssd.data = data.ssdCumulative;
      canvas.setAttribute('aria-label', data.lineAlt);
      line.update();
    },
    restyle() {
      base.restyleAxes(line as Chart);
      cross.color = state.p.cross;
      cross.bg = state.p.bg;
      if (hdd) Object.assign(hdd, { borderColor: state.p.hdd, backgroundColor: state.p.hdd });
      if (ssd) Object.assign(ssd, { borderColor: state.p.ssd, backgroundColor: state.p.ssd });
      line.update('none');
    },
    setMotion: () => base.setMotion(line as Chart),
  };
}

/** Cost by component (capex, energy, space, failures), one stacked bar per medium. */
export function createComponents(root: HTMLElement, canvas: HTMLCanvasElement, first: ChartData): DrawnChart<ChartData> {
  const base = costChartBase(root);
  const { state, scales, common } = base;
  const bar = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: ['HDD', 'SSD'],
      datasets: first.components.map((c) => ({
        label: c.label,
        data: [c.hdd, c.ssd],
        backgroundColor: state.p.component[c.key],
        borderColor: state.p.bg,
        borderWidth: 1,
        maxBarThickness: 90,
      })),
    },
    options: {
      ...(common() as ChartOptions<'bar'>),
      scales: { x: { ...scales().x, stacked: true }, y: { ...scales().y, stacked: true } },
      plugins: { ...(common().plugins as ChartOptions<'bar'>['plugins']), legend: { labels: { color: state.p.fg, boxHeight: 10, boxWidth: 14 } } },
    },
  });
  return {
    update(data) {
      data.components.forEach((c, i) => {
        const set = bar.data.datasets[i];
        if (set) set.data = [c.hdd, c.ssd];
      });
      canvas.setAttribute('aria-label', data.barAlt);
      bar.update();
    },
    restyle() {
      base.restyleAxes(bar as Chart);
      bar.data.datasets.forEach((d, i) => Object.assign(d, { backgroundColor: state.p.component[COMPONENTS[i] ?? 'capex'], borderColor: state.p.bg }));
      bar.update('none');
    },
    setMotion: () => base.setMotion(bar as Chart),
  };
}

// ---------------------------------------------------------------------------------------------
// The sensitivity tornado
// ---------------------------------------------------------------------------------------------

interface RefLine {
  value: number | null;
  label: string;
  color: string;
  dash: number[];
  /** Which of the two label rows above the plot, so the two labels never collide or cover a bar. */
  row: 0 | 1;
}

/** Vertical reference lines across a horizontal bar chart: today's tipping point and the SSD quote. */
function refLinesPlugin(state: { lines: RefLine[]; bg: string; font: string }): Plugin<'bar'> {
  return {
    id: 'tcoRefLines',
    afterDatasetsDraw(chart) {
      const { top, bottom, left, right } = chart.chartArea;
      const ctx = chart.ctx;
      for (const l of state.lines) {
        if (l.value === null || !Number.isFinite(l.value)) continue;
        const scale = chart.scales['x'];
        if (!scale) return;
        const x = scale.getPixelForValue(l.value);
        if (x < left - 1 || x > right + 1) continue;
        ctx.save();
        ctx.strokeStyle = l.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(l.dash);
        ctx.beginPath();
        ctx.moveTo(x, top - 20 + l.row * 20 - 2);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = state.font;
        const w = ctx.measureText(l.label).width;
        const tx = x + 6 + w > right ? Math.max(left, x - 6 - w) : x + 6;
        const ty = top - 40 + l.row * 20;
        ctx.fillStyle = state.bg;
        ctx.fillRect(tx - 3, ty, w + 6, 18);
        ctx.fillStyle = l.color;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(l.label, tx, ty + 3);
        ctx.restore();
      }
    },
  };
}

export type TornadoChart = DrawnChart<SensitivityChartData>;

/**
 * The tornado: one row per input, two floating bars per row (input −20 % above, +20 % below), each
 * from today's tipping point to the tipping point with the input moved. Grouped rather than
 * overlaid, so a side that moves the same way as the other is never hidden behind it.
 */
export function createTornado(root: HTMLElement, canvas: HTMLCanvasElement, first: SensitivityChartData): TornadoChart {
  let p = palette(root);
  const fontFamily = getComputedStyle(root).fontFamily;
  Chart.defaults.font.family = fontFamily;
  let data = first;
  const refs = (): RefLine[] => [
    { value: data.base, label: `Now ${perTB(data.base)}`, color: p.fg, dash: [], row: 0 },
    { value: data.quote, label: `SSD quote ${data.quote === null ? '' : perTB(data.quote)}`, color: p.cross, dash: [5, 4], row: 1 },
  ];
  const state = { lines: refs(), bg: p.bg, font: `600 12px ${fontFamily}` };
  const price = (v: number | string) => `$${Number(v).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  /** Keeps both reference lines in view. */
  const bounds = () => {
    const xs = [data.base, ...(data.quote === null ? [] : [data.quote])].filter(Number.isFinite);
    return { suggestedMin: Math.min(...xs), suggestedMax: Math.max(...xs) };
  };
  const sideLabel = (i: number) => (i === 0 ? 'Input −20 %' : 'Input +20 %');
  /** Input names on up to three lines, so narrow screens keep room for the bars. */
  const wrap = (label: string, max = canvas.clientWidth < 560 ? 13 : 24): string[] => {
    const lines: string[] = [];
    for (const word of label.split(' ')) {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + ' ' + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  };

  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: first.labels,
      datasets: [
        { label: sideLabel(0), data: first.low, backgroundColor: p.low, borderColor: p.low, borderWidth: 0, categoryPercentage: 0.8, barPercentage: 0.9 },
        { label: sideLabel(1), data: first.high, backgroundColor: p.high, borderColor: p.high, borderWidth: 0, categoryPercentage: 0.8, barPercentage: 0.9 },
      ],
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { top: 44 } }, // room above the plot for the two reference-line labels
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion() ? false : { duration: 250 },
      scales: {
        x: {
          ...bounds(),
          grid: { color: p.line },
          ticks: { color: p.muted, callback: price },
          border: { color: p.line },
          title: { display: true, text: 'Break-even SSD price ($ per TB raw)', color: p.muted },
        },
        y: {
          grid: { display: false },
          ticks: { color: p.fg, autoSkip: false, callback: (_v, i) => wrap(data.labels[i] ?? '') },
          border: { color: p.line },
        },
      },
      plugins: {
        // at the bottom: the layout padding above the plot is for the reference-line labels
        legend: { position: 'bottom', labels: { color: p.fg, boxHeight: 10, boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (c) => {
              const moved = (c.datasetIndex === 0 ? data.lowValue : data.highValue)[c.dataIndex];
              const pair = (c.raw as [number, number] | null) ?? null;
              return pair ? `${sideLabel(c.datasetIndex)} (${moved ?? ''}): ${perTB(pair[1])}` : `${sideLabel(c.datasetIndex)}: not valid`;
            },
          },
        },
      },
    },
    plugins: [refLinesPlugin(state)],
  });

  type Axis = AxisStyle & { suggestedMin?: number; suggestedMax?: number };
  const axes = () => chart.options.scales as { x?: Axis; y?: Axis };
  const [low, high] = chart.data.datasets;

  return {
    update(next) {
      data = next;
      state.lines = refs();
      chart.data.labels = next.labels;
      if (low) low.data = next.low;
      if (high) high.data = next.high;
      Object.assign(axes().x ?? {}, bounds());
      chart.update();
    },
    restyle() {
      p = palette(root);
      state.bg = p.bg;
      state.lines = refs();
      if (low) Object.assign(low, { backgroundColor: p.low, borderColor: p.low });
      if (high) Object.assign(high, { backgroundColor: p.high, borderColor: p.high });
      const { x, y } = axes();
      if (x) {
        x.grid.color = p.line;
        x.ticks.color = p.muted;
        x.border.color = p.line;
        if (x.title) x.title.color = p.muted;
      }
      if (y) {
        y.ticks.color = p.fg;
        y.border.color = p.line;
      }
      const legend = chart.options.plugins?.legend?.labels;
      if (legend) legend.color = p.fg;
      chart.update('none');
    },
    setMotion() {
      chart.options.animation = reducedMotion() ? false : { duration: 250 };
      chart.update('none');
    },
  };
}
