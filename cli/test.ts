/**
 * `test`: the whole suite, in the order a fresh machine needs it: unit and CLI tests, real builds
 * of the shipped content (internal into dist/, partner and public, and the internal edition one
 * and two years later), then browser tests in Chromium over the built sites. Ends with
 * `N passed, N failed`. Every build is dated from the content (`testDate`), never from the clock.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Audience } from '#schemas/common.ts';
import { latestContentDate } from '#lib/checks/integrity.ts';
import { buildSite } from './build.ts';
import { ensureChromium, CHROMIUM_ENV } from './chromium.ts';
import { ensureLibreOffice } from './libreoffice.ts';
import { ensurePackages, MEASURE_TOOLS } from './tools.ts';
import { validateTree } from '../src/node/content-fs.ts';
import { dateFlag, EXIT, InternalError, parseArgs, phase, PROJECT_ROOT, run, UsageError, type Phase } from './util.ts';

interface Tally { passed: number; failed: number; skipped: number }

/**
 * The date the suite's builds are judged against: FIELDKIT_NOW when set, otherwise the newest date
 * the content records (so the same commit tests the same way on any day, and no content date is
 * ever "in the future").
 */
export function testDate(root: string): string {
  const given = dateFlag(process.env.FIELDKIT_NOW);
  if (given) return given;
  const { snapshot } = validateTree(root, '9999-12-31');
  const latest = latestContentDate(snapshot);
  if (!latest) throw new InternalError(`no dated entry in ${join(root, 'src', 'content')}: nothing to date the test builds by (set FIELDKIT_NOW=YYYY-MM-DD)`);
  return latest;
}

/** The same day `n` years later (29 February becomes 28 February). */
export function yearsLater(date: string, n: number): string {
  const [y, md] = [Number(date.slice(0, 4)), date.slice(5)];
  return `${String(y + n).padStart(4, '0')}-${md === '02-29' ? '02-28' : md}`;
}

/** Runs `fn` with `terms` added to FIELDKIT_TERMS (read by the leak test of every build), then restores it. */
async function withTerms<T>(terms: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.FIELDKIT_TERMS;
  process.env.FIELDKIT_TERMS = [before, terms].filter(Boolean).join('\n');
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.FIELDKIT_TERMS;
    else process.env.FIELDKIT_TERMS = before;
  }
}

/** Test-only deny-list for the edition builds (FIELDKIT_TERMS): a term that must never appear in any edition. */
export const CANARY_TERMS = 'Fieldkit Canary Term';

/**
 * The extra builds `test` makes besides dist/ (the internal edition at the test date): the
 * customer-safe editions (for tests/browser/editions.test.ts), and the internal edition with the
 * clock moved on, when everything is stale (for tests/browser/time-travel.test.ts).
 */
export function extraBuilds(root: string, now: string): { name: string; audience: Audience; now: string; outDir: string }[] {
  const dir = (name: string) => join(root, '.fieldkit', 'editions', name);
  return [
    { name: 'partner edition', audience: 'partner', now, outDir: dir('partner') },
    { name: 'public edition', audience: 'public', now, outDir: dir('public') },
    { name: 'internal edition, one year later', audience: 'internal', now: yearsLater(now, 1), outDir: dir('internal-plus-1y') },
    { name: 'internal edition, two years later', audience: 'internal', now: yearsLater(now, 2), outDir: dir('internal-plus-2y') },
  ];
}

async function vitest(project: string, outFile: string, extraEnv: Record<string, string> = {}, extraArgs: string[] = []): Promise<Tally> {
  rmSync(outFile, { force: true });
  const bin = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const code = await run(process.execPath, [bin, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${outFile}`, ...extraArgs], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...extraEnv },
  });
  if (!existsSync(outFile)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(outFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string }[] };
  // A file that failed to load counts as a failure even though it ran no test.
  const brokenFiles = r.testResults.filter((t) => t.status === 'failed').length;
  const failed = r.numFailedTests || (code !== 0 ? Math.max(1, brokenFiles) : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

/** Where the unit run writes its coverage (vitest.config.ts `coverage.reportsDirectory`). */
const COVERAGE_DIR = join(PROJECT_ROOT, '.fieldkit', 'coverage');

/**
 * The unit project with v8 coverage of src/lib and the floor in vitest.config.ts (vitest exits
 * non-zero below it). Prints one line with the coverage against the floor; coverage below the
 * floor counts as one failure even when every test passed.
 */
async function unitWithCoverage(outFile: string): Promise<Tally> {
  const summary = join(COVERAGE_DIR, 'coverage-summary.json');
  rmSync(summary, { force: true });
  const t = await vitest('unit', outFile, {}, ['--coverage.enabled']);
  const floor = await coverageFloor();
  if (!existsSync(summary)) {
    process.stderr.write('coverage: no summary written (the unit run did not finish)\n');
    return { passed: t.passed, failed: Math.max(1, t.failed), skipped: t.skipped };
  }
  const total = (JSON.parse(readFileSync(summary, 'utf8')) as { total: CoverageTotal }).total;
  const c = coverageVerdict(total, floor);
  process.stderr.write(`${c.line}\n`);
  // vitest already fails a run below the floor (a non-zero exit with no failed test); count it once.
  const thresholdFailure = c.below.length > 0 && t.failed === 0 ? 1 : 0;
  return { passed: t.passed, failed: t.failed + thresholdFailure, skipped: t.skipped };
}

export type CoverageTotal = Record<'lines' | 'branches', { pct: number }>;

/** The coverage line `test` prints, and which measures are below the floor. */
export function coverageVerdict(total: CoverageTotal, floor?: { lines: number; branches: number }): { line: string; below: ('lines' | 'branches')[] } {
  const below = floor ? (['lines', 'branches'] as const).filter((k) => total[k].pct < floor[k]) : [];
  const floorText = floor ? ` (floor: ${floor.lines} % of lines, ${floor.branches} % of branches)` : '';
  return {
    line: `coverage of src/lib: ${total.lines.pct} % of lines, ${total.branches.pct} % of branches${floorText}${below.length ? `: BELOW the floor for ${below.join(' and ')}` : ''}`,
    below,
  };
}

/** The floor from vitest.config.ts, or undefined in a kit without one. */
async function coverageFloor(): Promise<{ lines: number; branches: number } | undefined> {
  const config = join(PROJECT_ROOT, 'vitest.config.ts');
  if (!existsSync(config)) return undefined;
  return ((await import(pathToFileURL(config).href)) as { COVERAGE_FLOOR?: { lines: number; branches: number } }).COVERAGE_FLOOR;
}

export async function testCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: ['no-browser'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const work = join(PROJECT_ROOT, '.fieldkit');
  mkdirSync(work, { recursive: true });
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const phases: Phase[] = [];
  const add = (t: Tally) => { total.passed += t.passed; total.failed += t.failed; total.skipped += t.skipped; };

  const types = await phase(phases, 'type check (astro check, strict)', () => run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'check'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  }));
  add(types === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

  const lint = await phase(phases, 'lint (eslint)', () => run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], { cwd: PROJECT_ROOT }));
  add(lint === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

  await ensurePackages(MEASURE_TOOLS, { install: true }); // fio and iperf3, run for real by tests/cli/measure-tools.test.ts
  add(await phase(phases, 'unit and CLI tests, with coverage of src/lib (slow: about 8 min on 2 cores; the 500-case fuzz test alone about 3 min)', () => unitWithCoverage(join(work, 'vitest-unit.json'))));

  const now = testDate(PROJECT_ROOT);
  process.stderr.write(`test builds are dated ${now} (the newest date in the content; FIELDKIT_NOW overrides)\n`);
  const buildOne = (name: string, opts: { audience?: Audience; now: string; outDir?: string }) =>
    phase(phases, `build: ${name}`, () => buildSite({ root: PROJECT_ROOT, ...opts })).catch((e: Error) => {
      process.stderr.write(`build (${name}) failed: ${e.message}\n`);
      return { code: EXIT.internal };
    });
  const build = await withTerms(CANARY_TERMS, async () => {
    const main = await buildOne('internal edition into dist/', { now });
    add(main.code === EXIT.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
    for (const b of extraBuilds(PROJECT_ROOT, now)) {
      // A failed build leaves no folder behind, so no browser test reads an older one.
      rmSync(b.outDir, { recursive: true, force: true });
      mkdirSync(dirname(b.outDir), { recursive: true });
      const r = await buildOne(`${b.name} (--audience ${b.audience} --now ${b.now})`, b);
      add(r.code === EXIT.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
    }
    return main;
  });

  if (args.flags.has('no-browser')) {
    process.stderr.write('browser tests skipped (--no-browser)\n');
  } else if (build.code === EXIT.ok) {
    const { path: browser, message } = await ensureChromium({ install: true });
    if (!browser) {
      process.stderr.write(`${message}\n`);
      add({ passed: 0, failed: 1, skipped: 0 });
    } else {
      // LibreOffice Impress opens the generated PowerPoint files (tests/browser/slides.test.ts).
      const office = await ensureLibreOffice({ install: true });
      if (!office.path) {
        process.stderr.write(`${office.message}\n`);
        add({ passed: 0, failed: 1, skipped: 0 });
      }
      add(await phase(phases, 'browser tests (slow: about 10 min on 2 cores; real Chromium, LibreOffice, nginx and poppler)', () => vitest('browser', join(work, 'vitest-browser.json'), { [CHROMIUM_ENV]: browser, FIELDKIT_NOW: now })));
    }
  }
  process.stderr.write(`\nphases: ${phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}\n`);
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
  return total.failed === 0 ? EXIT.ok : EXIT.problems;
}
