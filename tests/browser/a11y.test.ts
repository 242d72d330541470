/** axe-core, injected into the real pages, reports no violations. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = ['/', '/clouds/azure/', '/clouds/azure/dagger/', '/plays/checkpoint-storms-azure/', '/claims/azure/account-ingress/', '/search/?q=checkpoint', '/claims/', '/tco/', '/changes/', '/claims/azure/block-blob-max-size/'];

describe('accessibility (axe-core)', () => {
  for (const path of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} (${colorScheme}) has no violations`, async () => {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${path}`);
        if (path.startsWith('/search/')) await page.waitForSelector('.search-result');
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        expect(violations).toEqual([]);
        expect(page.errors).toEqual([]);
      });
    }
  }
});
