/**
 * /changes/ and /changes.xml in a real build of a temporary git repository: the feed is valid
 * Atom (parsed with @rowanmanning/feed-parser from the npm registry) and lists the last commits'
 * changes; the claim page shows its value history from git. The same project without its .git
 * folder (as from a tarball) still builds, and says it has no history.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, projectWith } from '../helpers.ts';

const CLAIM = 'src/content/claims/azure/ingress.yaml';
const NOW = '2026-11-26';

function git(dir: string, date: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Fieldkit Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const build = (dir: string) => fieldkit(['build', '--now', NOW], { cwd: dir, env: { FIELDKIT_ROOT: dir, FIELDKIT_SITE: 'https://kit.example.com' } });

let dir: string;
let change: string;
beforeAll(() => {
  dir = projectWith({});
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n.fieldkit\n.astro\n');
  git(dir, '2026-11-20T09:00:00Z', 'init', '-q', '-b', 'main');
  git(dir, '2026-11-20T09:00:00Z', 'add', '-A');
  git(dir, '2026-11-20T09:00:00Z', 'commit', '-q', '-m', 'base kit');
  writeFileSync(join(dir, CLAIM), BASE_TREE[CLAIM]!.replace('  value: 60', '  value: 70'));
  git(dir, '2026-11-21T09:00:00Z', 'commit', '-q', '-am', 'ingress 60 -> 70 Gbps');
  change = git(dir, '2026-11-21T09:00:00Z', 'rev-parse', 'HEAD').slice(0, 7);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the change log in a built site', () => {
  it('builds /changes.xml as valid Atom with the last commits, newest first', () => {
    const r = build(dir);
    expect(r.code, r.stderr).toBe(0);
    const feed = parseFeed(readFileSync(join(dir, 'dist', 'changes.xml'), 'utf8'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.meta.version).toBe('1.0');
    expect(feed.items.map((i) => i.title)).toEqual(['ingress 60 -> 70 Gbps', 'base kit']);
    expect(feed.items[0]!.url).toBe(`https://kit.example.com/changes/#change-${change}`);
    expect(feed.items[0]!.content).toContain('value: 60 → 70 Gbps (+16.7%)');
    expect(feed.items[1]!.content).toContain('new play');
  }, 300_000);

  it('lists the same on /changes/, and the claim page shows its value history from git', () => {
    const page = readFileSync(join(dir, 'dist', 'changes', 'index.html'), 'utf8');
    expect(page).toContain(`id="change-${change}"`);
    expect(page).toContain('value: 60 → 70 Gbps (+16.7%)');
    const claim = readFileSync(join(dir, 'dist', 'claims', 'azure', 'ingress', 'index.html'), 'utf8');
    expect(claim).toContain('Changes to this figure in the kit');
    expect(claim).toContain('60 → 70 Gbps (+16.7%)');
    expect(claim).toContain(`href="/changes/#change-${change}"`);
  });

  it('without git history (a tarball) the build still works and says there is no history', () => {
    rmSync(join(dir, '.git'), { recursive: true, force: true });
    const r = build(dir);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'dist', 'changes', 'index.html'), 'utf8');
    expect(page).toContain('No history:');
    const feed = parseFeed(readFileSync(join(dir, 'dist', 'changes.xml'), 'utf8'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toEqual([]);
  }, 300_000);
});
