/**
 * Where things land on the printed kits' pages, read back from the PDFs with poppler, for every
 * cloud of the internal edition (dist/) and of the partner edition (built by `./fieldkit test` into
 * .fieldkit/editions/partner), plus one kit on US Letter:
 * - every line of the contents page carries a page number, and that page shows the first words
 *   of the section it names (read from the built HTML, not from the code that numbers them);
 * - the dagger section, from its heading to its last words, is on one page;
 * - no heading is the last line of text on its page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtKits, renderPdfs } from '../../cli/pdf.ts';
import { extraBuilds, testDate } from '../../cli/test.ts';
import { ROOT } from '../helpers.ts';

const partner = extraBuilds(ROOT, testDate(ROOT)).find((b) => b.audience === 'partner')!;
const EDITIONS = [
  { name: 'internal edition, A4', dist: join(ROOT, 'dist'), format: 'a4' as const, clouds: undefined },
  { name: 'partner edition, A4', dist: partner.outDir, format: 'a4' as const, clouds: undefined },
  { name: 'internal edition, US Letter', dist: join(ROOT, 'dist'), format: 'letter' as const, clouds: ['azure'] },
];

const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};
/** One space for any run of white space; compatibility forms folded (ligatures, no-break spaces). */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const words = (s: string) => norm(s).split(' ');

// ---- the built HTML, read with parse5 ----
type Node = T.Node;
type Element = T.Element;
const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const classes = (e: Element) => (attr(e, 'class') ?? '').split(/\s+/);
/** Text as printed: `.no-print` subtrees left out, block elements separated by a space. */
function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as T.TextNode).value;
  if (isElement(n) && classes(n).includes('no-print')) return '';
  if (!('childNodes' in n)) return '';
  const inner = n.childNodes.map(textOf).join('');
  return isElement(n) && /^(p|li|h\d|div|section|tr|td|th|dt|dd|ol|ul)$/.test(n.tagName) ? ` ${inner} ` : inner;
}
function all(n: Node, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  if (isElement(n) && classes(n).includes('no-print')) return out;
  if (isElement(n) && test(n)) out.push(n);
  if ('childNodes' in n) for (const c of n.childNodes) all(c, test, out);
  return out;
}
const byId = (doc: Node, id: string) => all(doc, (e) => attr(e, 'id') === id)[0];
/** The first words a reader sees of an element: those of its first child element with text. */
function firstWords(e: Element, n = 8): string {
  const first = e.childNodes.find((c) => isElement(c) && norm(textOf(c)) !== '');
  return words(textOf(first ?? e)).slice(0, n).join(' ');
}

// ---- the PDF, read with poppler ----
interface Printed { pages: number; layout: string[]; plain: string[] }
function readPdf(file: string): Printed {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))?.[1]);
  const page = (n: number, mode: string[]) => tool('pdftotext', [...mode, '-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-']);
  const range = Array.from({ length: pages }, (_, i) => i + 1);
  return { pages, layout: range.map((n) => page(n, ['-layout'])), plain: range.map((n) => norm(page(n, []))) };
}
/** A page's lines of text, top to bottom, without the running footer ("… Page 3 of 28"). */
const bodyLines = (layout: string) => layout.split('\n').map(norm).filter((l) => l && !/Page \d+ of \d+$/.test(l));

/**
 * The contents page as printed: each entry's label and page number (`1. Plays ....... 6`; a label
 * too long for one line carries on to the next, whose end holds the number).
 */
function printedContents(printed: Printed): { page: number; entries: { label: string; page: number }[] } {
  const at = printed.layout.findIndex((p) => bodyLines(p)[0] === 'Contents');
  const entries: { label: string; page: number }[] = [];
  let pending = '';
  for (const line of bodyLines(printed.layout[at] ?? '').slice(1)) {
    const m = /^(.*?)\s+(\d+)$/.exec(line);
    if (!m) { pending = `${pending} ${line}`; continue; }
    entries.push({ label: norm(`${pending} ${m[1]}`).replace(/^\d+\. /, ''), page: Number(m[2]) });
    pending = '';
  }
  return { page: at + 1, entries };
}

for (const edition of EDITIONS) {
  describe(`printed kits, ${edition.name}`, () => {
    if (!existsSync(join(edition.dist, 'index.html'))) throw new Error(`no build in ${edition.dist}: run ./fieldkit test (it builds every edition)`);
    const clouds = edition.clouds ?? builtKits(edition.dist);
    let out = '';
    const printed = new Map<string, Printed>();
    const html = new Map<string, Node>();

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'fieldkit-pdf-pages-'));
      const r = await renderPdfs({ root: ROOT, distDir: edition.dist, clouds, format: edition.format, outDir: out });
      if (r.code !== 0) throw new Error(`pdf exited ${r.code}`);
      for (const c of clouds) {
        printed.set(c, readPdf(join(out, `${c}.pdf`)));
        html.set(c, parse(readFileSync(join(edition.dist, 'kits', c, 'index.html'), 'utf8')));
      }
    }, 240_000);
    afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

    it('prints a kit for every cloud', () => {
      expect(clouds.length).toBeGreaterThanOrEqual(edition.clouds ? 1 : 3); // the partner edition keeps 3 of the 5
      // The shipped content gives every cloud a dagger block, so the dagger test below checks each.
      expect(clouds.filter((c) => byId(html.get(c)!, 'dagger')).length).toBe(clouds.length);
    });

    for (const cloud of clouds) {
      describe(cloud, () => {
        it('numbers every contents line with the page on which that section starts', () => {
          const pdf = printed.get(cloud)!;
          const doc = html.get(cloud)!;
          const toc = all(doc, (e) => classes(e).includes('kit-toc'))[0]!;
          const links = all(toc, (e) => e.tagName === 'a').map((a) => ({ label: norm(textOf(a)), target: attr(a, 'href')!.slice(1) }));
          expect(links.length).toBeGreaterThanOrEqual(6);
          const contents = printedContents(pdf);
          expect(contents.page).toBe(2); // after the cover
          // The same lines, in the same order, each with a number.
          expect(contents.entries.map((e) => e.label)).toEqual(links.map((l) => l.label));
          const wrong: string[] = [];
          contents.entries.forEach((entry, i) => {
            const target = byId(doc, links[i]!.target);
            expect(target, links[i]!.target).toBeDefined();
            const start = firstWords(target!);
            expect(entry.page).toBeGreaterThan(contents.page);
            expect(entry.page).toBeLessThanOrEqual(pdf.pages);
            if (!pdf.plain[entry.page - 1]!.includes(start)) {
              const actual = pdf.plain.findIndex((p, n) => n + 1 > contents.page && p.includes(start)) + 1;
              wrong.push(`"${entry.label}" says page ${entry.page}; "${start}" is on page ${actual || 'none'}`);
            }
          });
          expect(wrong).toEqual([]);
        });

        it('prints the dagger section on one page', () => {
          const dagger = byId(html.get(cloud)!, 'dagger');
          if (!dagger) return; // a cloud without a dagger block (the first test counts those with one)
          const pdf = printed.get(cloud)!;
          const text = words(textOf(dagger));
          const start = text.slice(0, 8).join(' ');
          const end = text.slice(-6).join(' ');
          const contents = printedContents(pdf).page;
          const first = pdf.plain.findIndex((p, n) => n + 1 > contents && p.includes(start)) + 1;
          expect(first, `"${start}" not found`).toBeGreaterThan(0);
          expect(pdf.plain[first - 1], `the dagger starts on page ${first} but "${end}" is not on it`).toContain(end);
        });

        it('leaves no heading as the last line of a page', () => {
          const pdf = printed.get(cloud)!;
          const kit = all(html.get(cloud)!, (e) => e.tagName === 'article' && classes(e).includes('kit'))[0]!;
          const headings = [...new Set(all(kit, (e) => /^h[1-6]$/.test(e.tagName)).map((h) => norm(textOf(h))))];
          expect(headings.length).toBeGreaterThan(10);
          // The headings are in the PDF as lines of their own (so the check below can see them).
          const whole = pdf.plain.join(' ');
          expect(headings.filter((h) => !whole.includes(h))).toEqual([]);
          const orphans: string[] = [];
          pdf.layout.forEach((page, i) => {
            const last = bodyLines(page).at(-1);
            if (!last) return;
            const h = headings.find((x) => x === last || x.startsWith(`${last} `) || x.endsWith(` ${last}`));
            if (h) orphans.push(`page ${i + 1} ends with the heading "${h}"`);
          });
          expect(orphans).toEqual([]);
        });
      });
    }
  });
}
