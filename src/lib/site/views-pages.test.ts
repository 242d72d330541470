/**
 * Page view helpers over a small validated kit: claim health on the dashboard, names of people and
 * clouds, links to entries kept in an edition, the sitemap, and claim links in YAML text.
 */
import { describe, expect, it } from 'vitest';
import { BASE_TREE } from '../../../tests/helpers.ts';
import { validateContent } from '../content/validate.ts';
import { claimHealth, cloudName, hrefOf, personName, sitemapPaths, textWithClaimLinks } from './views.ts';

const NOW = '2026-11-26';

/** BASE_TREE (one person, source, cloud, sourced claim as of 2025-10-31, play) plus `extra` files. */
function kit(extra: Record<string, string> = {}) {
  const files = Object.entries({ ...BASE_TREE, ...extra }).map(([path, text]) => ({ path, text }));
  const r = validateContent(files, { now: NOW });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.snapshot;
}

const TBD_CLAIM = [
  'owner: lead', 'reviewed: 2025-01-10', 'cloud: azure', 'service: Example storage', 'category: latency',
  'statement: A read takes {value}.', 'metric:', '  name: Read latency', '  value: TBD', '  unit: ms', '  better: lower',
  'status: tbd', '',
].join('\n');

describe('claim health', () => {
  it('counts each status, and stale beside it: reviewed 2025-01-10 plus 180 days is due 2025-07-09, before 2026-11-26', () => {
    expect(claimHealth(kit({ 'src/content/claims/azure/read.yaml': TBD_CLAIM }), NOW)).toEqual({ sourced: 1, measured: 0, provisional: 0, tbd: 1, stale: 1 });
  });
  it('nothing is stale on the day the sourced claim was reviewed', () => {
    expect(claimHealth(kit(), '2026-11-01')).toEqual({ sourced: 1, measured: 0, provisional: 0, tbd: 0, stale: 0 });
  });
});

describe('names and links', () => {
  it('a person and a cloud by their display names, an unknown id as itself', () => {
    const s = kit();
    expect(personName(s, 'lead')).toBe('Strategy lead');
    expect(personName(s, 'nobody')).toBe('nobody');
    expect(cloudName(s, 'azure')).toBe('Example');
    expect(cloudName(s, 'gcp')).toBe('gcp');
  });
  it('links an entry kept in the edition, and nothing for one left out', () => {
    const s = kit();
    expect(hrefOf(s, 'plays', 'checkpoint')).toBe('/plays/checkpoint/');
    expect(hrefOf(s, 'claims', 'azure/ingress')).toBe('/claims/azure/ingress/');
    expect(hrefOf(s, 'plays', 'gone')).toBeUndefined();
  });
});

describe('sitemap', () => {
  it('fixed pages, section indexes that have entries, every entry page, each cloud\'s kit', () => {
    expect(sitemapPaths(kit())).toEqual([
      '/', '/clouds/', '/plays/', '/claims/', '/kits/', '/sources/', '/search/', '/changes/',
      '/clouds/azure/', '/plays/checkpoint/', '/claims/azure/ingress/', '/sources/doc/',
      '/kits/azure/',
    ]);
  });
});

describe('claim links in YAML text', () => {
  it('escapes the text and renders the link with the claim\'s value', () => {
    const html = textWithClaimLinks('Ingress <caps> at [the limit](claim:azure/ingress) & more', kit(), NOW);
    expect(html).toContain('Ingress &lt;caps&gt; at ');
    expect(html).toContain('&amp; more');
    expect(html).toContain('the limit');
    expect(html).toContain('60 Gbps');
    expect(html).toContain('href="/claims/azure/ingress/"');
    expect(html).not.toContain('claim:azure/ingress');
  });
});
