/**
 * `<fk-tco-chart data-chart="cumulative|components|sensitivity" hidden>`: one TCO chart, the box
 * around its `<canvas>` (hidden without JavaScript and in print; the data table beside it is what screen
 * readers and printers read). Its calculator (`<fk-calculator>`) hands it figures with `show()`;
 * Chart.js (about 170 KB) is imported only when the chart comes near the viewport, so a reader who
 * never scrolls to it never downloads it. `data-drawn` is set once the chart is on the canvas.
 */
import type { ChartData } from '../lib/tco/tco-view.ts';
import type { SensitivityChartData } from '../lib/tco/tco-sensitivity.ts';
import type { DrawnChart } from './tco-chart.ts';
import { defineElement, ElementError, failVisibly, need, tagOf } from './dom.ts';

export const KINDS = ['cumulative', 'components', 'sensitivity'] as const;
export type ChartKind = (typeof KINDS)[number];
type Figures = ChartData | SensitivityChartData;

const isCost = (d: Figures): d is ChartData => 'years' in d;

export class TcoChartElement extends HTMLElement {
  #figures?: Figures | (() => Figures);
  #chart?: DrawnChart<ChartData> | DrawnChart<SensitivityChartData>;
  #observer?: IntersectionObserver;
  #failed = false;
  readonly #theme = () => this.#chart?.restyle();
  readonly #motion = () => this.#chart?.setMotion();

  /** Which chart, from `data-chart`; throws naming the element and the bad value. */
  get kind(): ChartKind {
    const k = this.dataset.chart;
    const kind = KINDS.find((x) => x === k);
    if (!kind) throw new ElementError(`${tagOf(this)}: data-chart must be one of ${KINDS.join(', ')}, got ${JSON.stringify(k ?? null)}`);
    return kind;
  }

  connectedCallback() {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', this.#theme);
    matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', this.#motion);
  }

  disconnectedCallback() {
    matchMedia('(prefers-color-scheme: dark)').removeEventListener('change', this.#theme);
    matchMedia('(prefers-reduced-motion: reduce)').removeEventListener('change', this.#motion);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /**
   * New figures: drawn now when the chart exists, otherwise once it is near the viewport. A
   * function is called only then (figures that cost a model run nobody may look at).
   */
  show(figures: Figures | (() => Figures)): void {
    if (this.#failed) return;
    this.#figures = figures;
    this.hidden = false;
    if (this.#chart) this.#update(this.#resolve());
    else this.#observe();
  }

  /** The figures to draw, checked against the kind of chart. */
  #resolve(): Figures {
    const f = this.#figures;
    const figures = typeof f === 'function' ? f() : f;
    if (!figures) throw new ElementError(`${tagOf(this)}: nothing to draw`);
    const kind = this.kind;
    if ((kind === 'sensitivity') === isCost(figures)) throw new ElementError(`${tagOf(this)} data-chart="${kind}": given the figures of another kind of chart`);
    return figures;
  }

  #update(figures: Figures) {
    const chart = this.#chart;
    if (!chart) return;
    if (isCost(figures)) (chart as DrawnChart<ChartData>).update(figures);
    else (chart as DrawnChart<SensitivityChartData>).update(figures);
  }

  #observe() {
    if (this.#observer) return;
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#observer?.disconnect();
      void this.#draw();
    }, { rootMargin: '400px 0px' });
    this.#observer.observe(this);
  }

  async #draw() {
    try {
      const charts = await import('./tco-chart.ts');
      if (this.#chart) return;
      const figures = this.#resolve();
      const canvas = need(this, 'canvas', HTMLCanvasElement);
      if (isCost(figures)) this.#chart = this.kind === 'cumulative' ? charts.createCumulative(this, canvas, figures) : charts.createComponents(this, canvas, figures);
      else this.#chart = charts.createTornado(this, canvas, figures);
      this.dataset.drawn = '';
    } catch (e) {
      this.#failed = true;
      this.hidden = true;
      failVisibly(this, e, 'The chart');
    }
  }
}

defineElement('fk-tco-chart', TcoChartElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-tco-chart': TcoChartElement;
  }
}
