/**
 * The RFP triage rule: every verdict, the edges of number bands, incomplete answers, the URL
 * state, and the verdict panel built from a result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plainContext } from '../../schemas/index.ts';
import { triageSchema } from '../../schemas/triage.ts';
import { answersFromSearch, bandOf, evaluate, resolveTriage, ruleText, searchFromAnswers, type RawAnswers, type ThresholdClaim } from './triage.ts';
import { bandRanges, renderVerdict } from './triage-view.ts';

const schema = triageSchema(plainContext);
const base = { owner: 'lead', reviewed: '2026-11-01', title: 'T', description: 'D' };

/** Two number questions and two choice questions; two yellows make yellow. */
const RUBRIC = schema.parse({
  ...base,
  questions: [
    {
      key: 'p99', text: 'p99 latency?', why: 'W',
      number: { unit: 'ms', bands: [{ below: 1, verdict: 'red', label: 'Sub-ms' }, { below: 100, verdict: 'yellow', label: 'Tight' }, { verdict: 'green', label: 'Loose' }] },
    },
    {
      key: 'bw', text: 'Bandwidth?', why: 'W',
      number: { unit: 'Gbps', bands: [{ below: 25, verdict: 'yellow', label: 'Small' }, { verdict: 'green', label: 'Big' }] },
    },
    {
      key: 'share', text: 'Object share?', why: 'W',
      choices: [{ value: 'block', label: 'Mostly block', verdict: 'red' }, { value: 'mixed', label: 'Mixed', verdict: 'yellow' }, { value: 'object', label: 'Mostly object', verdict: 'green' }],
    },
    {
      key: 'region', text: 'Multi-region?', why: 'W',
      choices: [{ value: 'single', label: 'Single', verdict: 'green' }, { value: 'sync', label: 'Sync <active>', verdict: 'yellow' }],
    },
  ],
  rule: { yellowAt: 2 },
  next: { green: 'Bid.', yellow: 'Clarify.', red: 'No-bid.' },
});

const GREEN: RawAnswers = { p99: '250', bw: '40', share: 'object', region: 'single' };
const keysOf = (xs: { key: string }[]) => xs.map((x) => x.key);

describe('verdicts', () => {
  it('green: every answer green; the next step is to bid, driven by the green answers', () => {
    const r = evaluate(RUBRIC, GREEN);
    expect(r.verdict).toBe('green');
    expect(r.next).toBe('Bid.');
    expect(keysOf(r.drivers)).toEqual(['p99', 'bw', 'share', 'region']);
    expect(r.missing).toEqual([]);
    expect(r.counts).toEqual({ green: 4, yellow: 0, red: 0 });
  });

  it('green: one yellow stays below a threshold of two', () => {
    const r = evaluate(RUBRIC, { ...GREEN, share: 'mixed' });
    expect(r.verdict).toBe('green');
    expect(r.counts.yellow).toBe(1);
    expect(keysOf(r.drivers)).toEqual(['p99', 'bw', 'region']);
  });

  it('yellow: exactly the threshold of yellow answers; clarify scope, driven by the yellows', () => {
    const r = evaluate(RUBRIC, { ...GREEN, share: 'mixed', region: 'sync' });
    expect(r.verdict).toBe('yellow');
    expect(r.next).toBe('Clarify.');
    expect(keysOf(r.drivers)).toEqual(['share', 'region']);
  });

  it('yellow: a threshold of one makes a single yellow answer yellow', () => {
    const r = evaluate({ ...RUBRIC, rule: { yellowAt: 1 } }, { ...GREEN, bw: '10' });
    expect(r.verdict).toBe('yellow');
    expect(keysOf(r.drivers)).toEqual(['bw']);
  });

  it('red: one red answer among greens; no-bid, driven by the red answer only', () => {
    const r = evaluate(RUBRIC, { ...GREEN, share: 'block' });
    expect(r.verdict).toBe('red');
    expect(r.next).toBe('No-bid.');
    expect(r.drivers).toEqual([{ key: 'share', question: 'Object share?', answer: 'Mostly block', value: 'block', verdict: 'red' }]);
  });

  it('red beats any number of yellows, and lists every red answer', () => {
    const r = evaluate(RUBRIC, { p99: '0.5', bw: '10', share: 'block', region: 'sync' });
    expect(r.verdict).toBe('red');
    expect(keysOf(r.drivers)).toEqual(['p99', 'share']);
    expect(r.counts).toEqual({ green: 0, yellow: 2, red: 2 });
  });
});

describe('number bands: first band whose `below` is above the answer; the last takes the rest', () => {
  const cases: [string | number, 'red' | 'yellow' | 'green', string][] = [
    ['0', 'red', 'Sub-ms'],
    ['0.999', 'red', 'Sub-ms'],
    ['1', 'yellow', 'Tight'], // 1 is not below 1
    ['1.0', 'yellow', 'Tight'],
    ['99.999', 'yellow', 'Tight'],
    ['100', 'green', 'Loose'], // 100 is not below 100
    [100, 'green', 'Loose'],
    ['1e6', 'green', 'Loose'],
    ['1,000', 'green', 'Loose'],
    [' 5 ', 'yellow', 'Tight'],
  ];
  for (const [raw, verdict, band] of cases) {
    it(`p99 ${JSON.stringify(raw)} -> ${verdict}`, () => {
      const a = evaluate(RUBRIC, { ...GREEN, p99: raw }).answers.find((x) => x.key === 'p99')!;
      expect({ verdict: a.verdict, band: a.band }).toEqual({ verdict, band });
    });
  }
  it('the second question: 24.99 is yellow, 25 is green', () => {
    const q = RUBRIC.questions[1]!;
    expect(bandOf(q, 24.99).verdict).toBe('yellow');
    expect(bandOf(q, 25).verdict).toBe('green');
  });
  it('shows the answer with its unit', () => {
    expect(evaluate(RUBRIC, { ...GREEN, p99: '1500' }).answers[0]!.answer).toBe('1,500 ms');
  });
  it('states each band as a range', () => {
    expect(bandRanges(RUBRIC.questions[0]!).map((b) => b.range)).toEqual(['below 1', '1 to under 100', '100 or more']);
  });
  it('refuses a decimal comma with what to write instead (it used to read "0,5" as 5)', () => {
    expect(evaluate(RUBRIC, { ...GREEN, p99: '0,5' }).missing).toEqual([
      { key: 'p99', question: 'p99 latency?', problem: '"0,5" is not a number: write 0.5 with a decimal point (a comma only groups thousands, as in 1,000)' },
    ]);
  });
  // Issue #14: a decimal comma must never be read as a thousands separator ("0,5" became 5, a red
  // sub-ms p99 turned into a yellow 5 ms). Either it is 0.5 or it is refused with a message naming
  // what was typed; a grouped thousand ("1,000") stays 1000. Written against the answer, not the
  // parser's name, so the shared number parser (src/lib/format/) can replace triage's own.
  it('never reads a decimal comma as a thousands separator: "0,5" is 0.5 or refused, "1,000" is 1000', () => {
    const p99 = (raw: string) => evaluate(RUBRIC, { ...GREEN, p99: raw });
    const half = p99('0,5');
    const answered = half.answers.find((a) => a.key === 'p99');
    if (answered) {
      expect({ value: answered.value, verdict: answered.verdict, band: answered.band }).toEqual({ value: 0.5, verdict: 'red', band: 'Sub-ms' });
    } else {
      const missing = half.missing.find((m) => m.key === 'p99');
      expect(missing?.problem).toContain('0,5');
      expect(half.verdict).toBe('incomplete');
    }
    const thousand = p99('1,000').answers.find((a) => a.key === 'p99')!;
    expect({ value: thousand.value, answer: thousand.answer, verdict: thousand.verdict }).toEqual({ value: 1000, answer: '1,000 ms', verdict: 'green' });
  });
});

describe('incomplete answers', () => {
  it('nothing answered: incomplete, every question missing in order, no next step', () => {
    const r = evaluate(RUBRIC, {});
    expect(r.verdict).toBe('incomplete');
    expect(r.next).toBeUndefined();
    expect(r.missing).toEqual([
      { key: 'p99', question: 'p99 latency?' },
      { key: 'bw', question: 'Bandwidth?' },
      { key: 'share', question: 'Object share?' },
      { key: 'region', question: 'Multi-region?' },
    ]);
  });

  it('one question left: incomplete, and says which', () => {
    const r = evaluate(RUBRIC, { ...GREEN, region: undefined });
    expect(r.verdict).toBe('incomplete');
    expect(keysOf(r.missing)).toEqual(['region']);
    expect(r.settled).toBeUndefined();
    expect(r.answers).toHaveLength(3);
  });

  it('a red answer already settles it, but the verdict stays incomplete until all are answered', () => {
    const r = evaluate(RUBRIC, { share: 'block' });
    expect(r.verdict).toBe('incomplete');
    expect(r.settled).toBe('red');
    expect(keysOf(r.drivers)).toEqual(['share']);
    expect(keysOf(r.missing)).toEqual(['p99', 'bw', 'region']);
  });

  it('yellows reaching the threshold do not settle it: a later red would still change it', () => {
    expect(evaluate(RUBRIC, { share: 'mixed', region: 'sync' }).settled).toBeUndefined();
  });

  it('unusable answers count as missing, with the reason', () => {
    const r = evaluate(RUBRIC, { p99: 'fast', bw: '-1', share: 'tape', region: '  ' });
    expect(r.verdict).toBe('incomplete');
    expect(r.missing).toEqual([
      { key: 'p99', question: 'p99 latency?', problem: '"fast" is not a number' },
      { key: 'bw', question: 'Bandwidth?', problem: '-1 is below the smallest sensible answer, 0' },
      { key: 'share', question: 'Object share?', problem: '"tape" is not one of the choices' },
      { key: 'region', question: 'Multi-region?' },
    ]);
  });
});

describe('state in the URL', () => {
  it('answers -> ?q-<key>=value in question order -> the same answers', () => {
    const raw: RawAnswers = { region: 'sync', p99: '0.5', share: 'mixed' };
    const search = searchFromAnswers(RUBRIC, raw);
    expect(search).toBe('?q-p99=0.5&q-share=mixed&q-region=sync');
    expect(answersFromSearch(RUBRIC, search)).toEqual({ p99: '0.5', share: 'mixed', region: 'sync' });
    expect(evaluate(RUBRIC, answersFromSearch(RUBRIC, search))).toEqual(evaluate(RUBRIC, raw));
  });
  it('no answers: an empty query string', () => {
    expect(searchFromAnswers(RUBRIC, {})).toBe('');
    expect(searchFromAnswers(RUBRIC, { p99: ' ' })).toBe('');
    expect(answersFromSearch(RUBRIC, '')).toEqual({});
  });
  it('ignores parameters of unknown questions and empty values; keeps bad values for evaluate to report', () => {
    expect(answersFromSearch(RUBRIC, '?q-nope=1&utm=x&q-bw=&q-p99=abc')).toEqual({ p99: 'abc' });
  });
  it('encodes and decodes values with spaces and symbols', () => {
    const search = searchFromAnswers(RUBRIC, { p99: '1 000', share: 'a&b' });
    expect(answersFromSearch(RUBRIC, search)).toEqual({ p99: '1 000', share: 'a&b' });
  });
  it('a full round trip of every verdict', () => {
    for (const raw of [GREEN, { ...GREEN, share: 'mixed', region: 'sync' }, { ...GREEN, p99: '0' }]) {
      const back = answersFromSearch(RUBRIC, searchFromAnswers(RUBRIC, raw));
      expect(evaluate(RUBRIC, back).verdict).toBe(evaluate(RUBRIC, raw).verdict);
    }
  });
});

describe('the verdict panel', () => {
  it('incomplete: how many answered and links to what is missing', () => {
    const html = renderVerdict(evaluate(RUBRIC, { share: 'mixed' }), RUBRIC);
    expect(html).toContain('data-verdict="incomplete"');
    expect(html).toContain('1 of 4 answered');
    expect(html).toContain('<a href="#q-p99"><span class="tv-qn">1.</span> p99 latency?</a>');
    expect(html).not.toContain('#q-share');
  });
  it('red: the next step and the answers that drove it; text is escaped', () => {
    const html = renderVerdict(evaluate(RUBRIC, { ...GREEN, share: 'block', region: 'sync' }), RUBRIC);
    expect(html).toContain('data-verdict="red"');
    expect(html).toContain('No-bid');
    expect(html).toContain('<a href="#q-share">Object share?</a> <span class="tv-answer">Mostly block</span>');
    expect(html).toContain('Sync &lt;active&gt;');
    expect(html).not.toContain('<active>');
  });
  it('green with a yellow below the threshold names it', () => {
    const html = renderVerdict(evaluate(RUBRIC, { ...GREEN, bw: '1' }), RUBRIC);
    expect(html).toContain('data-verdict="green"');
    expect(html).toContain('Yellow, below the threshold of 2');
  });
  it('states the rule', () => {
    expect(ruleText(RUBRIC)).toBe('Any red answer makes the verdict red; 2 or more yellow answers make it yellow; otherwise it is green.');
    expect(ruleText({ rule: { yellowAt: 1 } })).toBe('Any red answer makes the verdict red; any yellow answer makes it yellow; otherwise it is green.');
  });
});

describe('the shipped rubric (src/content/triage/rfp.yaml)', () => {
  const raw = schema.parse(parse(readFileSync(join(import.meta.dirname, '../../content/triage/rfp.yaml'), 'utf8')));
  // Bands that name a claim take the claim's value, as the page does.
  const claimMetric = (id: string) => (parse(readFileSync(join(import.meta.dirname, `../../content/claims/${id}.yaml`), 'utf8')) as { metric: ThresholdClaim }).metric;
  const { triage: rfp, problems } = resolveTriage(raw, claimMetric);
  it('takes every claim threshold from a claim with a number', () => expect(problems).toEqual([]));
  /** For each question, an answer with the wanted verdict, if it has one. */
  const pick = (v: 'green' | 'yellow' | 'red') =>
    Object.fromEntries(
      rfp.questions.flatMap((q) => {
        if (q.choices) {
          const c = q.choices.find((x) => x.verdict === v);
          return c ? [[q.key, c.value]] : [];
        }
        const bands = q.number!.bands;
        const i = bands.findIndex((b) => b.verdict === v);
        if (i < 0) return [];
        return [[q.key, String(i === 0 ? 0 : bands[i - 1]!.below)]];
      }),
    ) as RawAnswers;

  it('has the brief\'s questions', () => {
    expect(rfp.questions.map((q) => q.key)).toEqual([
      'p99-latency', 'p999-latency', 'object-block-share', 'io-size-mix', 'region-bandwidth', 'checkpoint-cadence', 'multi-region', 'on-ramp',
    ]);
  });
  it('object-heavy, high-throughput answers are green', () => {
    const r = evaluate(rfp, pick('green'));
    expect(r.verdict).toBe('green');
    expect(r.next).toMatch(/^Bid\./);
  });
  it('a strict sub-millisecond p99 on block volumes is red', () => {
    const r = evaluate(rfp, { ...pick('green'), 'p99-latency': '0.5', 'object-block-share': 'mostly-block' });
    expect(r.verdict).toBe('red');
    expect(keysOf(r.drivers)).toEqual(['p99-latency', 'object-block-share']);
    expect(r.next).toMatch(/^No-bid/);
  });
  it('mixed scope is yellow', () => {
    const r = evaluate(rfp, { ...pick('green'), 'object-block-share': 'mixed', 'io-size-mix': 'mixed' });
    expect(r.verdict).toBe('yellow');
    expect(r.next).toMatch(/^Clarify scope/);
  });
});
