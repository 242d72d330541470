/**
 * The printable kits (/kits/<cloud>/) repeat the text of the cloud, play and claim pages; search
 * must answer with those pages, never with a kit. Queries whose words are in every kit are run
 * in Chromium against the built Pagefind index; no result may be a kit page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtKits } from '../../cli/pdf.ts';
import { ROOT } from '../helpers.ts';
import { useSite } from './browser.ts';

const site = useSite();
// Phrases from the kit template (cover, dagger, claims section) and from the content it repeats.
const QUERIES = ['field kit', 'presenter notes', 'evidence ledger', 'checkpoint', 'dagger'];

describe('kit pages and search', () => {
  it('every query word is in every kit page (so the index could return them)', () => {
    const kits = builtKits(join(ROOT, 'dist'));
    expect(kits.length).toBeGreaterThanOrEqual(3);
    for (const cloud of kits) {
      const text = readFileSync(join(ROOT, 'dist', 'kits', cloud, 'index.html'), 'utf8').toLowerCase();
      for (const q of QUERIES) for (const w of q.split(' ')) expect(text, `${cloud}: ${w}`).toContain(w);
    }
  });

  it('never returns a kit page, and still finds the list of kits', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/`);
    // A string, so Vitest does not rewrite the browser's dynamic import.
    const found = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const out = {};
      for (const q of ${JSON.stringify(QUERIES)}) {
        const s = await pf.search(q);
        out[q] = await Promise.all(s.results.map(async (r) => (await r.data()).url));
      }
      return out;
    })()`)) as Record<string, string[]>;
    const kits = Object.entries(found).flatMap(([q, urls]) => urls.filter((u) => /^\/kits\/[^/]+\/$/.test(u)).map((u) => `"${q}" -> ${u}`));
    expect(kits).toEqual([]);
    expect(found['checkpoint']!.length).toBeGreaterThan(0);
    expect(found['field kit']).toContain('/kits/');
    expect(page.errors).toEqual([]);
  });
});
