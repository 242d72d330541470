/**
 * Editions that cannot leak: a fixture kit with planted internal entries and a planted
 * confidential term, built for partner (clean), internal (the term is caught), partner with the
 * filter bypassed (caught), and public (no internal page reachable).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTree } from '../../src/node/content-fs.ts';
import { leakNeedles, scanForLeaks } from '../../cli/leaks.ts';
import type { Problem } from '../../src/lib/problems/problems.ts';
import { BASE_TREE, fieldkit, projectWith } from '../helpers.ts';

const SECRET_CLAIM = 'src/content/claims/azure/secret.yaml';
const PLANTED: Record<string, string> = {
  ...BASE_TREE,
  // Everything the partner may see.
  'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner'),
  'src/content/claims/azure/ingress.yaml': BASE_TREE['src/content/claims/azure/ingress.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner'),
  'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: public'),
  // Planted internal entry naming the confidential customer.
  [SECRET_CLAIM]: [
    'owner: lead', 'reviewed: 2026-11-01', 'audience: internal', 'cloud: azure', 'service: Example storage',
    'category: throughput', 'statement: Globex Studios moved its renders off the cloud after the throttling.',
    'metric: {name: Render throughput, value: TBD, unit: Gbps, better: higher}', 'status: tbd', '',
  ].join('\n'),
};
// The deny-list comes from the environment (a CI secret), never from the repository.
const TERMS = { FIELDKIT_TERMS: 'Globex Studios\n', FIELDKIT_TERMS_FILE: '' };

function build(dir: string, audience: string, env: Record<string, string> = {}) {
  return fieldkit(['build', '--audience', audience, '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir, ...TERMS, ...env } });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(join(dir, 'dist'), { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
}

describe('editions', () => {
  it('partner: planted internal entries are left out and the leak test passes', () => {
    const dir = projectWith({}, PLANTED);
    const r = build(dir, 'partner');
    expect(r.stderr).toContain('for 1 confidential term(s) and left-out entries: clean');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'dist', 'claims', 'azure', 'secret', 'index.html'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'claims', 'azure', 'ingress', 'index.html'))).toBe(true);
    const all = htmlFiles(dir).map((f) => readFileSync(join(dir, 'dist', f), 'utf8')).join('\n');
    expect(all).not.toContain('Globex');
    expect(all).toContain('partner edition');
    expect(readFileSync(join(dir, 'dist', 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('<meta name="robots" content="noindex, nofollow">');
    // The fixture's only play is internal and it has no triage, FRD, review or signal: those sections are not drawn.
    const home = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)![1]!;
    expect([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/clouds/', '/claims/', '/kits/', '/sources/']);
    expect(home).not.toMatch(/href="\/(plays|triage|frds|reviews|signals|tco)\/"/);
  });

  it('internal: the confidential term itself fails the build, naming the file', () => {
    const dir = projectWith({}, PLANTED);
    const r = build(dir, 'internal');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/leak: claims\/azure\/secret\/index\.html:\d+: confidential term 1 in text: "[^"]*\[term 1\] moved its renders/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('partner with the audience filter bypassed: the leak test catches the internal entry', () => {
    const dir = projectWith({}, PLANTED);
    const r = build(dir, 'partner', { FIELDKIT_UNSAFE_SKIP_AUDIENCE_FILTER: '1', FIELDKIT_TERMS: 'Not In This Kit\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/leak: [^ ]+: "\/claims\/azure\/secret\/" in attribute href: /);
    expect(r.stderr).toMatch(/leak: claims\/azure\/secret\/index\.html:\d+: "Globex Studios moved its renders off the cloud after the throttling\." in text: /);
    expect(r.stderr).toContain('nothing was published');
  });

  it('public: no internal page exists or is linked', () => {
    const dir = projectWith({}, PLANTED);
    const r = build(dir, 'public');
    expect(r.code).toBe(0);
    const files = htmlFiles(dir);
    expect(files.some((f) => f.startsWith('clouds/azure'))).toBe(false);
    expect(files.some((f) => f.startsWith('claims/azure'))).toBe(false);
    expect(files).toContain('sources/doc/index.html');
    for (const f of files) {
      const html = readFileSync(join(dir, 'dist', f), 'utf8');
      for (const m of html.matchAll(/href="(\/[^"#?]*)"/g)) {
        const target = m[1]!.endsWith('/') ? `${m[1]}index.html` : m[1]!;
        expect(existsSync(join(dir, 'dist', target)), `${f} links to ${m[1]}`).toBe(true);
      }
    }
    expect(readFileSync(join(dir, 'dist', 'robots.txt'), 'utf8')).toContain('Allow: /');
  });
});

describe('check --audience and the build agree', () => {
  // A partner-visible cloud links an internal claim's page in prose (a leak), and a
  // partner-visible play cites the same claim in a reference field (withheld, not a leak).
  const LINKED: Record<string, string> = {
    ...PLANTED,
    'confidential-terms.txt': '',
    'src/content/clouds/azure.md': PLANTED['src/content/clouds/azure.md']!.replace(
      'The ingress limit is [limited](claim:azure/ingress).',
      'The ingress limit is [limited](claim:azure/ingress).\nCompare [the render story](/claims/azure/secret/).',
    ),
    'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!
      .replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner')
      .replace('proofPoints: [azure/ingress]', 'proofPoints: [azure/ingress, azure/secret]'),
  };
  const check = (dir: string) => {
    const r = fieldkit(['check', '--root', dir, '--audience', 'partner', '--now', '2026-11-26', '--format', 'json']);
    return { code: r.code, problems: (JSON.parse(r.stdout) as { problems: Problem[] }).problems };
  };

  it('a prose link to a left-out page: check names the line, the build fails on the same address', async () => {
    const dir = projectWith({}, LINKED);
    const c = check(dir);
    expect(c.code).toBe(1);
    expect(c.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.file}:${p.line} ${p.found}`)).toEqual([
      'audience-leak src/content/clouds/azure.md:10 /claims/azure/secret/',
    ]);
    // The reference field is not a leak: the play says a proof point is withheld.
    expect(c.problems.filter((p) => p.file === 'src/content/plays/checkpoint.md').map((p) => `${p.severity} ${p.code} ${p.line} ${p.field}`)).toEqual([
      'warning withheld 10 proofPoints.1',
    ]);
    // The build stops on the same report, before rendering.
    const b = build(dir, 'partner');
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('/clouds/azure/ would show "/claims/azure/secret/"');
    expect(b.stderr).toContain('stopped before rendering');
    // Rendered anyway (Astro without the pre-check), the leak test finds exactly what check reported.
    const out = join(dir, 'rendered');
    const astro = spawnSync(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out, '--silent'], {
      cwd: dir, encoding: 'utf8', timeout: 120_000,
      env: { ...process.env, FIELDKIT_UNSAFE_SKIP_CHECK: '1', FIELDKIT_AUDIENCE: 'partner', FIELDKIT_NOW: '2026-11-26', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(astro.status, astro.stderr).toBe(0);
    const needles = leakNeedles([], validateTree(dir, '2026-11-26').snapshot, 'partner');
    const leaks = (await scanForLeaks(out, needles, { root: dir })).leaks;
    expect(leaks.length).toBeGreaterThan(0);
    expect([...new Set(leaks.map((l) => l.what))]).toEqual(c.problems.filter((p) => p.code === 'audience-leak').map((p) => `"${p.found}"`));
  });

  it('the same citation as a claim link: check passes with warnings and the build is clean', () => {
    const dir = projectWith({}, {
      ...LINKED,
      'src/content/clouds/azure.md': LINKED['src/content/clouds/azure.md']!.replace('(/claims/azure/secret/)', '(claim:azure/secret)'),
    });
    const c = check(dir);
    expect(c.code).toBe(0);
    expect(c.problems.map((p) => `${p.severity} ${p.code} ${p.file}:${p.line}`)).toEqual([
      'warning withheld src/content/clouds/azure.md:10',
      'warning withheld src/content/plays/checkpoint.md:10',
    ]);
    const b = build(dir, 'partner');
    expect(b.stderr).toMatch(/confidential term\(s\) and left-out entries: clean/);
    expect(b.code).toBe(0);
  });
});
