/**
 * The search page: Pagefind's UI (loaded before this by /pagefind/pagefind-ui.js, a classic
 * script; module scripts run after it) on #search, with `?q=` searched at once.
 */
declare const PagefindUI: new (opts: Record<string, unknown>) => { triggerSearch(q: string): void };

const q = new URLSearchParams(location.search).get('q') ?? '';
const ui = new PagefindUI({
  element: '#search', showSubResults: true, showImages: false, resetStyles: false,
  openFilters: ['type', 'cloud', 'claim status'],
});
document.querySelector('.pagefind-ui__search-input')?.setAttribute('aria-label', 'Search the kit');
if (q) ui.triggerSearch(q);
