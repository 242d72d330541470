/**
 * `<fk-triage data-config="…">`, around an `<article data-triage>`: one RFP triage checklist in the browser. Reads the answers from
 * the address, re-runs the same rule the page was built with (src/lib/triage/triage.ts) on every change,
 * shows the verdict with the answers that drove it, and keeps the answers in the address
 * (?q-<key>=value) so the link can be shared. Its config (`data-config`, JSON:
 * `{id, questions, rule, next}`) is checked on start; a bad one logs which field is wrong and the
 * page stays the printed rubric it is without JavaScript. Loaded only by /triage/.
 */
import { answerQuestion, answersFromSearch, evaluate, paramOf, searchFromAnswers, type RawAnswers } from '../lib/triage/triage.ts';
import { renderVerdict, VERDICT_LABEL } from '../lib/triage/triage-view.ts';
import type { Triage } from '../schemas/index.ts';
import { defineElement, EnhancedElement, isRecord, need, readConfig } from './dom.ts';

export type TriageConfig = Pick<Triage, 'questions' | 'rule' | 'next'> & { id: string };

/** Checks a parsed `data-config` (what the client uses of it); `fail` names the first bad field. */
export function checkTriageConfig(raw: unknown, fail: (field: string, expected: string, got: unknown) => never): TriageConfig {
  if (!isRecord(raw)) return fail('data-config', 'an object', raw);
  if (typeof raw.id !== 'string' || raw.id === '') fail('id', 'the rubric id (text)', raw.id);
  if (!Array.isArray(raw.questions) || raw.questions.length === 0) return fail('questions', 'a non-empty list', raw.questions);
  raw.questions.forEach((q: unknown, i) => {
    if (!isRecord(q)) return fail(`questions[${i}]`, 'an object', q);
    if (typeof q.key !== 'string' || q.key === '') fail(`questions[${i}].key`, 'text', q.key);
    if (Array.isArray(q.choices) === isRecord(q.number)) fail(`questions[${i}]`, 'exactly one of choices (a list) or number (an object)', Object.keys(q));
    if (isRecord(q.number) && !Array.isArray(q.number.bands)) fail(`questions[${i}].number.bands`, 'a list', q.number.bands);
  });
  if (!isRecord(raw.rule) || typeof raw.rule.yellowAt !== 'number') fail('rule.yellowAt', 'a number', isRecord(raw.rule) ? raw.rule.yellowAt : raw.rule);
  const next = raw.next;
  if (!isRecord(next)) return fail('next', 'an object with green, yellow and red', next);
  for (const v of ['green', 'yellow', 'red']) if (typeof next[v] !== 'string') fail(`next.${v}`, 'text', next[v]);
  return raw as unknown as TriageConfig;
}

export class TriageElement extends EnhancedElement {
  protected readonly what = 'The live verdict';

  protected start(): void {
    start(this, readConfig(this, checkTriageConfig));
  }
}

function start(root: HTMLElement, config: TriageConfig) {
  /** The rubric's article: carries the verdict (`data-verdict`) and `data-live` for the styles. */
  const article = need(root, '[data-triage]');
  const form = need(root, 'form[data-triage-form]', HTMLFormElement);
  const panel = need(root, '[data-verdict-panel]');
  const region = need(root, '[data-region="verdict"]');
  const share = need(root, '[data-share]', HTMLAnchorElement);
  const actions = need(root, '[data-actions]');
  const clear = need(root, '[data-clear]', HTMLButtonElement);
  const itemOf = (key: string) => need(root, `li.tq[data-key="${key}"]`, HTMLElement, form);
  const controls = (key: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${paramOf(key)}"]`)];

  /** Puts answers into the controls. */
  function fill(raw: RawAnswers) {
    for (const q of config.questions) {
      const v = raw[q.key];
      for (const input of controls(q.key)) {
        if (input.type === 'radio') input.checked = v !== undefined && input.value === String(v);
        else input.value = v === undefined ? '' : String(v);
      }
    }
  }

  /** Reads the answers from the controls. */
  function read(): RawAnswers {
    const raw: RawAnswers = {};
    for (const q of config.questions) {
      const inputs = controls(q.key);
      const value = inputs[0]?.type === 'radio' ? inputs.find((i) => i.checked)?.value : inputs[0]?.value;
      if (value !== undefined && value.trim() !== '') raw[q.key] = value;
    }
    return raw;
  }

  function update(opts: { push?: boolean } = {}) {
    const raw = read();
    const result = evaluate(config, raw);
    region.innerHTML = renderVerdict(result, config);
    article.dataset.verdict = result.verdict;
    for (const q of config.questions) {
      const item = itemOf(q.key);
      const r = answerQuestion(q, raw[q.key]);
      item.dataset.answer = r.ok ? r.answered.verdict : raw[q.key] === undefined ? '' : 'invalid';
      if (!q.number) continue;
      const input = need(root, `input[name="${paramOf(q.key)}"]`, HTMLInputElement, item);
      const out = need(root, '[data-out]', HTMLOutputElement, item);
      const err = need(root, '[data-err]', HTMLElement, item);
      out.innerHTML = r.ok ? `<span class="chip chip--${r.answered.verdict}">${VERDICT_LABEL[r.answered.verdict]}</span>` : '';
      const problem = !r.ok && r.problem ? r.problem : '';
      err.textContent = problem;
      err.hidden = problem === '';
      if (problem) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const search = searchFromAnswers(config, raw);
    const url = `${location.pathname}${search}${location.hash}`;
    if (`${location.pathname}${location.search}${location.hash}` !== url) {
      if (opts.push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    share.href = `${location.pathname}${search}`;
  }

  // Every question has its item and controls before anything changes, so a mismatch fails whole.
  for (const q of config.questions) {
    const item = itemOf(q.key);
    if (!controls(q.key).length) need(root, `input[name="${paramOf(q.key)}"]`, HTMLInputElement, item);
  }
  fill(answersFromSearch(config, location.search));
  panel.hidden = false;
  actions.hidden = false;
  article.dataset.live = '';
  form.addEventListener('input', () => update());
  form.addEventListener('change', () => update());
  // Every answer already shows; Enter or the submit button takes the reader to the verdict.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update({ push: true });
    panel.scrollIntoView({ block: 'start' });
  });
  clear.addEventListener('click', () => {
    fill({});
    update({ push: true });
    form.querySelector<HTMLInputElement>('input')?.focus();
  });
  // Back and forward through cleared states restore the answers in the address.
  window.addEventListener('popstate', () => {
    fill(answersFromSearch(config, location.search));
    update();
  });
  update();
}

defineElement('fk-triage', TriageElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-triage': TriageElement;
  }
}
