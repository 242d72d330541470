/**
 * `<fk-search>`, around the search page's `<form data-search>`: search in the browser, on Pagefind's JS API: reads the query and filters from the
 * address, searches with the kit's ranking (src/lib/site/search.ts), renders results first and the
 * filter values that still have results, and keeps the state in the address. Typing replaces the
 * history entry; a submitted query or a filter change adds one, so Back returns to it.
 * Several may share a page (each reads and writes the same address). Loaded only by /search/.
 */
import { filterOptions, pagefindFilters, SEARCH_FILTERS, SEARCH_RANKING, searchFromState, stateFromSearch, type SearchState } from '../lib/site/search.ts';
import { escapeHtml, plural } from '../lib/format/text.ts';
import { defineElement, EnhancedElement, need } from './dom.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o?: { filters?: object }) => Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 20;
const TYPE_ORDER = ['Cloud', 'Dagger', 'Play', 'Claim', 'TCO', 'Triage', 'Blueprint', 'Kit', 'Source', 'FRD', 'Review', 'Signal', 'Person', 'Index'];
const STATUS_ORDER = ['sourced', 'measured', 'provisional', 'tbd', 'stale'];

export class SearchElement extends EnhancedElement {
  protected readonly what = 'Search';

  protected start(): Promise<void> {
    return start(this);
  }
}

async function start(root: HTMLElement) {
  const form = need(root, 'form[data-search]', HTMLFormElement);
  const input = need(root, 'input[type="search"]', HTMLInputElement, form);
  const details = need(root, '[data-filters]', HTMLDetailsElement, form);
  const groups = need(root, '[data-filter-groups]', HTMLElement, form);
  const summary = need(root, '[data-filter-summary]', HTMLElement, form);
  const status = need(root, '[data-status]', HTMLElement, form);
  const list = need(root, '[data-results]', HTMLOListElement, form);

  const path = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
  await pagefind.options({ ranking: SEARCH_RANKING });
  await pagefind.init();
  const all = await pagefind.filters();

  let state: SearchState = stateFromSearch(location.search);
  let run = 0;
  // Filters open beside the results on a wide screen; folded (one line) above them on a phone.
  const wide = window.matchMedia('(min-width: 56em)');
  details.open = wide.matches;

  function fill() {
    input.value = state.q;
  }

  function go(push: boolean) {
    const url = `${location.pathname}${searchFromState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void render();
  }

  function renderFilters(counts: Record<string, Record<string, number>>) {
    let active = 0;
    const html = SEARCH_FILTERS.map((f) => {
      const checked = state.filters[f.name] ?? [];
      active += checked.length;
      const order = f.name === 'type' ? TYPE_ORDER : f.name === 'claim status' ? STATUS_ORDER : [];
      const options = filterOptions(counts[f.name], checked, order);
      if (!options.length) return '';
      return `<fieldset><legend>${escapeHtml(f.label)}</legend>${options.map((o) => `<label><input type="checkbox" name="${escapeHtml(f.param)}" value="${escapeHtml(o.value)}" data-filter="${escapeHtml(f.name)}"${o.checked ? ' checked' : ''}> ${escapeHtml(o.value)} <span class="kit-search__count">${o.count}</span></label>`).join('')}</fieldset>`;
    }).join('');
    groups.innerHTML = html;
    details.hidden = html === '';
    summary.textContent = active ? `(${active} on)` : '';
  }

  async function render() {
    const mine = ++run;
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      list.innerHTML = '';
      status.textContent = '';
      renderFilters(all);
      return;
    }
    const search = await pagefind.search(state.q || null, { filters: pagefindFilters(state) });
    if (!search || mine !== run) return; // a newer search replaced this one
    const data = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (mine !== run) return;
    // Each group counts as if its own values were not checked (facets), so a second type or
    // cloud can still be added; other groups narrow it.
    const counts = { ...search.filters };
    for (const name of Object.keys(state.filters)) {
      const rest = { ...state, filters: { ...state.filters } };
      delete rest.filters[name];
      if (!state.q && !Object.keys(rest.filters).length) {
        counts[name] = all[name] ?? {};
        continue;
      }
      const other = await pagefind.search(state.q || null, { filters: pagefindFilters(rest) });
      if (other) counts[name] = other.filters[name] ?? {};
    }
    if (mine !== run) return;
    renderFilters(counts);
    const n = search.results.length;
    const what = state.q ? ` for “${state.q}”` : '';
    status.textContent = n ? `${plural(n, 'result')}${what}${n > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}` : `No results${what}${hasFilters ? ' with these filters' : ''}.`;
    list.innerHTML = data.map((d) => {
      const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 2);
      return `<li class="search-result"><a class="search-result__link" href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title ?? d.url)}</a>`
        + `<p class="search-result__excerpt">${d.excerpt}</p>`
        + (subs.length ? `<ul class="search-result__subs">${subs.map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></li>`).join('')}</ul>` : '')
        + '</li>';
    }).join('');
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, q: input.value.trim() };
      go(false);
    }, 200);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    state = { ...state, q: input.value.trim() };
    go(true);
  });
  groups.addEventListener('change', (e) => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement)) return;
    const name = box.dataset.filter;
    if (!name) return;
    const values = new Set(state.filters[name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...state.filters, [name]: [...values] };
    if (!values.size) delete filters[name];
    state = { ...state, filters };
    go(true);
  });
  window.addEventListener('popstate', () => {
    state = stateFromSearch(location.search);
    fill();
    void render();
  });

  fill();
  await render();
  form.dataset.ready = '';
}

defineElement('fk-search', SearchElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-search': SearchElement;
  }
}
