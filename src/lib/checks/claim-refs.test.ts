/**
 * Claim references in prose (`renderClaimLinks`): the value reads as part of the sentence, a
 * status marker only when the figure is not plain sourced, TBD once, the as-of date and sources a
 * hover/focus away (and a link), numbered footnotes for print. Expected HTML is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { renderClaimLinks } from '../site/views.ts';
import { validateContent } from '../content/validate.ts';

const claim = (id: string, body: string) => ({
  path: `src/content/claims/azure/${id}.yaml`,
  text: `owner: lead\nreviewed: 2026-11-01\ncloud: azure\nservice: S\ncategory: throughput\nstatement: Statement ${id}.\n${body}`,
});
const { snapshot, problems } = validateContent([
  { path: 'src/content/people/lead.yaml', text: 'name: Lead\nrole: Owner\n' },
  { path: 'src/content/clouds/azure.md', text: '---\nowner: lead\nreviewed: 2026-11-01\nname: Example Cloud\nshort: Ex\nsummary: S.\n---\nBody.\n' },
  { path: 'src/content/sources/doc.yaml', text: 'owner: lead\nreviewed: 2026-11-01\ntitle: Scale targets\npublisher: V\nurl: https://example.com/\nkind: vendor-doc\nretrieved: 2026-11-01\n' },
  claim('ingress', 'metric: {name: Ingress, value: 60000, unit: Gbps, better: higher}\nstatus: sourced\nsources: [doc]\nasOf: 2025-10-31\n'),
  claim('guess', 'metric: {name: Guess, value: 30, unit: minutes, better: lower}\nstatus: provisional\nsources: [doc]\nasOf: 2025-10-31\n'),
  claim('unknown', 'metric: {name: Unknown, value: TBD, unit: ms, better: lower}\nstatus: tbd\n'),
], { now: '2026-11-26' });

const visible = (html: string) => html.replace(/<span class="claim-ref__tip"[\s\S]*?<\/span>/g, '').replace(/<ol class="claim-notes[\s\S]*?<\/ol>/g, '').replace(/<[^>]+>/g, '');

describe('renderClaimLinks', () => {
  it('the fixture is valid', () => expect(problems.filter((p) => p.severity === 'error')).toEqual([]));

  it('puts a sourced value in the sentence with a footnote mark, its note a hover or focus away, and a printed footnote', () => {
    const html = renderClaimLinks('<p>The <a href="claim:azure/ingress">ingress limit</a> binds.</p>', snapshot, '2026-11-26');
    expect(html).toBe(
      '<p>The <span class="claim-ref">ingress limit (<span class="claim-ref__value">60,000 Gbps</span>)' +
        '<sup class="claim-ref__note"><a href="/claims/azure/ingress/" aria-describedby="cn-1">1</a></sup>' +
        '<span class="claim-ref__tip" role="tooltip" id="cn-1">Sourced · as of 2025-10-31 · Scale targets</span></span> binds.</p>\n' +
        '<ol class="claim-notes print-only" aria-label="Figures in this text"><li id="cn-fn-1">60,000 Gbps: Sourced · as of 2025-10-31 · Scale targets</li></ol>',
    );
    expect(visible(html)).toBe('The ingress limit (60,000 Gbps)1 binds.\n');
  });

  it('marks a provisional figure, and TBD reads once', () => {
    const html = renderClaimLinks('<p><a href="claim:azure/guess">Repartition</a> and <a href="claim:azure/unknown">latency</a>.</p>', snapshot, '2026-11-26');
    expect(visible(html)).toBe('Repartition (30 minutes) Provisional1 and latency (TBD)2.\n');
    expect(visible(html).match(/TBD/g)).toHaveLength(1);
    expect(html).toContain('<li id="cn-fn-2">TBD: TBD · no as-of date</li>');
  });

  it('marks a stale figure once its review date has passed', () => {
    expect(visible(renderClaimLinks('<p><a href="claim:azure/ingress">x</a></p>', snapshot, '2027-06-01'))).toBe('x (60,000 Gbps) Stale1\n');
  });

  it('takes other marks and no footnote list where the page has its own (the printed kit)', () => {
    const html = renderClaimLinks('<p><a href="claim:azure/ingress">x</a></p>', snapshot, '2026-11-26', { marks: (id) => `<sup>[${id}]</sup>`, footnotes: false });
    expect(html).toBe('<p><span class="claim-ref">x (<span class="claim-ref__value">60,000 Gbps</span>)<sup>[azure/ingress]</sup></span></p>');
  });

  it('says when a claim is withheld in this edition', () => {
    expect(renderClaimLinks('<p><a href="claim:azure/gone">x</a></p>', snapshot, '2026-11-26')).toBe(
      '<p><span class="claim-ref claim-ref--withheld">x <em>(withheld in this edition)</em></span></p>',
    );
  });
});
