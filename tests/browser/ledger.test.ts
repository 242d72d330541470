/** The claims ledger: filters and sort without JavaScript, and in the address when JavaScript runs. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();

interface Row { cloud: string; status: string; category: string; rank: string; asOf: string; href: string }

/** The rows a reader sees, in order, as the data attributes and cells say. */
const visibleRows = (page: Page): Promise<Row[]> => page.locator('.ledger-table tbody tr').evaluateAll((trs) => trs
  .filter((tr) => (tr as HTMLElement).offsetParent !== null)
  .map((tr) => ({
    cloud: tr.getAttribute('data-cloud')!, status: tr.getAttribute('data-status')!, category: tr.getAttribute('data-category')!, rank: tr.getAttribute('data-rank')!,
    asOf: tr.querySelectorAll('td')[4]!.textContent!.trim(), href: tr.querySelector('a')!.getAttribute('href')!,
  })));

describe('claims ledger without JavaScript', () => {
  it('draws its filters as the FRD list does: a search landmark styled as one panel', async () => {
    for (const [path, name] of [['/claims/', 'Filter and sort claims'], ['/frds/', 'Filter FRDs']] as const) {
      const ctx = await site.browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${site.url}${path}`);
      const filters = page.getByRole('search', { name });
      await expect(filters.count(), path).resolves.toBe(1);
      // The shared panel styles (styles/row-filters.css): a flex row, legends beside their radios, not a browser fieldset.
      expect(await filters.evaluate((el) => getComputedStyle(el).display), path).toBe('flex');
      expect(await filters.locator('legend').first().evaluate((el) => getComputedStyle(el).float), path).toBe('left');
      await ctx.close();
    }
  });

  it('filters by cloud, status, category and dagger rank, and sorts by as-of date', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/claims/`);
    const all = await visibleRows(page);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((r) => r.href)).size).toBe(all.length); // each claim once
    const check = (group: string, value: string) => page.locator(`input[name="f-${group}"][value="${value}"]`).check();

    await check('cloud', 'azure');
    const azure = await visibleRows(page);
    expect(azure.length).toBe(all.filter((r) => r.cloud === 'azure').length);
    expect(azure.length).toBeGreaterThan(0);
    await check('category', 'throughput');
    expect(await visibleRows(page)).toEqual(all.filter((r) => r.cloud === 'azure' && r.category === 'throughput'));
    await check('status', 'sourced');
    expect(await visibleRows(page)).toEqual(all.filter((r) => r.cloud === 'azure' && r.category === 'throughput' && r.status === 'sourced'));
    for (const g of ['cloud', 'category', 'status']) await check(g, '');

    await check('rank', '1');
    const firsts = await visibleRows(page);
    expect(firsts.map((r) => r.href).sort()).toEqual(all.filter((r) => r.rank === '1').map((r) => r.href).sort());
    expect(firsts.length).toBeGreaterThanOrEqual(3);
    await check('rank', '');

    await page.locator('input[name="f-sort"][value="newest"]').check();
    const newest = await visibleRows(page);
    expect(newest.map((r) => r.href).sort()).toEqual(all.map((r) => r.href).sort());
    const dated = newest.filter((r) => r.asOf !== '—').map((r) => r.asOf);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(newest.slice(dated.length).every((r) => r.asOf === '—')).toBe(true); // undated claims last
    await page.locator('input[name="f-sort"][value="oldest"]').check();
    const oldest = (await visibleRows(page)).filter((r) => r.asOf !== '—').map((r) => r.asOf);
    expect(oldest).toEqual([...oldest].sort());
    expect(oldest[0]! < oldest.at(-1)!).toBe(true);
    await ctx.close();
  });
});

describe('claims ledger with JavaScript', () => {
  it('a link with filters and sort opens the ledger filtered and sorted', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/?cloud=aws&sort=oldest`);
    await page.waitForSelector('[data-row-filter][data-ready]');
    expect(await page.locator('input[name="f-cloud"][value="aws"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="f-sort"][value="oldest"]').isChecked()).toBe(true);
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.cloud === 'aws')).toBe(true);
    const dated = rows.filter((r) => r.asOf !== '—').map((r) => r.asOf);
    expect(dated).toEqual([...dated].sort());
    expect(page.errors).toEqual([]);
  });

  it('choosing a filter writes it into the address; All and the default sort take it out', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/`);
    await page.waitForSelector('[data-row-filter][data-ready]');
    await page.locator('input[name="f-status"][value="tbd"]').check();
    await page.waitForURL((u) => u.searchParams.get('status') === 'tbd');
    await page.locator('input[name="f-sort"][value="newest"]').check();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest' && u.searchParams.get('status') === 'tbd');
    await page.locator('input[name="f-status"][value=""]').check();
    await page.locator('input[name="f-sort"][value="ledger"]').check();
    await page.waitForURL((u) => u.search === '');
    expect(page.errors).toEqual([]);
  });
});
