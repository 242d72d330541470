/**
 * Progressive enhancement for lists filtered without JavaScript (components/RowFilters.astro):
 * restores the checked filters and sort from the address (`/claims/?cloud=azure&sort=newest`) and
 * writes every change back, so the view can be linked. The filtering itself stays in CSS.
 * The helper is imported dynamically on purpose: Astro inlines a small script without imports
 * into the page, and the site's CSP (`script-src 'self'`) allows only script files.
 */
const { rowFilterSearch } = await import('../lib/site/row-filter.ts');
export {};

for (const root of document.querySelectorAll<HTMLElement>('[data-row-filter="url"]')) {
  const form = root.querySelector<HTMLElement>('.filters')!;
  const radios = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const params = new URLSearchParams(location.search);
  for (const r of radios) {
    const want = params.get(r.name.replace(/^f-/, ''));
    if (want !== null && r.value === want) r.checked = true;
  }
  form.addEventListener('change', () => {
    const checked = radios.filter((r) => r.checked).map((r) => ({ name: r.name, value: r.value, isDefault: r.defaultChecked }));
    history.replaceState(null, '', `${location.pathname}${rowFilterSearch(checked, location.search)}${location.hash}`);
  });
  root.dataset.ready = '';
}
