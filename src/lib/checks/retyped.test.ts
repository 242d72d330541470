/**
 * No retyped numbers: numbers with units found in text, `{value}` in statements, and the
 * `retyped-number` check over statements, prose next to claim links and triage text; triage bands
 * that take their threshold from a claim.
 */
import { describe, expect, it } from 'vitest';
import { inUnit, mentionsOf, numberMentions } from './retyped.ts';
import { bandOf, resolveTriage } from '../triage/triage.ts';
import { validateContent, type ContentFile } from '../content/validate.ts';
import { statementText, textWithClaimLinks } from '../site/views.ts';

const NOW = '2026-11-26';
const C = 'src/content';

const claimYaml = (statement: string, value = '60', unit = 'Gbps', extra = '') =>
  [
    'owner: lead', 'reviewed: 2026-11-01', 'cloud: azure', 'service: Example storage', 'category: throughput',
    `statement: ${statement}`, 'metric:', '  name: Max ingress per account', `  value: ${value}`, `  unit: ${unit}`, '  better: higher',
    'status: sourced', 'sources: [doc]', 'asOf: 2025-10-31', extra, '',
  ].join('\n');

const BASE: Record<string, string> = {
  [`${C}/people/lead.yaml`]: 'name: Lead\nrole: Owns the kit\n',
  [`${C}/sources/doc.yaml`]: 'owner: lead\nreviewed: 2026-11-01\ntitle: Targets\npublisher: Vendor\nurl: https://example.com/a\nkind: vendor-doc\nretrieved: 2026-11-01\n',
  [`${C}/clouds/azure.md`]: '---\nowner: lead\nreviewed: 2026-11-01\nname: Azure\nshort: Azure\nsummary: S.\n---\nSee [ingress](claim:azure/ingress).\n',
  [`${C}/claims/azure/ingress.yaml`]: claimYaml('An account takes at most {value} of ingress.'),
};

function check(overrides: Record<string, string> = {}) {
  const files: ContentFile[] = Object.entries({ ...BASE, ...overrides }).map(([path, text]) => ({ path, text }));
  return validateContent(files, { now: NOW });
}
const retyped = (overrides: Record<string, string>) =>
  check(overrides).problems.filter((p) => p.code === 'retyped-number').map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column} ${p.found}`);

describe('numbers in text', () => {
  it('reads separators, decimals, multipliers and both ends of a range', () => {
    expect(numberMentions('at 5,500 GET/HEAD requests per second').map((m) => m.value)).toEqual([5500]);
    expect(numberMentions('about 190.7 TiB').map((m) => m.value)).toEqual([190.7]);
    expect(numberMentions('up to 2M GET and 200k PUT').map((m) => m.value)).toEqual([2_000_000, 200_000]);
    expect(numberMentions('roughly 100-200 ms').map((m) => [m.value, m.after[0]])).toEqual([[100, 'ms'], [200, 'ms']]);
    expect(numberMentions('30 to 60 minutes').map((m) => [m.value, m.after[0]])).toEqual([[30, 'minute'], [60, 'minute']]);
  });

  it('never reads dates, ids or words with digits as figures', () => {
    expect(numberMentions('as of 2025-10-31, S3 and GPv2 at p99 on s3-prefix')).toEqual([]);
  });

  it('knows one unit in its spellings, and no other unit', () => {
    const [m] = numberMentions('5,500 GET/HEAD requests per second');
    expect(inUnit(m!, 'requests/s')).toBe(true);
    expect(inUnit(numberMentions('500 request/s')[0]!, 'requests/s')).toBe(true);
    expect(inUnit(numberMentions('about 5,000 per second')[0]!, 'reads/s')).toBe(true);
    expect(inUnit(numberMentions('150 milliseconds')[0]!, 'ms')).toBe(true);
    expect(inUnit(numberMentions('2,000,000 transactions per second')[0]!, 'TPS')).toBe(true);
    expect(inUnit(numberMentions('60 Gbps')[0]!, 'GB/s')).toBe(false);
    expect(inUnit(numberMentions('60 storage accounts')[0]!, 'Gbps')).toBe(false);
    expect(inUnit(numberMentions('in 2020 the limit was raised')[0]!, 'Gbps')).toBe(false);
  });

  it('finds an old value in its unit only', () => {
    expect(mentionsOf('at most 60 Gbps (60 accounts, 600 Gbps)', 60, 'Gbps').map((m) => m.index)).toEqual([8]);
  });
});

describe('{value} in statements', () => {
  const c = (statement: string, value: number | 'TBD', unit = 'Gbps') => ({ statement, metric: { name: 'n', value, unit, better: 'higher' as const } });
  it('renders the formatted value with its unit, everywhere the statement shows', () => {
    expect(statementText(c('At most {value} of ingress.', 60000))).toBe('At most 60,000 Gbps of ingress.');
  });
  it('renders TBD as readable text, never as a zero or a blank', () => {
    expect(statementText(c('Reads reach {value} per node.', 'TBD'))).toBe('Reads reach not yet measured per node.');
  });
  it('leaves a statement without the placeholder as written', () => {
    expect(statementText(c('No number here.', 5))).toBe('No number here.');
  });
});

describe('retyped-number', () => {
  it('is quiet on a statement that uses {value} and prose that links the claim', () => {
    expect(check().problems).toEqual([]);
  });

  it('reports a statement that repeats its own value, at the line of the number', () => {
    const folded = claimYaml('>-\n  A standard account takes\n  at most 60 Gbps of ingress.');
    expect(retyped({ [`${C}/claims/azure/ingress.yaml`]: folded })).toEqual(['ingress.yaml:8:11 60']);
    const p = check({ [`${C}/claims/azure/ingress.yaml`]: folded }).problems[0]!;
    expect(p).toMatchObject({ severity: 'warning', field: 'statement' });
    expect(p.hint).toContain('{value}');
  });

  it('reports a statement that contradicts its metric (the value changed, the prose did not)', () => {
    const r = check({ [`${C}/claims/azure/ingress.yaml`]: claimYaml('An account takes at most 60 Gbps of ingress.', '70') });
    const p = r.problems.filter((x) => x.code === 'retyped-number');
    expect(p.map((x) => x.message)).toEqual(["the statement says 60 Gbps, but the claim's metric is 70 Gbps"]);
  });

  it('refuses a placeholder other than {value}, at its line', () => {
    const r = check({ [`${C}/claims/azure/ingress.yaml`]: claimYaml('An account takes at most {Value} of ingress.') });
    expect(r.problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.found}`)).toEqual(['bad-placeholder 6:37 {Value}']);
    expect(r.problems[0]!.severity).toBe('error');
  });

  it('ignores years, counts and other units in a statement', () => {
    expect(retyped({ [`${C}/claims/azure/ingress.yaml`]: claimYaml('Since 2020 an account with 60 blobs and 250 accounts per region takes {value}.') })).toEqual([]);
  });

  it('reports prose that retypes a linked claim in the same sentence, or contradicts it next to the link', () => {
    const body = '---\nowner: lead\nreviewed: 2026-11-01\nname: Azure\nshort: Azure\nsummary: S.\n---\nIntro line.\n\nThe [ingress limit](claim:azure/ingress) is\n60 Gbps per account. Our test did 400 Gbps.\nAlso [ingress](claim:azure/ingress) (70 Gbps) matters.\n';
    expect(retyped({ [`${C}/clouds/azure.md`]: body })).toEqual(['azure.md:11:1 60', 'azure.md:12:38 70']);
  });

  it("reports an objection that retypes, or contradicts, its proof claim's value", () => {
    const play = (response: string) => [
      '---', 'owner: lead', 'reviewed: 2026-11-01', 'title: P', 'summary: S.', 'clouds: [azure]', 'trigger: T.', 'discovery: [Q?]',
      'objections:', '  - objection: Azure is fast enough.', `    response: ${response}`, '    proof: azure/ingress', 'status: draft', '---', 'Talk.', '',
    ].join('\n');
    expect(retyped({ [`${C}/plays/p.md`]: play('Only 60 Gbps per account.') })).toEqual(['p.md:11:20 60']);
    expect(retyped({ [`${C}/plays/p.md`]: play('Only 50 Gbps per account.') })).toEqual(['p.md:11:20 50']);
    expect(retyped({ [`${C}/plays/p.md`]: play('Not at 400 nodes, and the cap is per account.') })).toEqual([]);
  });

  it('does not blame a number of another linked claim, or one far from the link', () => {
    const other = claimYaml('Elsewhere an account takes {value}.', '25').replace('Max ingress per account', 'Ingress elsewhere');
    const body = '---\nowner: lead\nreviewed: 2026-11-01\nname: Azure\nshort: Azure\nsummary: S.\n---\n[Ingress](claim:azure/ingress) and [elsewhere](claim:azure/other) (25 Gbps), while a fleet of many GPU nodes in the region wants 400 Gbps.\n';
    expect(retyped({ [`${C}/clouds/azure.md`]: body, [`${C}/claims/azure/other.yaml`]: other })).toEqual(['azure.md:8:68 25']);
  });
});

describe('triage thresholds from claims', () => {
  const triage = (why: string, band = '        - claim: azure/ingress') =>
    [
      'owner: lead', 'reviewed: 2026-11-01', 'title: RFP triage', 'description: D.', 'questions:',
      '  - key: bandwidth', '    text: How much bandwidth?', `    why: ${why}`, '    number:', '      unit: Gbps per region', '      bands:',
      band, '          verdict: yellow', '          label: Native storage may suffice', '        - verdict: green', '          label: Our ground',
      'rule:', '  yellowAt: 1', 'next:', '  green: Bid.', '  yellow: Clarify.', '  red: No-bid.', '',
    ].join('\n');

  it('a band takes its threshold from the claim, so the threshold follows the figure', () => {
    const r = check({ [`${C}/triage/rfp.yaml`]: triage('The [account default](claim:azure/ingress) is the line.') });
    expect(r.problems).toEqual([]);
    const t = r.snapshot.triage[0]!.data;
    const claims = new Map(r.snapshot.claims.map((c) => [c.id, c.data.metric]));
    const { triage: resolved, problems } = resolveTriage(t, (id) => claims.get(id));
    expect(problems).toEqual([]);
    const q = resolved.questions[0]!;
    expect(q.number!.bands[0]!.below).toBe(60);
    expect(bandOf(q, 59).verdict).toBe('yellow');
    expect(bandOf(q, 60).verdict).toBe('green');
  });

  it('reports triage text that retypes the value of a claim the rubric uses', () => {
    expect(retyped({ [`${C}/triage/rfp.yaml`]: triage('An account defaults to 60 Gbps of ingress.') })).toEqual(['rfp.yaml:8:33 60']);
  });

  it('refuses a TBD claim as a threshold, and a link to a claim that does not exist', () => {
    const r = check({
      [`${C}/claims/azure/ingress.yaml`]: claimYaml('An account takes {value}.', 'TBD').replace('status: sourced', 'status: tbd'),
      [`${C}/triage/rfp.yaml`]: triage('See [the limit](claim:azure/nope).'),
    });
    expect(r.problems.map((p) => `${p.code} ${p.field}`)).toEqual(['unknown-claim-link questions.0.why', 'triage-threshold questions.0.number.bands.0.claim']);
  });

  it('triage text renders its claim links like prose, and escapes the rest', () => {
    const r = check();
    const html = textWithClaimLinks('Below <the> [account default](claim:azure/ingress) & more.', r.snapshot, NOW);
    expect(html).toContain('Below &lt;the&gt; <span class="claim-ref">account default (<span class="claim-ref__value">60 Gbps</span>)<sup class="claim-ref__note"><a href="/claims/azure/ingress/"');
    expect(html).toContain('&amp; more.');
  });

  it('a band names a claim or a number, not both', () => {
    const r = check({ [`${C}/triage/rfp.yaml`]: triage('W.', '        - claim: azure/ingress\n          below: 10') });
    expect(r.problems.map((p) => p.code)).toEqual(['invalid-value']);
  });
});
