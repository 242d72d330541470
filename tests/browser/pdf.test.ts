/**
 * `fieldkit pdf azure` for real (issue 6): Chromium prints the built site's Azure kit and dagger
 * page, and poppler reads the PDFs back. What the PDF must contain is read from the built HTML
 * (dist/kits/azure/index.html), not from the code that renders it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPdfs } from '../../cli/pdf.ts';
import { ROOT } from '../helpers.ts';

const DIST = join(ROOT, 'dist');
/** The Azure kit printed 18 A4 pages when this was written (cover, contents, 16 of content). */
// The Azure kit: 12 plays, its claims and the other clouds' claims its plays cite, the dagger, TCO, sources.
const KIT_PAGES = { min: 10, max: 45 };

let out: string;
let html: string;
let daggerHtml: string;
let run: { code: number | null; stderr: string };

const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};
const pdfinfo = (file: string) => tool('pdfinfo', [file]);
const pdftext = (file: string) => tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);

function decode(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}
/** Same text whatever the line breaks: one space for any run of white space, none after a hyphen at a break. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').replace(/- /g, '-').trim();

/** Text of every element with `class` (first class in the attribute) in some HTML. */
function textsOf(source: string, cls: string): string[] {
  const re = new RegExp(`<(\\w+)[^>]*class="${cls}(?:\\s[^"]*)?"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...source.matchAll(re)].map((m) => norm(decode(m[2]!)));
}

beforeAll(() => {
  const kit = join(DIST, 'kits', 'azure', 'index.html');
  if (!existsSync(kit)) throw new Error(`no built kit at ${kit}: run ./fieldkit build first`);
  html = readFileSync(kit, 'utf8');
  daggerHtml = readFileSync(join(DIST, 'clouds', 'azure', 'dagger', 'index.html'), 'utf8');
  // Into a folder of our own: a build running meanwhile replaces dist/ wholesale.
  out = mkdtempSync(join(tmpdir(), 'fieldkit-pdf-'));
  const r = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'pdf', 'azure', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, FIELDKIT_ROOT: ROOT, FIELDKIT_SITE: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  run = { code: r.status, stderr: r.stderr };
}, 150_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('fieldkit pdf azure', () => {
  it('exits 0 and reports each PDF with its phase times', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/▸ azure kit…/);
    expect(run.stderr).toMatch(/azure kit done in \d+\.\d s/);
    expect(run.stderr).toMatch(/azure\.pdf {2}\d+ pages/);
    expect(run.stderr).toMatch(/azure-dagger\.pdf {2}2 pages,/); // the slide and, internal edition, its presenter notes
  });

  it(`prints the kit on A4, ${KIT_PAGES.min} to ${KIT_PAGES.max} pages, as real text`, () => {
    const info = pdfinfo(join(out, 'azure.pdf'));
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(KIT_PAGES.min);
    expect(pages).toBeLessThanOrEqual(KIT_PAGES.max);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/m);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    const text = norm(pdftext(join(out, 'azure.pdf')));
    expect(text).toContain('Microsoft Azure');
    expect(text).toContain('internal edition');
  });

  it('has every claim statement shown on the kit page', () => {
    const statements = [...new Set(textsOf(html, 'kit-claim__statement'))];
    expect(statements.length).toBeGreaterThanOrEqual(10);
    const text = norm(pdftext(join(out, 'azure.pdf')));
    const missing = statements.filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  });

  it('has every source URL of the appendix, numbered as in the page', () => {
    const appendix = html.slice(html.indexOf('id="sources"'));
    const urls = [...appendix.matchAll(/<a class="url" href="([^"]+)"/g)].map((m) => decode(m[1]!));
    expect(urls.length).toBeGreaterThanOrEqual(5);
    const text = pdftext(join(out, 'azure.pdf'));
    const squeezed = text.replace(/\s+/g, '');
    expect(urls.filter((u) => !squeezed.includes(u))).toEqual([]);
    // the footnote marks in the text point at numbers the appendix has
    const marks = new Set([...html.matchAll(/href="#src-(\d+)"/g)].map((m) => Number(m[1])));
    const listed = [...appendix.matchAll(/<li id="src-(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(listed.map((_, i) => i + 1));
    expect([...marks].sort((a, b) => a - b)).toEqual(listed);
  });

  it('keeps the table of contents as working links inside the PDF', () => {
    const bytes = readFileSync(join(out, 'azure.pdf')).toString('latin1');
    expect((bytes.match(/\/Subtype\s*\/Link/g) ?? []).length).toBeGreaterThan(10);
    const toc = html.slice(html.indexOf('class="kit-toc"'), html.indexOf('</nav>', html.indexOf('class="kit-toc"')));
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    expect(targets.filter((t) => !bytes.includes(`/Dest /${t}`))).toEqual([]);
    // no link leads to the temporary server the PDF was printed from
    expect(bytes).not.toMatch(/127\.0\.0\.1/);
  });

  it('prints page numbers and the running footer', () => {
    const text = norm(pdftext(join(out, 'azure.pdf')));
    const pages = Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(join(out, 'azure.pdf')))?.[1]);
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toMatch(/Azure field kit · internal edition · as of \d{4}-\d{2}-\d{2}/);
  });

  it('prints the dagger slide on one landscape 16:9 page (then the internal presenter notes)', () => {
    const info = pdfinfo(join(out, 'azure-dagger.pdf'));
    expect(info).toMatch(/^Pages:\s+2$/m);
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!.map(Number) as [number, number, number];
    expect(w).toBeGreaterThan(h);
    expect(w / h).toBeCloseTo(16 / 9, 2);
    const text = norm(tool('pdftotext', ['-raw', '-enc', 'UTF-8', '-l', '1', join(out, 'azure-dagger.pdf'), '-']));
    const statements = textsOf(daggerHtml, 'dagger__statement');
    expect(statements).toHaveLength(3);
    expect(statements.filter((s) => !text.includes(s))).toEqual([]);
  });
});

describe('fieldkit pdf, errors', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'pdf', ...args], {
      cwd: ROOT,
      env: { ...process.env, FIELDKIT_ROOT: ROOT, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('an unknown cloud exits 2 and lists the clouds', () => {
    const r = cli(['nosuchcloud', '--out', join(tmpdir(), 'fieldkit-pdf-unused')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown cloud "nosuchcloud"');
    expect(r.stderr).toMatch(/Clouds in this build: .*azure/);
  });

  it('a missing Chromium exits 3 naming the package and the env var', () => {
    const r = cli(['azure', '--out', join(tmpdir(), 'fieldkit-pdf-unused')], { FIELDKIT_CHROMIUM: '/nonexistent/chromium' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('chromium');
    expect(r.stderr).toContain('FIELDKIT_CHROMIUM');
  });

  it("a missing poppler (pdfinfo, which reads the pages for the contents) exits 3 naming the package", () => {
    const r = cli(['azure', '--out', join(tmpdir(), 'fieldkit-pdf-unused')], { PATH: mkdtempSync(join(tmpdir(), 'fieldkit-nopath-')) });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('pdfinfo');
    expect(r.stderr).toContain('apt-get install poppler-utils');
  });

  it('a bad --format is a usage error', () => {
    const r = cli(['--format', 'a3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format must be one of: a4, letter');
  });

  it('without a built site it says to build first', () => {
    const r = cli([], { FIELDKIT_ROOT: mkdtempSync(join(tmpdir(), 'fieldkit-empty-')) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Run ./fieldkit build first');
  });
});

describe('PDF names on the pages', () => {
  it('become links once the PDF exists, and only then', () => {
    const dist = mkdtempSync(join(tmpdir(), 'fieldkit-link-'));
    mkdirSync(join(dist, 'kits', 'azure'), { recursive: true });
    const span = (f: string) => `<span class="kit-pdf" data-kit-pdf="${f}">${f}</span>`;
    writeFileSync(join(dist, 'kits', 'index.html'), `<p>${span('azure.pdf')} ${span('aws.pdf')}</p>`);
    writeFileSync(join(dist, 'kits', 'azure', 'index.html'), `<p>${span('azure.pdf')}</p>`);
    linkPdfs(dist, [{ cloud: 'azure', kind: 'kit', path: join(dist, 'kits', 'azure.pdf'), pages: 1, bytes: 1 }]);
    expect(readFileSync(join(dist, 'kits', 'index.html'), 'utf8')).toBe(
      `<p><a class="kit-pdf" data-kit-pdf="azure.pdf" href="/kits/azure.pdf">azure.pdf</a> ${span('aws.pdf')}</p>`,
    );
    expect(readFileSync(join(dist, 'kits', 'azure', 'index.html'), 'utf8')).toContain('href="/kits/azure.pdf"');
    rmSync(dist, { recursive: true, force: true });
  });
});
