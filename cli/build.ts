/**
 * `build`: validate, render pages into a staging folder, index them with Pagefind, then swap the
 * finished site into dist/. A failed build leaves the previous dist/ untouched: never a half-built site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkExitCode } from '#lib/problems.ts';
import type { Audience } from '#schemas/common.ts';
import { leakRules, scanForLeaks } from './leaks.ts';
import { formatText } from '#lib/report.ts';
import { today, validateTree } from './io/content-fs.ts';
import { audienceFlag, capture, dateFlag, EXIT, InternalError, parseArgs, phase, PROJECT_ROOT, UsageError, type Phase } from './util.ts';

export interface BuildOptions {
  root: string;
  now: string;
  /** The edition: entries stricter than it are left out (default internal). */
  audience?: Audience;
  /** Where the finished site goes (default <root>/dist). */
  outDir?: string;
  /** Print Astro's own output (for debugging). */
  verbose?: boolean;
}

export interface BuildResult {
  code: number;
  phases: Phase[];
  outDir: string;
  pages: number;
}

/**
 * One build at a time per project: Astro's cache (.astro/) and dist/ are shared. A lock folder
 * holds the owner's pid; a lock whose process is gone is taken over.
 */
async function withBuildLock<T>(work: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(work, 'build.lock');
  mkdirSync(work, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const pid = Number(readFileSafe(join(lock, 'pid')));
      if (!pid || !alive(pid)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) process.stderr.write(`waiting for another build (pid ${pid}) to finish…\n`);
      if (waited > 15 * 60_000) throw new InternalError(`another build (pid ${pid}) holds ${lock}`);
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  return withBuildLock(join(opts.root, '.fieldkit'), () => buildUnlocked(opts));
}

async function buildUnlocked(opts: BuildOptions): Promise<BuildResult> {
  const phases: Phase[] = [];
  const outDir = opts.outDir ?? join(opts.root, 'dist');
  const work = join(opts.root, '.fieldkit');
  const stage = join(work, 'stage');

  const audience = opts.audience ?? 'internal';
  const { problems, files, snapshot } = await phase(phases, 'validate', () => validateTree(opts.root, opts.now, audience));
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (checkExitCode(problems, false) !== 0) {
    process.stderr.write(formatText(problems, files));
    process.stderr.write(`build: stopped before rendering; ${relative(process.cwd(), outDir) || outDir} was left as it was.\n`);
    return { code: EXIT.problems, phases, outDir, pages: 0 };
  }
  if (warnings) process.stderr.write(formatText(problems, files));

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const astro = join(opts.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = {
    ...process.env, FIELDKIT_PRECHECKED: '1', FIELDKIT_NOW: opts.now, FIELDKIT_AUDIENCE: audience,
    FIELDKIT_COMMIT: process.env.FIELDKIT_COMMIT ?? gitCommit(opts.root), ASTRO_TELEMETRY_DISABLED: '1',
  };
  const pages = await phase(phases, 'pages', async () => {
    const r = await capture(process.execPath, [astro, 'build', '--outDir', stage, '--silent'], { cwd: opts.root, env });
    if (opts.verbose) process.stderr.write(r.stdout + r.stderr);
    if (r.code !== 0) {
      rmSync(stage, { recursive: true, force: true });
      throw new InternalError(`astro build failed (exit ${r.code}); dist/ was left as it was.\n${r.stdout}${r.stderr}`);
    }
    return countHtml(stage);
  });

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

  const leaks = await phase(phases, 'leak test', () => {
    const { terms, needles } = leakRules(opts.root, snapshot, audience);
    return scanForLeaks(stage, terms, needles);
  });
  if (leaks.leaks.length) {
    // Kept out of dist/ for inspection only; the next build replaces it.
    const rejected = join(work, 'rejected');
    rmSync(rejected, { recursive: true, force: true });
    renameSync(stage, rejected);
    for (const l of leaks.leaks) process.stderr.write(`leak: ${l.file}: ${l.what}\n`);
    process.stderr.write(`build: the ${audience} edition leaks ${leaks.leaks.length} time(s) (above); nothing was published, dist/ was left as it was (the rejected build is in ${relative(process.cwd(), rejected)}/ for inspection).\n`);
    return { code: EXIT.problems, phases, outDir, pages: 0 };
  }
  process.stderr.write(`  scanned ${leaks.files} files for confidential terms and left-out entries: clean\n`);

  await phase(phases, 'publish', () => {
    const old = join(work, 'previous');
    rmSync(old, { recursive: true, force: true });
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(stage, outDir);
    rmSync(old, { recursive: true, force: true });
  });
  return { code: EXIT.ok, phases, outDir, pages };
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
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const t0 = performance.now();
  const r = await buildSite({
    root: PROJECT_ROOT,
    now: dateFlag(args.flags.get('now')) ?? today(),
    verbose: args.flags.has('verbose'),
    audience: audienceFlag(args.flags.get('audience')),
  });
  if (r.code !== EXIT.ok) return r.code;
  const pdf = args.flags.has('pdf') ? await (await import('./pdf.ts')).renderPdfs({ root: PROJECT_ROOT, distDir: r.outDir }) : undefined;
  if (pdf && pdf.code !== EXIT.ok) return pdf.code;
  if (pdf) await (await import('./slides.ts')).writeEditionSlides({ root: PROJECT_ROOT, distDir: r.outDir, audience: audienceFlag(args.flags.get('audience')), now: dateFlag(args.flags.get('now')) ?? today() });
  const total = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(
    `\nbuilt ${r.pages} pages into ${relative(process.cwd(), r.outDir) || r.outDir}/ in ${total} s ` +
      `(${r.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')})\n` +
      `${pdf ? `PDFs: ${pdf.files.length} in ${relative(process.cwd(), r.outDir)}/kits/\n` : ''}` +
      `look at it: ./fieldkit preview  (serves it on http://127.0.0.1:4321/)\n`,
  );
  return EXIT.ok;
}
