/**
 * Time travel: the internal edition built one and two years after the test date (by
 * `./fieldkit test`, into .fieldkit/editions/internal-plus-1y and -2y), when every entry is past
 * its review date. Everything that depends on the date is checked there: the build date, the
 * stale badges on the ledger, the claim pages and the claim links in prose, the home page's claim
 * health, and axe (light and dark) over every page type. Expected values come from the content
 * files and the dates, never from the code under test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extraBuilds, testDate } from '../../cli/test.ts';
import { ROOT } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './browser.ts';

const NOW = testDate(ROOT);
const LATER = extraBuilds(ROOT, NOW).filter((b) => b.audience === 'internal' && b.now !== NOW);

/** Claim files in the content: every one is stale a year after the newest content date. */
const CLAIM_FILES = readdirSync(join(ROOT, 'src', 'content', 'claims'), { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
/** Ids of the claims whose figure is TBD, read from their files. */
const TBD_CLAIMS = CLAIM_FILES
  .filter((f) => (parse(readFileSync(join(ROOT, 'src', 'content', 'claims', f), 'utf8')) as { metric: { value: unknown } }).metric.value === 'TBD')
  .map((f) => f.replace(/\.yaml$/, ''));

/** The page among `files` (built HTML, relative) with the most claim links in prose. */
function mostClaimLinks(dir: string, files: string[]): string[] {
  const count = (f: string) => readFileSync(join(dir, f), 'utf8').split('class="claim-ref__value"').length - 1;
  const best = files.map((f) => ({ f, n: count(f) })).sort((a, b) => b.n - a.n || a.f.localeCompare(b.f))[0];
  return best && best.n > 0 ? [`/${best.f.replace(/index\.html$/, '')}`] : [];
}

/**
 * One page of every type, from the build's own sitemap (so ids come from the content), plus the
 * 404 page. The cloud and play pages chosen are those with the most claim links in prose: their
 * stale badges are what broke axe.
 */
function pageTypes(dir: string): string[] {
  const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const first = (re: RegExp) => paths.filter((p) => re.test(p)).slice(0, 1);
  const html = (re: RegExp) => paths.filter((p) => re.test(p)).map((p) => `${p.slice(1)}index.html`);
  return [
    ...paths.filter((p) => /^\/[a-z]+\/$/.test(p) || p === '/'),
    ...mostClaimLinks(dir, html(/^\/clouds\/[^/]+\/$/)),
    ...mostClaimLinks(dir, html(/^\/plays\/[^/]+\/$/)),
    ...first(/^\/clouds\/[^/]+\/dagger\/$/),
    ...first(/^\/claims\/.+\/$/),
    ...first(/^\/sources\/[^/]+\/$/),
    ...first(/^\/tco\/[^/]+\/$/),
    ...first(/^\/frds\/[^/]+\/$/),
    ...first(/^\/reviews\/[^/]+\/$/),
    ...first(/^\/kits\/[^/]+\/$/),
    '/404.html',
  ];
}

it('the time-travel builds are dated one and two years after the test date', () => {
  const year = Number(NOW.slice(0, 4));
  expect(LATER.map((b) => b.now.slice(0, 4))).toEqual([String(year + 1), String(year + 2)]);
  for (const b of LATER) expect(b.now.slice(5, 7)).toBe(NOW.slice(5, 7));
});

for (const build of LATER) {
  describe(`internal edition on ${build.now}`, () => {
    if (!existsSync(join(build.outDir, 'index.html'))) throw new Error(`no time-travel build in ${build.outDir}: run ./fieldkit test (it builds it)`);
    const site = useSite(build.outDir);
    const CLOUD_WITH_LINKS = mostClaimLinks(build.outDir, readdirSync(join(build.outDir, 'clouds'), { recursive: true }).map(String).filter((f) => /^[^/]+\/index\.html$/.test(f)).map((f) => `clouds/${f}`))[0]!;

    it('says it was built on the moved date', async () => {
      const page = await site.page();
      await page.goto(`${site.url}/`);
      expect(await page.locator('.site-footer').innerText()).toContain(`built ${build.now}`);
    });

    it('the claims ledger marks every claim stale', async () => {
      const page = await site.page();
      await page.goto(`${site.url}/claims/`);
      const badges = await page.locator('main tbody[data-sort="ledger"] tr .badge').allInnerTexts(); // the default order (the others are the same rows, sorted)
      expect(badges).toHaveLength(CLAIM_FILES.length);
      expect(new Set(badges)).toEqual(new Set(['Stale']));
    });

    it('a stale TBD figure still reads TBD on the ledger, never blank or zero', async () => {
      expect(TBD_CLAIMS.length).toBeGreaterThan(0);
      const page = await site.page();
      await page.goto(`${site.url}/claims/`);
      for (const id of TBD_CLAIMS) {
        const row = page.locator('main tbody[data-sort="ledger"] tr', { has: page.locator(`a[href="/claims/${id}/"]`) });
        expect((await row.locator('td').nth(2).innerText()).trim(), id).toBe('TBD');
        expect((await row.locator('.badge').innerText()).trim(), id).toBe('Stale');
      }
    });

    it('the home page counts every claim as past its review date', async () => {
      const page = await site.page();
      await page.goto(`${site.url}/`);
      const stale = page.locator('.health li', { has: page.locator('.badge--stale') });
      expect(await stale.locator('strong').innerText()).toBe(`${CLAIM_FILES.length} claims`); // the count with its noun (plural helper)
    });

    it('a claim page says its review is overdue, and claim links in prose carry the stale badge', async () => {
      const page = await site.page();
      await page.goto(`${site.url}/claims/`);
      const href = await page.locator('main tbody tr a').first().getAttribute('href');
      await page.goto(`${site.url}${href}`);
      expect(await page.locator('main').innerText()).toContain('(overdue: re-check before quoting)');
      await page.goto(`${site.url}${CLOUD_WITH_LINKS}`);
      // Quiet references: the value reads as part of the sentence, a small marker says Stale.
      const refs = page.locator('main .claim-ref:not(.claim-ref--withheld)');
      expect(await refs.count()).toBeGreaterThan(0);
      expect(await refs.locator('.claim-ref__marker').count()).toBe(await refs.count());
      expect(new Set(await refs.locator('.claim-ref__marker').allInnerTexts())).toEqual(new Set(['Stale']));
    });

    it('claim links in text are underlined (distinguishable without colour), light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${CLOUD_WITH_LINKS}`);
        // The link of a claim reference is its footnote mark, to the claim page.
        const line = await page.locator('main .claim-ref__note a').first().evaluate((a) => getComputedStyle(a).textDecorationLine);
        expect(line, colorScheme).toBe('underline');
      }
    });

    for (const path of pageTypes(build.outDir)) {
      it(`${path} has no axe violations, light and dark`, async () => {
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await site.page({ colorScheme });
          await page.goto(`${site.url}${path}`);
          expect(await axeViolations(page), colorScheme).toEqual([]);
          expect(page.errors, colorScheme).toEqual([]);
          await page.context().close();
        }
      });
    }
  });
}
