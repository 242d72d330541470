/**
 * Accept and reject tables for reviews, signals and partners (and the triage rubric's band and key
 * rules), through the same validator the CLI and the build use, with pinned messages and lines.
 */
import { describe, expect, it } from 'vitest';
import { contentFile as file } from '../../tests/helpers.ts';
import { validateContent, type ContentFile } from '../lib/content/validate.ts';

const NOW = '2026-11-26';
const base = { owner: 'lead', reviewed: '2026-11-01' };
const FRD = 'customer-media1-checkpointing-20261015';

/** What the entries under test point at. */
const TREE: Record<string, { data: Record<string, unknown>; body?: string }> = {
  'people/lead.yaml': { data: { name: 'Lead', role: 'Owner' } },
  'clouds/azure.md': { data: { ...base, name: 'Example cloud', short: 'Ex', summary: 'S.' }, body: 'Body.' },
  'clouds/gpu.md': { data: { ...base, name: 'GPU cloud', short: 'GPU', tier: 'tier2', summary: 'S.' }, body: 'Body.' },
  'plays/p.md': { data: { ...base, title: 'Play', summary: 'S.', clouds: ['azure'], trigger: 'T.', discovery: ['Q?'], status: 'draft' }, body: 'Talk.' },
  [`frds/${FRD}.md`]: { data: { ...base, name: 'Customer-Media1-Checkpointing-20261015', title: 'FRD', status: 'proposed' }, body: 'Example.' },
};

const REVIEW = {
  ...base,
  month: '2026-10',
  title: 'Example review — October 2026',
  pipeline: { summary: 'Figures TBD.', clouds: [{ cloud: 'azure', note: 'Qualitative.' }] },
  themes: ['A theme.'],
  wins: [1, 2, 3].map((i) => ({ pattern: `Win ${i}`, why: 'Why.', repeat: 'How.', plays: ['p'] })),
  losses: [1, 2, 3].map((i) => ({ pattern: `Loss ${i}`, rootCause: 'Cause.', fix: 'Fix.', owner: 'lead', eta: '2027-01-31' })),
  gaps: [1, 2, 3, 4, 5].map((i) => ({ gap: `Gap ${i}`, frd: FRD, decision: 'Investigate.', eta: '2027-02-28' })),
  next: [{ cloud: 'azure', plays: ['p'], why: 'Because.' }],
};
const SIGNAL = { ...base, cloud: 'azure', kind: 'gap', title: 'A gap', detail: 'Example.', submittedBy: 'SE, Azure deals', date: '2026-11-20', status: 'new' };
const PARTNER = {
  ...base, name: 'Example billing platform', role: 'billing', summary: 'Example role.', clouds: ['gpu'],
  integration: { status: 'planned', note: 'To be confirmed.' }, gaps: [{ gap: 'Usage fields.', frd: FRD }],
};
const TRIAGE = {
  ...base, title: 'Triage', description: 'D.', rule: { yellowAt: 2 }, next: { green: 'Bid', yellow: 'Clarify', red: 'No-bid' },
  questions: [
    { key: 'share', text: 'Object share?', why: 'W.', choices: [{ value: 'high', label: 'High', verdict: 'green' }, { value: 'low', label: 'Low', verdict: 'red' }] },
    { key: 'p99', text: 'p99?', why: 'W.', number: { unit: 'ms', bands: [{ below: 1, verdict: 'red', label: 'Sub-ms' }, { below: 100, verdict: 'yellow', label: 'Tight' }, { verdict: 'green', label: 'Loose' }] } },
  ],
};

const ENTRIES = {
  reviews: { path: 'reviews/2026-10.md', data: REVIEW, body: 'Example.' as string | undefined },
  signals: { path: 'signals/azure-gap.yaml', data: SIGNAL, body: undefined },
  partners: { path: 'partners/example-billing.yaml', data: PARTNER, body: undefined },
  triage: { path: 'triage/rfp.yaml', data: TRIAGE, body: undefined },
};
type Collection = keyof typeof ENTRIES;


function tree(collection?: Collection, data?: Record<string, unknown>): ContentFile[] {
  const files = Object.entries(TREE).map(([p, v]) => file(p, v.data, v.body));
  for (const [c, e] of Object.entries(ENTRIES)) files.push(file(e.path, c === collection ? data! : e.data, e.body));
  return files;
}

function problemsWith(collection: Collection, data: Record<string, unknown>) {
  return validateContent(tree(collection, data), { now: NOW }).problems.map((p) => ({ code: p.code, field: p.field, message: p.message, expected: p.expected, line: p.line }));
}

describe('reviews, signals and partners accept their valid entries', () => {
  it('the tree has no problems and fills defaults', () => {
    const r = validateContent(tree(), { now: NOW });
    expect(r.problems).toEqual([]);
    expect(r.snapshot.reviews[0]!.id).toBe('2026-10');
    expect(r.snapshot.reviews[0]!.data.audience).toBe('internal');
    expect(r.snapshot.signals[0]!.data.reviewEvery).toBe(180);
    expect(r.snapshot.partners[0]!.data.gaps[0]!.frd).toBe(FRD);
    expect(r.snapshot.triage[0]!.data.questions[1]!.number!.min).toBe(0);
  });

  const ACCEPT: [name: string, collection: Collection, patch: (d: any) => void][] = [
    ['review without pipeline clouds or plays on wins (defaults)', 'reviews', (d) => { delete d.pipeline.clouds; for (const w of d.wins) delete w.plays; }],
    ['review with several clouds next month', 'reviews', (d) => d.next.push({ cloud: 'gpu', plays: ['p'] })],
    ['signal answered with its answer', 'signals', (d) => Object.assign(d, { status: 'answered', answer: 'Published answer.' })],
    ['signal that became a play, with the play', 'signals', (d) => Object.assign(d, { kind: 'play-idea', status: 'became-play', play: 'p' })],
    ['signal that became an FRD, with the FRD and an answer', 'signals', (d) => Object.assign(d, { status: 'became-frd', frd: FRD, answer: 'Tracked.' })],
    ['partner with no gaps and no note', 'partners', (d) => { delete d.gaps; delete d.integration.note; }],
    ['triage number question with one open band', 'triage', (d) => (d.questions[1].number.bands = [{ verdict: 'green', label: 'Any' }])],
    ['triage number question with its own minimum', 'triage', (d) => (d.questions[1].number.min = -40)],
  ];
  for (const [name, collection, patch] of ACCEPT) {
    it(name, () => {
      const data = structuredClone(ENTRIES[collection].data) as Record<string, unknown>;
      patch(data);
      expect(problemsWith(collection, data)).toEqual([]);
    });
  }
});

const REJECT: [name: string, collection: Collection, patch: (d: any) => void, expected: { code: string; field: string; message: string; expected?: string }][] = [
  // reviews: the fixed sections
  ['reviews: two win patterns', 'reviews', (d) => d.wins.pop(), { code: 'invalid-value', field: 'wins', message: 'wins has too few items', expected: 'exactly three win patterns' }],
  ['reviews: four win patterns', 'reviews', (d) => d.wins.push(d.wins[0]), { code: 'invalid-value', field: 'wins', message: 'wins has too many items', expected: 'exactly three win patterns' }],
  ['reviews: two loss patterns', 'reviews', (d) => d.losses.pop(), { code: 'invalid-value', field: 'losses', message: 'losses has too few items', expected: 'exactly three loss patterns' }],
  ['reviews: a loss without its owner', 'reviews', (d) => delete d.losses[1].owner, { code: 'missing-field', field: 'losses.1', message: 'missing required field "losses.1.owner"' }],
  ['reviews: a loss without its root cause', 'reviews', (d) => delete d.losses[0].rootCause, { code: 'missing-field', field: 'losses.0', message: 'missing required field "losses.0.rootCause"' }],
  ['reviews: a loss ETA that is not a date', 'reviews', (d) => (d.losses[2].eta = 'Q1'), { code: 'bad-date', field: 'losses.2.eta', message: 'losses.2.eta is not a real date' }],
  ['reviews: a loss owned by nobody known', 'reviews', (d) => (d.losses[0].owner = 'leed'), { code: 'dangling-ref', field: 'losses.0.owner', message: '"leed" is not an entry in people' }],
  ['reviews: four product gaps', 'reviews', (d) => d.gaps.pop(), { code: 'invalid-value', field: 'gaps', message: 'gaps has too few items', expected: 'exactly five product gaps' }],
  ['reviews: six product gaps', 'reviews', (d) => d.gaps.push(d.gaps[0]), { code: 'invalid-value', field: 'gaps', message: 'gaps has too many items', expected: 'exactly five product gaps' }],
  ['reviews: a gap without its FRD', 'reviews', (d) => delete d.gaps[3].frd, { code: 'missing-field', field: 'gaps.3', message: 'missing required field "gaps.3.frd"' }],
  ['reviews: a gap linked to an FRD that does not exist', 'reviews', (d) => (d.gaps[4].frd = 'customer-x-y-20260101'), { code: 'dangling-ref', field: 'gaps.4.frd', message: '"customer-x-y-20260101" is not an entry in frds' }],
  ['reviews: a gap without its decision', 'reviews', (d) => delete d.gaps[0].decision, { code: 'missing-field', field: 'gaps.0', message: 'missing required field "gaps.0.decision"' }],
  ['reviews: a gap ETA that is not a real date', 'reviews', (d) => (d.gaps[0].eta = '2027-02-30'), { code: 'bad-date', field: 'gaps.0.eta', message: 'gaps.0.eta is not a real date' }],
  ['reviews: no plays for next month', 'reviews', (d) => (d.next = []), { code: 'invalid-value', field: 'next', message: 'next has too few items', expected: 'at least one cloud with its plays' }],
  ['reviews: a cloud next month without plays', 'reviews', (d) => (d.next[0].plays = []), { code: 'invalid-value', field: 'next.0.plays', message: 'next.0.plays has too few items', expected: 'at least one play' }],
  ['reviews: next month names a play that does not exist', 'reviews', (d) => (d.next[0].plays = ['q']), { code: 'dangling-ref', field: 'next.0.plays.0', message: '"q" is not an entry in plays' }],
  ['reviews: the same cloud twice next month', 'reviews', (d) => d.next.push({ cloud: 'azure', plays: ['p'] }), { code: 'invalid-value', field: 'next.1.cloud', message: 'next.1.cloud: one row per cloud: azure is listed twice' }],
  ['reviews: month not YYYY-MM', 'reviews', (d) => (d.month = '2026-13'), { code: 'invalid-value', field: 'month', message: 'month does not have the expected form', expected: 'a month written YYYY-MM, e.g. 2026-11' }],
  ['reviews: no themes', 'reviews', (d) => (d.themes = []), { code: 'invalid-value', field: 'themes', message: 'themes has too few items', expected: 'at least one theme' }],
  ['reviews: no pipeline snapshot', 'reviews', (d) => delete d.pipeline, { code: 'missing-field', field: '', message: 'missing required field "pipeline"' }],
  ['reviews: misspelt section', 'reviews', (d) => { d.loses = d.losses; delete d.losses; }, { code: 'unknown-key', field: 'loses', message: 'unknown key "loses"' }],
  ['reviews: reviewed in the future', 'reviews', (d) => (d.reviewed = '2026-12-01'), { code: 'future-date', field: 'reviewed', message: 'reviewed 2026-12-01 is after today (2026-11-26)' }],
  // signals
  ['signals: kind outside the enum', 'signals', (d) => (d.kind = 'idea'), { code: 'bad-enum', field: 'kind', message: 'kind is not one of the allowed values', expected: 'one of: gap, play-idea' }],
  ['signals: status outside the enum', 'signals', (d) => (d.status = 'closed'), { code: 'bad-enum', field: 'status', message: 'status is not one of the allowed values', expected: 'one of: new, answered, became-play, became-frd' }],
  ['signals: answered without the answer', 'signals', (d) => (d.status = 'answered'), { code: 'invalid-value', field: 'status', message: 'status: an answered signal needs `answer` (the published answer)' }],
  ['signals: new with an answer', 'signals', (d) => (d.answer = 'Yes.'), { code: 'invalid-value', field: 'answer', message: 'answer: a new signal has no answer yet: set `status: answered` (or became-play / became-frd)' }],
  ['signals: became a play without the play', 'signals', (d) => (d.status = 'became-play'), { code: 'invalid-value', field: 'status', message: 'status: a signal that became a play needs `play` (the play id)' }],
  ['signals: became an FRD without the FRD', 'signals', (d) => (d.status = 'became-frd'), { code: 'invalid-value', field: 'status', message: 'status: a signal that became an FRD needs `frd` (the FRD id)' }],
  ['signals: a play link on a signal that did not become one', 'signals', (d) => Object.assign(d, { status: 'answered', answer: 'A.', play: 'p' }), { code: 'invalid-value', field: 'play', message: 'play: `play` is only for a signal with `status: became-play`' }],
  ['signals: became a play that does not exist', 'signals', (d) => Object.assign(d, { status: 'became-play', play: 'nope' }), { code: 'dangling-ref', field: 'play', message: '"nope" is not an entry in plays' }],
  ['signals: a cloud that does not exist', 'signals', (d) => (d.cloud = 'azur'), { code: 'dangling-ref', field: 'cloud', message: '"azur" is not an entry in clouds' }],
  ['signals: no submitter', 'signals', (d) => delete d.submittedBy, { code: 'missing-field', field: '', message: 'missing required field "submittedBy"' }],
  ['signals: submitted in the future', 'signals', (d) => (d.date = '2027-01-01'), { code: 'future-date', field: 'date', message: 'date 2027-01-01 is after today (2026-11-26)' }],
  ['signals: date not a date', 'signals', (d) => (d.date = 'last week'), { code: 'bad-date', field: 'date', message: 'date is not a real date' }],
  // partners
  ['partners: role outside the enum', 'partners', (d) => (d.role = 'storage'), { code: 'bad-enum', field: 'role', message: 'role is not one of the allowed values', expected: 'one of: orchestration, provisioning, billing, identity, observability, networking' }],
  ['partners: integration status outside the enum', 'partners', (d) => (d.integration.status = 'done'), { code: 'bad-enum', field: 'integration.status', message: 'integration.status is not one of the allowed values', expected: 'one of: available, preview, planned, gap' }],
  ['partners: no cloud', 'partners', (d) => (d.clouds = []), { code: 'invalid-value', field: 'clouds', message: 'clouds has too few items', expected: 'at least one cloud' }],
  ['partners: a cloud that does not exist', 'partners', (d) => (d.clouds = ['gpu-clouds']), { code: 'dangling-ref', field: 'clouds.0', message: '"gpu-clouds" is not an entry in clouds' }],
  ['partners: a gap linked to an FRD that does not exist', 'partners', (d) => (d.gaps[0].frd = 'nope'), { code: 'dangling-ref', field: 'gaps.0.frd', message: '"nope" is not an entry in frds' }],
  ['partners: no integration status', 'partners', (d) => delete d.integration, { code: 'missing-field', field: '', message: 'missing required field "integration"' }],
  ['partners: no owner', 'partners', (d) => delete d.owner, { code: 'missing-field', field: '', message: 'missing required field "owner"' }],
  // triage: every number lands in one band, keys name the URL state
  ['triage: last band closed', 'triage', (d) => (d.questions[1].number.bands[2].below = 1000), { code: 'invalid-value', field: 'questions.1.number.bands.2.below', message: 'questions.1.number.bands.2.below: the last band takes every larger answer: remove its `below`' }],
  ['triage: an open band before the last', 'triage', (d) => delete d.questions[1].number.bands[0].below, { code: 'invalid-value', field: 'questions.1.number.bands.0', message: 'questions.1.number.bands.0: only the last band may leave out `below`' }],
  ['triage: bands out of order', 'triage', (d) => (d.questions[1].number.bands[1].below = 1), { code: 'invalid-value', field: 'questions.1.number.bands.1.below', message: "questions.1.number.bands.1.below: bands go in ascending order: 1 is not above the previous band's 1" }],
  ['triage: two questions with one key', 'triage', (d) => (d.questions[1].key = 'share'), { code: 'invalid-value', field: 'questions.1.key', message: 'questions.1.key: question keys are unique (they name the answer in the URL): "share" is used twice' }],
  ['triage: two choices with one value', 'triage', (d) => (d.questions[0].choices[1].value = 'high'), { code: 'invalid-value', field: 'questions.0.choices', message: 'questions.0.choices: each choice of a question needs its own `value`' }],
];

describe('reviews, signals, partners and triage reject bad input with pinned messages', () => {
  for (const [name, collection, patch, expected] of REJECT) {
    it(name, () => {
      const data = structuredClone(ENTRIES[collection].data) as Record<string, unknown>;
      patch(data);
      const problems = problemsWith(collection, data);
      expect(problems).toHaveLength(1);
      const p = problems[0]!;
      expect({ code: p.code, field: p.field, message: p.message }).toEqual({ code: expected.code, field: expected.field, message: expected.message });
      if (expected.expected !== undefined) expect(p.expected).toBe(expected.expected);
    });
  }
});

describe('problems point at the line', () => {
  it('a dangling FRD in the fourth product gap is reported on its line in the Markdown file', () => {
    const data = structuredClone(REVIEW);
    data.gaps[3]!.frd = 'customer-nobody-x-20260101';
    const f = file(ENTRIES.reviews.path, data, 'Example.');
    const line = f.text.split('\n').findIndex((l) => l.includes('customer-nobody-x-20260101')) + 1;
    const files = tree().filter((x) => x.path !== f.path).concat(f);
    const [p] = validateContent(files, { now: NOW }).problems;
    expect(p).toMatchObject({ code: 'dangling-ref', file: 'src/content/reviews/2026-10.md', line, field: 'gaps.3.frd' });
  });
  it('a missing answer on an answered signal points at the status line', () => {
    const f = file(ENTRIES.signals.path, { ...SIGNAL, status: 'answered' });
    const line = f.text.split('\n').findIndex((l) => l.startsWith('status:')) + 1;
    const files = tree().filter((x) => x.path !== f.path).concat(f);
    const [p] = validateContent(files, { now: NOW }).problems;
    expect(p).toMatchObject({ code: 'invalid-value', field: 'status', line });
  });
});
