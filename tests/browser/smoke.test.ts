import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();

describe('built site in Chromium', () => {
  it('home page loads, shows the clouds and claim health, with no script errors', async () => {
    const page = await site.page();
    const res = await page.goto(`${site.url}/`);
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Home · Fieldkit');
    expect(await page.locator('h1').textContent()).toBe('Multi-cloud field kit');
    expect(await page.locator('main .card h3 a').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.health li').count()).toBe(5);
    expect(page.errors).toEqual([]);
  });

  it('a claim page is titled by its metric and cloud, a long one cut after a whole word', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/azure/account-ingress/`);
    // metric.name in src/content/claims/azure/account-ingress.yaml; Azure's `short` name.
    await expect(page.title()).resolves.toBe('Default max ingress per storage account · Azure claim · Fieldkit');
    await page.goto(`${site.url}/claims/gcp/initial-read-rate/`);
    // "Initial object read capacity per bucket (includes listing and metadata)" is too long for 70 characters.
    await expect(page.title()).resolves.toBe('Initial object read capacity per bucket… · GCP claim · Fieldkit');
  });

  it('an entry page opens from the home page: cloud -> claim', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    await page.locator('main .card h3 a', { hasText: 'Azure' }).first().click();
    await page.waitForURL(/\/clouds\/azure\/$/);
    expect(await page.locator('h1').textContent()).toContain('Azure');
    const claim = page.locator('#claims ~ ul.claims .claim-line__statement a').first();
    const statement = (await claim.textContent())!.trim();
    await claim.click();
    await page.waitForURL(/\/claims\/azure\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(statement);
    expect(await page.locator('.badge').first().isVisible()).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('an unknown address gets the 404 page', async () => {
    const page = await site.page();
    const res = await page.goto(`${site.url}/no/such/page/`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });
});
