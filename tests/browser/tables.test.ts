/**
 * Readable tables on every page type, at 375 px (a phone) and 1280 px, and printed: no word broken
 * mid-word in a table cell, no cell line squeezed below 4 characters, and no page that scrolls
 * sideways (a wide table scrolls inside its own region instead).
 *
 * Lines are measured, not guessed: every character of a cell's text gets a Range, and characters
 * whose boxes share a top are one line. A break inside a word is two letters or digits of one text
 * node on different lines. A line under 4 characters fails unless it is a whole word ("GPU" before
 * "clouds" is a normal wrap; "Stanc" / "e" is not). URLs and code may break anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './browser.ts';

const PAGES = [
  '/', '/clouds/', '/clouds/azure/', '/clouds/azure/dagger/', '/plays/', '/plays/checkpoint-storms-azure/',
  '/claims/', '/claims/azure/account-ingress/', '/sources/', '/sources/azure-standard-account-targets/',
  '/tco/', '/tco/ai-data-lake-10pb/', '/triage/', '/frds/', '/frds/customer-lab1-checkpointing-20261015/',
  '/reviews/', '/reviews/2026-11/', '/signals/', '/blueprint/', '/kits/', '/kits/azure/', '/search/?q=checkpoint',
  '/people/strategy-lead/',
];

/** Runs in the page: what is wrong with its table cells, and how wide the page scrolls. */
function measure(): { problems: string[]; scrollWidth: number; width: number; cells: number } {
  const problems: string[] = [];
  let cells = 0;
  const word = /[\p{L}\p{N}]/u;
  for (const cell of Array.from(document.querySelectorAll<HTMLElement>('td, th'))) {
    if (!cell.getClientRects().length || cell.closest('[hidden], [aria-hidden="true"]')) continue;
    cells++;
    const label = (cell.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const lines: { top: number; height: number; chars: string[]; wholeWords: boolean }[] = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('a.url, code')) continue;
      const text = node.data;
      let prev: { line: number; ch: string } | undefined;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (/\s/.test(ch)) { prev = undefined; continue; }
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        let line = lines.findIndex((l) => Math.abs(l.top - rect.top) < Math.max(l.height, rect.height) / 2);
        if (line < 0) {
          lines.push({ top: rect.top, height: rect.height, chars: [], wholeWords: true });
          line = lines.length - 1;
        }
        lines[line]!.chars.push(ch);
        if (prev && prev.line !== line && word.test(prev.ch) && word.test(ch)) {
          problems.push(`mid-word break in "${label}"`);
          lines[prev.line]!.wholeWords = false;
          lines[line]!.wholeWords = false;
        }
        prev = { line, ch };
      }
    }
    if (lines.length < 2) continue;
    const ordered = [...lines].sort((a, b) => a.top - b.top);
    for (const l of ordered.slice(0, -1)) {
      if (l.chars.length < 4 && !l.wholeWords) problems.push(`line "${l.chars.join('')}" in "${label}"`);
    }
  }
  return { problems: [...new Set(problems)], scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, cells };
}

async function check(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.ok(), path).toBe(true);
  return page.evaluate(measure);
}

describe('tables read as words, and pages do not scroll sideways', () => {
  const site = useSite();
  for (const width of [375, 1280]) {
    it(`at ${width} px on every page type`, async () => {
      const page = await site.page({ width, height: 900 });
      const failures: string[] = [];
      let cells = 0;
      for (const path of PAGES) {
        const m = await check(page, `${site.url}${path}`);
        cells += m.cells;
        if (m.scrollWidth > m.width) failures.push(`${path}: the page scrolls sideways (${m.scrollWidth} > ${m.width} px)`);
        failures.push(...m.problems.map((p) => `${path}: ${p}`));
      }
      expect(cells).toBeGreaterThan(200); // the pages do have tables
      expect(failures).toEqual([]);
      expect(page.errors).toEqual([]);
    }, 180_000);
  }

  it('printed on A4 (the field kit and the ledger): no mid-word breaks, nothing wider than the page', async () => {
    // The A4 content box: (210 - 28) mm = 688 px.
    const page = await site.page({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const failures: string[] = [];
    for (const path of ['/kits/azure/', '/claims/', '/clouds/azure/']) {
      const m = await check(page, `${site.url}${path}`);
      if (m.scrollWidth > m.width) failures.push(`${path}: wider than the page (${m.scrollWidth} > ${m.width} px)`);
      failures.push(...m.problems.map((p) => `${path}: ${p}`));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('the claims ledger fits a phone: no sideways page scroll, and a wide table scrolls in its own region', async () => {
    const page = await site.page({ width: 375, height: 800 });
    await page.goto(`${site.url}/claims/`);
    const ledger = await page.evaluate(() => {
      const t = document.querySelector('main table')!;
      const cs = getComputedStyle(t);
      return { overflowX: cs.overflowX, scrolls: t.scrollWidth > t.clientWidth, right: t.getBoundingClientRect().right, page: document.documentElement.scrollWidth };
    });
    expect(ledger.page).toBeLessThanOrEqual(375);
    expect(ledger.right).toBeLessThanOrEqual(375);
    if (ledger.scrolls) expect(ledger.overflowX).toBe('auto');
  });
});
