/**
 * Two clocks. `stale`: an entry is due for review (`reviewed`/`asOf` + `reviewEvery`). `old-figure`:
 * the figure itself is older than its category allows, counted from the claim's `asOf` and the
 * source's `published` date, whenever the entry was last reviewed. Pure: the clock comes in as
 * `now` (YYYY-MM-DD).
 */
import type { Claim, CollectionName } from '../../schemas/index.ts';
import type { Finding } from './integrity.ts';
import type { AnyEntry, KitSnapshot } from '../content/snapshot.ts';

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export interface Freshness {
  /** The later of `reviewed` and `asOf`: when someone last vouched for it. */
  since: string;
  due: string;
  stale: boolean;
}

export function freshnessOf(data: { reviewed: string; reviewEvery: number; asOf?: string }, now: string): Freshness {
  const since = data.asOf && data.asOf > data.reviewed ? data.asOf : data.reviewed;
  const due = addDays(since, data.reviewEvery);
  return { since, due, stale: due < now };
}

export type ClaimCategory = Claim['category'];

/**
 * How old a figure may be before it is an `old-figure`, per claim category, in days. The one place
 * to change the policy: vendors revise service limits, throughput, latency and scale targets
 * every year or two, and prices faster.
 */
export const FIGURE_MAX_AGE_DAYS: Record<ClaimCategory, number> = {
  throughput: 730,
  latency: 730,
  operations: 730,
  scale: 730,
  cost: 365,
};

/** The limit for a source no claim cites (the longest category limit). */
const UNCITED_SOURCE_MAX_AGE_DAYS = Math.max(...Object.values(FIGURE_MAX_AGE_DAYS));

/** `730` -> `2 years`, `365` -> `1 year`, `90` -> `90 days`. */
export function ageLimitText(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  return `${days} days`;
}

export interface FigureAge {
  /** The figure's own date: a claim's `asOf`, a source's `published`. */
  dated: string;
  /** Days allowed for this kind of figure. */
  limitDays: number;
  /** The day after which the figure counts as old. */
  oldAfter: string;
  old: boolean;
}

function ageOf(dated: string, limitDays: number, now: string): FigureAge {
  const oldAfter = addDays(dated, limitDays);
  return { dated, limitDays, oldAfter, old: oldAfter < now };
}

/** A claim's figure age from its `asOf`; undefined when there is no date or no number to age. */
export function figureAge(c: { category: ClaimCategory; asOf?: string; metric: { value: number | 'TBD' } }, now: string): FigureAge | undefined {
  if (!c.asOf || c.metric.value === 'TBD') return undefined;
  return ageOf(c.asOf, FIGURE_MAX_AGE_DAYS[c.category], now);
}

/** A source's age from its `published` date, held to the strictest category of the claims citing it. */
export function sourceAge(published: string | undefined, citedBy: ClaimCategory[], now: string): FigureAge | undefined {
  if (!published) return undefined;
  const limit = citedBy.length ? Math.min(...citedBy.map((c) => FIGURE_MAX_AGE_DAYS[c])) : UNCITED_SOURCE_MAX_AGE_DAYS;
  return ageOf(published, limit, now);
}

/** The short marker pages and kits show next to an old figure. */
export function oldFigureText(a: FigureAge): string {
  return `old figure: dated ${a.dated}, over ${ageLimitText(a.limitDays)}`;
}

export function checkFreshness(snapshot: KitSnapshot, now: string): Finding[] {
  const out: Finding[] = [];
  for (const c of Object.keys(snapshot) as CollectionName[]) {
    if (c === 'people') continue;
    for (const e of snapshot[c] as AnyEntry[]) {
      const d = e.data as { reviewed: string; reviewEvery: number; asOf?: string };
      const f = freshnessOf(d, now);
      if (!f.stale) continue;
      out.push({
        code: 'stale', severity: 'warning', file: e.file, path: ['reviewed'],
        message: `due for review since ${f.due} (last vouched for ${f.since}, review every ${d.reviewEvery} days)`,
        expected: `reviewed on or after ${addDays(now, -d.reviewEvery)}`, found: d.reviewed,
        hint: 'Re-check the figures against their sources, then set `reviewed:` to today.',
      });
    }
  }
  return [...out, ...checkFigureAges(snapshot, now), ...checkBulkRetrieved(snapshot)];
}

/** Claims whose `asOf`, and sources whose `published` date, are older than the category allows. */
export function checkFigureAges(snapshot: KitSnapshot, now: string): Finding[] {
  const out: Finding[] = [];
  const citedBy = new Map<string, ClaimCategory[]>();
  for (const c of snapshot.claims) {
    for (const s of c.data.sources) citedBy.set(s, [...(citedBy.get(s) ?? []), c.data.category]);
    const age = figureAge(c.data, now);
    if (!age?.old) continue;
    out.push({
      code: 'old-figure', severity: 'warning', file: c.file, path: ['asOf'],
      message: `the figure is dated ${age.dated}: older than ${ageLimitText(age.limitDays)}, the limit for ${c.data.category} figures (old since ${age.oldAfter}), however recently it was reviewed`,
      expected: `asOf on or after ${addDays(now, -age.limitDays)}`, found: age.dated,
      hint: "Find the vendor's current page: if the figure still holds, cite it and set `asOf:` to that page's date; if it changed, update the value (move the old one to `history`); if you cannot confirm it, set `status: provisional` and say why.",
    });
  }
  // A source cited only for an earlier value (`history`) is old on purpose.
  const historyOnly = new Set(snapshot.claims.flatMap((c) => c.data.history.flatMap((h) => (h.source ? [h.source] : []))));
  for (const s of snapshot.sources) {
    if (historyOnly.has(s.id) && !citedBy.has(s.id)) continue;
    const age = sourceAge(s.data.published, citedBy.get(s.id) ?? [], now);
    if (!age?.old) continue;
    out.push({
      code: 'old-figure', severity: 'warning', file: s.file, path: ['published'],
      message: `the document is dated ${age.dated}: older than ${ageLimitText(age.limitDays)}, the limit for the figures it backs (old since ${age.oldAfter})`,
      expected: `a document published on or after ${addDays(now, -age.limitDays)}`, found: age.dated,
      hint: 'Look for the current version of the document; cite it as a new source (with its own `published` date), and keep this one only for `history` entries.',
    });
  }
  return out;
}

/** Below this many sources one shared `retrieved` date is not suspicious. */
export const BULK_RETRIEVED_MIN_SOURCES = 6;

/**
 * `retrieved` is the day someone read the live page. When more than half of the sources share one
 * date, it was typed in bulk, and no longer says when each page was read.
 */
export function checkBulkRetrieved(snapshot: KitSnapshot): Finding[] {
  const sources = snapshot.sources;
  if (sources.length < BULK_RETRIEVED_MIN_SOURCES) return [];
  const byDate = new Map<string, AnyEntry[]>();
  for (const s of sources) byDate.set(s.data.retrieved, [...(byDate.get(s.data.retrieved) ?? []), s as unknown as AnyEntry]);
  const out: Finding[] = [];
  for (const [date, list] of byDate) {
    if (list.length * 2 <= sources.length) continue;
    const first = list[0]!;
    out.push({
      code: 'bulk-retrieved', severity: 'warning', file: first.file, path: ['retrieved'],
      message: `${list.length} of ${sources.length} sources say retrieved: ${date} (this one and ${list.length - 1} more): a bulk date, not the day each page was read`,
      expected: 'each source dated the day someone read that page', found: `${list.length} sources retrieved ${date}`,
      hint: 'Open each source, confirm the figures it backs, and set its `retrieved:` to the day you read it; set `published:` to the date the document shows.',
    });
  }
  return out;
}
