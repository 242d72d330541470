/** The search page: state in the address, filters that only offer what has results, results first on a phone. */
import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';
import { axeViolations } from './axe.ts';


const site = useSite();

type P = Awaited<ReturnType<typeof site.page>>;
const ready = (page: P) => page.waitForSelector('form[data-search][data-ready]');
const titles = (page: P) => page.locator('.search-result__link').allTextContents();
const box = (page: P, param: string, value: string) => page.locator(`[data-filter-groups] input[name="${param}"][value="${value}"]`);
const query = (page: P) => new URL(page.url()).searchParams;

describe('search state in the address', () => {
  it('restores query and filters from the URL and shows only matching results', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/?q=checkpoint&type=Play&cloud=Azure`);
    await ready(page);
    expect(await page.locator('#search-q').inputValue()).toBe('checkpoint');
    expect(await box(page, 'type', 'Play').isChecked()).toBe(true);
    expect(await box(page, 'cloud', 'Azure').isChecked()).toBe(true);
    const t = await titles(page);
    expect(t.length).toBeGreaterThan(0);
    for (const title of t) expect(title).toMatch(/^Play · (.*, )?Azure(, .*)?: /);
    expect(t[0]).toBe('Play · Azure: Checkpoint storms on Azure');
    expect(page.errors).toEqual([]);
  });

  it('a filter change adds a history entry; Back restores the previous filters and results', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/?q=checkpoint`);
    await ready(page);
    const before = await titles(page);
    expect(before.some((x) => x.startsWith('Claim'))).toBe(true);
    await box(page, 'type', 'Play').check();
    await page.waitForURL((u) => u.searchParams.getAll('type').includes('Play'));
    expect(query(page).get('q')).toBe('checkpoint');
    await page.waitForFunction(() => [...document.querySelectorAll('.search-result__link')].every((a) => a.textContent!.startsWith('Play')));
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('type'));
    await page.waitForFunction(() => [...document.querySelectorAll('.search-result__link')].some((a) => a.textContent!.startsWith('Claim')));
    expect(await box(page, 'type', 'Play').isChecked()).toBe(false);
    expect(await titles(page)).toEqual(before);
  });

  it('typing updates the query in the URL; submitting and the header form land on the same address', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/`);
    await ready(page);
    await page.locator('#search-q').fill('bedrock');
    await page.waitForURL((u) => u.searchParams.get('q') === 'bedrock');
    await page.waitForSelector('.search-result__link');
    expect(await titles(page)).toContain('Play · AWS: Amazon Bedrock - the data layer behind Knowledge Bases and customization');
    await page.locator('#site-q').fill('vertex');
    await page.locator('#site-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=vertex$/);
    await ready(page);
    expect(await page.locator('#search-q').inputValue()).toBe('vertex');
  });
});

describe('filters', () => {
  it('offer the schema-derived groups, and no value without results', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/?q=latency`);
    await ready(page);
    await page.waitForSelector('.search-result__link');
    const legends = await page.locator('[data-filter-groups] legend').allTextContents();
    for (const f of ['Type', 'Cloud', 'Claim status', 'Category']) expect(legends).toContain(f);
    const counts = (await page.locator('.kit-search__count').allTextContents()).map(Number);
    expect(counts.length).toBeGreaterThan(0);
    for (const n of counts) expect(n).toBeGreaterThan(0);
    // Types that no page about "latency" has are not offered.
    const offered = await page.locator('[data-filter-groups] input[name="type"]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    const indexed = Object.keys(((await page.evaluate(`import('/pagefind/pagefind.js').then((pf) => pf.filters())`)) as Record<string, Record<string, number>>).type!);
    expect(offered).toContain('Claim');
    for (const v of offered) expect(indexed).toContain(v);
    expect(offered.length).toBeLessThan(indexed.length);
  });

  it('narrowing to plays hides the claim-only groups; a checked value stays offered', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/?q=checkpoint&type=Play`);
    await ready(page);
    const legends = await page.locator('[data-filter-groups] legend').allTextContents();
    expect(legends).not.toContain('Claim status');
    expect(legends).not.toContain('Category');
    // Type counts ignore the type filter itself, so a second type can be added.
    expect(await box(page, 'type', 'Claim').count()).toBe(1);
  });
});

describe('on a phone (375 x 667)', () => {
  it('the first result is above the fold and the filters are folded', async () => {
    const page = await site.page({ width: 375, height: 667 });
    await page.goto(`${site.url}/search/?q=checkpoint`);
    await ready(page);
    const first = await page.locator('.search-result').first().boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y).toBeLessThan(667);
    expect(await page.locator('[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('has no axe violations with the filters folded and unfolded', async () => {
    const page = await site.page({ width: 375, height: 667 });
    await page.goto(`${site.url}/search/?q=latency&type=Claim`);
    await ready(page);
    const run = () => axeViolations(page);
    expect(await run()).toEqual([]);
    await page.locator('[data-filters] summary').click();
    expect(await page.locator('[data-filter-groups] input[name="type"][value="Claim"]').isVisible()).toBe(true);
    expect(await run()).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
