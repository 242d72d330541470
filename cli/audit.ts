/**
 * `audit`: Lighthouse (mobile, its default) over one built page of every type, category scores
 * and the load metrics per page as a Markdown table. Each page runs `--runs` times (default 2)
 * and the run with the lower performance score is reported, since scores move with machine
 * load. An audit to read, not a pass/fail test.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath } from './chromium.ts';
import { resolveRequest, serveDir } from './serve.ts';
import { capture, EXIT, InternalError, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';
import { route } from '../src/lib/site/routes.ts';

const LIGHTHOUSE_VERSION = '13.5.0';
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;

/**
 * Lighthouse is large (about 100 packages, 150 MB) and only this optional command uses it, so it is
 * not a project dependency: the first `audit` installs the pinned version into the Fieldkit cache.
 */
async function ensureLighthouse(): Promise<string> {
  const cache = process.env.FIELDKIT_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'fieldkit');
  const prefix = join(cache, `lighthouse-${LIGHTHOUSE_VERSION}`);
  const cli = join(prefix, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (existsSync(cli)) return cli;
  process.stderr.write(`installing Lighthouse ${LIGHTHOUSE_VERSION} into ${prefix} (once)…\n`);
  mkdirSync(prefix, { recursive: true });
  const npm = join(dirname(process.execPath), 'npm');
  const r = await capture(existsSync(npm) ? npm : 'npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`]);
  if (r.code !== 0 || !existsSync(cli)) throw new InternalError(`could not install Lighthouse ${LIGHTHOUSE_VERSION} from the npm registry: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return cli;
}

/**
 * One page of every type in the built site: fixed pages, then the first entry (by name) of each
 * collection that has pages, so the list follows whatever content the kit has.
 */
export function defaultPaths(dist: string): string[] {
  const has = (p: string) => existsSync(join(dist, p, 'index.html'));
  /** `/<dir>/<first>/` (or deeper, following `depth` folders) when the folder has pages. */
  const first = (dir: string, depth = 1, suffix = ''): string | undefined => {
    let rel = dir;
    for (let i = 0; i < depth; i++) {
      const root = join(dist, rel);
      if (!existsSync(root)) return undefined;
      const next = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
        .find((n) => i < depth - 1 || has(join(rel, n, suffix)));
      if (!next) return undefined;
      rel = join(rel, next);
    }
    return `/${join(rel, suffix)}/`.replace(/\/+/g, '/');
  };
  const candidates = [
    route.home(),
    first('clouds'),
    first('clouds', 1, 'dagger'),
    first('plays'),
    route.claims(),
    first('claims', 2),
    route.tcos(),
    first('tco'),
    route.triage(),
    route.frds(),
    first('frds'),
    `${route.search()}?q=egress`,
    route.sources(),
    first('sources'),
    first('kits'),
    route.changes(),
    first('measurements', 3),
    first('reviews'),
    route.signals(),
  ];
  return [...new Set(candidates.filter((p): p is string => p !== undefined && has(p.split('?')[0]!)))];
}

interface Run {
  scores: Record<string, number | null>;
  metrics: Record<string, string>;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' } as const;

/** The lower of two scores (a failed category, null, is the lowest). */
const lower = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : Math.min(a, b));

export async function auditCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['runs'], booleans: ['gzip'] });
  const gzip = args.flags.get('gzip') === true;
  const runsFlag = args.flags.get('runs');
  const runs = runsFlag === undefined ? 2 : Number(runsFlag);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10) throw new UsageError(`--runs must be a whole number from 1 to 10 (got ${String(runsFlag)})`);
  const dist = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('fieldkit audit: no built site in dist/; run ./fieldkit build first\n');
    return EXIT.usage;
  }
  const paths = args.positional.length ? args.positional : defaultPaths(dist);
  for (const p of paths) if (!p.startsWith('/')) throw new UsageError(`pages are site paths like /clouds/azure/ (got ${p})`);
  const missing = paths.filter((p) => resolveRequest(realpathSync(dist), p.split('?')[0]!).kind !== 'file');
  if (missing.length) {
    process.stderr.write(`fieldkit audit: not a page of the built site: ${missing.join(', ')}\n`);
    return EXIT.problems;
  }
  if (!existsSync(chromiumPath())) {
    process.stderr.write(`fieldkit audit: Chromium not found at ${chromiumPath()}; apt-get install chromium, or set ${CHROMIUM_ENV}\n`);
    return EXIT.internal;
  }
  const lighthouse = await ensureLighthouse();
  const { server, url } = await serveDir(dist, 0, '127.0.0.1', { gzip });
  const rows: string[][] = [];
  const once = async (p: string): Promise<Run | undefined> => {
    const out = mkdtempSync(join(tmpdir(), 'fieldkit-lh-'));
    try {
      const r = await capture(process.execPath, [
        lighthouse, `${url}${p}`, '--quiet', '--output=json', `--output-path=${join(out, 'r.json')}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: chromiumPath() } });
      if (r.code !== 0 || !existsSync(join(out, 'r.json'))) {
        process.stderr.write(`audit: lighthouse failed on ${p}: ${r.stderr.split('\n').slice(-3).join(' ')}\n`);
        return undefined;
      }
      const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as {
        categories: Record<string, { score: number | null } | undefined>;
        audits: Record<string, { displayValue?: string } | undefined>;
      };
      return {
        scores: Object.fromEntries(CATEGORIES.map((k) => [k, report.categories[k]?.score == null ? null : Math.round(report.categories[k].score * 100)])),
        metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, report.audits[id]?.displayValue?.replace(/\u00a0/g, ' ') ?? '–'])),
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  try {
    for (const p of paths) {
      const done: Run[] = [];
      for (let i = 1; i <= runs; i++) {
        process.stderr.write(`audit: ${p} run ${i}/${runs}\n`);
        const r = await once(p);
        if (r) done.push(r);
      }
      if (!done.length) {
        rows.push([p, 'failed', '', '', '', '', '', '', '']);
        continue;
      }
      // The run with the lower performance score, its metrics; every category at its lowest.
      const worst = done.reduce((a, b) => ((b.scores.performance ?? -1) < (a.scores.performance ?? -1) ? b : a));
      const score = (k: string) => {
        const v = done.map((r) => r.scores[k]).reduce((a, b) => lower(a, b));
        return v == null ? '–' : String(v);
      };
      rows.push([`\`${p}\``, ...CATEGORIES.map(score), worst.metrics.fcp!, worst.metrics.lcp!, worst.metrics.tbt!, worst.metrics.cls!]);
    }
  } finally {
    server.close();
  }
  const head = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'];
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  process.stdout.write(`${line(head)}\n|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|\n${rows.map(line).join('\n')}\n\n`);
  process.stdout.write(`Lighthouse ${LIGHTHOUSE_VERSION}, mobile, the lower of ${runs} run${runs === 1 ? '' : 's'} per page (metrics from the lower performance run), served ${gzip ? 'gzip-compressed (text files, as nginx with gzip on)' : 'uncompressed'}. Targets: performance >= ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices >= ${TARGETS['best-practices']}; SEO is not a goal (non-public editions are noindex).\n`);
  return EXIT.ok;
}
