/**
 * The RFP triage checklist in the browser: reads the answers from the address, re-runs the same
 * rule the page was built with (src/lib/triage/triage.ts) on every change, shows the verdict with the
 * answers that drove it, and keeps the answers in the address (?q-<key>=value) so the link can be
 * shared. Loaded only by /triage/.
 */
import { answerQuestion, answersFromSearch, evaluate, paramOf, searchFromAnswers, type RawAnswers } from '../lib/triage/triage.ts';
import { renderVerdict, VERDICT_LABEL } from '../lib/triage/triage-view.ts';
import type { Triage } from '../schemas/index.ts';

type Config = Pick<Triage, 'questions' | 'rule' | 'next'> & { id: string };

function start(root: HTMLElement) {
  const config = JSON.parse(root.querySelector('script[data-triage-config]')!.textContent!) as Config;
  const form = root.querySelector<HTMLFormElement>('form[data-triage-form]')!;
  const panel = root.querySelector<HTMLElement>('[data-verdict-panel]')!;
  const region = root.querySelector<HTMLElement>('[data-region="verdict"]')!;
  const share = root.querySelector<HTMLAnchorElement>('[data-share]')!;
  const actions = root.querySelector<HTMLElement>('[data-actions]')!;
  const itemOf = (key: string) => form.querySelector<HTMLElement>(`li.tq[data-key="${key}"]`)!;
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
    root.dataset.verdict = result.verdict;
    for (const q of config.questions) {
      const item = itemOf(q.key);
      const r = answerQuestion(q, raw[q.key]);
      item.dataset.answer = r.ok ? r.answered.verdict : raw[q.key] === undefined ? '' : 'invalid';
      if (!q.number) continue;
      const input = controls(q.key)[0]!;
      const out = item.querySelector<HTMLOutputElement>('[data-out]')!;
      const err = item.querySelector<HTMLElement>('[data-err]')!;
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

  fill(answersFromSearch(config, location.search));
  panel.hidden = false;
  actions.hidden = false;
  root.dataset.live = '';
  form.addEventListener('input', () => update());
  form.addEventListener('change', () => update());
  form.addEventListener('submit', (e) => e.preventDefault());
  root.querySelector('[data-clear]')!.addEventListener('click', () => {
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

for (const root of document.querySelectorAll<HTMLElement>('[data-triage]')) start(root);
