/**
 * The TCO calculator: reads the inputs, runs the same model and renderers the build used
 * (src/lib/tco/tco.ts via src/lib/tco/tco-view.ts), shows errors beside their fields, keeps the changed
 * inputs in the query string and redraws the charts. Loaded only by /tco/<scenario>/.
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
import { createCharts, createTornado, type TcoCharts, type TornadoChart } from './tco-chart.ts';
import { DUTY_SUM_FIELD, validateTcoInputs } from '../lib/tco/tco.ts';
import { renderSensitivityTable, sensitivityChartData, tippingSensitivity, type SensitivityChartData } from '../lib/tco/tco-sensitivity.ts';

interface Config {
  path: string;
  defaults: TcoInputs;
  provenance: Provenance;
  now: string;
}

function start(root: HTMLElement) {
  const config = JSON.parse(root.querySelector('#tco-config')!.textContent!) as Config;
  const ctx: PitfallContext = { defaults: config.defaults, provenance: config.provenance, now: config.now };
  const form = root.querySelector<HTMLFormElement>('form[data-tco-calc]')!;
  const input = (key: FieldKey) => form.querySelector<HTMLInputElement>(`input[name="${key}"]`)!;
  const region = (name: string) => root.querySelector<HTMLElement>(`[data-region="${name}"]`)!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const announcer = root.querySelector<HTMLElement>('[data-announce]')!;
  const chartBox = (kind: string) => root.querySelector<HTMLElement>(`[data-chart="${kind}"]`)!;

  // State from the address: typed text per changed field.
  const { raw: initial } = stateFromSearch(location.search, config.defaults);
  for (const [k, v] of Object.entries(initial) as [FieldKey, string][]) input(k).value = v;

  form.hidden = false;
  root.dataset.live = '';
  let charts: TcoCharts | undefined;
  let tornado: TornadoChart | undefined;
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
    const dutyErr = root.querySelector<HTMLElement>(`#${DUTY_ERROR_ID}`)!;
    dutyErr.textContent = dutyProblem?.message ?? '';
    dutyErr.hidden = !dutyProblem;
    for (const f of FIELDS) {
      const el = input(f.key);
      const box = el.closest<HTMLElement>('.tco-field')!;
      const changed = raw[f.key] !== undefined;
      const chg = root.querySelector<HTMLElement>(`#${f.id}-chg`)!;
      chg.hidden = !changed;
      box.classList.toggle('tco-field--changed', changed);
      const problem = problems.find((p) => p.field === f.key);
      const err = root.querySelector<HTMLElement>(`#${f.id}-err`)!;
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
    chartBox('cumulative').hidden = false;
    chartBox('components').hidden = false;
    return createCharts(
      root,
      chartBox('cumulative').querySelector('canvas')!,
      chartBox('components').querySelector('canvas')!,
      view.chart,
    );
  };

  const drawTornado = (data: SensitivityChartData) => {
    chartBox('sensitivity').hidden = false;
    return createTornado(root, chartBox('sensitivity').querySelector('canvas')!, data);
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
      if (charts) charts.update(view.chart);
      else charts = drawCharts(view);
      const { sens, data } = sensitivityFor(view.inputs);
      region('sensitivity').innerHTML = renderSensitivityTable(sens, view.inputs.ssd.pricePerTB);
      region('sensitivity-alt').textContent = data.alt;
      if (tornado) tornado.update(data);
      else tornado = drawTornado(data);
    } else {
      region('warnings').innerHTML = '';
      // Opened with inputs that cannot be modelled: the tables show the build-time (sourced)
      // figures, so the charts do too until the inputs can be modelled.
      if (!charts) {
        const sourced = buildView(config.defaults, ctx);
        if (sourced.ok) charts = drawCharts(sourced);
      }
      if (!tornado && validateTcoInputs(config.defaults).length === 0) tornado = drawTornado(sensitivityFor(config.defaults).data);
    }
    const search = searchFromState(raw, config.defaults);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    if (opts.announce) announce(view);
  };

  const setValues = (values: RawValues) => {
    for (const [k, v] of Object.entries(values) as [FieldKey, string][]) if (fieldOf(k)) input(k).value = v;
    update({ announce: true });
  };

  form.addEventListener('input', () => update({ announce: true }));
  form.addEventListener('submit', (e) => e.preventDefault());
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
    if (set) setValues(JSON.parse(set.dataset.set!) as RawValues);
  });

  const dark = matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', () => { charts?.restyle(); tornado?.restyle(); });
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', () => { charts?.setMotion(); tornado?.setMotion(); });

  // First run: same figures as the build unless the address carries changes; also rewrites the
  // address to the known, changed parameters only.
  update();
}

const root = document.querySelector<HTMLElement>('[data-tco]');
if (root) start(root);
