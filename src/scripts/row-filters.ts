/**
 * `<fk-filters>` around a list filtered without JavaScript (components/RowFilters.astro, with
 * `urlState`): restores the checked filters and sort from the address
 * (`/claims/?cloud=azure&sort=newest`) and writes every change back, so the view can be linked.
 * The filtering itself stays in CSS. `data-ready` on the `[data-row-filter]` wrapper says it started.
 */
import { rowFilterSearch } from '../lib/site/row-filter.ts';
import { defineElement, EnhancedElement, need } from './dom.ts';

export class FiltersElement extends EnhancedElement {
  protected readonly what = 'The filters';

  protected start(): void {
    const root = need(this, '[data-row-filter]');
    const form = need(this, '.filters', HTMLElement, root);
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
}

defineElement('fk-filters', FiltersElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-filters': FiltersElement;
  }
}
