/**
 * The claims ledger's rows, filters and sort orders, shared by the page (src/pages/claims/index.astro)
 * and its stylesheet (/claims/filters.css: a file, not an inline <style>, since the CSP refuses
 * inline styles). The rules come from rowFilterCss, as the FRD list's do.
 */
import { rowFilterCss } from '../lib/site/row-filter.ts';
import type { KitSnapshot } from '../lib/content/snapshot.ts';
import { BADGE_LABEL, claimView, cloudName, type ClaimBadge } from '../lib/site/views.ts';

const BADGES: ClaimBadge[] = ['sourced', 'measured', 'provisional', 'tbd', 'stale'];

export function ledgerFilters(snapshot: KitSnapshot, now: string) {
  const rows = snapshot.claims.map((c) => ({ c, v: claimView(c, snapshot, now), rank: c.data.dagger ? String(c.data.dagger.rank) : 'none' }));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const present = <T extends string>(order: readonly T[], have: string[]) => order.filter((x) => have.includes(x));
  const groups = [
    { name: 'cloud', label: 'Cloud', values: uniq(rows.map((r) => r.c.data.cloud)).sort((a, b) => cloudName(snapshot, a).localeCompare(cloudName(snapshot, b))).map((v) => ({ v, label: cloudName(snapshot, v) })) },
    { name: 'status', label: 'Status', values: present(BADGES, rows.map((r) => r.v.badge)).map((v) => ({ v, label: BADGE_LABEL[v] })) },
    { name: 'category', label: 'Category', values: uniq(rows.map((r) => r.c.data.category)).sort().map((v) => ({ v, label: v })) },
    { name: 'rank', label: 'Dagger', values: [...present(['1', '2', '3'], rows.map((r) => r.rank)).map((v) => ({ v, label: `gap ${v}` })), ...(rows.some((r) => r.rank === 'none') ? [{ v: 'none', label: 'not ranked' }] : [])] },
  ];
  // Sorts: the ledger's order (by cloud, then claim), and by as-of date either way; undated claims last.
  const byAsOf = (dir: 1 | -1) => [...rows].sort((a, b) => (a.v.asOf && b.v.asOf ? dir * a.v.asOf.localeCompare(b.v.asOf) : a.v.asOf ? -1 : b.v.asOf ? 1 : 0) || a.c.id.localeCompare(b.c.id));
  const sorts = [
    { v: 'ledger', label: 'Cloud', rows },
    { v: 'newest', label: 'As of, newest first', rows: byAsOf(-1) },
    { v: 'oldest', label: 'As of, oldest first', rows: byAsOf(1) },
  ];
  const css = rowFilterCss('ledger', groups, sorts);
  return { rows, groups, sorts, css };
}
