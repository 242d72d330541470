/**
 * `fieldkit new` skeletons: for every collection, the skeleton with its TODOs replaced field by
 * field passes the whole validator; left as written, every TODO is reported as a placeholder.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { findPlaceholders } from '../checks/integrity.ts';
import { findCollection, skeleton, WRITTEN_BY_COMMAND } from './skeleton.ts';
import { validateContent, type ContentFile } from '../content/validate.ts';

const TODAY = '2026-11-26';

/** One id per collection; the filled values below point at each other so references resolve. */
const IDS: Record<CollectionName, string> = {
  people: 'lead', clouds: 'azure', sources: 'doc', claims: 'azure/ingress', tco: 'lake',
  triage: 'rfp', frds: 'Customer-Acme-Backup-20260101', plays: 'checkpoint',
  reviews: '2026-11', signals: 'egress-ask', partners: 'orchestrator', measurements: 'azure/ingress/2026-11-01-0000',
};

/**
 * What an author would write for each TODO, by collection and field path (`*` = any list index);
 * the first match wins. A function gets the concrete path (for values that must differ by item).
 */
type Fill = [RegExp, unknown | ((path: (string | number)[]) => unknown)];
const FILL: Record<CollectionName, Fill[]> = {
  people: [[/^name$/, 'Strategy lead'], [/^role$/, 'Owns the kit']],
  clouds: [[/^name$/, 'Microsoft Azure'], [/^short$/, 'Azure'], [/^summary$/, 'Where we win on Azure.']],
  sources: [
    [/^title$/, 'Scale targets'], [/^publisher$/, 'Example vendor'], [/^url$/, 'https://example.com/limits'],
    [/^kind$/, 'vendor-doc'], [/^published$/, '2026-10-01'],
  ],
  claims: [
    [/^service$/, 'Example storage'], [/^category$/, 'throughput'], [/^statement$/, 'An account takes at most {value}.'],
    [/^metric\.name$/, 'Max ingress per account'], [/^metric\.value$/, 60], [/^metric\.unit$/, 'Gbps'],
    [/^metric\.better$/, 'higher'], [/^status$/, 'sourced'], [/^sources\.\*$/, 'doc'], [/^asOf$/, '2026-10-31'],
  ],
  tco: [[/^title$/, 'Data lake'], [/^description$/, 'A 10 PB lake.'], [/^scenario\.dutyRead\.value$/, 1], [/^scenario\.duty\w+\.value$/, 0], [/^\w+\.\w+\.value$/, 1], [/^\w+\.\w+\.assumption$/, 'Illustrative.']],
  triage: [
    [/^title$/, 'RFP triage'], [/^description$/, 'Bid or not.'], [/^questions\.\*\.key$/, 'p99-latency'],
    [/^questions\.\*\.(text|why)$/, 'What p99 latency?'], [/^questions\.\*\.choices\.\*\.value$/, (path: (string | number)[]) => `choice-${path[3]}`],
    [/^questions\.\*\.choices\.\*\.label$/, 'Strict'], [/^questions\.\*\.choices\.\*\.verdict$/, 'yellow'],
    [/^next\.(green|yellow|red)$/, 'Bid.'],
  ],
  frds: [
    [/^title$/, 'Backup volumes'], [/^clouds\.\*$/, 'azure'], [/^decisions\.\*\.decision$/, 'Opened.'],
    [/^decisions\.\*\.by$/, 'lead'], [/^metrics\.\*\.(name|target)$/, 'Restore time'], [/^crm$/, 'https://crm.example.com/opp/1'],
  ],
  plays: [
    [/^title$/, 'Checkpoint storms'], [/^summary$/, 'Win checkpoint-heavy training.'], [/^clouds\.\*$/, 'azure'],
    [/^trigger$/, 'The customer trains large models.'], [/^discovery\.\*$/, 'How often do you checkpoint?'],
  ],
  reviews: [
    [/^title$/, 'Win/loss review, November 2026'], [/^pipeline\.summary$/, 'Pipeline is steady.'], [/^themes\.\*$/, 'Checkpoint bursts'],
    [/^losses\.\*\.owner$/, 'lead'], [/^(losses|gaps)\.\*\.eta$/, '2027-01-31'], [/^gaps\.\*\.frd$/, 'customer-acme-backup-20260101'],
    [/^next\.\*\.cloud$/, 'azure'], [/^next\.\*\.plays\.\*$/, 'checkpoint'], [/^(wins|losses|gaps)\.\*\.\w+$/, 'A pattern seen in deals.'],
  ],
  signals: [[/^cloud$/, 'azure'], [/^kind$/, 'gap'], [/^(title|detail)$/, 'Egress limit hit in a deal.'], [/^submittedBy$/, 'SE, Azure deals']],
  partners: [
    [/^name$/, 'Example orchestrator'], [/^role$/, 'orchestration'], [/^summary$/, 'Schedules GPU jobs.'], [/^clouds\.\*$/, 'azure'],
    [/^integration\.status$/, 'planned'],
  ],
  measurements: [],
};
const COMMON: Fill[] = [[/^owner$/, 'lead']];

function generate(name: CollectionName) {
  const s = skeleton(findCollection(name)!, IDS[name], { today: TODAY });
  if (!s.ok) throw new Error(s.message);
  return s;
}

const FRONTMATTER = /^---\n([\s\S]*?)---\n([\s\S]*)$/;

/** Replaces every TODO through the YAML document (comments kept), by field path. */
function fill(name: CollectionName, text: string): { text: string; unfilled: string[] } {
  const fm = FRONTMATTER.exec(text);
  const doc = parseDocument(fm ? fm[1]! : text);
  const unfilled: string[] = [];
  for (const path of findPlaceholders(doc.toJS())) {
    const key = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
    const hit = [...COMMON, ...FILL[name]].find(([re]) => re.test(key));
    if (!hit) unfilled.push(key);
    else doc.setIn(path, typeof hit[1] === 'function' ? (hit[1] as (p: (string | number)[]) => unknown)(path) : hit[1]);
  }
  const yaml = doc.toString();
  return { text: fm ? `---\n${yaml}---\n${fm[2]}` : yaml, unfilled };
}

describe('fieldkit new skeletons', () => {
  const BY_HAND = COLLECTIONS.filter((c) => !WRITTEN_BY_COMMAND[c.name]);
  const all = BY_HAND.map((c) => ({ name: c.name, ...generate(c.name) }));

  it('go in the right folder, one per collection', () => {
    expect(Object.fromEntries(all.map((s) => [s.name, s.path]))).toEqual({
      clouds: 'src/content/clouds/azure.md',
      plays: 'src/content/plays/checkpoint.md',
      claims: 'src/content/claims/azure/ingress.yaml',
      sources: 'src/content/sources/doc.yaml',
      tco: 'src/content/tco/lake.yaml',
      triage: 'src/content/triage/rfp.yaml',
      frds: 'src/content/frds/customer-acme-backup-20260101.md',
      people: 'src/content/people/lead.yaml',
      reviews: 'src/content/reviews/2026-11.md',
      signals: 'src/content/signals/egress-ask.yaml',
      partners: 'src/content/partners/orchestrator.yaml',
    });
    expect(all.find((s) => s.name === 'sources')!.collides).toEqual(['src/content/sources/doc.yml']);
  });

  it('start with a comment that says what the file is', () => {
    for (const s of all) {
      const first = s.text.startsWith('---\n') ? s.text.split('\n')[1]! : s.text.split('\n')[0]!;
      expect(first).toMatch(/^# \w[\w ]* \S+: .+Replace every TODO, then run \.\/fieldkit check/);
    }
  });

  it('with every TODO filled, pass the schemas and every cross-entry rule', () => {
    const files: ContentFile[] = all.map((s) => {
      const f = fill(s.name, s.text);
      expect(f.unfilled, `${s.name}: TODOs with no fill value`).toEqual([]);
      return { path: s.path, text: f.text };
    });
    const r = validateContent(files, { now: TODAY });
    expect(r.problems).toEqual([]);
    for (const c of BY_HAND) expect(r.snapshot[c.name], c.name).toHaveLength(1);
    const claim = r.snapshot.claims[0]!.data;
    expect({ cloud: claim.cloud, reviewed: claim.reviewed, reviewEvery: claim.reviewEvery, audience: claim.audience }).toEqual({
      cloud: 'azure', reviewed: TODAY, reviewEvery: 180, audience: 'internal',
    });
    expect(r.snapshot.frds[0]!.data.name).toBe('Customer-Acme-Backup-20260101');
  });

  it('left unfilled, report each TODO as a placeholder on its own line', () => {
    const r = validateContent(all.map((s) => ({ path: s.path, text: s.text })), { now: TODAY });
    for (const s of all) {
      const code = (l: string) => (l.trimStart().startsWith('#') ? '' : l.replace(/\s#.*$/, ''));
      const todoLines = s.text.split('\n').flatMap((l, i) => (/\bTODO\b/.test(code(l)) ? [i + 1] : []));
      const mine = r.problems.filter((p) => p.file === s.path && p.code === 'placeholder');
      expect(mine.length, s.name).toBeGreaterThan(0);
      expect([...new Set(mine.map((p) => p.line))].sort((a, b) => a - b), s.name).toEqual(todoLines);
    }
    // A TODO in a reference field is also looked up as an id by the reference check; nothing else is reported.
    const others = r.problems.filter((p) => p.code !== 'placeholder');
    expect(others.filter((p) => !(p.code === 'dangling-ref' && p.found === 'TODO'))).toEqual([]);
  });
});

describe('fieldkit new ids', () => {
  const spec = (n: string) => findCollection(n)!;
  it('accepts singular collection names', () => {
    expect(findCollection('claim')!.name).toBe('claims');
    expect(findCollection('person')!.name).toBe('people');
    expect(findCollection('widgets')).toBeUndefined();
  });
  it('claims need <cloud>/<id>', () => {
    const r = skeleton(spec('claims'), 'ingress', { today: TODAY });
    expect(r).toEqual({ ok: false, message: 'a claim id is <cloud>/<id> in lower case, e.g. azure/account-ingress (got "ingress")' });
    const ok = skeleton(spec('claims'), 'gcp/read-rate', { today: TODAY });
    expect(ok.ok && ok.text).toContain('\ncloud: gcp ');
  });
  it('FRDs take the canonical name and a lower-cased file name', () => {
    const r = skeleton(spec('frds'), 'customer-acme-backup-20260101', { today: TODAY });
    expect(r.ok && r.path).toBe('src/content/frds/customer-acme-backup-20260101.md');
    expect(r.ok && r.text).toContain('\nname: Customer-Acme-Backup-20260101 ');
    expect(skeleton(spec('frds'), 'acme-backup', { today: TODAY }).ok).toBe(false);
  });
  it('other ids are lower-case, without folders', () => {
    expect(skeleton(spec('plays'), 'Big Play', { today: TODAY }).ok).toBe(false);
    expect(skeleton(spec('plays'), 'a/b', { today: TODAY }).ok).toBe(false);
  });
});
