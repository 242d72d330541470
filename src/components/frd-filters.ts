/**
 * The FRD index's filters (no JavaScript): each filter is a group of radio buttons, and a
 * generated stylesheet, served as /frds/filters.css (not inline: the CSP refuses inline styles),
 * hides the rows that do not match the checked ones (`:has()`).
 */
import { rowFilterCss } from '../lib/site/row-filter.ts';
import type { KitSnapshot } from '../lib/content/snapshot.ts';
import { cloudName, personName } from '../lib/site/views.ts';

const STATUS_ORDER = ['proposed', 'accepted', 'in-progress', 'shipped', 'declined'];

export function frdFilters(snapshot: KitSnapshot) {
  const frds = [...snapshot.frds].sort((a, b) => a.data.name.localeCompare(b.data.name));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const groups = [
    { name: 'cloud', label: 'Cloud', values: uniq(frds.flatMap((f) => f.data.clouds)).sort((a, b) => cloudName(snapshot, a).localeCompare(cloudName(snapshot, b))).map((v) => ({ v, label: cloudName(snapshot, v) })) },
    { name: 'status', label: 'Status', values: uniq(frds.map((f) => f.data.status)).sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)).map((v) => ({ v, label: v })) },
    { name: 'owner', label: 'Owner', values: uniq(frds.map((f) => f.data.owner)).sort((a, b) => personName(snapshot, a).localeCompare(personName(snapshot, b))).map((v) => ({ v, label: personName(snapshot, v) })) },
  ];
  // One rule per filter value: while it is checked, rows without it are hidden (as the claims ledger's).
  const css = rowFilterCss('frd-filter', groups);
  return { frds, groups, css };
}
