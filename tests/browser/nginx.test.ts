/**
 * The nginx configuration in deploy/ serves the built site with the promised headers on every
 * location, and under its CSP (no 'unsafe-inline') every page type runs in Chromium with zero
 * violations while its scripts still work: search, the TCO calculator, the triage verdict.
 */
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../cli/chromium.ts';
import { ROOT } from '../helpers.ts';
import { cspEvents, SECURITY_HEADERS, startNginx, watchedPage, type Nginx, type WatchedPage } from './nginx.ts';

let nginx: Nginx;
let browser: Browser;
let base = '';

beforeAll(async () => {
  nginx = await startNginx(join(ROOT, 'dist'));
  base = nginx.url;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  nginx?.stop();
});

async function open(path: string): Promise<WatchedPage> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(ctx);
  const r = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(r?.status(), path).toBe(200);
  return page;
}

/** No CSP violation and no script error, by both the page's listener and the console. */
async function expectClean(page: WatchedPage, path: string) {
  // Let late work (fonts.ready, Pagefind's fetches) happen before counting.
  await page.waitForLoadState('networkidle');
  expect([...(await cspEvents(page)), ...page.violations], `CSP violations on ${path}`).toEqual([]);
  expect(page.errors, `script errors on ${path}`).toEqual([]);
}

describe('deploy/nginx.conf', () => {
  it('serves the home page with no-cache and security headers', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Multi-cloud field kit');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('server')).toBe('nginx');
  });

  it('allows no inline script or style in the CSP, only WebAssembly for search', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy')!;
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive('style-src')).toBe("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sends the full header set on every location: pages, /_astro/, /pagefind/, 404', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const asset = /(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const home = await fetch(`${base}/`);
    for (const path of ['/', '/clouds/azure/', asset!, '/pagefind/pagefind-ui.js', '/pagefind/pagefind-entry.json', '/no/such/page/']) {
      const r = await fetch(`${base}${path}`);
      for (const h of SECURITY_HEADERS) {
        expect(r.headers.get(h), `${h} on ${path}`).toBe(home.headers.get(h));
        expect(r.headers.get(h), `${h} on ${path}`).toBeTruthy();
      }
    }
  });

  it('caches hashed assets for a year', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const asset = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const r = await fetch(`${base}${asset}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves directory pages without a trailing slash problem, 404s with the site page, and never lists a folder', async () => {
    const page = await fetch(`${base}/clouds/azure/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Without the slash: the same page (try_files finds its index.html), not a redirect or a 404
    for (const path of ['/clouds/azure', '/plays', '/claims']) {
      const r = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-security-policy'), path).toBe(page.headers.get('content-security-policy'));
    }
    expect(await (await fetch(`${base}/clouds/azure`, { redirect: 'manual' })).text()).toBe(html);
    // A folder without a page: nginx redirects to the slash on this same server and port, which is a 404
    const bare = await fetch(`${base}/_astro`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${base}/_astro/`);
    const missing = await fetch(`${base}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    const folder = await fetch(`${base}/_astro/`);
    expect(folder.status).toBe(404);
  });
});

describe('every page type under the CSP', () => {
  it.each([
    '/', '/clouds/azure/', '/clouds/azure/dagger/', '/plays/checkpoint-storms-azure/', '/claims/azure/checkpoint-write-throughput/',
    '/claims/', '/tco/ai-data-lake-10pb/', '/triage/', '/frds/', '/kits/', '/kits/azure/',
  ])('%s: no violation, no script error', async (path) => {
    const page = await open(path);
    await expectClean(page, path);
    await page.context().close();
  });

  it('search with a query returns results', async () => {
    const page = await open('/search/?q=azure');
    await page.waitForSelector('.search-result', { timeout: 20_000 });
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    await expectClean(page, '/search/?q=azure');
    await page.context().close();
  });

  it('the TCO calculator recomputes', async () => {
    const page = await open('/tco/ai-training-tier-1pb/');
    const price = page.locator('input[name="ssd.pricePerTB"]');
    await price.fill('1');
    await expect.poll(() => page.locator('.tco-tipping').getAttribute('data-cheaper')).toBe('ssd');
    await price.fill('1000000');
    await expect.poll(() => page.locator('.tco-tipping').getAttribute('data-cheaper')).toBe('hdd');
    await expectClean(page, '/tco/');
    await page.context().close();
  });

  it('the triage tool gives a verdict', async () => {
    const page = await open('/triage/');
    await page.waitForSelector('[data-triage][data-live]');
    const verdict = () => page.locator('[data-region="verdict"] .tv').getAttribute('data-verdict');
    expect(await verdict()).toBe('incomplete');
    // Answer every choice question with its first choice and every number question with 500.
    for (const q of await page.locator('li.tq').all()) {
      const choice = q.locator('input[type="radio"]').first();
      if (await choice.count()) await choice.check();
      else await q.locator('input[inputmode="decimal"]').fill('500');
    }
    await expect.poll(verdict).not.toBe('incomplete');
    expect(['green', 'yellow', 'red']).toContain(await verdict());
    await expectClean(page, '/triage/');
    await page.context().close();
  });

  it('the dagger page has its print button wired without inline handlers', async () => {
    const page = await open('/clouds/azure/dagger/');
    await expect.poll(() => page.locator('[data-print]').getAttribute('data-print-ready')).toBe('1');
    expect(await page.locator('[onclick]').count()).toBe(0);
    await expectClean(page, '/clouds/azure/dagger/');
    await page.context().close();
  });
});
