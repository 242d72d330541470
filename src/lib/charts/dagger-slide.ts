/**
 * The dagger slide as plain data: one model that the dagger page (HTML, printed to PDF) and the
 * PowerPoint writer (`fieldkit slides`) both render, so the two never disagree. Pure: snapshot in
 * (already filtered to the edition), data out.
 *
 * What a customer sees: the title, three gaps (each one big number or an honest "Not yet
 * measured", one line of why it matters, one line of our fit), the ask, the as-of date of the
 * newest figure shown and the sources as numbered footnotes. What stays internal goes into
 * `notes` (framing, anecdote, the cloud's fit paragraph, the measurement rubric), which is absent
 * unless the edition is internal.
 */
import type { Audience, Claim } from '../../schemas/index.ts';
import type { Entry, KitSnapshot } from '../content/snapshot.ts';
import { claimView, daggerClaims, entryById, formatValue, type ClaimBadge } from '../site/views.ts';

/** The words shown instead of a number for a gap whose figure is TBD. */
export const NOT_MEASURED = 'Not yet measured';

export interface SlideSource {
  /** Footnote number, in order of first citation on the slide. */
  n: number;
  id: string;
  title: string;
  publisher: string;
  published?: string;
  /** Public address, or absent for an internal record. */
  url?: string;
}

export interface SlideGap {
  rank: number;
  claimId: string;
  /** Site path of the claim page. */
  url: string;
  /** "60 Gbps", or NOT_MEASURED. */
  headline: string;
  /** The headline in two parts for big type: "60" and "Gbps" (no unit for NOT_MEASURED). */
  figure: { number: string; unit?: string };
  /** True when the figure is a number. */
  quantified: boolean;
  value: number | 'TBD';
  unit: string;
  better: 'higher' | 'lower';
  /** What the number is ("Default max ingress per storage account"). */
  metric: string;
  /** Why it matters, one line (the claim's `dagger.why`, else its statement). */
  why: string;
  /** Where we plug in, one line (`dagger.fit`), when the author gave one. */
  fit?: string;
  /** Shown only when the figure is not plain sourced or measured: provisional, tbd, stale. */
  marker?: Exclude<ClaimBadge, 'sourced' | 'measured'>;
  asOf?: string;
  /** Footnote numbers of this gap's sources, ascending. */
  notes: number[];
  /** Our side of the comparison, when the claim has one. */
  ours?: { label: string; value: number | 'TBD'; unit: string; text: string };
  /** The claim's full statement (speaker notes, screen readers). */
  statement: string;
}

export interface PresenterNotes {
  framing: string;
  anecdote?: { text: string; notes: number[] };
  fit: string;
  rubric: string[];
}

export interface DaggerSlide {
  cloud: { id: string; name: string; short: string };
  edition: Audience;
  title: string;
  gaps: SlideGap[];
  ask: string[];
  /** The newest as-of date among the figures shown; absent when no figure shown has one. */
  asOf?: string;
  /** Numbered footnotes: the gaps' sources, then (internal only) the anecdote's. */
  sources: SlideSource[];
  /** Internal only: what the presenter says, never what the customer sees. */
  notes?: PresenterNotes;
}

/** A gap counts as quantified when its figure is a number. */
export const quantifiedGaps = (claims: readonly Entry<Claim>[]): number =>
  claims.filter((c) => c.data.metric.value !== 'TBD').length;

/**
 * The slide for one cloud in this snapshot's edition, or undefined when the cloud has no dagger
 * block. `now` judges staleness (the stale marker); it is never printed as the as-of date.
 */
export function daggerSlide(snapshot: KitSnapshot, cloudId: string, now: string, edition: Audience): DaggerSlide | undefined {
  const cloud = entryById(snapshot, 'clouds', cloudId);
  const dagger = cloud?.data.dagger;
  if (!cloud || !dagger) return undefined;
  const claims = daggerClaims(snapshot, cloudId);
  const cited: string[] = [];
  const cite = (ids: readonly string[]) => {
    const shown = ids.filter((id) => entryById(snapshot, 'sources', id) !== undefined);
    for (const id of shown) if (!cited.includes(id)) cited.push(id);
    return [...new Set(shown.map((id) => cited.indexOf(id) + 1))].sort((a, b) => a - b);
  };
  const gaps = claims.map((entry): SlideGap => {
    const c = entry.data;
    const v = claimView(entry, snapshot, now);
    const quantified = c.metric.value !== 'TBD';
    const ours = c.ours && {
      label: c.ours.label,
      value: c.ours.value,
      unit: c.ours.unit,
      text: c.ours.value === 'TBD' ? NOT_MEASURED.toLowerCase() : formatValue(c.ours.value, c.ours.unit),
    };
    return {
      rank: c.dagger!.rank,
      claimId: entry.id,
      url: v.url,
      headline: quantified ? v.value : NOT_MEASURED,
      figure: quantified ? { number: formatValue(c.metric.value), unit: c.metric.unit } : { number: NOT_MEASURED },
      quantified,
      value: c.metric.value,
      unit: c.metric.unit,
      better: c.metric.better,
      metric: c.metric.name,
      why: c.dagger!.why ?? c.statement,
      ...(c.dagger!.fit ? { fit: c.dagger!.fit } : {}),
      ...(v.badge === 'sourced' || v.badge === 'measured' ? {} : { marker: v.badge }),
      ...(c.asOf ? { asOf: c.asOf } : {}),
      notes: cite(c.sources),
      ...(ours ? { ours } : {}),
      statement: c.statement,
    };
  });
  const internal = edition === 'internal';
  const anecdote = internal && dagger.anecdote ? { text: dagger.anecdote.text, notes: cite(dagger.anecdote.source ? [dagger.anecdote.source] : []) } : undefined;
  const dates = gaps.filter((g) => g.quantified && g.asOf).map((g) => g.asOf!).sort();
  const sources = cited.map((id, i): SlideSource => {
    const s = entryById(snapshot, 'sources', id)!.data;
    return {
      n: i + 1, id, title: s.title, publisher: s.publisher,
      ...(s.published ? { published: s.published } : {}),
      ...(s.url ? { url: s.url } : {}),
    };
  });
  return {
    cloud: { id: cloud.id, name: cloud.data.name, short: cloud.data.short },
    edition,
    title: dagger.title,
    gaps,
    ask: [...dagger.ask],
    ...(dates.length ? { asOf: dates[dates.length - 1] } : {}),
    sources,
    ...(internal ? { notes: { framing: dagger.framing, ...(anecdote ? { anecdote } : {}), fit: dagger.fit, rubric: [...dagger.rubric] } } : {}),
  };
}

/** "As of 2025-10-31" for the newest figure shown, or a plain statement that none is dated yet. */
export function slideAsOf(slide: DaggerSlide): string {
  return slide.asOf ? `Figures as of ${slide.asOf}` : 'No dated figure yet';
}

/** One footnote line: "Title, Publisher, 2025-10-31: https://…" or "… (internal record)". */
export function sourceLine(s: SlideSource): string {
  const head = `${s.title}, ${s.publisher}${s.published ? `, ${s.published}` : ''}`;
  return s.url ? `${head}: ${s.url}` : `${head} (internal record)`;
}

/**
 * The speaker notes of the PowerPoint slide, as plain text: each gap's full statement and figure,
 * the numbered sources, and (internal edition only) the presenter notes.
 */
export function speakerNotes(slide: DaggerSlide): string {
  const out: string[] = [];
  for (const g of slide.gaps) {
    const status = g.marker ? ` (${g.marker})` : '';
    out.push(`Gap ${g.rank}: ${g.metric}: ${g.headline}${status}${g.asOf ? `, as of ${g.asOf}` : ''}${g.notes.length ? ` [${g.notes.join('][')}]` : ''}. ${g.statement}`);
  }
  out.push('', 'Sources:', ...slide.sources.map((s) => `[${s.n}] ${sourceLine(s)}`));
  if (slide.notes) {
    const n = slide.notes;
    out.push('', 'Presenter notes (internal edition; never show the customer):', `Framing: ${n.framing}`);
    if (n.anecdote) out.push(`From the field: ${n.anecdote.text}${n.anecdote.notes.length ? ` [${n.anecdote.notes.join('][')}]` : ''}`);
    out.push(`Our fit: ${n.fit}`, 'Measurement rubric:', ...n.rubric.map((r) => `- ${r}`));
  }
  return out.join('\n');
}

/** The bars a native chart may draw: only gaps whose figure is a number (TBD is never a zero). */
export function slideChartGaps(slide: DaggerSlide): { gap: SlideGap; label: string; theirs: number; ours?: number }[] {
  return slide.gaps.flatMap((g) => {
    if (typeof g.value !== 'number') return [];
    const ours = g.ours && typeof g.ours.value === 'number' && g.ours.unit === g.unit ? g.ours.value : undefined;
    return [{ gap: g, label: `${g.metric} (${g.unit})`, theirs: g.value, ...(ours !== undefined ? { ours } : {}) }];
  });
}
