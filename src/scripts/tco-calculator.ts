/**
 * `<fk-calculator class="tco" data-config="…" data-address>`: one TCO scenario's calculator. Reads
 * the inputs, runs the same model and renderers the build used (src/lib/tco/tco.ts via
 * src/lib/tco/tco-view.ts), shows errors beside their fields, hands the figures to its
 * `<fk-tco-chart>` elements (which load Chart.js only when they near the viewport) and, with
 * `data-address`, keeps the changed inputs in the query string (one calculator per page may).
 * Its config (`data-config`, JSON: `{path, defaults, provenance, now}`) is checked on start; a bad
 * one logs which field is wrong and leaves the build-time figures in place. Several calculators
 * on one page work independently. Loaded only by /tco/<scenario>/.
 */
import type { TcoInputs } from '../lib/tco/tco.ts';
import {
  buildView,
  DUTY_ERROR_ID,
  DUTY_FIELDS,
  FIELDS,
  fieldOf,
  getValue,
  formatInput,
  inputsFor,
  isChanged,
  renderChanged,
  renderComponentTable,
  renderCounts,
  renderCumulativeTable,
  renderSummary,
  renderTicker,
  renderWarnings,
  searchFromState,
  stateFromSearch,
  type FieldKey,
  type PitfallContext,
  type Provenance,
  type RawValues,
  type TcoView,
} from '../lib/tco/tco-view.ts';
import { DUTY_SUM_FIELD, validateTcoInputs } from '../lib/tco/tco.ts';
import { renderSensitivityTable, sensitivityChartData, tippingSensitivity } from '../lib/tco/tco-sensitivity.ts';
import { defineElement, EnhancedElement, isRecord, need, readConfig } from './dom.ts';
import { TcoChartElement, type ChartKind } from './tco-chart-element.ts';

export interface CalculatorConfig {
  /** The scenario page's path, for the reset link and the "changed" list. */
  path: string;
  /** The scenario's sourced inputs. */
  defaults: TcoInputs;
  provenance: Provenance;
  /** Build date, YYYY-MM-DD. */
  now: string;
}

/** Checks a parsed `data-config`; `fail` names the first bad field. */
export function checkCalculatorConfig(raw: unknown, fail: (field: string, expected: string, got: unknown) => never): CalculatorConfig {
  if (!isRecord(raw)) return fail('data-config', 'an object', raw);
  if (typeof raw.path !== 'string' || !raw.path.startsWith('/')) fail('path', 'a site path such as /tco/<scenario>/', raw.path);
  if (typeof raw.now !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.now)) fail('now', 'a date written YYYY-MM-DD', raw.now);
  if (!isRecord(raw.provenance)) fail('provenance', 'an object', raw.provenance);
  const defaults = raw.defaults;
  if (!isRecord(defaults)) return fail('defaults', 'an object with scenario, hdd and ssd', defaults);
  for (const f of FIELDS) {
    const [group, param] = f.key.split('.') as [string, string];
    const g = defaults[group];
    if (!isRecord(g)) return fail(`defaults.${group}`, 'an object', g);
    if (typeof g[param] !== 'number' || !Number.isFinite(g[param])) fail(`defaults.${f.key}`, 'a finite number', g[param]);
  }
  return raw as unknown as CalculatorConfig;
}

export class CalculatorElement extends EnhancedElement {
  protected readonly what = 'The calculator';

  protected start(): void {
    // Its charts are upgraded after it when it is inserted whole (document order): do it now.
    customElements.upgrade(this);
    start(this, readConfig(this, checkCalculatorConfig));
  }
}

function start(root: HTMLElement, config: CalculatorConfig) {
  const ctx: PitfallContext = { defaults: config.defaults, provenance: config.provenance, now: config.now };
  const form = need(root, 'form[data-tco-calc]', HTMLFormElement);
  const input = (key: FieldKey) => need(root, `input[name="${key}"]`, HTMLInputElement, form);
  const region = (name: string) => need(root, `[data-region="${name}"]`);
  const results = need(root, '[data-results]');
  const announcer = need(root, '[data-announce]');
  const verdict = need(root, '.tco-verdict');
  const chart = (kind: ChartKind) => need(root, `fk-tco-chart[data-chart="${kind}"]`, TcoChartElement);
  /** Only the calculator marked `data-address` reads and writes the query string. */
  const address = root.hasAttribute('data-address');
  // Every part is looked up once before anything changes, so a page that lacks one fails whole.
  for (const f of FIELDS) {
    input(f.key);
    need(root, `#${f.id}-chg`);
    need(root, `#${f.id}-err`);
  }
  for (const r of ['summary', 'ticker', 'changed', 'warnings', 'cumulative', 'components', 'counts', 'sensitivity', 'sensitivity-alt']) region(r);
  for (const k of ['cumulative', 'components', 'sensitivity'] as const) chart(k);
  need(root, `#${DUTY_ERROR_ID}`);

  // State from the address: typed text per changed field.
  if (address) {
    const { raw: initial } = stateFromSearch(location.search, config.defaults);
    for (const [k, v] of Object.entries(initial) as [FieldKey, string][]) input(k).value = v;
  }

  form.hidden = false;
  root.dataset.live = '';
  let drawn = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced = '';

  const readRaw = (): RawValues => {
    const raw: RawValues = {};
    for (const f of FIELDS) {
      const v = input(f.key).value;
      if (isChanged(v, getValue(config.defaults, f.key))) raw[f.key] = v;
    }
    return raw;
  };

  const markFields = (view: TcoView, raw: RawValues) => {
    const problems = view.ok ? [] : view.problems;
    const dutyProblem = problems.find((p) => p.field === DUTY_SUM_FIELD);
    const dutyErr = need(root, `#${DUTY_ERROR_ID}`);
    dutyErr.textContent = dutyProblem?.message ?? '';
    dutyErr.hidden = !dutyProblem;
    for (const f of FIELDS) {
      const el = input(f.key);
      const box = el.closest<HTMLElement>('.tco-field') ?? el;
      const changed = raw[f.key] !== undefined;
      const chg = need(root, `#${f.id}-chg`);
      chg.hidden = !changed;
      box.classList.toggle('tco-field--changed', changed);
      const problem = problems.find((p) => p.field === f.key);
      const err = need(root, `#${f.id}-err`);
      err.textContent = problem?.message ?? '';
      err.hidden = !problem;
      const inDuty = !!dutyProblem && DUTY_FIELDS.includes(f.key);
      const invalid = !!problem || inDuty;
      box.classList.toggle('tco-field--invalid', invalid);
      if (invalid) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      const describedBy = [problem && err.id, inDuty && DUTY_ERROR_ID, changed && chg.id].filter(Boolean).join(' ');
      if (describedBy) el.setAttribute('aria-describedby', describedBy);
      else el.removeAttribute('aria-describedby');
    }
  };

  const announce = (view: TcoView) => {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const text = view.ok
        ? region('summary').querySelector('.tco-tipping')?.textContent ?? ''
        : `${view.problems.length} ${view.problems.length === 1 ? 'input cannot' : 'inputs cannot'} be modelled.`;
      if (text && text !== lastAnnounced) announcer.textContent = lastAnnounced = text;
    }, 900);
  };

  const drawCharts = (view: TcoView & { ok: true }) => {
    chart('cumulative').show(view.chart);
    chart('components').show(view.chart);
    drawn = true;
  };

  /**
   * The charts of the sourced values (the figures the build rendered), computed only when a
   * chart is about to be drawn: opening the page runs no model at all.
   */
  const showSourced = () => {
    if (drawn || validateTcoInputs(config.defaults).length) return;
    let sourced: TcoView | undefined;
    const cost = () => {
      sourced ??= buildView(config.defaults, ctx);
      if (!sourced.ok) throw new Error(`<fk-calculator>: the sourced inputs of ${config.path} cannot be modelled`);
      return sourced.chart;
    };
    chart('cumulative').show(cost);
    chart('components').show(cost);
    chart('sensitivity').show(() => sensitivityFor(config.defaults).data);
    drawn = true;
  };

  /** The tornado's table, sentence and chart for modelled inputs (the same function the build ran). */
  const sensitivityFor = (inputs: TcoView['inputs']) => {
    const sens = tippingSensitivity(inputs);
    return { sens, data: sensitivityChartData(sens, inputs.ssd.pricePerTB) };
  };

  const update = (opts: { announce?: boolean } = {}) => {
    const raw = readRaw();
    const view = buildView(inputsFor(config.defaults, raw), ctx, raw);
    markFields(view, raw);
    region('summary').innerHTML = renderSummary(view);
    region('ticker').innerHTML = renderTicker(view);
    region('changed').innerHTML = renderChanged(raw, config.defaults, config.path);
    results.classList.toggle('tco-results--stale', !view.ok);
    if (view.ok) {
      region('warnings').innerHTML = renderWarnings(view);
      region('cumulative').innerHTML = renderCumulativeTable(view);
      region('components').innerHTML = renderComponentTable(view);
      region('counts').innerHTML = renderCounts(view);
      drawCharts(view);
      const { sens, data } = sensitivityFor(view.inputs);
      region('sensitivity').innerHTML = renderSensitivityTable(sens, view.inputs.ssd.pricePerTB);
      region('sensitivity-alt').textContent = data.alt;
      chart('sensitivity').show(data);
    } else {
      region('warnings').innerHTML = '';
      // Opened with inputs that cannot be modelled: the tables show the build-time (sourced)
      // figures, so the charts do too until the inputs can be modelled.
      showSourced();
    }
    const search = searchFromState(raw, config.defaults);
    if (address && search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    if (opts.announce) announce(view);
  };

  const setValues = (values: RawValues) => {
    for (const [k, v] of Object.entries(values) as [FieldKey, string][]) if (fieldOf(k)) input(k).value = v;
    update({ announce: true });
  };

  form.addEventListener('input', () => update({ announce: true }));
  // Every change already shows; Enter or the submit button takes the reader to the verdict.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update({ announce: true });
    verdict.scrollIntoView({ block: 'start' });
  });
  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const reset = target.closest('[data-tco-reset]');
    if (reset) {
      e.preventDefault();
      setValues(Object.fromEntries(FIELDS.map((f) => [f.key, formatInput(getValue(config.defaults, f.key))])));
      return;
    }
    const revert = target.closest<HTMLElement>('[data-revert]');
    if (revert) {
      const key = revert.dataset.revert as FieldKey;
      setValues({ [key]: formatInput(getValue(config.defaults, key)) });
      input(key).focus();
      return;
    }
    const set = target.closest<HTMLElement>('[data-set]');
    if (set?.dataset.set) setValues(JSON.parse(set.dataset.set) as RawValues);
  });

  // First run: the page already shows the build's figures for the sourced values, so the model
  // runs only when the address carries parameters (it then also rewrites the address to the
  // known, changed ones) or the sourced values cannot be modelled (the fields show why).
  if ((address && location.search) || validateTcoInputs(config.defaults).length) update();
  else showSourced();
}

defineElement('fk-calculator', CalculatorElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-calculator': CalculatorElement;
  }
}
