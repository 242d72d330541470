/**
 * The customer-safe editions of the shipped content, built by `./fieldkit test` into
 * .fieldkit/editions/partner and /public: the navigation draws only sections that have pages in
 * the edition, every internal link lands on a built page, and the home page and each section
 * drawn pass axe, light and dark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraBuilds, testDate } from '../../cli/test.ts';
import { ROOT } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './browser.ts';

const EDITIONS = extraBuilds(ROOT, testDate(ROOT)).filter((b) => b.audience !== 'internal');

for (const build of EDITIONS) {
  describe(`${build.audience} edition`, () => {
    if (!existsSync(join(build.outDir, 'index.html'))) throw new Error(`no ${build.audience} build in ${build.outDir}: run ./fieldkit test (it builds it)`);
    const html = readdirSync(build.outDir, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    const nav = [...(/<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const site = useSite(build.outDir);

    it('draws only sections that have an entry page in this edition', () => {
      expect(nav.length).toBeGreaterThan(0);
      for (const href of nav) {
        // A section index plus at least one page under it (kits are one per cloud).
        expect(html.filter((f) => `/${f}`.startsWith(href) && `/${f}` !== `${href}index.html`).length, href).toBeGreaterThan(0);
      }
    });

    it('every internal link lands on a page of this edition', () => {
      const broken: string[] = [];
      for (const f of html) {
        for (const m of readFileSync(join(build.outDir, f), 'utf8').matchAll(/href="(\/[^"#?]*)/g)) {
          const target = m[1]!.endsWith('/') ? `${m[1]}index.html` : m[1]!;
          if (!existsSync(join(build.outDir, target))) broken.push(`${f} -> ${m[1]}`);
        }
      }
      expect(broken).toEqual([]);
    });

    for (const path of ['/', ...nav]) {
      it(`${path} has no axe violations, light and dark`, async () => {
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await site.page({ colorScheme });
          await page.goto(`${site.url}${path}`);
          expect(await page.locator('.audience').innerText()).toMatch(new RegExp(`${build.audience} edition`, 'i'));
          expect(await axeViolations(page), colorScheme).toEqual([]);
          expect(page.errors, colorScheme).toEqual([]);
          await page.context().close();
        }
      });
    }
  });
}
