import { describe, expect, it } from 'vitest';
import { applyAudience, audienceFindings, hasSection, sectionsIn, visibleIn } from './audience.ts';
import { validateContent } from '../content/validate.ts';

describe('visibleIn', () => {
  it.each([
    ['public', 'public', true], ['public', 'partner', true], ['public', 'internal', true],
    ['partner', 'public', false], ['partner', 'partner', true], ['partner', 'internal', true],
    ['internal', 'public', false], ['internal', 'partner', false], ['internal', 'internal', true],
  ] as const)('%s entry in a %s edition: %s', (entry, edition, visible) => expect(visibleIn(entry, edition)).toBe(visible));
});

const tree = (cloudAudience: string, claimAudience: string) => validateContent([
  { path: 'src/content/people/lead.yaml', text: 'name: Lead\nrole: Owner\n' },
  { path: 'src/content/sources/doc.yaml', text: 'owner: lead\nreviewed: 2026-11-01\naudience: public\ntitle: Doc\npublisher: V\nurl: https://example.com/\nkind: vendor-doc\nretrieved: 2026-11-01\n' },
  { path: 'src/content/clouds/azure.md', text: `---\nowner: lead\nreviewed: 2026-11-01\naudience: ${cloudAudience}\nname: Example\nshort: Ex\nsummary: S.\npricingPosture: Premium, never discount first.\nlighthouseTargets: [{profile: Media company, why: scale}]\ndagger: {title: T, framing: F, fit: Fit, ask: [A], rubric: [R], anecdote: {text: Secret story}}\n---\nSee [the limit](claim:azure/limit).\n` },
  { path: 'src/content/claims/azure/limit.yaml', text: `owner: lead\nreviewed: 2026-11-01\naudience: ${claimAudience}\ncloud: azure\nservice: S\ncategory: scale\nstatement: The internal limit statement.\nmetric: {name: L, value: 5, unit: TB, better: higher}\nstatus: sourced\nsources: [doc]\nasOf: 2026-01-01\ndagger: {rank: 1}\n` },
], { now: '2026-11-26' });

describe('applyAudience', () => {
  it('leaves out stricter entries and clears internal-only fields', () => {
    const { snapshot } = tree('partner', 'internal');
    const { snapshot: partner, withheld } = applyAudience(snapshot, 'partner');
    expect(withheld.map((w) => `${w.collection}:${w.id}:${w.title}`)).toEqual(['claims:azure/limit:The internal limit statement.']);
    expect(partner.claims).toEqual([]);
    const cloud = partner.clouds[0]!.data;
    expect(cloud.pricingPosture).toBeUndefined();
    expect(cloud.lighthouseTargets).toEqual([]);
    expect(cloud.dagger?.anecdote).toBeUndefined();
    expect(cloud.dagger?.title).toBe('T');
    // The internal edition keeps everything, and the input snapshot is not modified.
    expect(applyAudience(snapshot, 'internal').snapshot.clouds[0]!.data.pricingPosture).toBe('Premium, never discount first.');
    expect(snapshot.clouds[0]!.data.pricingPosture).toBe('Premium, never discount first.');
  });
});

describe('audienceFindings', () => {
  it('warns about a withheld claim cited in prose and errors when a dagger page loses every gap', () => {
    const { snapshot } = tree('partner', 'internal');
    const f = audienceFindings(snapshot, 'partner').map((x) => `${x.severity}:${x.code}:${x.message}`);
    expect(f).toEqual([
      'warning:withheld:/clouds/azure/ prose cites claim "azure/limit", shown as "withheld in this edition" in the partner edition',
      'error:audience-gap:the partner edition of /clouds/azure/dagger/ would show no gap: all 1 ranked claims are withheld',
    ]);
  });
  it('has nothing to say when everything is visible, or for the internal edition', () => {
    expect(audienceFindings(tree('partner', 'partner').snapshot, 'partner')).toEqual([]);
    expect(audienceFindings(tree('partner', 'internal').snapshot, 'internal')).toEqual([]);
  });
});

describe('sectionsIn', () => {
  it('draws only the sections an edition keeps an entry of', () => {
    const { snapshot } = tree('partner', 'internal');
    const label = (edition: 'internal' | 'partner' | 'public') => sectionsIn(applyAudience(snapshot, edition).snapshot).map((s) => s.href);
    expect(label('internal')).toEqual(['/clouds/', '/claims/', '/kits/', '/sources/']);
    // The only claim is internal: the ledger disappears; the cloud and its kit stay.
    expect(label('partner')).toEqual(['/clouds/', '/kits/', '/sources/']);
    expect(label('public')).toEqual(['/sources/']);
    expect(hasSection(applyAudience(snapshot, 'partner').snapshot, '/claims/')).toBe(false);
    expect(() => hasSection(snapshot, '/claim/')).toThrow(/no section \/claim\//);
  });
});

describe('audience-leak: what the leak test would catch, from the source', () => {
  const withProse = (prose: string) => validateContent([
    { path: 'src/content/people/lead.yaml', text: 'name: Lead\nrole: Owner\n' },
    { path: 'src/content/clouds/azure.md', text: `---\nowner: lead\nreviewed: 2026-11-01\naudience: partner\nname: Example\nshort: Ex\nsummary: Compare /claims/azure/limit/ first.\n---\n${prose}\n` },
    { path: 'src/content/claims/azure/limit.yaml', text: 'owner: lead\nreviewed: 2026-11-01\naudience: internal\ncloud: azure\nservice: S\ncategory: scale\nstatement: The internal limit statement.\nmetric: {name: L, value: TBD, unit: TB, better: higher}\nstatus: tbd\n' },
  ], { now: '2026-11-26', audience: 'partner' }).problems.filter((p) => p.code === 'audience-leak');

  it('reports a link to a left-out page in prose and in a data field, and a retyped title, with lines', () => {
    // Frontmatter is lines 1-8 of the file; the body starts on line 9.
    const found = withProse('Intro.\n\nSee [the limit](/claims/azure/limit/).\nAs the docs say, the internal\nlimit statement.').map((p) => `${p.line}:${p.field}:${p.found}`);
    expect(found).toEqual(['7:summary:/claims/azure/limit/', '11::/claims/azure/limit/', '12::The internal limit statement.']);
  });

  it('is silent for a claim link (the page says "withheld") and in the internal edition', () => {
    expect(withProse('See [the limit](claim:azure/limit).').filter((p) => p.field !== 'summary')).toEqual([]);
  });
});
