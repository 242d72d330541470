/**
 * Runtime commands need only runtime dependencies: every package the CLI and the site import
 * (outside tests and the `test` command itself) is in `dependencies`, not only in devDependencies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Only the test runner's own code may use dev packages. */
const TEST_ONLY = /\.test\.ts$|\.fixture\.ts$|^cli\/test\.ts$/;

function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('#') || spec.startsWith('node:') || spec.startsWith('astro:') || spec.startsWith('/') || spec.startsWith('virtual:')) return undefined;
  if (builtinModules.includes(spec)) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('runtime dependencies', () => {
  it('every package imported by cli/ and src/ is a runtime dependency', () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    for (const f of [...files(join(ROOT, 'cli')), ...files(join(ROOT, 'src'))]) {
      const rel = relative(ROOT, f);
      if (!/\.(ts|mjs|astro)$/.test(f) || TEST_ONLY.test(rel)) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
        const name = packageOf(m[1] ?? m[2] ?? m[3] ?? '');
        if (name) seen.add(name);
        if (name && !(name in pkg.dependencies)) offenders.push(`${rel}: ${name}${name in pkg.devDependencies ? ' (devDependency)' : ' (not declared)'}`);
      }
    }
    expect(offenders).toEqual([]);
    // The scan really reads imports: these are used at run time by build, pdf and the site.
    for (const p of ['astro', 'pagefind', 'playwright-core', 'yaml']) expect(seen, p).toContain(p);
  });

  it('Lighthouse is not a dependency (audit installs it on demand)', () => {
    expect(pkg.dependencies.lighthouse).toBeUndefined();
    expect(pkg.devDependencies.lighthouse).toBeUndefined();
  });
});
