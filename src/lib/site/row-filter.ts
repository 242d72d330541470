/**
 * Lists that filter and sort without JavaScript (the FRD list, the claims ledger): each filter is
 * a group of radio buttons named `f-<group>`, each row carries `data-<group>="v1 v2"`, and a
 * generated stylesheet hides the rows that do not match the checked values (`:has()`). A sort is
 * a radio group `f-sort` choosing one of several pre-rendered `<tbody data-sort>` orders; only the
 * first is shown where `:has()` is not supported (the others carry `hidden`). Pure.
 */

export interface FilterValue { v: string; label: string }
export interface FilterGroup { name: string; label: string; values: FilterValue[] }
export interface SortOption { v: string; label: string }

/** A value as a CSS string body: quotes and backslashes escaped. */
const css = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ');

/** The rules for one list, scoped to the element with class `scope` that holds the form and the table. */
export function rowFilterCss(scope: string, groups: FilterGroup[], sorts: SortOption[] = []): string {
  const on = (name: string, v: string) => `.${scope}:has(input[name="f-${css(name)}"][value="${css(v)}"]:checked)`;
  const filters = groups.flatMap((g) =>
    g.values.map(({ v }) => `${on(g.name, v)} tr[data-${g.name}]:not([data-${g.name}~="${css(v)}"]){display:none}`));
  const orders = sorts.flatMap(({ v }, i) => [
    `${on('sort', v)} tbody[data-sort]:not([data-sort="${css(v)}"]){display:none}`,
    ...(i > 0 ? [`${on('sort', v)} tbody[data-sort="${css(v)}"]{display:table-row-group}`] : []),
  ]);
  return [...filters, ...orders].join('\n');
}

/** Radio values as query parameters: `f-cloud=azure` -> `cloud=azure`; defaults and "All" are left out. */
export function rowFilterSearch(checked: { name: string; value: string; isDefault: boolean }[], base = ''): string {
  const p = new URLSearchParams(base);
  for (const c of checked) {
    const key = c.name.replace(/^f-/, '');
    if (c.value === '' || c.isDefault) p.delete(key);
    else p.set(key, c.value);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
