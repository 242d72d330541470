/**
 * `build`: validate, render pages into a staging folder, index them with Pagefind, then swap the
 * finished site into dist/. A failed build leaves the previous dist/ untouched: never a half-built site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkExitCode } from '#lib/problems/problems.ts';
import { isAudience } from '#lib/editions/audience.ts';
import type { Audience } from '#schemas/common.ts';
import type { ListedTerm } from '#lib/safety/leaks.ts';
import { denyListFor, formatLeak, leakNeedles, scanForLeaks } from './leaks.ts';
import type { PdfFile, PdfFormat } from './pdf.ts';
import { formatText } from '#lib/problems/report.ts';
import type { KitSnapshot } from '#lib/content/snapshot.ts';
import type { Problem } from '#lib/problems/problems.ts';
import { today } from '../src/node/env.ts';
import { audienceFlag, capture, dateFlag, EXIT, InternalError, parseArgs, phase, PROJECT_ROOT, run, UsageError, type Phase } from './util.ts';

export interface BuildOptions {
  root: string;
  now: string;
  /** The edition: entries stricter than it are left out (default internal). */
  audience?: Audience;
  /** Where the finished site goes (default <root>/dist). */
  outDir?: string;
  /** Print Astro's own output (for debugging). */
  verbose?: boolean;
  /** Also render the kit PDFs into the staging folder (scanned and published with the site). */
  pdf?: { format?: PdfFormat };
  /**
   * Hook: more outputs rendered into the staging folder after the PDFs and before the leak test
   * (e.g. `slides` writing <stage>/kits/<cloud>-dagger.pptx). Each runs as a named phase.
   */
  outputs?: { name: string; render: (stage: string) => Promise<void> }[];
}

export interface BuildResult {
  code: number;
  phases: Phase[];
  outDir: string;
  pages: number;
  /** The PDFs published (with `pdf`), paths in outDir. */
  pdfs?: PdfFile[];
}

/**
 * One build at a time per project: Astro's cache (.astro/), the staging folder and dist/ are shared.
 * The lock covers a whole command (`build`, `build --pdf`, `pdf`): everything is produced and
 * scanned in the staging folder and published in one rename while it is held. A lock folder holds
 * the owner's pid; a lock whose process is gone, or is no longer a Fieldkit command (the pid was
 * reused), is stale and taken over.
 */
export async function withBuildLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const work = join(root, '.fieldkit');
  const lock = join(work, 'build.lock');
  mkdirSync(work, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const pid = Number(readFileSafe(join(lock, 'pid')));
      // Our own pid cannot be a holder (the lock is not re-entrant): left by a crashed run whose pid we reuse.
      if (!pid || pid === process.pid || !isFieldkitProcess(pid)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      const how = `if no Fieldkit command is running, remove the stale lock: rm -r ${relative(process.cwd(), lock) || lock}`;
      if (waited === 0) process.stderr.write(`waiting for another Fieldkit build (pid ${pid}) to finish… (${how})\n`);
      if (waited > 15 * 60_000) throw new InternalError(`another Fieldkit build (pid ${pid}) still holds ${lock} after 15 minutes; ${how}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Whether a pid is a live Fieldkit command. Where /proc is available, a live process whose command
 * line is not Fieldkit's (`cli/main.ts`, the `fieldkit` launcher) holds the pid by reuse: stale.
 */
export function isFieldkitProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive but another user's; it cannot be ours to take over.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true; // no /proc (macOS): trust the live pid
  }
  return cmdline.split('\0').some((a) => /(^|\/)(fieldkit|cli\/main\.ts)$/.test(a));
}

/** A file in every built site saying which edition it is and its date. */
export const BUILD_MANIFEST = 'fieldkit-build.json';
export interface BuildManifest { edition: Audience; now: string }

/** The edition of the built site in distDir (from its manifest), or undefined when there is none. */
export function builtEdition(distDir: string): Audience | undefined {
  try {
    const m = JSON.parse(readFileSync(join(distDir, BUILD_MANIFEST), 'utf8')) as Partial<Record<keyof BuildManifest, string>>;
    return m.edition !== undefined && isAudience(m.edition) ? m.edition : undefined;
  } catch {
    return undefined;
  }
}

/** What the content loader leaves for `build` (src/loaders/fieldkit.ts, FIELDKIT_REPORT_FILE). */
interface CheckReport {
  problems: Problem[];
  files: number;
  snapshot: KitSnapshot;
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const audience = opts.audience ?? 'internal';
  // Before anything else: partner and public editions need the deny-list (exit 2 without it).
  const terms = denyListFor(opts.root, audience, 'build');
  return withBuildLock(opts.root, () => buildUnlocked(opts, terms));
}

async function buildUnlocked(opts: BuildOptions, terms: ListedTerm[]): Promise<BuildResult> {
  const phases: Phase[] = [];
  const outDir = opts.outDir ?? join(opts.root, 'dist');
  const work = join(opts.root, '.fieldkit');
  const stage = join(work, 'stage');

  const audience = opts.audience ?? 'internal';
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // One parse: the check runs inside the build, in the Fieldkit content loader, which leaves its
  // report here (the problems, and the snapshot the leak test needs).
  const reportFile = join(work, 'check-report.json');
  rmSync(reportFile, { force: true });
  const astro = join(opts.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = {
    ...process.env, FIELDKIT_NOW: opts.now, FIELDKIT_AUDIENCE: audience, FIELDKIT_REPORT_FILE: reportFile,
    FIELDKIT_COMMIT: process.env.FIELDKIT_COMMIT ?? gitCommit(opts.root), ASTRO_TELEMETRY_DISABLED: '1',
  };
  const built = await phase(phases, 'validate and render', async () => {
    // --verbose: Astro's own output, streamed to stderr as it happens (diagnostics, not results).
    const r = opts.verbose
      ? { code: await run(process.execPath, [astro, 'build', '--outDir', stage], { cwd: opts.root, env, stdio: ['ignore', process.stderr, process.stderr] }), stdout: '', stderr: '' }
      : await capture(process.execPath, [astro, 'build', '--outDir', stage, '--silent'], { cwd: opts.root, env });
    const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) as CheckReport : undefined;
    return { r, report };
  });
  const { r, report } = built;
  if (report && checkExitCode(report.problems, false) !== 0) {
    rmSync(stage, { recursive: true, force: true });
    process.stderr.write(formatText(report.problems, report.files));
    process.stderr.write(`build: stopped before rendering; ${relative(process.cwd(), outDir) || outDir} was left as it was.\n`);
    return { code: EXIT.problems, phases, outDir, pages: 0 };
  }
  if (r.code !== 0 || !report) {
    rmSync(stage, { recursive: true, force: true });
    throw new InternalError(`astro build failed (exit ${r.code}); dist/ was left as it was.\n${r.stdout}${r.stderr}`);
  }
  const { snapshot } = report;
  if (report.problems.length) process.stderr.write(formatText(report.problems, report.files));
  const pages = countHtml(stage);
  // Which edition this folder holds, for `pdf` and `slides` run on it later (scanned like the rest).
  writeFileSync(join(stage, BUILD_MANIFEST), `${JSON.stringify({ edition: audience, now: opts.now } satisfies BuildManifest)}\n`);

  await phase(phases, 'search index', async () => {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new InternalError(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length) throw new InternalError(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(stage, 'pagefind') });
    if (written.errors.length) throw new InternalError(`pagefind: ${written.errors.join('; ')}`);
    await pagefind.close();
  });

  // More outputs, rendered into the staging folder so the leak test below covers them: the kit
  // PDFs (`--pdf`), then each of `opts.outputs` (the hook for `slides`: .pptx into <stage>/kits/).
  let pdfs: PdfFile[] | undefined;
  if (opts.pdf) {
    const { renderPdfs } = await import('./pdf.ts');
    const r = await renderPdfs({ root: opts.root, distDir: stage, format: opts.pdf.format });
    phases.push(...r.phases);
    if (r.code !== EXIT.ok) {
      rmSync(stage, { recursive: true, force: true });
      process.stderr.write(`build: the PDFs failed (above); nothing was published, ${relative(process.cwd(), outDir) || outDir} was left as it was.\n`);
      return { code: r.code, phases, outDir, pages: 0 };
    }
    pdfs = r.files.map((f) => ({ ...f, path: join(outDir, relative(stage, f.path)) }));
  }
  for (const output of opts.outputs ?? []) await phase(phases, output.name, () => output.render(stage));

  const leaks = await phase(phases, 'leak test', () => scanForLeaks(stage, leakNeedles(terms, snapshot, audience), { root: opts.root }));
  if (leaks.leaks.length) {
    const rejected = rejectStage(work, stage);
    for (const l of leaks.leaks) process.stderr.write(formatLeak(l));
    process.stderr.write(`build: the ${audience} edition leaks ${leaks.leaks.length} time(s) (above); nothing was published, ${relative(process.cwd(), outDir) || outDir} was left as it was (the rejected build is in ${relative(process.cwd(), rejected)}/ for inspection).\n`);
    return { code: EXIT.problems, phases, outDir, pages: 0 };
  }
  process.stderr.write(terms.length || audience !== 'internal'
    ? `  scanned ${leaks.files} files for ${terms.length} confidential term(s)${audience === 'internal' ? '' : ' and left-out entries'}: clean\n`
    : '  leak test: nothing to look for (no deny-list; internal edition)\n');

  await phase(phases, 'publish', () => publishStage(work, stage, outDir));
  return { code: EXIT.ok, phases, outDir, pages, pdfs };
}

/** Keeps a rejected staging folder out of dist/ for inspection (the next rejection replaces it). */
export function rejectStage(work: string, stage: string): string {
  const rejected = join(work, 'rejected');
  rmSync(rejected, { recursive: true, force: true });
  renameSync(stage, rejected);
  return rejected;
}

/** The one publishing step: the scanned staging folder becomes `outDir` by rename. */
export function publishStage(work: string, stage: string, outDir: string): void {
  const old = join(work, 'previous');
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  mkdirSync(dirname(outDir), { recursive: true }); // a first build into a new folder (e.g. .fieldkit/editions/partner)
  renameSync(stage, outDir);
  rmSync(old, { recursive: true, force: true });
}

function gitCommit(root: string): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return 'uncommitted';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src/content'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  return `${r.stdout.trim()}${dirty ? '+local changes' : ''}`;
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

export async function buildCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['now', 'audience'], booleans: ['verbose', 'pdf'] });
  const withPdf = args.flags.has('pdf');
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const t0 = performance.now();
  const r = await buildSite({
    root: PROJECT_ROOT,
    now: dateFlag(args.flags.get('now')) ?? today(),
    verbose: args.flags.has('verbose'),
    audience: audienceFlag(args.flags.get('audience')),
    pdf: withPdf ? {} : undefined,
    // The editable dagger slides go with the PDFs, into the staging folder, so the leak test covers them.
    outputs: withPdf
      ? [{ name: 'slides', render: async (stage: string) => { await (await import('./slides.ts')).writeEditionSlides({ root: PROJECT_ROOT, distDir: stage, audience: audienceFlag(args.flags.get('audience')), now: dateFlag(args.flags.get('now')) ?? today() }); } }]
      : undefined,
  });
  if (r.code !== EXIT.ok) return r.code;
  const pdf = r.pdfs ? { files: r.pdfs } : undefined;
  const total = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(
    `\nbuilt ${r.pages} pages into ${relative(process.cwd(), r.outDir) || r.outDir}/ in ${total} s ` +
      `(${r.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')})\n` +
      `${pdf ? `PDFs: ${pdf.files.length} in ${relative(process.cwd(), r.outDir)}/kits/\n` : ''}` +
      `look at it: ./fieldkit preview  (serves it on http://127.0.0.1:4321/)\n`,
  );
  return EXIT.ok;
}
