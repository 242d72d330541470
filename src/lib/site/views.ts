/**
 * View data computed once from the snapshot: what pages render. Pure: no Astro, no clock.
 */
import type { Claim, CollectionName } from '../../schemas/index.ts';
import { claimImpact } from '../diff/diff.ts';
import { pageOf, route } from './routes.ts';
import { sectionsIn } from '../editions/audience.ts';
import { escapeHtml, plural } from '../format/text.ts';
import { num } from '../format/numbers.ts';

export { escapeHtml, plural };
import { figureAge, freshnessOf, oldFigureText, type FigureAge } from '../checks/freshness.ts';
import type { Entry, KitSnapshot } from '../content/snapshot.ts';

/** Per-snapshot lookups, built once: pages call these thousands of times at scale. */
const INDEX = new WeakMap<KitSnapshot, { byId: Map<string, Map<string, unknown>> }>();

function indexOf(snapshot: KitSnapshot) {
  let idx = INDEX.get(snapshot);
  if (!idx) {
    idx = { byId: new Map() };
    INDEX.set(snapshot, idx);
  }
  return idx;
}

/** The entry of a collection with this id in this snapshot (edition), if any. */
export function entryById<C extends CollectionName>(snapshot: KitSnapshot, collection: C, id: string): KitSnapshot[C][number] | undefined {
  const idx = indexOf(snapshot);
  let map = idx.byId.get(collection);
  if (!map) {
    map = new Map((snapshot[collection] as { id: string }[]).map((e) => [e.id, e]));
    idx.byId.set(collection, map);
  }
  return map.get(id) as KitSnapshot[C][number] | undefined;
}


export type ClaimBadge = 'sourced' | 'measured' | 'provisional' | 'tbd' | 'stale';

export const BADGE_LABEL: Record<ClaimBadge, string> = {
  sourced: 'Sourced', measured: 'Measured', provisional: 'Provisional', tbd: 'TBD', stale: 'Stale',
};

/** A value as people read it: thousands separators, TBD kept as TBD (never blank, never zero). */
export function formatValue(value: number | 'TBD', unit?: string): string {
  if (value === 'TBD') return 'TBD';
  const n = num(value, 4);
  return unit ? `${n} ${unit}` : n;
}

/** What `{value}` in a statement says while the figure is TBD. */
export const TBD_TEXT = 'not yet measured';

/** The placeholder a statement uses for the claim's own value: `at most {value} of ingress`. */
export const VALUE_PLACEHOLDER = '{value}';

/**
 * A claim's statement as people read it: `{value}` replaced by the formatted value with its unit
 * (the one formatter, {@link formatValue}), or "not yet measured" while the figure is TBD.
 */
export function statementText(c: Pick<Claim, 'statement' | 'metric'>): string {
  if (!c.statement.includes(VALUE_PLACEHOLDER)) return c.statement;
  const v = c.metric.value === 'TBD' ? TBD_TEXT : formatValue(c.metric.value, c.metric.unit);
  return c.statement.split(VALUE_PLACEHOLDER).join(v);
}

export interface ClaimView {
  id: string;
  url: string;
  statement: string;
  value: string;
  isTbd: boolean;
  status: Claim['status'];
  /** The badge shown: `stale` overrides the status once the review date has passed. */
  badge: ClaimBadge;
  asOf?: string;
  due: string;
  sources: { id: string; title: string; url: string }[];
  /** Sources cited but left out of this edition. */
  withheldSources: number;
  /** Set when the figure is older than its category allows (see FIGURE_MAX_AGE_DAYS). */
  oldFigure?: FigureAge;
}

export function claimView(entry: Entry<Claim>, snapshot: KitSnapshot, now: string): ClaimView {
  const c = entry.data;
  const f = freshnessOf(c, now);
  const age = figureAge(c, now);
  // A source left out of this edition is counted but not linked.
  const sources = c.sources.flatMap((sid) => {
    const s = entryById(snapshot, 'sources', sid);
    return s ? [{ id: sid, title: s.data.title, url: route.source(sid) }] : [];
  });
  return {
    id: entry.id,
    url: claimUrl(entry.id),
    statement: statementText(c),
    value: formatValue(c.metric.value, c.metric.unit),
    isTbd: c.metric.value === 'TBD',
    status: c.status,
    badge: f.stale ? 'stale' : c.status,
    asOf: c.asOf,
    due: f.due,
    sources,
    withheldSources: c.sources.length - sources.length,
    ...(age?.old ? { oldFigure: age } : {}),
  };
}

export const claimUrl = route.claim;

/**
 * The small marker beside an old figure (its `asOf` older than its category allows), as HTML for
 * claim chips, claim lines, the claim page and the printed kit; empty for a figure within its age.
 */
export function oldFigureMarker(v: Pick<ClaimView, 'oldFigure'>): string {
  if (!v.oldFigure) return '';
  const text = oldFigureText(v.oldFigure);
  return `<span class="marker-old" title="${escapeHtml(`${text}: check the vendor's current page before quoting`)}">${escapeHtml(text)}</span>`;
}

/** Claim health for the dashboard: counts per badge. */
export function claimHealth(snapshot: KitSnapshot, now: string): Record<ClaimBadge, number> {
  const counts: Record<ClaimBadge, number> = { sourced: 0, measured: 0, provisional: 0, tbd: 0, stale: 0 };
  for (const c of snapshot.claims) {
    counts[c.data.status]++;
    if (freshnessOf(c.data, now).stale) counts.stale++;
  }
  return counts;
}

/** Where a claim is used, as the claim page lists it: "Used by". */
export interface ClaimUsage {
  /** Plays citing it (proof point, objection or a link in the talk track). */
  plays: string[];
  /** Clouds whose one-pager links it or ranks it as a dagger gap. */
  clouds: string[];
  /** Clouds whose dagger page (`/clouds/<id>/dagger/`) shows it. */
  dagger: string[];
  /** Other entries (`collection/id`, e.g. `tco/lake-10pb`) whose prose links it. */
  other: string[];
}

/**
 * Where a claim is used. One index serves the site and `fieldkit diff` (`claimImpact` in diff.ts),
 * so "Used by" on a claim page and a diff's impact never disagree.
 */
export function claimUsage(snapshot: KitSnapshot, claimId: string): ClaimUsage {
  const i = claimImpact(snapshot, claimId);
  return { plays: i.plays.map((p) => p.id), clouds: i.clouds.map((c) => c.id), dagger: [...i.dagger], other: [...i.other] };
}

/** The dagger gaps of a cloud, ranked. */
export function daggerClaims(snapshot: KitSnapshot, cloudId: string): Entry<Claim>[] {
  return snapshot.claims
    .filter((c) => c.data.cloud === cloudId && c.data.dagger)
    .sort((a, b) => a.data.dagger!.rank - b.data.dagger!.rank);
}


export interface ClaimRefOptions {
  /** Where a reference's footnote mark links (default: the claim page). */
  href?: (id: string) => string;
  /** Footnote marks after the value instead of the default one (e.g. the kit's source numbers). */
  marks?: (id: string) => string;
  /** Prefix for the ids of footnotes and hover notes, unique on the page (default `cn`). */
  idPrefix?: string;
  /** Append the numbered footnotes that print (default true; off where the page has its own). */
  footnotes?: boolean;
}

/** The small status marker of a figure that is not plain sourced or measured (TBD reads once: in the value). */
function claimMarker(v: ClaimView): string {
  return v.badge === 'sourced' || v.badge === 'measured' || v.badge === 'tbd' ? '' : ` <span class="badge badge--${v.badge} claim-ref__marker">${BADGE_LABEL[v.badge]}</span>`;
}

/** What the hover note and the printed footnote say: status, as-of date, sources. */
function claimNote(v: ClaimView): string {
  const parts = [BADGE_LABEL[v.badge], v.asOf ? `as of ${v.asOf}` : 'no as-of date'];
  if (v.sources.length) parts.push(v.sources.map((s) => s.title).join('; '));
  if (v.withheldSources) parts.push(`${plural(v.withheldSources, 'source')} withheld in this edition`);
  return escapeHtml(parts.join(' · '));
}

/**
 * Replaces Markdown claim links (`[text](claim:id)`, rendered as `<a href="claim:id">`) with the
 * text, the claim's value in parentheses as part of the sentence, a small status marker only when
 * the figure is not plain sourced (provisional, stale; TBD is already the value), and a numbered
 * footnote mark. The mark links to the claim page; hovering or focusing it shows the status, as-of
 * date and sources (`role="tooltip"`, tied with `aria-describedby`). Printed, the marks point at
 * numbered footnotes appended after the prose. Prose never retypes a number.
 */
export function renderClaimLinks(html: string, snapshot: KitSnapshot, now: string, opts: ClaimRefOptions = {}): string {
  const prefix = opts.idPrefix ?? 'cn';
  const notes: string[] = [];
  const body = html.replace(/<a href="claim:([^"]+)">([\s\S]*?)<\/a>/g, (_m, id: string, text: string) => {
    const entry = entryById(snapshot, 'claims', id);
    // `check` guarantees the id exists, so a claim missing here was left out of this edition.
    if (!entry) return `<span class="claim-ref claim-ref--withheld">${text} <em>(withheld in this edition)</em></span>`;
    const v = claimView(entry, snapshot, now);
    const value = `(<span class="claim-ref__value${v.isTbd ? ' value--tbd' : ''}">${escapeHtml(v.value)}</span>)${claimMarker(v)}${v.oldFigure ? ` ${oldFigureMarker(v)}` : ''}`;
    if (opts.marks) return `<span class="claim-ref">${text} ${value}${opts.marks(id)}</span>`;
    const n = notes.length + 1;
    const tip = `${prefix}-${n}`;
    notes.push(`<li id="${prefix}-fn-${n}">${escapeHtml(v.value)}: ${claimNote(v)}</li>`);
    const href = opts.href ? opts.href(id) : v.url;
    return `<span class="claim-ref">${text} ${value}<sup class="claim-ref__note"><a href="${href}" aria-describedby="${tip}">${n}</a></sup><span class="claim-ref__tip" role="tooltip" id="${tip}">${claimNote(v)}</span></span>`;
  });
  if (!notes.length || opts.footnotes === false) return body;
  return `${body}\n<ol class="claim-notes print-only" aria-label="Figures in this text">${notes.join('')}</ol>`;
}

/**
 * Plain text from YAML that may link claims (`[text](claim:id)`, e.g. triage `why`) as HTML: the
 * text escaped, each claim link rendered like one in Markdown prose ({@link renderClaimLinks}).
 */
export function textWithClaimLinks(text: string, snapshot: KitSnapshot, now: string, opts: ClaimRefOptions = {}): string {
  const html = escapeHtml(text).replace(/\[([^\]]*)\]\(claim:([^)\s]+)\)/g, (_m, t: string, id: string) => `<a href="claim:${id}">${t}</a>`);
  return renderClaimLinks(html, snapshot, now, opts);
}

/** Display name of a person id (owners), falling back to the id. */
export function personName(snapshot: KitSnapshot, id: string): string {
  return entryById(snapshot, 'people', id)?.data.name ?? id;
}

export function cloudName(snapshot: KitSnapshot, id: string): string {
  return entryById(snapshot, 'clouds', id)?.data.short ?? id;
}


/** The page of an entry when it is in this edition's snapshot; undefined when it was left out. */
export function hrefOf(snapshot: KitSnapshot, collection: CollectionName, id: string): string | undefined {
  return entryById(snapshot, collection, id) ? pageOf(collection, id) : undefined;
}

/** Every entry page of an edition, for the sitemap. */
export function sitemapPaths(snapshot: KitSnapshot): string[] {
  const tier2 = snapshot.clouds.some((c) => c.data.tier === 'tier2');
  const fixed = [route.home(), ...new Set(sectionsIn(snapshot).map((s) => s.href)), ...(tier2 ? [route.blueprint()] : []), route.search(), route.changes()];
  const pages = (['clouds', 'plays', 'claims', 'sources', 'tco', 'frds', 'reviews'] as const).flatMap((c) =>
    (snapshot[c] as { id: string }[]).map((e) => pageOf(c, e.id)),
  );
  const extra = snapshot.clouds.flatMap((e) => [
    ...(e.data.dagger ? [route.dagger(e.id)] : []),
    route.kit(e.id),
  ]);
  return [...fixed, ...pages, ...extra];
}

const cloudCountCache = new WeakMap<KitSnapshot, Map<string, { plays: number; claims: number; frds: number }>>();

/** How many plays, claims and FRDs name each cloud: counted once per snapshot, not once per page. */
export function cloudCounts(snapshot: KitSnapshot, cloud: string): { plays: number; claims: number; frds: number } {
  let all = cloudCountCache.get(snapshot);
  if (!all) {
    all = new Map();
    const at = (id: string) => all!.get(id) ?? all!.set(id, { plays: 0, claims: 0, frds: 0 }).get(id)!;
    for (const p of snapshot.plays) for (const c of new Set(p.data.clouds)) at(c).plays++;
    for (const x of snapshot.claims) at(x.data.cloud).claims++;
    for (const f of snapshot.frds) for (const c of new Set(f.data.clouds)) at(c).frds++;
    cloudCountCache.set(snapshot, all);
  }
  return all.get(cloud) ?? { plays: 0, claims: 0, frds: 0 };
}
