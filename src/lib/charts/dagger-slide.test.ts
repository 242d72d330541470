/**
 * The dagger slide model: what a customer sees, what stays in presenter notes, footnote numbers,
 * the as-of date of the newest figure shown, and the check warning for a slide without numbers.
 * Expected values are written out by hand from the fixture below.
 */
import { describe, expect, it } from 'vitest';
import { applyAudience } from '../editions/audience.ts';
import { daggerSlide, NOT_MEASURED, slideAsOf, slideChartGaps, speakerNotes } from './dagger-slide.ts';
import { validateContent } from '../content/validate.ts';

const source = (id: string, extra = '') =>
  ({ path: `src/content/sources/${id}.yaml`, text: `owner: lead\nreviewed: 2026-11-01\naudience: public\ntitle: Doc ${id}\npublisher: Vendor\nurl: https://example.com/${id}\nkind: vendor-doc\nretrieved: 2026-11-01\n${extra}` });
const claim = (id: string, rank: number, value: string, extra: string) => ({
  path: `src/content/claims/azure/${id}.yaml`,
  text: `owner: lead\nreviewed: 2026-11-01\naudience: partner\ncloud: azure\nservice: S\ncategory: throughput\nstatement: The full statement of ${id}.\nmetric: {name: Metric ${id}, value: ${value}, unit: Gbps, better: higher}\n${extra}dagger:\n  rank: ${rank}\n`,
});

const FILES = [
  { path: 'src/content/people/lead.yaml', text: 'name: Lead\nrole: Owner\n' },
  source('a', 'published: 2025-10-31\n'),
  source('b'),
  { path: 'src/content/sources/story.yaml', text: 'owner: lead\nreviewed: 2026-11-01\ntitle: Field debrief\npublisher: Team\ninternal: CRM note 12\nkind: field-report\nretrieved: 2026-11-01\n' },
  {
    path: 'src/content/clouds/azure.md',
    text: '---\nowner: lead\nreviewed: 2026-11-01\naudience: partner\nname: Example Cloud\nshort: Ex\nsummary: S.\n' +
      'dagger: {title: Where Ex breaks, framing: Framing words, fit: Fit paragraph, ask: [Ask one, Ask two], rubric: [Rubric one], anecdote: {text: Secret story, source: story}}\n---\nBody.\n',
  },
  // rank 2 is listed first on purpose: the slide orders by rank.
  claim('older', 2, '250', 'status: sourced\nsources: [b]\nasOf: 2024-05-01\n'),
  claim('newer', 1, '60', 'ours: {label: Ours, value: TBD, unit: Gbps}\nstatus: sourced\nsources: [a, b]\nasOf: 2025-10-31\n'),
  { ...claim('unknown', 3, 'TBD', 'status: tbd\n'), text: claim('unknown', 3, 'TBD', 'status: tbd\n').text.replace('  rank: 3\n', '  rank: 3\n  why: Short why line.\n  fit: Short fit line.\n') },
];

const NOW = '2026-11-26';
const full = validateContent(FILES, { now: NOW });

describe('daggerSlide', () => {
  it('the content is valid (the fixture itself)', () => {
    expect(full.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  const slide = daggerSlide(full.snapshot, 'azure', NOW, 'internal')!;

  it('shows the gaps by rank: a big number, or "Not yet measured" for TBD', () => {
    expect(slide.title).toBe('Where Ex breaks');
    expect(slide.gaps.map((g) => [g.rank, g.headline, g.figure])).toEqual([
      [1, '60 Gbps', { number: '60', unit: 'Gbps' }],
      [2, '250 Gbps', { number: '250', unit: 'Gbps' }],
      [3, NOT_MEASURED, { number: NOT_MEASURED }],
    ]);
    expect(slide.gaps.map((g) => g.quantified)).toEqual([true, true, false]);
  });

  it('uses the claim\'s short lines when given, else the statement', () => {
    expect(slide.gaps.map((g) => g.why)).toEqual(['The full statement of newer.', 'The full statement of older.', 'Short why line.']);
    expect(slide.gaps.map((g) => g.fit)).toEqual([undefined, undefined, 'Short fit line.']);
  });

  it('marks only figures that are not plain sourced', () => {
    expect(slide.gaps.map((g) => g.marker)).toEqual([undefined, undefined, 'tbd']);
    // past its review (reviewed 2026-11-01 + 180 days): stale
    const later = daggerSlide(full.snapshot, 'azure', '2027-06-01', 'internal')!;
    expect(later.gaps.map((g) => g.marker)).toEqual(['stale', 'stale', 'stale']);
  });

  it('dates the slide by its newest figure, not by the build', () => {
    expect(slide.asOf).toBe('2025-10-31');
    expect(slideAsOf(slide)).toBe('Figures as of 2025-10-31');
  });

  it('numbers the sources in order of first citation; the anecdote\'s last, internal only', () => {
    expect(slide.gaps.map((g) => g.notes)).toEqual([[1, 2], [2], []]);
    expect(slide.sources.map((s) => [s.n, s.id, s.url])).toEqual([[1, 'a', 'https://example.com/a'], [2, 'b', 'https://example.com/b'], [3, 'story', undefined]]);
    expect(slide.notes).toEqual({ framing: 'Framing words', anecdote: { text: 'Secret story', notes: [3] }, fit: 'Fit paragraph', rubric: ['Rubric one'] });
  });

  it('the partner edition has no presenter notes and cites no internal record', () => {
    const partner = daggerSlide(applyAudience(full.snapshot, 'partner').snapshot, 'azure', NOW, 'partner')!;
    expect(partner.notes).toBeUndefined();
    expect(partner.sources.map((s) => s.id)).toEqual(['a', 'b']);
    const notes = speakerNotes(partner);
    for (const internal of ['Secret story', 'Rubric one', 'Framing words', 'Fit paragraph', 'Presenter notes']) expect(notes).not.toContain(internal);
    expect(notes).toContain('[1] Doc a, Vendor, 2025-10-31: https://example.com/a');
  });

  it('speaker notes carry each gap\'s statement and, internally, the presenter notes', () => {
    const notes = speakerNotes(slide);
    expect(notes).toContain('Gap 1: Metric newer: 60 Gbps, as of 2025-10-31 [1][2]. The full statement of newer.');
    expect(notes).toContain('Gap 3: Metric unknown: Not yet measured (tbd). The full statement of unknown.');
    expect(notes).toContain('From the field: Secret story [3]');
    expect(notes).toContain('[3] Field debrief, Team (internal record)');
  });

  it('charts only the gaps with a number; a TBD figure of ours is left out, never a zero', () => {
    expect(slideChartGaps(slide).map((c) => [c.label, c.theirs, c.ours])).toEqual([
      ['Metric newer (Gbps)', 60, undefined],
      ['Metric older (Gbps)', 250, undefined],
    ]);
  });

  it('is undefined for a cloud without a dagger block', () => {
    expect(daggerSlide(full.snapshot, 'nosuch', NOW, 'internal')).toBeUndefined();
  });
});

describe('check: dagger-few-numbers', () => {
  it('is quiet with two quantified gaps', () => {
    expect(full.problems.filter((p) => p.code === 'dagger-few-numbers')).toEqual([]);
  });

  it('warns on the cloud file with one quantified gap, naming the field and the fix', () => {
    const files = FILES.map((f) => (f.path.endsWith('older.yaml') ? claim('older', 2, 'TBD', 'status: tbd\n') : f));
    const warn = validateContent(files, { now: NOW }).problems.filter((p) => p.code === 'dagger-few-numbers');
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({
      severity: 'warning', file: 'src/content/clouds/azure.md', line: 8, field: 'dagger',
      message: 'the azure dagger slide has 1 quantified gap of 3: a customer slide needs at least two numbers',
    });
    expect(warn[0]!.hint).toMatch(/Source or measure a figure/);
  });
});
