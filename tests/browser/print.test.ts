/**
 * The print stylesheet in Chromium with print emulation (issue 6): at the width of a printed page
 * nothing is wider than the page, the site's chrome is hidden, the light theme is forced, and the
 * dagger slide fits its one landscape page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './browser.ts';
import { axeViolations } from './axe.ts';

const site = useSite();

// CSS px are 1/96 in. The print stylesheet's margins are 16mm 14mm 18mm, so the content box of a
// page is (210 − 28) mm = 688 px wide on A4 and (215.9 − 28) mm = 710 px on US Letter; the dagger
// page is 13.333 in − 2 × 0.4 in = 12.533 in = 1203 px wide and 7.5 − 0.8 = 6.7 in = 643 px high.
const A4 = { width: 688, height: 971 };
const LETTER = { width: 710, height: 907 };
const DAGGER = { width: 1203, height: 643 };

async function printPage(path: string, size: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') {
  const page = await site.page({ ...size, colorScheme });
  const res = await page.goto(`${site.url}${path}`);
  expect(res?.status()).toBe(200);
  await page.emulateMedia({ media: 'print', colorScheme });
  return page;
}

/** Elements (in main) whose box reaches past the right edge of the page, as short descriptions. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > limit) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      offenders: out.slice(0, 10),
    };
  });
}

async function chromeHidden(page: Page) {
  for (const sel of ['.site-header', '.site-nav', '.search-form', '.breadcrumbs', '.skip']) {
    const loc = page.locator(sel);
    if ((await loc.count()) === 0) continue;
    expect(await loc.first().isVisible(), `${sel} is printed`).toBe(false);
  }
}

describe('print stylesheet', () => {
  for (const [name, size] of [['A4', A4], ['US Letter', LETTER]] as const) {
    it(`the Azure kit fits the width of a ${name} page, without nav or search`, async () => {
      const page = await printPage('/kits/azure/', size);
      const o = await overflowing(page);
      expect(o.offenders).toEqual([]);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      await chromeHidden(page);
      expect(await page.locator('.kit-actions').isVisible()).toBe(false);
      // the document itself is there: cover, contents, every part, sources
      for (const id of ['cover', 'contents', 'strategy', 'plays', 'dagger', 'claims', 'tco', 'sources']) {
        expect(await page.locator(`#${id}`).isVisible(), `#${id}`).toBe(true);
      }
      expect(page.errors).toEqual([]);
    });
  }

  it('the dagger page is one slide that fits its landscape page', async () => {
    const page = await printPage('/clouds/azure/dagger/', DAGGER);
    const o = await overflowing(page);
    expect(o.offenders).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    await chromeHidden(page);
    const fit = await page.evaluate(() => {
      const body = document.querySelector('.dagger__body')!;
      const content = document.querySelector('.dagger__content')!;
      const slide = document.querySelector('.dagger')!.getBoundingClientRect();
      return {
        contentHeight: content.scrollHeight,
        room: body.clientHeight,
        slideHeight: slide.height,
        slideWidth: slide.width,
        page: getComputedStyle(document.querySelector('.dagger-frame')!).getPropertyValue('page'),
        footer: getComputedStyle(document.querySelector('.site-footer')!).display,
      };
    });
    expect(fit.page).toBe('dagger');
    expect(fit.contentHeight).toBeLessThanOrEqual(fit.room);
    expect(fit.slideHeight).toBeLessThanOrEqual(DAGGER.height);
    expect(fit.slideWidth).toBeLessThanOrEqual(DAGGER.width);
    expect(fit.footer).toBe('none');
    expect(await page.locator('.dagger__gap').count()).toBe(3);
    expect(page.errors).toEqual([]);
  });

  it('the dagger page on a narrow screen is a plain page, not a shrunken slide', async () => {
    const page = await site.page({ width: 390, height: 800 });
    await page.goto(`${site.url}/clouds/azure/dagger/`);
    const o = await overflowing(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.dagger__statement')!).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
  });

  it('prints light even when the system is dark', async () => {
    const page = await printPage('/kits/azure/', A4, 'dark');
    const colors = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    expect(colors).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)' });
  });

  it('prints external links with their URL, except where the text is the URL', async () => {
    const page = await printPage('/kits/azure/', A4);
    const after = await page.evaluate(() => {
      const a = document.querySelector('.kit-sources a.url')!;
      return getComputedStyle(a, '::after').content;
    });
    expect(after).toBe('none');
    const source = await printPage('/sources/azure-blob-scale-targets/', A4);
    const printed = await source.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('main a[href^="http"]:not(.url)')!;
      return { href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content };
    });
    expect(printed.href).toMatch(/^https?:/);
    expect(printed.after).toContain(printed.href);
  });
});

describe('kit pages on screen', () => {
  for (const path of ['/kits/', '/kits/azure/']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} (${colorScheme}) has no axe violations and no script errors`, async () => {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${path}`);
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        expect(page.errors).toEqual([]);
      });
    }
  }
});
