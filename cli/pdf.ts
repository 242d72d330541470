/**
 * `pdf [cloud…]`: print the field kits of the built site to PDF with Chromium (issue 6).
 * For each cloud, `/kits/<cloud>/` becomes `dist/kits/<cloud>.pdf` (A4 or US Letter, page numbers
 * and running footer from the print stylesheet, selectable text, TOC links and an outline) and
 * `/clouds/<cloud>/dagger/` becomes `dist/kits/<cloud>-dagger.pdf` (one 16:9 landscape page, its
 * size from the stylesheet). Reads only dist/: run `./fieldkit build` first. A kit is printed twice:
 * the first print tells on which page each section landed (poppler's `pdfinfo -dests`), and those
 * numbers are written into its contents page before the second (`printWithContentsPages`).
 *
 * Publishing: `pdf` holds the build lock for the whole command, renders into a staging copy of
 * dist/ (or a staging folder for `--out`), runs the leak test over it and only then swaps it in; a
 * leak leaves dist/ (and --out) as they were. `build --pdf` renders into the build's own staging folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join, relative, resolve } from 'node:path';
import { validateTree } from '../src/node/content-fs.ts';
import { builtEdition, publishStage, rejectStage, withBuildLock } from './build.ts';
import { denyListFor, formatLeak, leakNeedles, scanForLeaks } from './leaks.ts';
import { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath } from './chromium.ts';
import { serveDir } from './serve.ts';
import { installHint } from './tools.ts';
import { route } from '#lib/site/routes.ts';
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
 * `./fieldkit build --pdf` calls this on its staging folder, before the leak test and publishing.
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

  // The kits' contents pages get their page numbers from the printed PDF, read with poppler.
  if (!hasPdfinfo()) {
    return fail(EXIT.internal, `poppler's pdfinfo not found (it reads where each section of a kit was printed, for the contents page). ${installHint(['poppler-utils'])}.`);
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
      const jobs: { kind: PdfFile['kind']; path: string; file: string }[] = [{ kind: 'kit', path: route.kit(cloud), file: `${cloud}.pdf` }];
      if (existsSync(join(distDir, 'clouds', cloud, 'dagger', 'index.html'))) {
        jobs.push({ kind: 'dagger', path: route.dagger(cloud), file: `${cloud}-dagger.pdf` });
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
            const options = {
              printBackground: true,
              tagged: true,
              outline: job.kind === 'kit',
              ...(job.kind === 'kit' ? { format: format === 'letter' ? 'Letter' : 'A4' } : { preferCSSPageSize: true }),
            };
            writeFileSync(tmp, job.kind === 'kit' ? await printWithContentsPages(page, options, tmp) : await page.pdf(options));
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
    // No leak test here: the caller renders into a staging folder and scans it before publishing
    // (`build --pdf` with the whole site, `pdf` in publishPdfs below).
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

/** Most prints of one kit before its contents page numbers must have settled (two in practice). */
const MAX_PRINTS = 4;

/**
 * Prints a kit with page numbers on its contents page: each `[data-toc-page="<id>"]` (empty in the
 * HTML) gets the page on which `#<id>` starts. Print, read where each target landed (the named
 * destinations Chromium writes for every link target, via `pdfinfo -dests`), write the numbers
 * into the page and print again, until a print agrees with the numbers it shows. The first print
 * carries two-digit placeholders, so the contents page is laid out as it will be.
 */
async function printWithContentsPages(
  page: import('playwright-core').Page,
  options: Parameters<import('playwright-core').Page['pdf']>[0],
  scratch: string,
): Promise<Buffer> {
  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('[data-toc-page]'), (e) => e.getAttribute('data-toc-page') ?? ''));
  if (!ids.length) return page.pdf(options);
  let shown: Record<string, string> = Object.fromEntries(ids.map((id) => [id, '00']));
  for (let print = 1; print <= MAX_PRINTS; print++) {
    await page.evaluate(fillContentsPages, shown);
    const pdf = await page.pdf(options);
    writeFileSync(scratch, pdf);
    const dests = pdfDestinations(scratch);
    const missing = ids.filter((id) => !dests.has(id));
    if (missing.length) throw new Error(`the kit's contents links to ${missing.map((id) => `#${id}`).join(', ')}, which the printed PDF does not contain`);
    const landed = Object.fromEntries(ids.map((id) => [id, String(dests.get(id))]));
    if (ids.every((id) => landed[id] === shown[id])) return pdf;
    shown = landed;
  }
  throw new Error(`the kit's contents page numbers still moved after ${MAX_PRINTS} prints`);
}

/** Runs in the page: writes each contents line's page number. */
function fillContentsPages(pages: Record<string, string>): void {
  for (const el of Array.from(document.querySelectorAll('[data-toc-page]'))) el.textContent = pages[el.getAttribute('data-toc-page') ?? ''] ?? '';
}

const hasPdfinfo = () => !spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).error;

/**
 * The named destinations of a PDF and the page (from 1) each points at, read with poppler's
 * `pdfinfo -dests`, whose lines read `  12 [ XYZ 0 843 null ] "plays"`.
 */
export function pdfDestinations(file: string): Map<string, number> {
  const r = spawnSync('pdfinfo', ['-dests', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`pdfinfo -dests ${file} failed: ${r.error?.message ?? r.stderr.trim()}`);
  const dests = new Map<string, number>();
  for (const m of r.stdout.matchAll(/^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*$/gm)) dests.set(m[2]!, Number(m[1]));
  return dests;
}

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
  const r = await publishPdfs({
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


/**
 * `pdf`: under the build lock, renders into a staging copy of dist/ (or a staging folder for
 * `--out`), runs the leak test over everything in it, then publishes in one rename (or moves the
 * scanned PDFs into --out). A leak or a failure leaves dist/ and --out exactly as they were.
 */
export async function publishPdfs(opts: PdfOptions): Promise<PdfResult> {
  const distDir = opts.distDir ?? join(opts.root, 'dist');
  const audience = builtEdition(distDir) ?? 'internal';
  const terms = denyListFor(opts.root, audience, 'pdf');
  return withBuildLock(opts.root, async () => {
    const work = join(opts.root, '.fieldkit');
    const stage = join(work, 'stage');
    rmSync(stage, { recursive: true, force: true });
    if (!existsSync(join(distDir, 'index.html'))) return renderPdfs(opts); // reports the missing build
    const toOut = opts.outDir !== undefined && resolve(opts.outDir) !== resolve(distDir, 'kits');
    if (toOut) mkdirSync(stage, { recursive: true });
    else cpSync(distDir, stage, { recursive: true });
    const r = await renderPdfs({ ...opts, distDir: toOut ? distDir : stage, outDir: toOut ? stage : undefined });
    if (r.code !== EXIT.ok) {
      rmSync(stage, { recursive: true, force: true });
      return r;
    }
    const scanned = toOut ? new Set(r.files.map((f) => basename(f.path))) : undefined;
    const leaks = await phase(r.phases, 'leak test', () => scanForLeaks(stage, leakNeedles(terms, validateTree(opts.root).snapshot, audience), {
      root: opts.root, only: scanned ? (f) => scanned.has(f) : undefined,
    }));
    if (leaks.leaks.length) {
      const rejected = rejectStage(work, stage);
      for (const l of leaks.leaks) process.stderr.write(formatLeak(l));
      process.stderr.write(`pdf: the PDFs leak ${leaks.leaks.length} time(s) (above); nothing was published, ${rel(toOut ? opts.outDir! : distDir)} was left as it was (the rejected output is in ${rel(rejected)}/ for inspection).\n`);
      return { code: EXIT.problems, phases: r.phases, files: [] };
    }
    if (toOut) {
      mkdirSync(opts.outDir!, { recursive: true });
      const files = r.files.map((f) => {
        const dest = join(opts.outDir!, basename(f.path));
        moveFile(f.path, dest);
        return { ...f, path: dest };
      });
      rmSync(stage, { recursive: true, force: true });
      return { ...r, files };
    }
    publishStage(work, stage, distDir);
    return { ...r, files: r.files.map((f) => ({ ...f, path: join(distDir, relative(stage, f.path)) })) };
  });
}

/** Rename, or copy and remove across file systems (--out on another disk). */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, `${to}.tmp`);
    renameSync(`${to}.tmp`, to);
    rmSync(from, { force: true });
  }
}
