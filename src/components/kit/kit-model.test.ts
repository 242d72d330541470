import { describe, expect, it } from 'vitest';
import { BASE_TREE } from '../../../tests/helpers.ts';
import { validateContent } from '../../lib/content/validate.ts';
import { buildKitDoc } from './kit-model.ts';

const files = {
  ...BASE_TREE,
  'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace(
    'The ingress limit is [limited](claim:azure/ingress).',
    'Elsewhere [it differs](claim:gcp/egress); here it is [limited](claim:azure/ingress).',
  ),
  'src/content/sources/doc2.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('title: Scale targets', 'title: Egress limits'),
  'src/content/clouds/gcp.md': '---\nowner: lead\nreviewed: 2026-11-01\nname: Other cloud\nshort: Other\nsummary: Another example cloud.\n---\nProse.\n',
  'src/content/claims/gcp/egress.yaml': BASE_TREE['src/content/claims/azure/ingress.yaml']!
    .replace('cloud: azure', 'cloud: gcp').replace('sources: [doc]', 'sources: [doc2]'),
};

describe('the kit model reads claim links from the content, not from rendered HTML', () => {
  const { snapshot, problems } = validateContent(Object.entries(files).map(([path, text]) => ({ path, text })), { now: '2026-12-01' });

  it('cites the claims the narrative links to, in reading order, whatever the HTML says', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The HTML given carries no link at all: the citations come from the Markdown.
    const doc = buildKitDoc({ snapshot, html: new Map([['clouds:azure', '<p>Prose.</p>']]), now: '2026-12-01', cloudId: 'azure', audience: 'internal' });
    expect(doc.claims.map((c) => c.entry.id)).toEqual(['azure/ingress', 'gcp/egress']);
    expect(doc.sources.map((s) => s.id)).toEqual(['doc2', 'doc']);
  });
});
