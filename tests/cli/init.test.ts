/** `fieldkit init`: a new kit that checks, builds and carries its configured name. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldkit, linkNodeModules } from '../helpers.ts';

const parent = mkdtempSync(join(tmpdir(), 'fieldkit-init-'));
const kit = join(parent, 'acme-kit');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Runs the new kit's own CLI (its cli/, its content), with our packages linked in. */
function inKit(args: string[]) {
  return fieldkit(args, { env: { FIELDKIT_ROOT: kit }, cwd: kit, main: join(kit, 'cli', 'main.ts') });
}

describe('init', () => {
  it('writes a kit with the launcher, a configuration, examples and a README, and no tests or content of ours', () => {
    const r = fieldkit(['init', kit, '--name', 'Acme Field Kit', '--no-git']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('created Acme Field Kit');
    for (const f of ['fieldkit', '.nvmrc', 'package.json', 'package-lock.json', 'fieldkit.config.ts', 'README.md', 'cli/main.ts', 'src/layouts/Base.astro', 'schemas/claims.schema.json', '.vscode/settings.json', 'docs/fields.md']) {
      expect(existsSync(join(kit, f)), f).toBe(true);
    }
    expect(readFileSync(join(kit, 'fieldkit.config.ts'), 'utf8')).toContain("name: 'Acme Field Kit'");
    expect(readFileSync(join(kit, 'README.md'), 'utf8')).toMatch(/^# Acme Field Kit\n/);
    expect(readFileSync(join(kit, 'README.md'), 'utf8')).toContain('./fieldkit check');
    expect(existsSync(join(kit, 'src/content/clouds/azure.md'))).toBe(false);
    expect(existsSync(join(kit, 'tests'))).toBe(false);
    expect(existsSync(join(kit, 'src/lib/tco/tco.test.ts'))).toBe(false);
    // Every example says it is one.
    const claim = readFileSync(join(kit, 'src/content/claims/example-cloud/ingress-limit.yaml'), 'utf8');
    expect(claim).toContain('Example entry from `fieldkit init`');
    expect(claim).toContain('value: TBD');
    linkNodeModules(kit);
  });

  it('never writes into a folder that is not empty', () => {
    const r = fieldkit(['init', kit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists and is not empty');
  });

  it('the new kit passes check, with one example of every collection', () => {
    const r = inKit(['check', '--now', '2026-12-01', '--format', 'json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const exported = JSON.parse(inKit(['export', '--now', '2026-12-01']).stdout) as Record<string, unknown[]>;
    for (const c of ['clouds', 'plays', 'claims', 'sources', 'tco', 'triage', 'frds', 'people', 'reviews', 'signals', 'partners']) {
      expect(exported[c]?.length, c).toBeGreaterThanOrEqual(1);
    }
  });

  it('the new kit builds, and its pages carry the configured name, not Fieldkit', () => {
    const r = inKit(['build', '--now', '2026-12-01']);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const home = readFileSync(join(kit, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('Acme Field Kit');
    expect(home).not.toMatch(/>\s*Fieldkit\s*</);
    expect(home).not.toContain('· Fieldkit</title>');
  }, 180_000);

  it('a broken configuration is a clear error', () => {
    const path = join(kit, 'fieldkit.config.ts');
    writeFileSync(path, readFileSync(path, 'utf8').replace("accent: '#0b5cad'", "accent: 'blue'"));
    const r = inKit(['build', '--now', '2026-12-01']);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toContain('colors.accent: a colour written #rrggbb');
  }, 180_000);
});
