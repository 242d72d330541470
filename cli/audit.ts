/**
 * `audit`: Lighthouse over a few built pages (home, a cloud, a play, a dagger page), category
 * scores per page. An audit to read, not a pass/fail test: scores move with machine load.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
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

export async function auditCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: [] });
  const dist = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('fieldkit audit: no built site in dist/; run ./fieldkit build first\n');
    return EXIT.usage;
  }
  const paths = args.positional.length ? args.positional : [route.home(), route.cloud('azure'), route.play('checkpoint-storms-azure'), route.dagger('azure')];
  for (const p of paths) if (!p.startsWith('/')) throw new UsageError(`pages are site paths like /clouds/azure/ (got ${p})`);
  const missing = paths.filter((p) => resolveRequest(realpathSync(dist), p).kind !== 'file');
  if (missing.length) {
    process.stderr.write(`fieldkit audit: not a page of the built site: ${missing.join(', ')}\n`);
    return EXIT.problems;
  }
  if (!existsSync(chromiumPath())) {
    process.stderr.write(`fieldkit audit: Chromium not found at ${chromiumPath()}; apt-get install chromium, or set ${CHROMIUM_ENV}\n`);
    return EXIT.internal;
  }
  const lighthouse = await ensureLighthouse();
  const { server, url } = await serveDir(dist);
  const rows: string[][] = [];
  try {
    for (const p of paths) {
      const out = mkdtempSync(join(tmpdir(), 'fieldkit-lh-'));
      const r = await capture(process.execPath, [
        lighthouse, `${url}${p}`, '--quiet', '--output=json', `--output-path=${join(out, 'r.json')}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: chromiumPath() } });
      if (r.code !== 0 || !existsSync(join(out, 'r.json'))) {
        rows.push([p, 'failed', '', '', '']);
        process.stderr.write(`audit: lighthouse failed on ${p}: ${r.stderr.split('\n').slice(-3).join(' ')}\n`);
        continue;
      }
      const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as { categories: Record<string, { score: number | null }> };
      rmSync(out, { recursive: true, force: true });
      const score = (k: string) => (report.categories[k]?.score == null ? '–' : String(Math.round(report.categories[k]!.score! * 100)));
      rows.push([p, score('performance'), score('accessibility'), score('best-practices'), score('seo')]);
    }
  } finally {
    server.close();
  }
  const head = ['page', 'performance', 'accessibility', 'best practices', 'seo'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`${line(head)}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(`targets: performance >= ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices >= ${TARGETS['best-practices']}; SEO is not a goal (non-public editions are noindex)\n`);
  return EXIT.ok;
}
