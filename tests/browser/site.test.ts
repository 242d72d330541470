/** The site an SE opens: navigation, search with filters, small screens, keyboard, no needless JS. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { useSite } from './browser.ts';

const site = useSite();
const DIST = join(ROOT, 'dist');

describe('navigation', () => {
  it('home -> cloud -> play -> claim -> source, with breadcrumbs', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: 'Microsoft Azure' }).click();
    await page.waitForURL(/\/clouds\/azure\/$/);
    const play = page.locator('#plays + ul a').first();
    const playTitle = (await play.textContent())!.trim();
    await play.click();
    await page.waitForURL(/\/plays\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(playTitle);
    expect(await page.locator('nav.breadcrumbs a').allTextContents()).toEqual(['Home', 'Clouds', 'Azure', 'Plays']);
    const proof = page.locator('.claim-line__statement a').first();
    const statement = (await proof.textContent())!.trim();
    await proof.click();
    await page.waitForURL(/\/claims\/azure\//);
    expect((await page.locator('h1').textContent())!.trim()).toBe(statement);
    // The claim page shows where it is used, including the play we came from.
    expect(await page.locator('h2:has-text("Used by") + ul').textContent()).toContain(playTitle);
    const source = page.locator('h2:has-text("Sources") + ol a').first();
    const sourceTitle = (await source.textContent())!.trim();
    await source.click();
    await page.waitForURL(/\/sources\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(sourceTitle);
    expect(await page.locator('dl.facts a[href^="https://"]').count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it('pages of one cloud carry its sections: strategy, dagger, plays, claims, FRDs, kit', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/azure/account-ingress/`);
    const nav = page.getByRole('navigation', { name: 'Azure sections' });
    const labels = (await nav.locator('a').allTextContents()).map((t) => t.replace(/ \(\d+\)$/, ''));
    expect(labels).toEqual(['Strategy', 'Dagger', 'Plays', 'Claims', 'FRDs', 'Printable kit']);
    await nav.getByRole('link', { name: /^Claims/ }).click();
    await page.waitForURL(/\/clouds\/azure\/#claims$/);
    expect(await page.locator('#claims').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Azure sections' }).locator('[aria-current="page"]').textContent()).toBe('Strategy');
  });

  it('every claim shows value, status badge and as-of date the same way; TBD is never blank or zero', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/`);
    const rows = page.locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(22);
    for (let i = 0; i < n; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[2]!.trim()).not.toBe('');
      expect(cells[2]!.trim()).not.toMatch(/^0(\s|$)/);
      expect(['Sourced', 'Measured', 'Provisional', 'TBD', 'Stale']).toContain(cells[3]!.trim());
    }
    const tbd = page.locator('tbody tr', { has: page.locator('.badge--tbd') }).first();
    expect((await tbd.locator('td').nth(2).textContent())!.trim()).toBe('TBD');
  });
});

describe('search', () => {
  it('"checkpoint", filtered to Azure plays, lands on the Azure checkpoint play', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    await page.locator('#site-q').fill('checkpoint');
    await page.locator('#site-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=checkpoint/);
    await page.waitForSelector('.search-result');
    await page.locator('[data-filter-groups] input[name="cloud"][value="Azure"]').check();
    await page.locator('[data-filter-groups] input[name="type"][value="Play"]').check();
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('.search-result__link')];
      return titles.length > 0 && titles.every((t) => t.textContent!.startsWith('Play'));
    });
    const titles = await page.locator('.search-result__link').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    for (const t of titles) expect(t).toMatch(/^Play · (.*, )?Azure(, .*)?: /);
    const first = page.locator('.search-result__link').first();
    await first.click();
    await page.waitForURL(/\/plays\/checkpoint-storms-azure\/$/);
    expect(await page.locator('h1').textContent()).toMatch(/checkpoint/i);
  });

  it('offers the schema-derived filters', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/?q=azure`);
    await page.waitForSelector('[data-filter-groups] legend');
    const names = await page.locator('[data-filter-groups] legend').allTextContents();
    for (const f of ['Type', 'Cloud', 'Claim status', 'Category']) expect(names).toContain(f);
  });
});

describe('small screens, keyboard, themes', () => {
  for (const path of ['/', '/clouds/azure/', '/plays/checkpoint-storms-azure/', '/claims/', '/claims/azure/account-ingress/', '/sources/', '/frds/', '/triage/']) {
    it(`${path} fits 375 px without horizontal scrolling`, async () => {
      const page = await site.page({ width: 375, height: 800 });
      await page.goto(`${site.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
  }

  it('the first Tab reaches the skip link, which is visible when focused', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/clouds/azure/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, left: r.left, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.text).toBe('Skip to content');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  });

  it('follows the system dark preference', async () => {
    const light = await site.page({ colorScheme: 'light' });
    const dark = await site.page({ colorScheme: 'dark' });
    await light.goto(`${site.url}/`);
    await dark.goto(`${site.url}/`);
    const bg = (p: typeof light) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg(light)).toBe('rgb(255, 255, 255)');
    expect(await bg(dark)).toBe('rgb(13, 17, 23)');
  });
});

describe('no third-party resources', () => {
  it('pages (search included) request nothing but the site itself', async () => {
    const page = await site.page();
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    for (const p of ['/', '/clouds/azure/', '/claims/azure/account-ingress/', '/search/?q=azure']) {
      await page.goto(`${site.url}${p}`);
      await page.waitForLoadState('networkidle');
    }
    expect(foreign).toEqual([]);
  });
});

describe('JavaScript only where it earns its place', () => {
  const scripts = (path: string) => {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    return html.match(/<script\b/g)?.length ?? 0;
  };
  it('text pages ship no script', () => {
    for (const p of ['', 'clouds/azure', 'plays/checkpoint-storms-azure', 'sources', 'frds']) expect(scripts(p), p).toBe(0);
    // The ledger filters without JavaScript; one small script only keeps the choice in the address.
    expect(scripts('claims'), 'claims').toBe(1);
  });
  it('search loads Pagefind only on the search page', () => {
    expect(scripts('search')).toBeGreaterThan(0);
    expect(readFileSync(join(DIST, 'clouds/azure/index.html'), 'utf8')).not.toContain('pagefind-ui.js');
  });
});
