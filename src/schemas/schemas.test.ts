/**
 * Accept and reject tables for every collection schema, through the same validator the CLI and
 * the build use, so the pinned text is what authors read.
 */
import { describe, expect, it } from 'vitest';
import { contentFile as file } from '../../tests/helpers.ts';
import { validateContent, type ContentFile } from '../lib/content/validate.ts';
import { COLLECTIONS } from './index.ts';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from './tco.ts';

const NOW = '2026-11-26';
const base = { owner: 'lead', reviewed: '2026-11-01' };
const param = (value: number, unit: string) => ({ value, unit, assumption: 'test value' });

/** One valid entry per collection (the minimum each schema accepts). */
const VALID: Record<string, { path: string; data: Record<string, unknown>; body?: string }> = {
  people: { path: 'people/lead.yaml', data: { name: 'Lead', role: 'Owner' } },
  sources: { path: 'sources/doc.yaml', data: { ...base, title: 'Doc', publisher: 'Vendor', url: 'https://example.com/', kind: 'vendor-doc', retrieved: '2026-11-01' } },
  clouds: { path: 'clouds/azure.md', data: { ...base, name: 'Example cloud', short: 'Ex', summary: 'For tests.' }, body: 'Body.' },
  claims: {
    path: 'claims/azure/limit.yaml',
    data: { ...base, cloud: 'azure', service: 'Storage', category: 'scale', statement: 'A limit.', metric: { name: 'Limit', value: 'TBD', unit: 'TB', better: 'higher' }, status: 'tbd' },
  },
  plays: { path: 'plays/p.md', data: { ...base, title: 'Play', summary: 'S.', clouds: ['azure'], trigger: 'T.', discovery: ['Q?'], status: 'draft' }, body: 'Talk.' },
  frds: { path: 'frds/customer-media1-checkpointing-20261015.md', data: { ...base, name: 'Customer-Media1-Checkpointing-20261015', title: 'FRD', status: 'proposed' }, body: 'Example.' },
  triage: {
    path: 'triage/rfp.yaml',
    data: {
      ...base, title: 'Triage', description: 'D.', rule: { yellowAt: 2 }, next: { green: 'Bid', yellow: 'Clarify', red: 'No-bid' },
      questions: [{ key: 'share', text: 'Object share?', why: 'W.', choices: [{ value: 'high', label: 'High', verdict: 'green' }, { value: 'low', label: 'Low', verdict: 'red' }] }],
    },
  },
  reviews: {
    path: 'reviews/2026-10.md',
    data: {
      ...base, month: '2026-10', title: 'Example review', pipeline: { summary: 'TBD.' }, themes: ['T.'],
      wins: [1, 2, 3].map((i) => ({ pattern: `W${i}`, why: 'Y.', repeat: 'R.' })),
      losses: [1, 2, 3].map((i) => ({ pattern: `L${i}`, rootCause: 'C.', fix: 'F.', owner: 'lead', eta: '2027-01-01' })),
      gaps: [1, 2, 3, 4, 5].map((i) => ({ gap: `G${i}`, frd: 'customer-media1-checkpointing-20261015', decision: 'D.', eta: '2027-01-01' })),
      next: [{ cloud: 'azure', plays: ['p'] }],
    },
    body: 'Example.',
  },
  signals: { path: 'signals/s.yaml', data: { ...base, cloud: 'azure', kind: 'gap', title: 'S', detail: 'D.', submittedBy: 'SE', date: '2026-11-01', status: 'new' } },
  partners: { path: 'partners/p.yaml', data: { ...base, name: 'Example partner', role: 'billing', summary: 'S.', clouds: ['azure'], integration: { status: 'planned' } } },
  tco: {
    path: 'tco/s.yaml',
    data: {
      ...base, title: 'S', description: 'D.',
      // Duty fractions must sum to 1; every other input is a plain 1.
      scenario: Object.fromEntries(SCENARIO_PARAMS.map((k) => [k, param(({ dutyIdle: 0.2, dutyRead: 0.7, dutyWrite: 0.1 } as Record<string, number>)[k] ?? 1, 'x')])),
      hdd: Object.fromEntries(MEDIUM_PARAMS.map((k) => [k, param(1, 'x')])),
      ssd: Object.fromEntries(MEDIUM_PARAMS.map((k) => [k, param(1, 'x')])),
    },
  },
  measurements: {
    path: 'measurements/azure/limit/2026-11-01-1000.yaml',
    data: {
      ...base, claim: 'azure/limit', tool: 'x', format: 'csv', started: '2026-11-01T10:00:00Z', statistic: 'csv:size', unit: 'TB',
      files: [{ name: 'r.csv', sha256: 'a'.repeat(64) }], runs: [{ file: 'r.csv', row: 2, value: 5 }], summary: { median: 5, min: 5, max: 5, n: 1 },
    },
  },
};
/** The raw result file beside the measurement (its hash is compared only when the file reader computed one). */
const RAW_CSV = { path: 'src/content/measurements/azure/limit/2026-11-01-1000/r.csv', text: 'tool,metric,value,unit,timestamp\nx,size,5,TB,2026-11-01T10:00:00Z\n' };

function validTree(): ContentFile[] {
  return [...Object.values(VALID).map((v) => file(v.path, v.data, v.body)), RAW_CSV];
}

/** Validates the valid tree with one collection's entry replaced by `data`. */
function problemsWith(collection: string, data: Record<string, unknown>) {
  const v = VALID[collection]!;
  const files = validTree().filter((f) => f.path !== `src/content/${v.path}`);
  files.push(file(v.path, data, v.body));
  return validateContent(files, { now: NOW }).problems.map((p) => ({ code: p.code, field: p.field, message: p.message, expected: p.expected }));
}

describe('every collection accepts its minimal valid entry', () => {
  it('covers every collection', () => {
    expect(Object.keys(VALID).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
  });
  it('the valid tree has no problems', () => {
    const r = validateContent(validTree(), { now: NOW });
    expect(r.problems).toEqual([]);
    expect(r.snapshot.claims[0]!.data.metric.value).toBe('TBD');
    expect(r.snapshot.claims[0]!.data.reviewEvery).toBe(180);
    expect(r.snapshot.claims[0]!.data.audience).toBe('internal');
  });
});

const REJECT: [name: string, collection: string, patch: (d: any) => void, expected: { code: string; field: string; message: string; expected?: string }][] = [
  ['people: unknown key', 'people', (d) => (d.email = 'x@y.z'), { code: 'unknown-key', field: 'email', message: 'unknown key "email"', expected: 'one of: name, role' }],
  ['people: empty name', 'people', (d) => (d.name = ' '), { code: 'invalid-value', field: 'name', message: 'name is too short', expected: 'non-empty text' }],
  ['sources: neither url nor internal', 'sources', (d) => delete d.url, { code: 'invalid-value', field: 'url', message: 'url: a source needs `url` (public) or `internal` (where the record is kept)' }],
  ['sources: ftp url', 'sources', (d) => (d.url = 'ftp://example.com/x'), { code: 'bad-url', field: 'url', message: 'url is not an http(s) URL' }],
  ['sources: bad kind', 'sources', (d) => (d.kind = 'blog'), { code: 'bad-enum', field: 'kind', message: 'kind is not one of the allowed values', expected: 'one of: vendor-doc, measurement, field-report, customer-anecdote, analyst, press' }],
  ['sources: retrieved not a date', 'sources', (d) => (d.retrieved = 'last week'), { code: 'bad-date', field: 'retrieved', message: 'retrieved is not a real date' }],
  ['clouds: stance outside the enum', 'clouds', (d) => (d.posture = [{ area: 'Object', stance: 'rival', why: 'x' }]), { code: 'bad-enum', field: 'posture.0.stance', message: 'posture.0.stance is not one of the allowed values', expected: 'one of: complement, compete, both' }],
  ['clouds: audience outside the enum', 'clouds', (d) => (d.audience = 'everyone'), { code: 'bad-enum', field: 'audience', message: 'audience is not one of the allowed values', expected: 'one of: public, partner, internal' }],
  ['measurements: hash not hex', 'measurements', (d) => (d.files[0].sha256 = 'abc'), { code: 'invalid-value', field: 'files.0.sha256', message: 'files.0.sha256 does not have the expected form', expected: '64 lower-case hex digits' }],
  ['measurements: side outside the enum', 'measurements', (d) => (d.side = 'theirs'), { code: 'bad-enum', field: 'side', message: 'side is not one of the allowed values', expected: 'one of: metric, ours' }],
  ['claims: value is text', 'claims', (d) => (d.metric.value = '40k'), { code: 'wrong-type', field: 'metric.value', message: 'metric.value has the wrong form', expected: 'a number, or TBD while the figure is unknown' }],
  ['claims: unknown key inside metric', 'claims', (d) => (d.metric.units = 'TB'), { code: 'unknown-key', field: 'metric.units', message: 'unknown key "units" in metric' }],
  ['claims: dagger rank 0', 'claims', (d) => (d.dagger = { rank: 0 }), { code: 'invalid-value', field: 'dagger.rank', message: 'dagger.rank is below the minimum' }],
  ['claims: repro without steps', 'claims', (d) => (d.repro = { environment: 'x', steps: [] }), { code: 'invalid-value', field: 'repro.steps', message: 'repro.steps has too few items', expected: 'at least one step' }],
  ['claims: reviewEvery not an integer', 'claims', (d) => (d.reviewEvery = 1.5), { code: 'wrong-type', field: 'reviewEvery', message: 'reviewEvery should be an int', expected: 'int' }],
  ['plays: no discovery question', 'plays', (d) => (d.discovery = []), { code: 'invalid-value', field: 'discovery', message: 'discovery has too few items', expected: 'at least one discovery question' }],
  ['plays: status validated spelled wrong', 'plays', (d) => (d.status = 'validate'), { code: 'bad-enum', field: 'status', message: 'status is not one of the allowed values', expected: 'one of: draft, piloting, validated' }],
  ['frds: name not in the convention', 'frds', (d) => (d.name = 'Media checkpointing'), { code: 'invalid-value', field: 'name', message: 'name does not have the expected form', expected: 'a name like Customer-<Name>-<UseCase>-<YYYYMMDD>, e.g. Customer-Media1-Checkpointing-20251015' }],
  ['triage: question with both choices and number', 'triage', (d) => (d.questions[0].number = { unit: 'ms', bands: [{ verdict: 'red', label: 'x' }] }), { code: 'invalid-value', field: 'questions.0', message: 'questions.0: a question has exactly one of `choices` or `number`' }],
  ['tco: param with neither source nor assumption', 'tco', (d) => delete d.hdd.driveTB.assumption, { code: 'invalid-value', field: 'hdd.driveTB', message: 'hdd.driveTB: exactly one of `source` (a sources id) or `assumption` (the reason for the value)' }],
  ['tco: missing param', 'tco', (d) => delete d.ssd.afr, { code: 'missing-field', field: 'ssd', message: 'missing required field "ssd.afr"' }],
];

// Fieldkit's own fields are the UX, not Zod's wording (which changes between Zod releases): a rank
// below 1 names the field, the limit and how to fix it.
describe('a number below its minimum', () => {
  it('names the field and the limit of 1, in Fieldkit\'s words', () => {
    const v = VALID.claims!;
    const data = { ...structuredClone(v.data), dagger: { rank: 0 } };
    const files = [...validTree().filter((f) => f.path !== `src/content/${v.path}`), file(v.path, data, v.body)];
    const [p, ...rest] = validateContent(files, { now: NOW }).problems;
    expect(rest).toEqual([]);
    expect({ code: p!.code, field: p!.field, message: p!.message }).toEqual({ code: 'invalid-value', field: 'dagger.rank', message: 'dagger.rank is below the minimum' });
    expect(p!.expected).toBe('a number at least 1');
    expect(p!.hint).toBe('Use a value that fits: a number at least 1.');
    expect(p!.found).toBe('number 0');
    expect(`${p!.message} ${p!.expected} ${p!.hint}`).not.toMatch(/Too small|Invalid input|received|>=/);
  });
});

describe('schemas reject bad input with pinned messages', () => {
  for (const [name, collection, patch, expected] of REJECT) {
    it(name, () => {
      const data = structuredClone(VALID[collection]!.data);
      patch(data);
      const problems = problemsWith(collection, data);
      expect(problems).toHaveLength(1);
      const p = problems[0]!;
      expect({ code: p.code, field: p.field, message: p.message }).toEqual({ code: expected.code, field: expected.field, message: expected.message });
      if (expected.expected !== undefined) expect(p.expected).toBe(expected.expected);
    });
  }
});
