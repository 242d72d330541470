/**
 * `audit`: Lighthouse over a few built pages (home, a cloud, a play, a dagger page), category
 * scores per page. An audit to read, not a pass/fail test: scores move with machine load.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath } from './chromium.ts';
import { serveDir } from './serve.ts';
import { capture, EXIT, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;

export async function auditCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: [] });
  const dist = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('audit: no built site in dist/; run ./fieldkit build first\n');
    return EXIT.problems;
  }
  if (!existsSync(chromiumPath())) {
    process.stderr.write(`audit: Chromium not found at ${chromiumPath()}; apt-get install chromium, or set ${CHROMIUM_ENV}\n`);
    return EXIT.internal;
  }
  const paths = args.positional.length ? args.positional : ['/', '/clouds/azure/', '/plays/checkpoint-storms-azure/', '/clouds/azure/dagger/'];
  for (const p of paths) if (!p.startsWith('/')) throw new UsageError(`pages are site paths like /clouds/azure/ (got ${p})`);
  const { server, url } = await serveDir(dist);
  const lighthouse = join(PROJECT_ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
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
