/**
 * `fieldkit slides azure` for real: the .pptx is opened by a real client, LibreOffice Impress
 * (`soffice --headless --convert-to pdf`, cli/libreoffice.ts), and read back with poppler. Also
 * read as a zip (jszip): one slide of real text boxes, a native bar chart with only the numbers that
 * exist, sources in the speaker notes, and no internal text in the partner edition. Expected text
 * comes from the content YAML, not from the slide model.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, ensureLibreOffice } from '../../cli/libreoffice.ts';
import { ROOT } from '../helpers.ts';
import { EM_BOX_LIBREOFFICE, pdfWords } from './pdf-words.ts';

const cloudMd = parse(readFileSync(join(ROOT, 'src', 'content', 'clouds', 'azure.md'), 'utf8').split('---')[1]!) as {
  dagger: { title: string; anecdote: { text: string }; rubric: string[]; framing: string };
};
const claimsDir = join(ROOT, 'src', 'content', 'claims', 'azure');
const gaps = readdirSync(claimsDir)
  .map((f) => parse(readFileSync(join(claimsDir, f), 'utf8')) as { metric: { value: number | 'TBD' }; dagger?: { rank: number } })
  .filter((c) => c.dagger);
const numbers = gaps.filter((g) => typeof g.metric.value === 'number').map((g) => g.metric.value as number);

const dirs: string[] = [];
const slides = (audience: string) => {
  const out = mkdtempSync(join(tmpdir(), `fieldkit-slides-${audience}-`));
  dirs.push(out);
  const r = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'slides', 'azure', '--out', out, '--audience', audience], {
    cwd: ROOT, env: { ...process.env, FIELDKIT_ROOT: ROOT, FIELDKIT_TERMS: 'Fieldkit Canary Term\n', FIELDKIT_TERMS_FILE: '' }, encoding: 'utf8', timeout: 120_000,
  });
  return { out, code: r.status, stderr: r.stderr, file: join(out, 'azure-dagger.pptx') };
};
const xmlText = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join(' ');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let internal: ReturnType<typeof slides>;
let partner: ReturnType<typeof slides>;
let zip: JSZip;
let pdf: string;

beforeAll(async () => {
  internal = slides('internal');
  partner = slides('partner');
  const lo = await ensureLibreOffice({ install: false });
  if (!lo.path) throw new Error(lo.message);
  zip = await JSZip.loadAsync(readFileSync(internal.file));
  pdf = await convertToPdf(internal.file, internal.out, lo.path);
}, 180_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const part = async (z: JSZip, re: RegExp) => Promise.all(Object.keys(z.files).filter((f) => re.test(f)).sort().map((f) => z.file(f)!.async('string')));

describe('fieldkit slides azure', () => {
  it('writes azure-dagger.pptx and says so', () => {
    expect(internal.code, internal.stderr).toBe(0);
    expect(internal.stderr).toMatch(/wrote 1 PowerPoint slide \(internal edition\)\n.*azure-dagger\.pptx {2}\d+ KB/);
  });

  it('holds one slide of real text boxes: the title and every number as text', async () => {
    const slideXml = await part(zip, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slideXml).toHaveLength(1);
    expect(slideXml[0]).not.toContain('<p:pic>');
    const text = norm(xmlText(slideXml[0]!));
    expect(text).toContain(cloudMd.dagger.title);
    for (const n of numbers) expect(text).toContain(n.toLocaleString('en-US'));
    expect(text).toContain('Not yet measured');
  });

  it('draws a native bar chart of the figures that exist, never a zero for TBD', async () => {
    const charts = await part(zip, /^ppt\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBe(numbers.length);
    const values = charts.flatMap((c) => {
      expect(c).toContain('<c:barChart>');
      return [...c.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((v) => [...v[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])));
    });
    expect(values.sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('puts the sources and, internally, the presenter notes in the speaker notes', async () => {
    const notes = norm(xmlText((await part(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/)).join(' ')));
    expect(notes).toContain('Sources:');
    expect(notes).toMatch(/\[1\] .*https:\/\/learn\.microsoft\.com\//);
    expect(notes).toContain(norm(cloudMd.dagger.rubric[0]!));
  });

  it('partner edition: no presenter notes, anecdote, rubric or framing anywhere in the file', async () => {
    expect(partner.code, partner.stderr).toBe(0);
    const z = await JSZip.loadAsync(readFileSync(partner.file));
    const all = norm(xmlText((await part(z, /\.xml$/)).join(' ')));
    expect(all).toContain(cloudMd.dagger.title);
    for (const secret of [cloudMd.dagger.anecdote.text.slice(0, 60), cloudMd.dagger.rubric[0]!, cloudMd.dagger.framing.slice(0, 60), 'Presenter notes', 'internal record']) {
      expect(all).not.toContain(norm(secret));
    }
  });

  it('LibreOffice renders it as one 16:9 page with the title and numbers, nothing cut off', () => {
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Pages:\s+1$/m);
    const { words, width, height } = pdfWords(pdf, 1, EM_BOX_LIBREOFFICE);
    expect(width / height).toBeCloseTo(16 / 9, 2);
    const text = words.map((w) => w.text).join(' ');
    expect(text).toContain(cloudMd.dagger.title);
    for (const n of numbers) {
      const w = words.find((x) => x.text === n.toLocaleString('en-US'));
      expect(w, String(n)).toBeDefined();
      expect(w!.size).toBeGreaterThanOrEqual(36);
    }
    for (const w of words.filter((x) => cloudMd.dagger.title.includes(x.text) && x.y0 < 90)) expect(w.size, w.text).toBeGreaterThanOrEqual(27.9);
    expect(words.filter((w) => w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height).map((w) => w.text)).toEqual([]);
    expect(words.filter((w) => w.size < 10).map((w) => `${w.text} ${w.size.toFixed(1)}`)).toEqual([]);
  });
});

describe('fieldkit slides, errors', () => {
  it('an unknown cloud is a usage error that lists the clouds', () => {
    const r = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'slides', 'nosuchcloud', '--out', join(tmpdir(), 'fieldkit-slides-unused')], {
      cwd: ROOT, env: { ...process.env, FIELDKIT_ROOT: ROOT }, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no dagger slide for "nosuchcloud" .*Clouds with one: .*azure/);
  });
});

describe('every cloud\'s slide through LibreOffice', () => {
  let out: string;
  const pdfs: string[] = [];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'fieldkit-slides-all-'));
    const r = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'slides', '--out', out, '--audience', 'internal'], {
      cwd: ROOT, env: { ...process.env, FIELDKIT_ROOT: ROOT, FIELDKIT_TERMS: 'Fieldkit Canary Term\n', FIELDKIT_TERMS_FILE: '' }, encoding: 'utf8', timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const lo = await ensureLibreOffice({ install: false });
    if (!lo.path) throw new Error(lo.message);
    for (const f of readdirSync(out).filter((x) => x.endsWith('.pptx'))) pdfs.push(await convertToPdf(join(out, f), out, lo.path));
  }, 240_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('renders each as one page, every word inside it, no two words on top of each other', () => {
    expect(pdfs.length).toBe(readdirSync(join(ROOT, 'src', 'content', 'clouds')).length);
    const failures: string[] = [];
    for (const pdf of pdfs) {
      const name = pdf.split('/').pop();
      if (!/^Pages:\s+1$/m.test(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)) failures.push(`${name}: not one page`);
      const { words, width, height } = pdfWords(pdf, 1);
      for (const w of words) if (w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height) failures.push(`${name}: "${w.text}" outside the page`);
      // Two words collide when their boxes share more than a sliver across and over a third of the
      // smaller one's height (lines set tight touch by a point or two; that is not a collision).
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const a = words[i]!;
          const b = words[j]!;
          const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (dx > 1 && dy > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) failures.push(`${name}: "${a.text}" overlaps "${b.text}"`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
