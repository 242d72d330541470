/**
 * Search: what pages tell Pagefind, how results are ranked, and the search state kept in the
 * address (`/search/?q=egress&type=Claim&cloud=Azure`). Shared by the page templates, the client
 * script (src/scripts/search.ts) and the relevance tests, so all three rank the same way. Pure.
 */

/**
 * Pagefind ranking options (`pagefind.options({ ranking })`). Pages here differ in length by an
 * order of magnitude (a claim is ~90 words, a play ~1200), and the default length normalisation
 * (0.75) puts a play whose title is the query behind short claims that mention the word once.
 * Measured on the relevance set (tests/browser/search-relevance.test.ts, 28 queries): on the
 * content of 2026-12-01 morning, the defaults put 7 expected pages 2nd or 3rd and these 4
 * ("checkpoint", "Bedrock", "Vertex" moved to 1st); on the content after the `{value}` statements
 * landed, both put 26 of 28 first (the other two 2nd). Kept for long plays against short claims.
 * Change the weighting, not the test cases.
 */
export const SEARCH_RANKING = { pageLength: 0.1, termFrequency: 0.5 } as const;

/**
 * `data-pagefind-weight` for the parts of a page that say what it is about. Pagefind's default
 * is 7 for h1, 6 for h2, 1 for body text; a weight applies to the text inside the element.
 */
export const SEARCH_WEIGHT = {
  /** A claim's metric name ("Default max egress per storage account"). */
  metric: 8,
  /** An entry's id (`azure/account-egress`): SEs paste ids from chat and the CLI. */
  id: 5,
  /** A play's or cloud's one-line summary. */
  summary: 3,
  /** Words a page means without using them (see searchKeywords). */
  keywords: 4,
} as const;

/**
 * The words SEs search for that the content spells another way: a claim about the "max egress"
 * is the "egress limit". Each key is added to a page's keywords when one of its variants occurs.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  limit: ['max', 'maximum', 'at most', 'up to', 'ceiling', 'cap', 'caps', 'quota', 'target', 'targets', 'tops out'],
  throttling: ['429', '503', 'slow down', 'too many requests', 'server busy'],
  latency: ['first byte', 'first-byte', 'time to first byte'],
  throughput: ['bandwidth', 'gbps', 'gb/s', 'gib/s', 'tib/s'],
};

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}/]+/gu, ' ').trim();

/** The synonym keys a text means but does not say: "Default max egress" -> ["limit"]. */
export function searchKeywords(...texts: (string | undefined)[]): string[] {
  const text = ` ${words(texts.filter(Boolean).join(' '))} `;
  return Object.entries(SEARCH_SYNONYMS)
    .filter(([key, variants]) => !text.includes(` ${key} `) && variants.some((v) => text.includes(` ${words(v)} `)))
    .map(([key]) => key);
}

/** The filters pages declare (Base.astro `filters`), in the order the search page shows them. */
export const SEARCH_FILTERS = [
  { name: 'type', param: 'type', label: 'Type' },
  { name: 'cloud', param: 'cloud', label: 'Cloud' },
  { name: 'claim status', param: 'status', label: 'Claim status' },
  { name: 'category', param: 'category', label: 'Category' },
] as const;

export interface SearchState {
  q: string;
  /** Checked values per Pagefind filter name ("claim status"), in the address as `status=`. */
  filters: Record<string, string[]>;
}

/** Reads the search state from a query string (`?q=…&type=Play&cloud=Azure&cloud=AWS`). */
export function stateFromSearch(search: string): SearchState {
  const p = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const f of SEARCH_FILTERS) {
    const values = [...new Set(p.getAll(f.param).map((v) => v.trim()).filter(Boolean))];
    if (values.length) filters[f.name] = values;
  }
  return { q: (p.get('q') ?? '').trim(), filters };
}

/** The query string for a state (`?q=egress&type=Claim`), "" when empty; parameters in a fixed order. */
export function searchFromState(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  for (const f of SEARCH_FILTERS) for (const v of state.filters[f.name] ?? []) p.append(f.param, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Pagefind's `filters` option for a state: any of the checked values within a filter, all filters. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v.length).map(([k, v]) => [k, { any: v }]));
}

export interface FilterOption { value: string; count: number; checked: boolean }

/**
 * The values to offer for one filter: those with results under the current search, plus any
 * checked value (so it can be unchecked), in the given order; never a value with zero results
 * that nobody chose.
 */
export function filterOptions(counts: Record<string, number> | undefined, checked: readonly string[], order: readonly string[] = []): FilterOption[] {
  const all = new Set([...order, ...Object.keys(counts ?? {}), ...checked]);
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...all]
    .map((value) => ({ value, count: counts?.[value] ?? 0, checked: checked.includes(value) }))
    .filter((o) => o.count > 0 || o.checked)
    .sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
}
