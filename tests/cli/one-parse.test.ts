/**
 * One parse: what `fieldkit check` judges is what the site renders. Each input on which Astro's
 * own glob loader and the CLI's parse used to disagree goes through both paths (`check`, and a
 * plain `astro build` without the CLI, which loads content through the Fieldkit loader) and the
 * two must report the same problems at the same lines; a file both accept renders as validated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_TREE, checkJson, projectWith } from '../helpers.ts';

const claim = BASE_TREE['src/content/claims/azure/ingress.yaml']!;
const DIVERGENT: Record<string, string> = {
  // An impossible date: Astro's YAML loader used to roll it over to 2026-03-02.
  'src/content/claims/azure/bad-date.yaml': claim.replace('asOf: 2025-10-31', 'asOf: 2026-02-30'),
  // A YAML merge key: merged by one parser, an unknown key for the other.
  'src/content/claims/azure/merge-key.yaml': `base: &b\n  owner: lead\n${claim.replace('owner: lead\n', '<<: *b\n')}`,
  // TOML frontmatter: parsed by Astro only.
  'src/content/plays/toml.md': '+++\ntitle = "TOML play"\n+++\nBody.\n',
  // An upper-case extension: accepted by the CLI, silently skipped by Astro's glob.
  'src/content/sources/Ghost.YAML': BASE_TREE['src/content/sources/doc.yaml']!,
  // A dangling reference: a cross-entry rule, never run on Astro's parse before.
  'src/content/claims/azure/ingress.yaml': claim.replace('sources: [doc]', 'sources: [doc-missing]'),
};

function astroBuild(dir: string) {
  const r = spawnSync(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: dir, encoding: 'utf8', timeout: 180_000,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FIELDKIT_NOW: '2026-11-26', FIELDKIT_UNSAFE_SKIP_CHECK: '', FIELDKIT_REPORT_FILE: '' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('one parse: check and the site agree', () => {
  it('every divergent input: a plain astro build fails with the same problems, at the same lines, as check', () => {
    const dir = projectWith(DIVERGENT);
    const check = checkJson(dir);
    const errors = check.json.problems.filter((p) => p.severity === 'error');
    // The check's own verdict on each input (written out, not taken from the code under test).
    const byFile = (f: string) => errors.filter((p) => p.file === f).map((p) => p.code);
    expect(byFile('src/content/claims/azure/bad-date.yaml')).toContain('bad-date');
    expect(byFile('src/content/claims/azure/merge-key.yaml').length).toBeGreaterThan(0);
    expect(byFile('src/content/plays/toml.md')).toContain('missing-frontmatter');
    expect(byFile('src/content/sources/Ghost.YAML').length).toBeGreaterThan(0);
    expect(byFile('src/content/claims/azure/ingress.yaml')).toContain('dangling-ref');

    const build = astroBuild(dir);
    expect(build.code).not.toBe(0);
    expect(build.out).toContain('Fieldkit content check failed');
    for (const p of errors) expect(build.out, `${p.file}:${p.line} ${p.code}`).toContain(`${p.line}:${p.column}  error  ${p.message}  [${p.code}]`);
    for (const f of new Set(errors.map((p) => p.file))) expect(build.out).toContain(f);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
  }, 240_000);

  it('a byte-order mark before --- is accepted by both, and the page shows the validated body', () => {
    const play = BASE_TREE['src/content/plays/checkpoint.md']!.replace('Talk track.', 'Talk track with a BOM.');
    const dir = projectWith({ 'src/content/plays/checkpoint.md': `\uFEFF${play}` });
    expect(checkJson(dir).json.summary.errors).toBe(0);
    const build = astroBuild(dir);
    expect(build.code, build.out).toBe(0);
    const html = readFileSync(join(dir, 'dist', 'plays', 'checkpoint', 'index.html'), 'utf8');
    expect(html).toContain('Talk track with a BOM.');
    expect(html).toContain('Checkpoint storms');
  }, 240_000);
});
