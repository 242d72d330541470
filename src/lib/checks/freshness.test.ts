/**
 * Freshness from the figure, not the review: a claim ages from its `asOf`, a source from its
 * `published` date, against its category's limit; `stale` stays the review clock; a shared bulk
 * `retrieved` date is reported.
 */
import { describe, expect, it } from 'vitest';
import { FIGURE_MAX_AGE_DAYS, figureAge } from './freshness.ts';
import { validateContent, type ContentFile } from '../content/validate.ts';
import { claimView, oldFigureMarker, renderClaimLinks } from '../site/views.ts';

const NOW = '2026-11-26';
const C = 'src/content';

const source = (id: string, retrieved: string, published?: string) => [
  `${C}/sources/${id}.yaml`,
  `owner: lead\nreviewed: ${NOW}\ntitle: Doc ${id}\npublisher: Vendor\nurl: https://example.com/${id}\nkind: vendor-doc\nretrieved: ${retrieved}\n${published ? `published: ${published}\n` : ''}`,
] as const;

const claim = (asOf: string, category = 'throughput', extra = '') =>
  [
    'owner: lead', `reviewed: ${NOW}`, 'cloud: azure', 'service: Example storage', `category: ${category}`,
    'statement: An account takes at most {value} of ingress.', 'metric:', '  name: Max ingress', '  value: 60', '  unit: Gbps', '  better: higher',
    'status: sourced', 'sources: [doc]', `asOf: ${asOf}`, extra, '',
  ].join('\n');

function check(files: Record<string, string>) {
  const base: Record<string, string> = {
    [`${C}/people/lead.yaml`]: 'name: Lead\nrole: Owns the kit\n',
    [`${C}/clouds/azure.md`]: `---\nowner: lead\nreviewed: ${NOW}\nname: Azure\nshort: Azure\nsummary: S.\n---\nBody.\n`,
    ...Object.fromEntries([source('doc', '2026-11-20')]),
  };
  const list: ContentFile[] = Object.entries({ ...base, ...files }).map(([path, text]) => ({ path, text }));
  return validateContent(list, { now: NOW });
}
const codes = (r: ReturnType<typeof check>) => r.problems.map((p) => `${p.code} ${p.file.split('/').pop()}:${p.field}`);

describe('old-figure', () => {
  it('a claim with asOf three years ago is an old figure even when reviewed today', () => {
    const r = check({ [`${C}/claims/azure/ingress.yaml`]: claim('2023-11-26') });
    expect(codes(r)).toEqual(['old-figure ingress.yaml:asOf']);
    const p = r.problems[0]!;
    expect(p.severity).toBe('warning');
    expect(p.line).toBe(14);
    expect(p.message).toContain('dated 2023-11-26');
    expect(p.message).toContain('older than 2 years');
  });

  it('a service limit of 23 months is not old; a price of 13 months is', () => {
    expect(codes(check({ [`${C}/claims/azure/ingress.yaml`]: claim('2024-12-26') }))).toEqual([]);
    expect(codes(check({ [`${C}/claims/azure/ingress.yaml`]: claim('2025-10-26', 'cost') }))).toEqual(['old-figure ingress.yaml:asOf']);
  });

  it('the limits are set in one place, per category', () => {
    expect(FIGURE_MAX_AGE_DAYS).toEqual({ throughput: 730, latency: 730, operations: 730, scale: 730, cost: 365 });
  });

  it('a TBD figure has no age', () => {
    expect(figureAge({ category: 'throughput', asOf: '2019-01-01', metric: { value: 'TBD' } }, NOW)).toBeUndefined();
  });

  it('a source ages from its published date, held to the claims that cite it; one cited only for history is exempt', () => {
    const r = check({
      [`${C}/claims/azure/ingress.yaml`]: claim('2026-01-15', 'cost', 'history:\n  - date: 2020-05-20\n    value: 25\n    source: old'),
      [source('doc', '2026-11-20', '2025-06-01')[0]]: source('doc', '2026-11-20', '2025-06-01')[1],
      [source('old', '2026-11-21', '2020-05-20')[0]]: source('old', '2026-11-21', '2020-05-20')[1],
    });
    expect(codes(r)).toEqual(['old-figure doc.yaml:published']);
  });

  it('the claim view carries the marker; stale stays the review clock', () => {
    const r = check({ [`${C}/claims/azure/ingress.yaml`]: claim('2021-04-01') });
    const v = claimView(r.snapshot.claims[0]!, r.snapshot, NOW);
    expect(v.badge).toBe('sourced');
    expect(v.oldFigure).toMatchObject({ dated: '2021-04-01', limitDays: 730, oldAfter: '2023-04-01', old: true });
  });

  it('shows a marker in claim chips and lines for an old figure, and none for a recent one', () => {
    const old = check({ [`${C}/claims/azure/ingress.yaml`]: claim('2021-04-01') }).snapshot;
    const marker = oldFigureMarker(claimView(old.claims[0]!, old, NOW));
    expect(marker).toContain('>old figure: dated 2021-04-01, over 2 years</span>');
    expect(renderClaimLinks('<a href="claim:azure/ingress">ingress</a>', old, NOW)).toContain(marker);
    const fresh = check({ [`${C}/claims/azure/ingress.yaml`]: claim('2025-10-31') }).snapshot;
    expect(oldFigureMarker(claimView(fresh.claims[0]!, fresh, NOW))).toBe('');
    expect(renderClaimLinks('<a href="claim:azure/ingress">ingress</a>', fresh, NOW)).not.toContain('old figure');
  });
});

describe('bulk-retrieved', () => {
  const many = (dates: string[]) => Object.fromEntries(dates.map((d, i) => source(`s${i}`, d)));
  it('warns once when more than half of at least 6 sources share one retrieved date', () => {
    const r = check(many(['2026-11-26', '2026-11-26', '2026-11-26', '2026-11-26', '2026-10-01', '2026-09-01']));
    expect(codes(r)).toEqual(['bulk-retrieved s0.yaml:retrieved']);
    expect(r.problems[0]!.message).toMatch(/^4 of 7 sources say retrieved: 2026-11-26/);
  });
  it('stays quiet at half, and for a small kit', () => {
    expect(codes(check(many(['2026-11-26', '2026-11-26', '2026-11-26', '2026-10-01', '2026-09-01', '2026-08-01'])))).toEqual([]);
    expect(codes(check(many(['2026-11-26', '2026-11-26', '2026-11-26', '2026-11-26'])))).toEqual([]);
  });
});
