/**
 * The build refuses bad content: `astro build` on its own (through the Fieldkit integration) and
 * `fieldkit build`, which must also leave the previous dist/ untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, projectWith } from '../helpers.ts';

const DANGLING = {
  'src/content/claims/azure/ingress.yaml': BASE_TREE['src/content/claims/azure/ingress.yaml']!.replace('sources: [doc]', 'sources: [doc-missing]'),
};

describe('bad content fails the build', () => {
  it('a dangling reference fails a plain `astro build` with the check report', () => {
    const dir = projectWith(DANGLING);
    const r = spawnSync(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FIELDKIT_NOW: '2026-11-26' }, timeout: 120_000,
    });
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(out).toContain('Fieldkit content check failed');
    expect(out).toContain('src/content/claims/azure/ingress.yaml (1 problem)');
    expect(out).toContain('13:11  error  "doc-missing" is not an entry in sources  [dangling-ref]');
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
  }, 120_000);

  it('`fieldkit build` prints the same report, exits 1 and leaves the previous dist/ as it was', () => {
    const dir = projectWith(DANGLING);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous good build');
    const r = fieldkit(['build', '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('13:11  error  "doc-missing" is not an entry in sources  [dangling-ref]');
    expect(r.stderr).toContain('build: stopped before rendering');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous good build');
    expect(existsSync(join(dir, '.fieldkit', 'stage'))).toBe(false);
  });
});
