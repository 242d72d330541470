/**
 * The dagger slide as printed (`fieldkit pdf azure`), read back with poppler: type sizes for a room,
 * no internal words on the customer slide, the as-of date of the newest figure, presenter notes on
 * a second page. Sizes come from `pdftotext -bbox`: a word's box is the font's ascent to descent,
 * which for DejaVu Sans (the system-ui font of Debian's Chromium, checked with pdffonts below) is
 * 1.164 em, so size = box height / 1.164. Expected figures are read from the content YAML here,
 * not from the code that renders the slide.
 */
import { testDate } from '../../cli/test.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldkit, projectWith, ROOT } from '../helpers.ts';
import { pdfWords, tool } from './pdf-words.ts';
import { useSite } from './browser.ts';

/** The Azure dagger claims as the author wrote them. */
function azureGaps() {
  const dir = join(ROOT, 'src', 'content', 'claims', 'azure');
  return readdirSync(dir)
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as { metric: { value: number | 'TBD'; unit: string }; asOf?: string | Date; dagger?: { rank: number }; audience?: string })
    .filter((c) => c.dagger)
    .map((c) => ({ ...c, asOf: c.asOf instanceof Date ? c.asOf.toISOString().slice(0, 10) : c.asOf }));
}

let out: string;
let file: string;
let run: { code: number | null; stderr: string };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'fieldkit-dagger-'));
  const r = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'pdf', 'azure', '--out', out], {
    cwd: ROOT, env: { ...process.env, FIELDKIT_ROOT: ROOT, FIELDKIT_SITE: '' }, encoding: 'utf8', timeout: 120_000,
  });
  run = { code: r.status, stderr: r.stderr };
  file = join(out, 'azure-dagger.pdf');
}, 150_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the Azure dagger slide, printed', () => {
  it('is written, in DejaVu Sans (so the size formula holds)', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(tool('pdffonts', [file])).toMatch(/DejaVuSans/);
  });

  it('prints the slide on page 1 and the presenter notes on page 2 (internal edition)', () => {
    expect(tool('pdfinfo', [file])).toMatch(/^Pages:\s+2$/m);
    const notes = pdfWords(file, 2).words.map((w) => w.text).join(' ');
    expect(notes).toContain('Presenter notes');
    expect(notes).toContain('Measurement rubric');
  });

  it('meets the room minimums: title >= 28 pt, gap numbers >= 36 pt, body >= 16 pt, nothing below 10 pt', () => {
    const { words } = pdfWords(file, 1);
    const title = parse(readFileSync(join(ROOT, 'src', 'content', 'clouds', 'azure.md'), 'utf8').split('---')[1]!).dagger.title as string;
    const titleWords = words.filter((w) => w.y0 < 100 && title.split(/\s+/).includes(w.text));
    expect(titleWords.map((w) => w.text).join(' ')).toBe(title);
    for (const w of titleWords) expect(w.size, w.text).toBeGreaterThanOrEqual(28);

    const numbers = azureGaps().filter((g) => typeof g.metric.value === 'number').map((g) => (g.metric.value as number).toLocaleString('en-US'));
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    for (const n of numbers) {
      const w = words.find((x) => x.text === n);
      expect(w, `gap number ${n}`).toBeDefined();
      expect(w!.size, n).toBeGreaterThanOrEqual(36);
    }

    // Every word is >= 10 pt; below 16 pt only in the footer (as-of line and sources), footnote marks and status markers.
    const footerTop = words.find((w) => w.text === 'Figures')!.y0;
    const small = words.filter((w) => w.size < 15.9 && w.y0 < footerTop - 1 && !/^\d+$/.test(w.text) && !['Stale', 'Provisional'].includes(w.text));
    expect(small.map((w) => `${w.text} ${w.size.toFixed(1)}pt`)).toEqual([]);
    const tiny = words.filter((w) => w.size < 10);
    expect(tiny.map((w) => `${w.text} ${w.size.toFixed(1)}pt`)).toEqual([]);
  });

  it('in the printed kit, the dagger (title to as-of line) sits on one page', () => {
    const kit = join(out, 'azure.pdf');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [kit]))![1]);
    const text = Array.from({ length: pages }, (_, i) => tool('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), kit, '-']));
    // The contents page names the part too; the part itself starts at its heading "Dagger: <title>".
    const start = text.findIndex((t, i) => i > 1 && /^Dagger: /m.test(t));
    expect(start).toBeGreaterThan(1);
    expect(text[start]).toMatch(/Figures as of \d{4}-\d{2}-\d{2}\.|No dated figure yet\./);
  });

  it('in the printed kit, no heading is left at the foot of a page', () => {
    // Body text prints at 10.5 pt and headings at 11 pt and up (print.css): a page whose lowest line
    // above the running footer (bottom margin 18 mm = 51 pt) is 11.5 pt or more ends on a heading.
    const kit = join(out, 'azure.pdf');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [kit]))![1]);
    const orphans: string[] = [];
    for (let p = 2; p <= pages; p++) {
      const { words, height } = pdfWords(kit, p);
      const body = words.filter((w) => w.y1 < height - 51);
      if (!body.length) continue;
      const lowest = Math.max(...body.map((w) => w.y1));
      const last = body.filter((w) => Math.abs(w.y1 - lowest) < 3);
      if (Math.max(...last.map((w) => w.size)) >= 11.5) orphans.push(`page ${p}: ${last.map((w) => w.text).join(' ')}`);
    }
    expect(orphans).toEqual([]);
  });

  it('keeps every word inside the page', () => {
    const { words, width, height } = pdfWords(file, 1);
    expect(words.filter((w) => w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height).map((w) => w.text)).toEqual([]);
  });

  it('dates the slide by the newest figure shown, and carries no internal words', () => {
    const text = pdfWords(file, 1).words.map((w) => w.text).join(' ');
    const dates = azureGaps().filter((g) => typeof g.metric.value === 'number' && g.asOf).map((g) => g.asOf!).sort();
    expect(text).toContain(`Figures as of ${dates.at(-1)}`);
    for (const internal of ['internal edition', 'INTERNAL', 'Internal only', 'never name the customer', 'Measurement rubric', 'From the field']) {
      expect(text).not.toContain(internal);
    }
  });
});

describe('every cloud\'s dagger slide fits its printed page at the room sizes', () => {
  const site = useSite();
  const clouds = readdirSync(join(ROOT, 'src', 'content', 'clouds')).map((f) => f.replace(/\.md$/, ''));
  it.each(clouds)('%s', async (cloud) => {
    // The @page dagger content box: 13.333 x 7.5 in less 0.4 in margins, at 96 px per inch.
    const page = await site.page({ width: 1203, height: 643 });
    const res = await page.goto(`${site.url}/clouds/${cloud}/dagger/`);
    if (res?.status() === 404) return; // no dagger block: no slide
    await page.emulateMedia({ media: 'print' });
    const fit = await page.evaluate(() => ({
      content: document.querySelector('.dagger__content')!.scrollHeight,
      room: document.querySelector('.dagger__body')!.clientHeight,
      body: parseFloat(getComputedStyle(document.querySelector('.dagger__statement')!).fontSize),
    }));
    expect(fit.body).toBeCloseTo((16 * 96) / 72, 1); // 16 pt
    expect(fit.content, 'slide content taller than its page').toBeLessThanOrEqual(fit.room);
    expect(page.errors).toEqual([]);
  });
});

describe('the partner edition\'s dagger slide', () => {
  let dir: string;
  let pdfDir: string;
  let built: { code: number; stderr: string };
  let printed: { code: number; stderr: string };
  beforeAll(() => {
    // The real content, built as the partner edition in a scratch project.
    const content = join(ROOT, 'src', 'content');
    const files = Object.fromEntries(
      readdirSync(content, { recursive: true }).map(String).filter((f) => /\.(ya?ml|md)$/.test(f))
        .map((f) => [`src/content/${f}`, readFileSync(join(content, f), 'utf8')]),
    );
    dir = projectWith({}, files);
    // Dated like the other test builds (the newest date in the content), with a canary deny-list:
    // partner builds never run without one.
    const env = { FIELDKIT_ROOT: dir, FIELDKIT_TERMS: 'Fieldkit Canary Term\n', FIELDKIT_TERMS_FILE: '' };
    built = fieldkit(['build', '--audience', 'partner', '--now', testDate(ROOT)], { cwd: dir, env });
    pdfDir = mkdtempSync(join(tmpdir(), 'fieldkit-dagger-partner-'));
    printed = fieldkit(['pdf', 'azure', '--out', pdfDir], { cwd: dir, env: { ...env, FIELDKIT_SITE: '' } });
  }, 240_000);
  afterAll(() => {
    for (const d of [dir, pdfDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('is one page with no internal text: no presenter notes, anecdote, rubric or edition banner', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(printed.code, printed.stderr).toBe(0);
    const file = join(pdfDir, 'azure-dagger.pdf');
    expect(tool('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m);
    const text = tool('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ');
    const cloud = parse(readFileSync(join(ROOT, 'src', 'content', 'clouds', 'azure.md'), 'utf8').split('---')[1]!).dagger as { title: string; anecdote: { text: string }; rubric: string[]; framing: string };
    expect(text).toContain(cloud.title.split(' ').slice(0, 4).join(' '));
    for (const internal of ['Presenter notes', 'internal edition', 'partner edition', 'Measurement rubric', cloud.anecdote.text.slice(0, 40), cloud.rubric[0]!.slice(0, 40), cloud.framing.slice(0, 40)]) {
      expect(text).not.toContain(internal);
    }
    const html = readFileSync(join(dir, 'dist', 'clouds', 'azure', 'dagger', 'index.html'), 'utf8');
    expect(html).not.toContain('dagger-notes');
  });
});
