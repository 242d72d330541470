/**
 * The pure diff: two validated kits in, a structured diff out. Hand-made content pairs, each
 * checking one rule: % change, status order, freshness, audience, dagger impact, raw comparison of
 * broken entries, problems matched without line numbers, and the Markdown summary.
 */
import { describe, expect, it } from 'vitest';
import { diffFields, diffKits, percentChange, rawEntries, statusMove, type DiffSide } from './diff.ts';
import { formatDiffMarkdown, showValueChange } from './diff-format.ts';
import { validateContent, type ContentFile } from '../content/validate.ts';

const NOW = '2026-11-26';
const C = 'src/content';

const claim = (over: Record<string, string> = {}) => {
  const f: Record<string, string> = {
    owner: 'lead', reviewed: '2026-11-01', cloud: 'azure', service: 'Example storage', category: 'throughput',
    statement: 'An account takes at most {value} of ingress.', metric: '', name: 'Max ingress per account',
    value: '60', unit: 'Gbps', better: 'higher', status: 'sourced', sources: '[doc]', asOf: '2025-10-31', ...over,
  };
  const metric = ['name', 'value', 'unit', 'better'];
  return Object.entries(f)
    .filter(([k, v]) => v !== 'DELETE' && !(metric.includes(k)))
    .map(([k, v]) => (k === 'metric' ? `metric:\n${metric.map((m) => `  ${m}: ${f[m]}`).join('\n')}` : `${k}: ${v}`))
    .join('\n') + '\n';
};

const TREE: Record<string, string> = {
  [`${C}/people/lead.yaml`]: 'name: Lead\nrole: Owns the kit\n',
  [`${C}/sources/doc.yaml`]: 'owner: lead\nreviewed: 2026-11-01\ntitle: Targets\npublisher: Vendor\nurl: https://example.com/a\nkind: vendor-doc\nretrieved: 2026-11-01\n',
  [`${C}/clouds/azure.md`]: '---\nowner: lead\nreviewed: 2026-11-01\nname: Azure\nshort: Azure\nsummary: S.\ndagger:\n  title: T\n  framing: F\n  fit: F\n  ask: [a]\n  rubric: [r]\n---\nSee [ingress](claim:azure/ingress).\n',
  [`${C}/claims/azure/ingress.yaml`]: claim(),
  [`${C}/plays/checkpoint.md`]: '---\nowner: lead\nreviewed: 2026-11-01\ntitle: Checkpoints\nsummary: S.\nclouds: [azure]\ntrigger: T.\ndiscovery: [Q?]\nproofPoints: [azure/ingress]\nstatus: draft\n---\nTalk.\n',
};

function side(overrides: Record<string, string | null> = {}): DiffSide {
  const files: ContentFile[] = Object.entries({ ...TREE, ...overrides })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([path, text]) => ({ path, text }));
  const { snapshot, problems } = validateContent(files, { now: NOW });
  return { snapshot, problems, raw: rawEntries(files) };
}
const CLAIM = `${C}/claims/azure/ingress.yaml`;

describe('building blocks', () => {
  it('percent change, one decimal, none from zero or TBD', () => {
    expect(percentChange(60, 80)).toBe(33.3);
    expect(percentChange(80, 60)).toBe(-25);
    expect(percentChange(3, 2)).toBe(-33.3);
    expect(percentChange(0, 5)).toBeUndefined();
    expect(percentChange('TBD', 5)).toBeUndefined();
  });
  it('status order tbd < provisional < sourced < measured', () => {
    expect(statusMove('tbd', 'provisional')).toBe('upgrade');
    expect(statusMove('provisional', 'measured')).toBe('upgrade');
    expect(statusMove('measured', 'sourced')).toBe('downgrade');
    expect(statusMove('sourced', 'sourced')).toBe('other');
    expect(statusMove('sourced', 'bogus')).toBe('other');
  });
  it('field paths: leaves of objects, lists of values as one change, lists of objects by item', () => {
    expect(diffFields({ a: 1, m: { v: 2 }, ids: ['x', 'y'], objs: [{ p: 1 }] }, { a: 1, m: { v: 3 }, ids: ['y', 'z'], objs: [{ p: 1 }, { p: 2 }], n: 'new' })).toEqual([
      { path: 'm.v', kind: 'changed', before: 2, after: 3 },
      { path: 'ids', kind: 'changed', before: ['x', 'y'], after: ['y', 'z'] },
      { path: 'objs.1', kind: 'added', after: { p: 2 } },
      { path: 'n', kind: 'added', after: 'new' },
    ]);
  });
  it('value changes read as people say them', () => {
    expect(showValueChange({ before: 60, after: 80, unitBefore: 'Gbps', unitAfter: 'Gbps', changePct: 33.3 }, '->')).toBe('60 -> 80 Gbps (+33.3%)');
    expect(showValueChange({ before: 'TBD', after: 12000, unitBefore: 'MB/s', unitAfter: 'MB/s' }, '->')).toBe('TBD -> 12,000 MB/s');
    expect(showValueChange({ before: 5, after: 5000, unitBefore: 'TiB', unitAfter: 'GiB' }, '->')).toBe('5 TiB -> 5,000 GiB');
  });
});

describe('diffKits', () => {
  it('starts from a valid kit', () => {
    expect(side().problems.filter((p) => p.code !== 'dagger-few-numbers')).toEqual([]); // the fixture's dagger has no ranked claim
    expect(side().snapshot.claims).toHaveLength(1);
  });

  it('no change, nothing to report', () => {
    const d = diffKits(side(), side());
    expect(d.claims).toEqual([]);
    expect(d.entries).toEqual([]);
    expect(formatDiffMarkdown(d, { base: 'main' })).toBe('### Fieldkit content diff against `main`\n\nNo content changes against `main`.\n');
  });

  it('a unit change is reported without a % (the numbers are not comparable)', () => {
    const d = diffKits(side(), side({ [CLAIM]: claim({ value: '7.5', unit: 'GB/s' }) }));
    expect(d.claims[0]!.valueChange).toEqual({ before: 60, after: 7.5, unitBefore: 'Gbps', unitAfter: 'GB/s', better: 'higher' });
  });

  it('TBD to a number, provisional to measured is an upgrade', () => {
    const before = side({ [CLAIM]: claim({ value: 'TBD', status: 'provisional' }) });
    const d = diffKits(before, side());
    expect(d.claims[0]!.valueChange).toMatchObject({ before: 'TBD', after: 60 });
    expect(d.claims[0]!.valueChange!.changePct).toBeUndefined();
    expect(d.claims[0]!.statusChange).toEqual({ before: 'provisional', after: 'sourced', move: 'upgrade' });
    expect(d.summary.statusUpgrades).toBe(1);
  });

  it('a lower-is-better figure that falls is the competitor improving', () => {
    const d = diffKits(side({ [CLAIM]: claim({ better: 'lower', value: '200', unit: 'ms' }) }), side({ [CLAIM]: claim({ better: 'lower', value: '150', unit: 'ms' }) }));
    expect(d.claims[0]!.valueChange).toMatchObject({ changePct: -25, competitor: 'improved' });
  });

  it('a new review date restarts the clock; audience towards public is wider', () => {
    const d = diffKits(side(), side({ [CLAIM]: claim({ reviewed: '2026-11-20', audience: 'partner' }) }));
    const c = d.claims[0]!;
    expect(c.reviewedChange).toEqual({ before: '2026-11-01', after: '2026-11-20' });
    expect(c.freshnessReset).toEqual({ sinceBefore: '2026-11-01', sinceAfter: '2026-11-20', dueBefore: '2027-04-30', dueAfter: '2027-05-19' });
    expect(c.audienceChange).toEqual({ before: 'internal', after: 'partner', wider: true });
  });

  it('a dagger rank touches the dagger page and the kit', () => {
    const d = diffKits(side(), side({ [CLAIM]: claim() + 'dagger:\n  rank: 1\n' }));
    const c = d.claims[0]!;
    expect(c.daggerChange).toEqual({ before: undefined, after: 1 });
    expect(c.impact).toEqual({
      plays: [{ id: 'checkpoint', via: ['proof point'] }],
      clouds: [{ id: 'azure', via: ['one-pager link', 'dagger #1'] }],
      dagger: ['azure'],
      kits: ['azure'],
      other: [],
    });
  });

  it('a play that drops a proof point still shows as touched (both states count)', () => {
    const play = TREE[`${C}/plays/checkpoint.md`]!.replace('proofPoints: [azure/ingress]', 'proofPoints: []');
    const d = diffKits(side(), side({ [CLAIM]: claim({ value: '70' }), [`${C}/plays/checkpoint.md`]: play }));
    expect(d.claims[0]!.impact.plays).toEqual([{ id: 'checkpoint', via: ['proof point'] }]);
    expect(d.entries[0]).toMatchObject({ collection: 'plays', id: 'checkpoint', kind: 'changed', fields: [{ path: 'proofPoints', kind: 'changed', before: ['azure/ingress'], after: [] }] });
  });

  it('other collections: changed fields, prose claim links, and who references the entry', () => {
    const cloud = TREE[`${C}/clouds/azure.md`]!.replace('summary: S.', 'summary: New.').replace('See [ingress](claim:azure/ingress).', 'Gone.');
    const source = TREE[`${C}/sources/doc.yaml`]!.replace('https://example.com/a', 'https://example.com/b');
    const d = diffKits(side(), side({ [`${C}/clouds/azure.md`]: cloud, [`${C}/sources/doc.yaml`]: source }));
    expect(d.entries.map((e) => [e.collection, e.id, e.fields.map((f) => f.path), e.body, e.usedBy])).toEqual([
      ['clouds', 'azure', ['summary'], { linesAdded: 1, linesRemoved: 1, claimLinksAdded: [], claimLinksRemoved: ['azure/ingress'] }, ['claims/azure/ingress', 'plays/checkpoint']],
      ['sources', 'doc', ['url'], undefined, ['claims/azure/ingress']],
    ]);
  });

  it('a renamed file with the same id is a change of file, not an add and a remove', () => {
    const d = diffKits(side(), side({ [`${C}/sources/doc.yaml`]: null, [`${C}/sources/doc.yml`]: TREE[`${C}/sources/doc.yaml`]! }));
    expect(d.entries).toMatchObject([{ collection: 'sources', id: 'doc', kind: 'changed', file: `${C}/sources/doc.yml`, baseFile: `${C}/sources/doc.yaml`, fields: [] }]);
  });

  it('an entry that cannot be parsed in the base is still listed, and says so', () => {
    const d = diffKits(side({ [CLAIM]: 'owner: lead\nstatement: "unclosed\n' }), side());
    expect(d.claims[0]).toMatchObject({ id: 'azure/ingress', kind: 'changed', invalid: { base: 'unparseable' }, fields: [] });
    expect(d.invalid).toEqual({ base: [CLAIM], head: [] });
    expect(d.problems.fixed.map((p) => p.code)).toEqual(['yaml-syntax']);
  });

  it('problems are matched by file, code, field and message: a shifted line is neither fixed nor new', () => {
    const broken = TREE[`${C}/plays/checkpoint.md`]!.replace('owner: lead', 'owner: ghost');
    const shifted = broken.replace('---\n', '---\n# a comment that moves every line down\n');
    const d = diffKits(side({ [`${C}/plays/checkpoint.md`]: broken }), side({ [`${C}/plays/checkpoint.md`]: shifted }));
    expect(d.problems).toEqual({ introduced: [], fixed: [] });
  });
});
