/**
 * Editions that cannot leak: a fixture kit with planted internal entries and a planted
 * confidential term, built for partner (clean), internal (the term is caught), partner with the
 * filter bypassed (caught), and public (no internal page reachable).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
