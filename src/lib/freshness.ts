/** When an entry is due for review. Pure: the clock comes in as `now` (YYYY-MM-DD). */
import type { CollectionName } from '../schemas/index.ts';
import type { Finding } from './integrity.ts';
import type { AnyEntry, KitSnapshot } from './snapshot.ts';

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
  return out;
}
