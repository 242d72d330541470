/**
 * The benchmark's generator: deterministic for a seed, valid for the real validator, and plainly
 * synthetic everywhere. And the page weigher counts a page's JavaScript once per module.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, floorFiles, generateKit } from '../../bench/generate.ts';
import { weighSite } from '../../cli/bench.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { COLLECTIONS as ALL_COLLECTIONS } from '../../src/schemas/index.ts';
import { WRITTEN_BY_COMMAND } from '../../src/lib/scaffold/skeleton.ts';

/** Measurements come with raw tool output (fieldkit measure import); the synthetic kit has none. */
const COLLECTIONS = ALL_COLLECTIONS.filter((c) => !WRITTEN_BY_COMMAND[c.name]);

const NOW = '2026-11-26';

describe('bench generator', () => {
  const kit = generateKit({ n: 50, seed: 7, now: NOW });

  it('is deterministic for a seed, and the seed matters', () => {
    const again = generateKit({ n: 50, seed: 7, now: NOW });
    expect(again.entries.map((e) => [e.path, e.text])).toEqual(kit.entries.map((e) => [e.path, e.text]));
    const other = generateKit({ n: 50, seed: 8, now: NOW });
    expect(other.entries.map((e) => e.text)).not.toEqual(kit.entries.map((e) => e.text));
  });

  it('writes N entries across every collection, with zero problems from the validator', () => {
    expect(kit.entries).toHaveLength(50);
    expect(Object.keys(kit.counts).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
    for (const c of COLLECTIONS) expect(kit.entries.some((e) => e.collection === c.name)).toBe(true);
    const r = validateContent(kit.entries.map((e) => ({ path: e.path, text: e.text })), { now: NOW });
    expect(r.problems).toEqual([]);
    expect(r.snapshot.claims.length).toBe(kit.counts.claims);
  });

  it('says it is synthetic everywhere, and no number poses as real', () => {
    for (const e of kit.entries) {
      expect(e.title).toMatch(/^Synthetic/);
      expect(e.path).toMatch(/^src\/content\//);
    }
    const sources = new Map(kit.entries.filter((e) => e.collection === 'sources').map((e) => [e.id, e.data]));
    for (const s of sources.values()) expect(s.title).toMatch(/^Synthetic benchmark source /);
    for (const c of kit.entries.filter((e) => e.collection === 'claims')) {
      const d = c.data as { status: string; sources?: string[]; metric: { qualifier: string } };
      expect(['tbd', 'provisional', 'sourced']).toContain(d.status);
      if (d.status === 'sourced') expect(d.sources!.every((id) => sources.has(id))).toBe(true);
      expect(d.metric.qualifier).toContain('synthetic');
    }
  });

  it('sizes prose like the real kit: 400–800 words, a GFM table, lists and claim links', () => {
    const prose = kit.entries.filter((e) => e.body !== undefined);
    expect(prose.map((e) => e.collection).sort()).toEqual(expect.arrayContaining(['clouds', 'frds', 'plays']));
    for (const e of prose) {
      const words = countWords(e.body!);
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(800);
      expect(e.body).toContain('Synthetic benchmark text');
      expect(e.body).toMatch(/^\|---\|/m);
      expect(e.body).toMatch(/^- /m);
      expect(e.body).toMatch(/\]\(claim:[^)]+\)/);
    }
  });

  it('gives the floor one Markdown page per entry with the same text', () => {
    const floor = floorFiles(kit);
    expect(floor).toHaveLength(kit.entries.length);
    const play = kit.entries.find((e) => e.collection === 'plays')!;
    const page = floor.find((f) => f.path === `src/content/entries/plays/${play.id}.md`)!;
    expect(page.text).toContain(play.body!);
    expect(page.text).toContain(String(play.data.trigger));
  });
});

describe('weighSite', () => {
  it('counts inline scripts and every module a page loads, once each', () => {
    const dist = mkdtempSync(join(tmpdir(), 'fieldkit-bench-test-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    put('index.html', '<html><body><p>text only</p><script type="application/ld+json">{"a":1}</script></body></html>');
    put('tco/x/index.html', '<html><body><script type="module" src="/_astro/chart.js"></script><script>let a=1;</script></body></html>');
    put('_astro/chart.js', 'import{a}from"./shared.js";import"./shared.js";console.log(a);');
    put('_astro/shared.js', 'export const a=1;');
    put('pagefind/pagefind.js', 'x'.repeat(100));
    const stats = weighSite(dist);
    rmSync(dist, { recursive: true, force: true });
    expect(stats.pages).toBe(2);
    expect(stats.maxTextPageJs).toBe(0);
    expect(stats.chartPage!.url).toBe('/tco/x/');
    const expected = 'let a=1;'.length + 'import{a}from"./shared.js";import"./shared.js";console.log(a);'.length + 'export const a=1;'.length;
    expect(stats.chartPage!.js).toBe(expected);
    expect(stats.pagesWithJs).toEqual({ '/tco/*/': { pages: 1, maxJs: expected } });
    expect(stats.pagefindBytes).toBe(100);
  });
});
