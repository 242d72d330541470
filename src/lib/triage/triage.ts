/**
 * The RFP triage rule: answers in, verdict out. Pure (no DOM, no clock), shared by the /triage/
 * page at build time, its client script and the tests.
 *
 * Each answer carries a verdict: a choice its own, a number the band it falls in (bands are
 * checked in order; the first whose `below` is above the number wins; the last band takes the
 * rest). The answers combine as the rubric says: any red makes the verdict red; `yellowAt` or
 * more yellows make it yellow; otherwise green. While a question is unanswered the verdict is
 * `incomplete`, with the questions still missing.
 */
import type { Triage } from '../../schemas/index.ts';
import { num, readNumber } from '../format/numbers.ts';

export type Verdict = 'green' | 'yellow' | 'red';
export type Question = Triage['questions'][number];

/** Raw answers by question key: a choice value, or the number as typed (or as a number). */
export type RawAnswers = Record<string, string | number | undefined>;

/** One answered question and the verdict it pushes towards. */
export interface Answered {
  key: string;
  question: string;
  /** The answer as shown: the choice label, or the number with its unit. */
  answer: string;
  /** The choice value, or the number. */
  value: string | number;
  verdict: Verdict;
  /** For number answers: the band's label. */
  band?: string;
}

/** A question without a usable answer. */
export interface Missing {
  key: string;
  question: string;
  /** Why an answer given was refused (not a number, not a choice, below the minimum). */
  problem?: string;
}

export interface TriageResult {
  /** The verdict, or `incomplete` until every question has a usable answer. */
  verdict: Verdict | 'incomplete';
  /** The answers that decided the verdict (for incomplete: the red ones, which no later answer can undo). */
  drivers: Answered[];
  /** Every usable answer, in question order. */
  answers: Answered[];
  /** Questions still unanswered (or answered with something unusable), in question order. */
  missing: Missing[];
  /** Count of answers per verdict. */
  counts: Record<Verdict, number>;
  /** How many yellow answers make the verdict yellow. */
  yellowAt: number;
  /** The next step for the verdict (bid, clarify scope, no-bid); undefined while incomplete. */
  next?: string;
  /** While incomplete: red already, whatever the remaining answers are. */
  settled?: Verdict;
}

export const NEXT_STEP_LABEL: Record<Verdict, string> = { green: 'Bid', yellow: 'Clarify scope', red: 'No-bid' };

/** The URL parameter that holds a question's answer: `q-<key>`. */
export const paramOf = (key: string) => `q-${key}`;

/** The band a number falls in. The schema guarantees the last band is open-ended. */
export function bandOf(q: Question, n: number): NonNullable<Question['number']>['bands'][number] {
  const bands = q.number!.bands;
  return bands.find((b) => b.below === undefined || n < b.below) ?? bands[bands.length - 1]!;
}

/** A number in an answer or a band: thousands separators, up to six decimals. */
const formatNumber = (n: number) => num(n, 6);

/** One question's answer, or why it cannot be used. */
export function answerQuestion(q: Question, raw: string | number | undefined): { ok: true; answered: Answered } | { ok: false; problem?: string } {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: false };
  if (q.choices) {
    const c = q.choices.find((x) => x.value === String(raw).trim());
    if (!c) return { ok: false, problem: `"${String(raw)}" is not one of the choices` };
    return { ok: true, answered: { key: q.key, question: q.text, answer: c.label, value: c.value, verdict: c.verdict } };
  }
  const reading = readNumber(raw);
  if (!reading.ok) return { ok: false, problem: `"${String(raw)}" is not a number${reading.hint ? `: ${reading.hint}` : ''}` };
  const n = reading.value;
  const min = q.number!.min ?? 0;
  if (n < min) return { ok: false, problem: `${formatNumber(n)} is below the smallest sensible answer, ${formatNumber(min)}` };
  const band = bandOf(q, n);
  return {
    ok: true,
    answered: { key: q.key, question: q.text, answer: `${formatNumber(n)} ${q.number!.unit}`, value: n, verdict: band.verdict, band: band.label },
  };
}

/** The rule: every question answered, then any red -> red, `yellowAt`+ yellows -> yellow, else green. */
export function evaluate(t: Pick<Triage, 'questions' | 'rule' | 'next'>, raw: RawAnswers): TriageResult {
  const answers: Answered[] = [];
  const missing: Missing[] = [];
  for (const q of t.questions) {
    const r = answerQuestion(q, raw[q.key]);
    if (r.ok) answers.push(r.answered);
    else missing.push(r.problem ? { key: q.key, question: q.text, problem: r.problem } : { key: q.key, question: q.text });
  }
  const counts: Record<Verdict, number> = { green: 0, yellow: 0, red: 0 };
  for (const a of answers) counts[a.verdict]++;
  const yellowAt = t.rule.yellowAt;
  const of = (v: Verdict) => answers.filter((a) => a.verdict === v);
  if (missing.length > 0) {
    const result: TriageResult = { verdict: 'incomplete', drivers: of('red'), answers, missing, counts, yellowAt };
    if (counts.red > 0) result.settled = 'red';
    return result;
  }
  const verdict: Verdict = counts.red > 0 ? 'red' : counts.yellow >= yellowAt ? 'yellow' : 'green';
  // Green is driven by the green answers; a yellow below the threshold is not a driver.
  return { verdict, drivers: of(verdict), answers, missing, counts, yellowAt, next: t.next[verdict] };
}

/**
 * Answers from a query string (`?q-p99-latency=0.5&q-object-block-share=mixed`). Parameters for
 * unknown questions are ignored; values are kept as given, so an unusable one is reported by
 * `evaluate` as missing with its problem.
 */
export function answersFromSearch(t: Pick<Triage, 'questions'>, search: string): RawAnswers {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: RawAnswers = {};
  for (const q of t.questions) {
    const v = params.get(paramOf(q.key));
    if (v !== null && v.trim() !== '') out[q.key] = v.trim();
  }
  return out;
}

/** The query string for answers (question order, empty answers left out), `''` when there are none. */
export function searchFromAnswers(t: Pick<Triage, 'questions'>, raw: RawAnswers): string {
  const params = new URLSearchParams();
  for (const q of t.questions) {
    const v = raw[q.key];
    if (v === undefined || String(v).trim() === '') continue;
    params.set(paramOf(q.key), String(v).trim());
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The rule in words, as the page and the printout state it. */
export function ruleText(t: Pick<Triage, 'rule'>): string {
  const n = t.rule.yellowAt;
  const yellows = n === 1 ? 'any yellow answer makes it yellow' : `${n} or more yellow answers make it yellow`;
  return `Any red answer makes the verdict red; ${yellows}; otherwise it is green.`;
}

/** A claim's number as a triage threshold needs it. */
export interface ThresholdClaim {
  value: number | 'TBD';
  unit: string;
}

/** A band whose threshold could not be taken from its claim. */
export interface ThresholdProblem {
  question: number;
  band: number;
  claim: string;
  message: string;
}

/**
 * Fills `below` of every band that names a `claim` with that claim's value, so the rule, the page
 * and its script read one number. Bands whose claim is missing (left out of the edition) or TBD
 * keep no threshold and are reported; so are thresholds that end up out of order.
 */
export function resolveTriage<T extends Pick<Triage, 'questions'>>(t: T, claimOf: (id: string) => ThresholdClaim | undefined): { triage: T; problems: ThresholdProblem[] } {
  const problems: ThresholdProblem[] = [];
  const questions = t.questions.map((q, qi) => {
    if (!q.number) return q;
    const bands = q.number.bands.map((b, bi) => {
      if (b.claim === undefined) return b;
      const c = claimOf(b.claim);
      if (!c) {
        problems.push({ question: qi, band: bi, claim: b.claim, message: `claim ${b.claim} is not in this edition` });
        return b;
      }
      if (c.value === 'TBD') {
        problems.push({ question: qi, band: bi, claim: b.claim, message: `claim ${b.claim} has no number yet (TBD), so it cannot be a threshold` });
        return b;
      }
      return { ...b, below: c.value };
    });
    bands.forEach((b, bi) => {
      const prev = bands[bi - 1]?.below;
      if (bi > 0 && b.below !== undefined && prev !== undefined && b.below <= prev && (b.claim ?? bands[bi - 1]!.claim)) {
        problems.push({ question: qi, band: bi, claim: (b.claim ?? bands[bi - 1]!.claim)!, message: `bands go in ascending order: ${b.below} (band ${bi + 1}) is not above ${prev} (band ${bi})` });
      }
    });
    return { ...q, number: { ...q.number, bands } };
  });
  return { triage: { ...t, questions }, problems };
}
