/** axe-core, injected into the real pages, reports no violations. */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './browser.ts';

const site = useSite();

const PAGES = ['/', '/clouds/azure/', '/clouds/aws/', '/clouds/azure/dagger/', '/plays/checkpoint-storms-azure/', '/claims/azure/account-ingress/', '/search/?q=checkpoint', '/claims/', '/tco/', '/changes/', '/claims/azure/block-blob-max-size/'];

describe('accessibility (axe-core)', () => {
  for (const path of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} (${colorScheme}) has no violations`, async () => {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${path}`);
        if (path.startsWith('/search/')) await page.waitForSelector('.search-result');
        expect(await axeViolations(page)).toEqual([]);
        expect(page.errors).toEqual([]);
      });
    }
  }
});
