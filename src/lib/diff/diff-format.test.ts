/**
 * The diff renderers (Markdown, text, JSON) on hand-made diffs: every line a reviewer reads is
 * written out here, so a change of wording or order shows as a failing line.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../schemas/index.ts';
import { COLLECTIONS } from '../../schemas/index.ts';
import type { Problem } from '../problems/problems.ts';
import type { ClaimChange, CollectionCounts, Impact, KitDiff } from './diff.ts';
import { changeTags, formatDiff, formatDiffJson, formatDiffMarkdown, formatDiffText, headline, showField, showValue, TABLE_LIMIT } from './diff-format.ts';

const NO_IMPACT: Impact = { plays: [], clouds: [], dagger: [], kits: [], other: [] };
const zero = (): CollectionCounts => ({ added: 0, removed: 0, changed: 0 });

function diff(over: Partial<KitDiff> & { counts?: Partial<Record<CollectionName, Partial<CollectionCounts>>>; summaryOver?: Partial<KitDiff['summary']> } = {}): KitDiff {
  const collections = Object.fromEntries(COLLECTIONS.map((c) => [c.name, { ...zero(), ...over.counts?.[c.name] }])) as Record<CollectionName, CollectionCounts>;
  return {
    summary: { collections, valuesChanged: 0, statusUpgrades: 0, statusDowngrades: 0, problemsIntroduced: 0, problemsFixed: 0, errorsIntroduced: 0, ...over.summaryOver },
    claims: over.claims ?? [],
    measurements: over.measurements ?? [],
    entries: over.entries ?? [],
    problems: over.problems ?? { introduced: [], fixed: [] },
    invalid: over.invalid ?? { base: [], head: [] },
  };
}

const claimChange = (over: Partial<ClaimChange>): ClaimChange => ({
  collection: 'claims', id: 'azure/ingress', kind: 'changed', file: 'src/content/claims/azure/ingress.yaml',
  label: 'Max ingress per account', fields: [], usedBy: [], value: 80, unit: 'Gbps', status: 'sourced', impact: NO_IMPACT, ...over,
});

/** A changed claim that exercises every structured line. */
const BUSY = claimChange({
  valueChange: { before: 60, after: 80, unitBefore: 'Gbps', unitAfter: 'Gbps', changePct: 33.3, competitor: 'improved', better: 'higher' },
  statusChange: { before: 'provisional', after: 'sourced', move: 'upgrade' },
  sourcesChange: { added: ['doc2'], removed: ['doc'] },
  asOfChange: { before: '2025-10-31', after: '2026-11-01' },
  reviewedChange: { before: '2026-01-01', after: '2026-11-20' },
  freshnessReset: { sinceBefore: '2026-01-01', sinceAfter: '2026-11-20', dueBefore: '2026-06-30', dueAfter: '2027-05-19' },
  audienceChange: { before: 'internal', after: 'partner', wider: true },
  daggerChange: { before: undefined, after: 2 },
  oldValueMentions: [{ file: 'src/content/plays/checkpoint.md', line: 12 }] as ClaimChange['oldValueMentions'],
  fields: [
    { path: 'metric.value', kind: 'changed', before: 60, after: 80 },
    { path: 'sources.0', kind: 'changed', before: 'doc', after: 'doc2' },
    { path: 'metric.qualifier', kind: 'added', after: 'per storage account' },
    { path: 'service', kind: 'changed', before: 'Blob', after: 'Blob storage' },
  ],
  impact: {
    plays: [{ id: 'checkpoint', via: ['proof point', 'objection'] }],
    clouds: [{ id: 'azure', via: ['dagger #2'] }],
    dagger: ['azure'], kits: ['azure'], other: ['frds/customer-acme'],
  },
});

const problem = (over: Partial<Problem>): Problem => ({
  code: 'dangling-ref', severity: 'error', file: 'src/content/plays/checkpoint.md', line: 7, column: 3, field: 'proofPoints.0',
  message: 'proofPoints.0 names a claim that does not exist', hint: 'Fix the id.', ...over,
});

describe('values and fields as people read them', () => {
  it('shows numbers with separators and the unit, TBD bare, nothing as (none)', () => {
    expect(showValue(12000, 'MB/s')).toBe('12,000 MB/s');
    expect(showValue(0.25)).toBe('0.25');
    expect(showValue('TBD', 'MB/s')).toBe('TBD');
    expect(showValue(undefined, 'MB/s')).toBe('(none)');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });

  it('a field line: added, removed, changed, list items added and removed, a reordered list', () => {
    expect(showField({ path: 'qualifier', kind: 'added', after: 'per account' }, '->')).toBe('qualifier: added "per account"');
    expect(showField({ path: '', kind: 'removed', before: 'x' }, '->')).toBe('(entry): removed (was x)');
    expect(showField({ path: 'status', kind: 'changed', before: 'draft', after: 'validated' }, '->')).toBe('status: draft -> validated');
    expect(showField({ path: 'clouds', kind: 'changed', before: ['aws', 'azure'], after: ['azure', 'gcp'] }, '→')).toBe('clouds: + gcp; − aws');
    expect(showField({ path: 'clouds', kind: 'changed', before: ['aws', 'azure'], after: ['azure', 'aws'] }, '→')).toBe('clouds: reordered');
    expect(showField({ path: 'summary', kind: 'changed', before: 'x'.repeat(250), after: 'y' }, '->')).toBe(`summary: ${'x'.repeat(199)}… -> y`);
  });
});

describe('headline and tags', () => {
  it('counts claims, values, status moves, other collections and problems', () => {
    const d = diff({
      counts: { claims: { changed: 2, added: 1 }, plays: { removed: 1 }, sources: { added: 2, changed: 1 } },
      summaryOver: { valuesChanged: 1, statusUpgrades: 2, statusDowngrades: 1, problemsIntroduced: 3, errorsIntroduced: 1, problemsFixed: 2 },
    });
    expect(headline(d)).toEqual([
      'claims: 2 changed, 1 added, 1 value moved, 2 status upgrades, 1 status downgrade',
      'other entries: plays 1 removed; sources 1 changed, 2 added',
      'problems: 3 introduced (1 error), 2 fixed',
    ]);
    expect(headline(diff())).toEqual(['claims: none changed', 'other entries: none changed', 'problems: 0 introduced, 0 fixed']);
  });

  it('tags each kind of claim change in a few words', () => {
    expect(changeTags(claimChange({ kind: 'added' }))).toBe('added');
    expect(changeTags(BUSY)).toBe('changed: value, old value still in 1 place, status, sources, asOf, reviewed, review clock reset, audience → partner, dagger #2, metric.qualifier, service');
    expect(changeTags(claimChange({ daggerChange: { before: 1 }, valueChange: { before: 5, after: 5, unitBefore: 'TiB', unitAfter: 'GiB' } }))).toBe('changed: value, unit, off the dagger page');
    expect(changeTags(claimChange({ invalid: { head: 'invalid' }, baseFile: 'src/content/claims/azure/ingress.yml', body: { linesAdded: 1, linesRemoved: 0, claimLinksAdded: [], claimLinksRemoved: [] } }))).toBe('changed: now invalid, file, body');
    expect(changeTags(claimChange({ invalid: { base: 'unparseable' } }))).toBe('changed: was invalid');
    expect(changeTags(claimChange({}))).toBe('changed: formatting');
  });
});

describe('text', () => {
  it('no change: one line says so', () => {
    expect(formatDiffText(diff(), { base: 'origin/main', commit: 'abc1234' })).toBe('content diff against origin/main (abc1234)\nno content changes\n');
  });

  it('a changed claim, a renamed play with its body, measurements and problems, line by line', () => {
    const d = diff({
      counts: { claims: { changed: 1 }, plays: { changed: 1 } },
      summaryOver: { valuesChanged: 1, statusUpgrades: 1, problemsIntroduced: 1, errorsIntroduced: 1, problemsFixed: 1 },
      claims: [BUSY],
      measurements: [{ claim: 'azure/ingress', side: 'ours', kind: 'changed', before: { id: 'azure/ingress/a', median: 10, min: 9, max: 11, n: 3, unit: 'GB/s' }, after: { id: 'azure/ingress/b', median: 12, min: 11.5, max: 12.5, n: 5, unit: 'GB/s' }, changePct: 20, gap: 'widened', filesAdded: ['b/fio.json'], filesRemoved: ['a/fio.json'] }],
      entries: [{
        collection: 'plays', id: 'checkpoint', kind: 'changed', file: 'src/content/plays/checkpoint.md', baseFile: 'src/content/plays/ckpt.md', label: 'Checkpoints',
        fields: [{ path: 'status', kind: 'changed', before: 'draft', after: 'piloting' }],
        body: { linesAdded: 3, linesRemoved: 1, claimLinksAdded: ['azure/ingress'], claimLinksRemoved: [] },
        invalid: { base: 'invalid' },
        usedBy: ['clouds/a', 'clouds/b', 'clouds/c', 'clouds/d', 'clouds/e', 'clouds/f', 'clouds/g', 'clouds/h', 'clouds/i', 'clouds/j'],
      }],
      problems: { introduced: [problem({})], fixed: [problem({ code: 'stale', severity: 'warning', line: 2, column: 1, message: 'reviewed is old' })] },
    });
    expect(formatDiffText(d, { base: 'main' }).split('\n')).toEqual([
      'content diff against main',
      'claims: 1 changed, 1 value moved, 1 status upgrade',
      'other entries: plays 1 changed',
      'problems: 1 introduced (1 error), 1 fixed',
      '',
      'claims',
      '  ~ azure/ingress  Max ingress per account',
      "      value: 60 -> 80 Gbps (+33.3%) (higher is better; the competitor's figure improved: the gap narrows)",
      '      status: provisional -> sourced (upgrade)',
      '      sources: added doc2; removed doc',
      '      asOf: 2025-10-31 -> 2026-11-01',
      '      reviewed: 2026-01-01 -> 2026-11-20',
      '      freshness clock reset: last vouched for 2026-01-01 -> 2026-11-20, review due 2026-06-30 -> 2027-05-19',
      '      audience: internal -> partner (shown to more people)',
      '      dagger rank: not on the dagger page -> #2',
      '      still mentions the old value 60 Gbps: src/content/plays/checkpoint.md:12 (use {value} or a claim link)',
      '      metric.qualifier: added "per storage account"',
      '      service: Blob -> "Blob storage"',
      '      plays: checkpoint (proof point, objection)',
      '      clouds: azure (dagger #2)',
      '      dagger pages: /clouds/azure/dagger/',
      '      kits: /kits/azure/',
      '      also linked from: frds/customer-acme',
      '',
      'measured figures',
      '  ~ azure/ingress (ours)',
      '      ours: median 10 GB/s (n = 3, 9–11) -> 12 GB/s (n = 5, 11.5–12.5), +20 %; gap widened',
      '      measurement azure/ingress/a -> azure/ingress/b',
      '      evidence files added: b/fio.json',
      '      evidence files removed: a/fio.json',
      '',
      'plays',
      '  ~ checkpoint  Checkpoints',
      '      ! fails validation in the base (compared from its raw YAML)',
      '      status: draft -> piloting',
      '      file: src/content/plays/ckpt.md -> src/content/plays/checkpoint.md',
      '      body: +3 −1 lines; claim links added: azure/ingress',
      '      used by: clouds/a, clouds/b, clouds/c, clouds/d, clouds/e, clouds/f, clouds/g, clouds/h and 2 more',
      '',
      'problems introduced',
      '  src/content/plays/checkpoint.md:7:3  error  proofPoints.0 names a claim that does not exist  [dangling-ref]',
      '',
      'problems fixed',
      '  src/content/plays/checkpoint.md:2:1  warning  reviewed is old  [stale]',
      '',
    ]);
  });

  it('an added and a removed claim show their value and status; an added entry has no "used by"', () => {
    const d = diff({
      counts: { claims: { added: 1, removed: 1 }, sources: { added: 1 } },
      claims: [
        claimChange({ id: 'aws/new', kind: 'added', value: 'TBD', unit: 'ms', status: 'tbd', label: undefined }),
        claimChange({ id: 'gcp/old', kind: 'removed', value: 5, unit: 'ms', status: undefined, label: undefined }),
      ],
      entries: [{ collection: 'sources', id: 'doc2', kind: 'added', file: 'src/content/sources/doc2.yaml', fields: [], usedBy: ['claims/aws/new'] }],
    });
    expect(formatDiffText(d, { base: 'HEAD~1' }).split('\n').slice(4)).toEqual([
      '',
      'claims',
      '  + aws/new',
      '      value: TBD, status tbd',
      '  - gcp/old',
      '      was: 5 ms, status (none)',
      '',
      'sources',
      '  + doc2',
      '',
    ]);
  });
});

describe('markdown', () => {
  it('no change: the heading and one sentence', () => {
    expect(formatDiffMarkdown(diff(), { base: 'origin/main' })).toBe('### Fieldkit content diff against `origin/main`\n\nNo content changes against `origin/main`.\n');
  });

  it('summary table, collection counts, folded details, problems open when errors are introduced', () => {
    const d = diff({
      counts: { claims: { changed: 1, removed: 1 }, frds: { changed: 1 } },
      summaryOver: { valuesChanged: 1, statusUpgrades: 1, problemsIntroduced: 1, errorsIntroduced: 1 },
      claims: [
        BUSY,
        claimChange({ id: 'gcp/old', kind: 'removed', value: 5, unit: 'ms', status: 'sourced', label: 'Latency | p99' }),
      ],
      entries: [{ collection: 'frds', id: 'customer-acme', kind: 'changed', file: 'src/content/frds/customer-acme.md', label: 'Acme <backup>', fields: [{ path: 'status', kind: 'changed', before: 'open', after: 'done' }], usedBy: ['plays/checkpoint'] }],
      problems: { introduced: [problem({ message: 'a | b' })], fixed: [] },
      invalid: { base: [], head: ['src/content/frds/customer-acme.md'] },
    });
    const out = formatDiffMarkdown(d, { base: 'origin/main', commit: 'abc1234' });
    expect(out.split('\n')).toEqual([
      '### Fieldkit content diff against `origin/main` (`abc1234`)',
      '',
      '- claims: 1 changed, 1 removed, 1 value moved, 1 status upgrade',
      '- other entries: frds 1 changed',
      '- problems: 1 introduced (1 error), 0 fixed',
      '',
      '> **This change introduces 1 content error** (see Problems below; `./fieldkit check` fails).',
      '',
      '> Note: 1 file failed validation and was compared from raw YAML as well as possible: `src/content/frds/customer-acme.md` in the working tree.',
      '',
      '| Claim | Change | Value | Status | Touches |',
      '|---|---|---|---|---|',
      '| `azure/ingress` | changed: value, old value still in 1 place, status, sources, asOf, reviewed, review clock reset, audience → partner, dagger #2, metric.qualifier, service | **60 → 80 Gbps (+33.3%)** | provisional → sourced ↑ | plays: checkpoint · clouds: azure · dagger: azure · kits: azure |',
      '| `gcp/old` | removed | ~~5 ms~~ | sourced | — |',
      '',
      '| Collection | Added | Removed | Changed |',
      '|---|--:|--:|--:|',
      '| claims | 0 | 1 | 1 |',
      '| frds | 0 | 0 | 1 |',
      '',
      '<details><summary><b>Claim details</b> (2)</summary>',
      '',
      '#### `azure/ingress` changed: Max ingress per account',
      '',
      "- value: 60 → 80 Gbps (+33.3%) (higher is better; the competitor's figure improved: the gap narrows)",
      '- status: provisional → sourced (upgrade)',
      '- sources: added doc2; removed doc',
      '- asOf: 2025-10-31 → 2026-11-01',
      '- reviewed: 2026-01-01 → 2026-11-20',
      '- freshness clock reset: last vouched for 2026-01-01 → 2026-11-20, review due 2026-06-30 → 2027-05-19',
      '- audience: internal → partner (shown to more people)',
      '- dagger rank: not on the dagger page → #2',
      '- still mentions the old value 60 Gbps: src/content/plays/checkpoint.md:12 (use {value} or a claim link)',
      '- metric.qualifier: added "per storage account"',
      '- service: Blob → "Blob storage"',
      '- touches: plays `checkpoint` (proof point, objection); clouds `azure` (dagger #2); dagger pages `/clouds/azure/dagger/`; kits `/kits/azure/`; also linked from `frds/customer-acme`',
      '',
      '#### `gcp/old` removed: Latency \\| p99',
      '',
      '- was: 5 ms, status sourced',
      '- touches: nothing else in the kit',
      '',
      '</details>',
      '',
      '<details><summary><b>Other entries</b> (1)</summary>',
      '',
      '- frds/`customer-acme` **changed**: Acme &lt;backup&gt;',
      '  - status: open → done',
      '  - used by: `plays/checkpoint`',
      '',
      '</details>',
      '',
      '<details open><summary><b>Problems</b>: 1 introduced, 0 fixed</summary>',
      '',
      'Introduced:',
      '',
      '| File | Line | Severity | Code | Field | Message |',
      '|---|--:|---|---|---|---|',
      '| `src/content/plays/checkpoint.md` | 7 | error | `dangling-ref` | `proofPoints.0` | a \\| b |',
      '',
      '</details>',
      '',
    ]);
  });

  it(`lists at most ${TABLE_LIMIT} claims in the table and says how many more are in the details`, () => {
    const claims = Array.from({ length: 52 }, (_, i) => claimChange({ id: `azure/c${String(i).padStart(2, '0')}`, kind: 'added' }));
    const out = formatDiffMarkdown(diff({ claims, counts: { claims: { added: 52 } } }), { base: 'main' }).split('\n');
    expect(out.filter((l) => l.startsWith('| `azure/c'))).toHaveLength(50);
    expect(out).toContain('…and 2 more claims in the details below.');
    expect(out).toContain('<details><summary><b>Claim details</b> (52)</summary>');
  });

  it('a measured figure added and one removed, and problems fixed only (folded)', () => {
    const d = diff({
      counts: { claims: { changed: 1 } },
      claims: [claimChange({})],
      measurements: [
        { claim: 'azure/ingress', side: 'metric', kind: 'added', after: { id: 'azure/ingress/b', median: 1200, min: 1100, max: 1300, n: 3, unit: 'MB/s' }, filesAdded: [], filesRemoved: [] },
        { claim: 'azure/ingress', side: 'ours', kind: 'removed', before: { id: 'azure/ingress/a', median: 2, min: 1, max: 3, n: 2, unit: 'GB/s' }, filesAdded: [], filesRemoved: [] },
      ],
      problems: { introduced: [], fixed: [problem({})] },
      summaryOver: { problemsFixed: 1 },
    });
    const out = formatDiffMarkdown(d, { base: 'main' }).split('\n');
    const at = out.indexOf('<details open><summary><b>Measured figures</b> (2)</summary>');
    expect(out.slice(at, at + 7)).toEqual([
      '<details open><summary><b>Measured figures</b> (2)</summary>',
      '',
      '- `azure/ingress` (metric) **added**',
      '  - their figure: measured, median 1,200 MB/s (n = 3, 1,100–1,300) (measurement azure/ingress/b)',
      '- `azure/ingress` (ours) **removed**',
      '  - ours: no longer measured (was median 2 GB/s (n = 2, 1–3), measurement azure/ingress/a)',
      '',
    ]);
    expect(out).toContain('<details><summary><b>Problems</b>: 0 introduced, 1 fixed</summary>');
    expect(out).toContain('Fixed:');
  });
});

describe('json and the format switch', () => {
  it('json carries the base and commit beside the diff', () => {
    const d = diff({ counts: { claims: { added: 1 } }, claims: [claimChange({ kind: 'added' })] });
    const parsed = JSON.parse(formatDiffJson(d, { base: 'main', commit: 'abc' })) as { base: string; commit: string; claims: { id: string }[] };
    expect([parsed.base, parsed.commit, parsed.claims.map((c) => c.id)]).toEqual(['main', 'abc', ['azure/ingress']]);
  });
  it('picks the renderer by name', () => {
    const h = { base: 'main' };
    expect(formatDiff('text', diff(), h)).toBe('content diff against main\nno content changes\n');
    expect(formatDiff('markdown', diff(), h)).toBe('### Fieldkit content diff against `main`\n\nNo content changes against `main`.\n');
    expect(JSON.parse(formatDiff('json', diff(), h)).base).toBe('main');
  });
});

