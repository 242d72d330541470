/**
 * `pdf [cloud…]`: print the field kits of the built site to PDF with Chromium (issue 6).
 * For each cloud, `/kits/<cloud>/` becomes `dist/kits/<cloud>.pdf` (A4 or US Letter, page numbers
 * and running footer from the print stylesheet, selectable text, TOC links and an outline) and
 * `/clouds/<cloud>/dagger/` becomes `dist/kits/<cloud>-dagger.pdf` (one 16:9 landscape page, its
 * size from the stylesheet). Reads only dist/: run `./fieldkit build` first.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Audience } from '#schemas/common.ts';
import { validateTree } from './io/content-fs.ts';
import { leakRules, scanForLeaks, type Leak } from './leaks.ts';
import { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath } from './chromium.ts';
import { serveDir } from './serve.ts';
import { EXIT, oneOf, parseArgs, phase, PROJECT_ROOT, UsageError, type Phase } from './util.ts';

export const PDF_FORMATS = ['a4', 'letter'] as const;
export type PdfFormat = (typeof PDF_FORMATS)[number];

export interface PdfOptions {
  /** Project root (for messages). */
  root: string;
  /** The built site (default <root>/dist). */
  distDir?: string;
  /** Cloud ids; all kits in the build when empty or missing. */
  clouds?: string[];
  /** Paper for the kits (default a4); the dagger page always takes its own 16:9 size. */
  format?: PdfFormat;
  /** Where the PDFs go (default <distDir>/kits, next to the kit pages). */
  outDir?: string;
}

export interface PdfFile {
  cloud: string;
  kind: 'kit' | 'dagger';
  path: string;
  pages: number;
  bytes: number;
}

export interface PdfResult {
  code: number;
  phases: Phase[];
  files: PdfFile[];
}

/** The clouds that have a kit in the built site, sorted. */
export function builtKits(distDir: string): string[] {
  const kits = join(distDir, 'kits');
  if (!existsSync(kits)) return [];
  return readdirSync(kits, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(kits, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** Pages in a PDF written by Chromium (Skia writes one uncompressed `/Type /Page` per page). */
export function countPdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

const rel = (p: string) => {
  const r = relative(process.cwd(), p);
  return !r ? p : r.startsWith('..') ? p : r;
};

/**
 * Renders the PDFs. Prints its phases and any error to stderr; the result's code is 0 on success,
 * 2 when the build is missing or a cloud is unknown, 3 when Chromium is missing or fails.
 * `./fieldkit build --pdf` calls this after a successful build.
 */
export async function renderPdfs(opts: PdfOptions): Promise<PdfResult> {
  const phases: Phase[] = [];
  const files: PdfFile[] = [];
  const distDir = opts.distDir ?? join(opts.root, 'dist');
  const format = opts.format ?? 'a4';
  const fail = (code: number, message: string): PdfResult => {
    process.stderr.write(`pdf: ${message}\n`);
    return { code, phases, files };
  };

  if (!existsSync(join(distDir, 'index.html'))) {
    return fail(EXIT.usage, `no built site in ${rel(distDir)}/. Run ./fieldkit build first (or ./fieldkit build --pdf for both).`);
  }
  const available = builtKits(distDir);
  if (!available.length) {
    return fail(EXIT.usage, `${rel(distDir)}/ has no kits (/kits/<cloud>/): it was built by an older Fieldkit. Run ./fieldkit build again.`);
  }
  const wanted = opts.clouds?.length ? [...new Set(opts.clouds)] : available;
  const unknown = wanted.filter((c) => !available.includes(c));
  if (unknown.length) {
    return fail(EXIT.usage, `unknown cloud${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}. Clouds in this build: ${available.join(', ')}.`);
  }

  const executable = chromiumPath();
  if (!existsSync(executable)) {
    return fail(
      EXIT.internal,
      `Chromium not found at ${executable}. Install Debian's package chromium (apt-get install chromium) ` +
        `or set ${CHROMIUM_ENV}=/path/to/chromium (any Chromium or Chrome binary).`,
    );
  }

  const outDir = opts.outDir ?? join(distDir, 'kits');
  mkdirSync(outDir, { recursive: true });
  let server: Server | undefined;
  let browser: import('playwright-core').Browser | undefined;
  try {
    const { url, ctx } = await phase(phases, 'start chromium', async () => {
      const s = await serveDir(distDir);
      server = s.server;
      const { chromium: pw } = await import('playwright-core');
      try {
        // Belt and braces for the route below: every connection except to the local site goes to
        // a proxy that is not there (port 9, discard), so not even a preconnect (Chromium opens
        // one for a frame before the request can be intercepted) reaches another host.
        browser = await pw.launch({
          executablePath: executable, args: CHROMIUM_ARGS,
          proxy: { server: 'http://127.0.0.1:9', bypass: `<-loopback>,${new URL(s.url).host}` },
        });
      } catch (err) {
        throw new ChromiumError(
          `could not start Chromium at ${executable}: ${(err as Error).message.split('\n')[0]}. ` +
            `Install Debian's package chromium (apt-get install chromium) or point ${CHROMIUM_ENV} at a working Chromium or Chrome.`,
        );
      }
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      // Printing makes no outside request: anything not from the local site (images, styles,
      // fonts, scripts, frames named by a page) is aborted before it leaves the build machine.
      const origin = new URL(s.url).origin;
      await ctx.route(() => true, (route) => {
        let local = false;
        try { local = new URL(route.request().url()).origin === origin; } catch { /* not a URL with an origin */ }
        return local ? route.continue() : route.abort('blockedbyclient');
      });
      return { url: s.url, ctx };
    });
    const site = process.env.FIELDKIT_SITE || undefined;

    for (const cloud of wanted) {
      const jobs: { kind: PdfFile['kind']; path: string; file: string }[] = [{ kind: 'kit', path: `/kits/${cloud}/`, file: `${cloud}.pdf` }];
      if (existsSync(join(distDir, 'clouds', cloud, 'dagger', 'index.html'))) {
        jobs.push({ kind: 'dagger', path: `/clouds/${cloud}/dagger/`, file: `${cloud}-dagger.pdf` });
      }
      for (const job of jobs) {
        const file = await phase(phases, `${cloud} ${job.kind}`, async () => {
          const page = await ctx.newPage();
          try {
            const res = await page.goto(`${url}${job.path}`, { waitUntil: 'load' });
            if (!res?.ok()) throw new Error(`${job.path} answered ${res?.status()}`);
            await page.emulateMedia({ media: 'print', colorScheme: 'light' });
            await page.evaluate(sitelessLinks, site ?? null);
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            const out = join(outDir, job.file);
            const tmp = `${out}.tmp`;
            await page.pdf({
              path: tmp,
              printBackground: true,
              tagged: true,
              outline: job.kind === 'kit',
              ...(job.kind === 'kit' ? { format: format === 'letter' ? 'Letter' : 'A4' } : { preferCSSPageSize: true }),
            });
            renameSync(tmp, out);
            const bytes = readFileSync(out);
            return { cloud, kind: job.kind, path: out, pages: countPdfPages(bytes), bytes: statSync(out).size };
          } finally {
            await page.close();
          }
        });
        files.push(file);
      }
    }
    // The leak test covers PDFs too: a PDF that leaks is deleted, never left next to the site.
    const leaks = await phase(phases, 'leak test', () => scanPdfsForLeaks(opts.root, distDir, files.map((f) => f.path)));
    if (leaks.length) {
      for (const f of files) rmSync(f.path, { force: true });
      for (const l of leaks) process.stderr.write(`leak: ${l.file}: ${l.what}\n`);
      return fail(EXIT.problems, `the PDFs leak ${leaks.length} time(s) (above); they were deleted.`);
    }
    if (outDir === join(distDir, 'kits')) linkPdfs(distDir, files);
    return { code: EXIT.ok, phases, files };
  } catch (err) {
    if (err instanceof ChromiumError) return fail(EXIT.internal, err.message);
    return fail(EXIT.internal, (err as Error)?.stack ?? String(err));
  } finally {
    await browser?.close().catch(() => {});
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (existsSync(outDir)) for (const f of readdirSync(outDir)) if (f.endsWith('.pdf.tmp')) rmSync(join(outDir, f), { force: true });
  }
}

class ChromiumError extends Error {}

/**
 * The pages name their PDFs as plain text (`<span class="kit-pdf" data-kit-pdf="azure.pdf">`), since
 * the site is built before its PDFs; once a PDF exists, its name on those pages becomes a link.
 */
export function linkPdfs(distDir: string, files: readonly PdfFile[]): void {
  const made = new Set(files.map((f) => basename(f.path)));
  const clouds = new Set(files.map((f) => f.cloud));
  const pages = [join(distDir, 'kits', 'index.html')];
  for (const c of clouds) pages.push(join(distDir, 'kits', c, 'index.html'), join(distDir, 'clouds', c, 'dagger', 'index.html'));
  for (const page of pages) {
    if (!existsSync(page)) continue;
    const html = readFileSync(page, 'utf8');
    const linked = html.replace(/<span class="kit-pdf" data-kit-pdf="([^"]+)">([^<]*)<\/span>/g, (m, file: string, text: string) =>
      made.has(file) ? `<a class="kit-pdf" data-kit-pdf="${file}" href="/kits/${file}">${text}</a>` : m);
    if (linked !== html) writeFileSync(page, linked);
  }
}

/**
 * Runs in the page before printing: links to other pages of the site would point at the temporary
 * local server, so they become absolute links to FIELDKIT_SITE when it is set, and plain text
 * otherwise. Links within the page (the TOC, footnotes) stay as they are.
 */
function sitelessLinks(site: string | null): void {
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue;
    const u = new URL(a.href);
    if (u.origin !== location.origin) continue;
    a.classList.add('site-link');
    if (u.pathname === location.pathname && u.hash) a.setAttribute('href', u.hash);
    else if (site) a.setAttribute('href', new URL(u.pathname + u.search + u.hash, site).href);
    else a.removeAttribute('href');
  }
}

export async function pdfCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'out'], booleans: [] });
  const out = args.flags.get('out');
  const fmt = args.flags.get('format');
  const format = oneOf('format', typeof fmt === 'string' ? fmt.toLowerCase() : fmt, PDF_FORMATS, 'a4');
  for (const c of args.positional) if (!/^[a-z0-9][a-z0-9-]*$/.test(c)) throw new UsageError(`"${c}" is not a cloud id`);
  const t0 = performance.now();
  const r = await renderPdfs({
    root: PROJECT_ROOT,
    clouds: args.positional,
    format,
    outDir: typeof out === 'string' ? resolve(out) : undefined,
  });
  if (r.code !== EXIT.ok) return r.code;
  const total = ((performance.now() - t0) / 1000).toFixed(1);
  const list = r.files.map((f) => `  ${rel(f.path)}  ${f.pages} page${f.pages === 1 ? '' : 's'}, ${Math.round(f.bytes / 1024)} KB`).join('\n');
  process.stderr.write(
    `\nwrote ${r.files.length} PDFs (${format === 'letter' ? 'US Letter' : 'A4'}) in ${total} s ` +
      `(${r.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')})\n${list}\n`,
  );
  return EXIT.ok;
}

/** Scans the PDFs for confidential terms and, for partner/public builds, left-out entries. */
function scanPdfsForLeaks(root: string, distDir: string, paths: string[]): Leak[] {
  const edition = /data-audience="(internal|partner|public)"/.exec(readFileSync(join(distDir, 'index.html'), 'utf8'))?.[1] ?? 'internal';
  const { terms, needles } = leakRules(root, validateTree(root).snapshot, edition as Audience);
  // All PDFs of one run are written to one folder: scan it once, for just these files.
  if (paths.length === 0) return [];
  const names = new Set(paths.map((p) => basename(p)));
  return scanForLeaks(dirname(paths[0]!), terms, needles, (f) => names.has(f)).leaks;
}
