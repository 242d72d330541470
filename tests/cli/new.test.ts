/**
 * `fieldkit new`: writes the skeleton in the right folder and prints its path, check reports its
 * TODOs until they are filled, it never overwrites, and bad input is a usage error.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/schemas/index.ts';
import { checkJson, fieldkit, makeTree } from '../helpers.ts';

const NOW = '2026-11-26';
const dirs: string[] = [];
const tree = () => {
  const d = makeTree();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const run = (dir: string, ...args: string[]) => fieldkit(['new', ...args, '--root', dir, '--now', NOW]);

describe('fieldkit new', () => {
  it('writes a claim under its cloud and prints the path', () => {
    const dir = tree();
    const r = run(dir, 'claims', 'azure/egress');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('src/content/claims/azure/egress.yaml\n');
    expect(r.stderr).toContain('Replace every TODO in src/content/claims/azure/egress.yaml, then run ./fieldkit check');
    const text = readFileSync(join(dir, 'src/content/claims/azure/egress.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# Claim azure/egress: one competitor-gap figure with its source. Replace every TODO, then run ./fieldkit check.');
    expect(text).toMatch(/^reviewed: 2026-11-26 /m);
    expect(text).toMatch(/^cloud: azure /m);
    expect(text).toMatch(/^status: TODO /m);
  });

  it('check reports every TODO as a placeholder (exit 1), with its line', () => {
    const dir = tree();
    run(dir, 'claims', 'azure/egress');
    const r = checkJson(dir);
    expect(r.code).toBe(1);
    const mine = r.json.problems.filter((p) => p.file === 'src/content/claims/azure/egress.yaml');
    const placeholders = mine.filter((p) => p.code === 'placeholder');
    // Line 1 is the comment; counted on the skeleton in src/lib/scaffold/skeleton.ts.
    expect(placeholders.map((p) => `${p.line}:${p.field}`)).toEqual([
      '2:owner', '7:service', '8:category', '9:statement', '11:metric.name', '12:metric.value',
      '13:metric.unit', '14:metric.better', '15:status', '16:sources.0', '17:asOf',
    ]);
    // The TODO owner is also looked up as a person; nothing else is reported on the file.
    expect(mine.filter((p) => p.code !== 'placeholder').every((p) => p.code === 'dangling-ref' && p.found === 'TODO')).toBe(true);
  });

  it('writes an FRD under its lower-cased name, with the canonical name inside', () => {
    const dir = tree();
    const r = run(dir, 'frd', 'customer-acme-backup-20260301');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('src/content/frds/customer-acme-backup-20260301.md\n');
    expect(readFileSync(join(dir, r.stdout.trim()), 'utf8')).toMatch(/^name: Customer-Acme-Backup-20260301 /m);
  });

  it('refuses to overwrite an existing file (exit 1) and leaves it alone', () => {
    const dir = tree();
    const path = join(dir, 'src/content/plays/checkpoint.md');
    const before = readFileSync(path, 'utf8');
    const r = run(dir, 'plays', 'checkpoint');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/content/plays/checkpoint.md already exists; not overwriting it');
    expect(r.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses when the same id exists with the other YAML extension', () => {
    const dir = tree();
    writeFileSync(join(dir, 'src/content/sources/spec.yml'), 'title: x\n');
    const r = run(dir, 'sources', 'spec');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/content/sources/spec.yml already exists');
    expect(existsSync(join(dir, 'src/content/sources/spec.yaml'))).toBe(false);
  });

  it('an unknown collection is a usage error that lists the collections (exit 2)', () => {
    const r = run(tree(), 'widgets', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown collection "widgets"; collections: ${COLLECTIONS.map((c) => c.name).join(', ')}`);
    expect(r.stderr).toContain('clouds, plays, claims, sources, tco, triage, frds, people');
  });

  it('a claim id without its cloud is a usage error (exit 2)', () => {
    const r = run(tree(), 'claims', 'egress');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a claim id is <cloud>/<id> in lower case, e.g. azure/account-ingress (got "egress")');
  });

  it('a malformed FRD name is a usage error (exit 2)', () => {
    const r = run(tree(), 'frds', 'acme-backup');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('an FRD id is its name, Customer-<Name>-<UseCase>-<YYYYMMDD>');
  });

  it('missing arguments are usage errors (exit 2)', () => {
    expect(run(tree()).code).toBe(2);
    const r = run(tree(), 'plays');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('which id? e.g. ./fieldkit new plays my-entry');
  });
});
