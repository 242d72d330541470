/**
 * What the /triage/ page shows for a result: the verdict panel as HTML, built by the same code at
 * build time and in the browser (src/scripts/triage.ts). Pure: strings in, strings out.
 */
import type { Triage } from '../../schemas/index.ts';
import { NEXT_STEP_LABEL, paramOf, ruleText, type Answered, type Question, type TriageResult, type Verdict } from './triage.ts';

import { escapeHtml as esc } from '../format/text.ts';
import { num } from '../format/numbers.ts';

export const VERDICT_LABEL: Record<Verdict | 'incomplete', string> = { green: 'Green', yellow: 'Yellow', red: 'Red', incomplete: 'Incomplete' };

/** The small verdict tag used beside choices, bands and answers. */
export function chip(v: Verdict): string {
  return `<span class="chip chip--${v}">${VERDICT_LABEL[v]}</span>`;
}

/** The range a band covers, in words: "below 1", "1 to under 100", "100 or more". */
export function bandRanges(q: Question): { range: string; verdict: Verdict; label: string; claim?: string }[] {
  const n = q.number!;
  const fmt = (x: number) => num(x, 6);
  return n.bands.map((b, i) => {
    const prev = i > 0 ? n.bands[i - 1]!.below : undefined;
    const range =
      b.below === undefined
        ? prev === undefined ? 'any value' : `${fmt(prev)} or more`
        : prev === undefined ? `below ${fmt(b.below)}` : `${fmt(prev)} to under ${fmt(b.below)}`;
    return { range, verdict: b.verdict, label: b.label, ...(b.claim ? { claim: b.claim } : {}) };
  });
}

const link = (key: string, text: string, n?: number) =>
  `<a href="#${paramOf(key)}">${n === undefined ? '' : `<span class="tv-qn">${n}.</span> `}${esc(text)}</a>`;

function answerItem(a: Answered): string {
  return `<li>${chip(a.verdict)} ${link(a.key, a.question)} <span class="tv-answer">${esc(a.answer)}${a.band ? ` (${esc(a.band)})` : ''}</span></li>`;
}

function countsLine(r: TriageResult): string {
  const c = r.counts;
  return `${c.red} red, ${c.yellow} yellow, ${c.green} green`;
}

/** The verdict panel's content for a result. */
export function renderVerdict(r: TriageResult, t: Pick<Triage, 'questions' | 'rule'>): string {
  const total = t.questions.length;
  const answered = r.answers.length;
  if (r.verdict === 'incomplete') {
    const parts = [
      `<p class="tv tv--incomplete" data-verdict="incomplete"><span class="tv-badge">${VERDICT_LABEL.incomplete}</span> <span class="tv-step">${answered} of ${total} answered</span></p>`,
    ];
    if (r.settled) {
      parts.push(
        `<p class="tv-settled">Already <strong>${VERDICT_LABEL[r.settled].toLowerCase()}</strong>: no remaining answer can change that.</p>`,
        `<ul class="tv-list">${r.drivers.map(answerItem).join('')}</ul>`,
      );
    }
    parts.push(
      `<p class="tv-h">Still to answer (${r.missing.length}):</p>`,
      `<ul class="tv-list tv-missing">${r.missing
        .map((m) => `<li>${link(m.key, m.question, t.questions.findIndex((q) => q.key === m.key) + 1)}${m.problem ? ` <span class="tv-problem">${esc(m.problem)}</span>` : ''}</li>`)
        .join('')}</ul>`,
    );
    return parts.join('');
  }
  const v = r.verdict;
  const yellows = v === 'yellow' ? [] : r.answers.filter((a) => a.verdict === 'yellow');
  const why: Record<Verdict, string> = {
    red: `${r.counts.red === 1 ? 'A red answer' : `${r.counts.red} red answers`} (any red makes it red)`,
    yellow: `${r.counts.yellow} yellow answers (${r.yellowAt} or more make it yellow), no red`,
    green: 'No red answer, and fewer yellow answers than the threshold',
  };
  return [
    `<p class="tv tv--${v}" data-verdict="${v}"><span class="tv-badge">${VERDICT_LABEL[v]}</span> <span class="tv-step">${NEXT_STEP_LABEL[v]}</span></p>`,
    `<p class="tv-next">${esc(r.next ?? '')}</p>`,
    `<p class="tv-h">Why: ${why[v]}. Answers: ${countsLine(r)}.</p>`,
    v === 'green'
      ? `<details class="tv-details"><summary>The ${r.drivers.length} green answers</summary><ul class="tv-list tv-drivers">${r.drivers.map(answerItem).join('')}</ul></details>`
      : `<ul class="tv-list tv-drivers">${r.drivers.map(answerItem).join('')}</ul>`,
    yellows.length
      ? `<p class="tv-h">${v === 'green' ? `Yellow, below the threshold of ${r.yellowAt}: clarify in the pilot` : 'Also yellow: clarify if the scope changes'}.</p><ul class="tv-list tv-watch">${yellows.map(answerItem).join('')}</ul>`
      : '',
  ].join('');
}

export { ruleText };
