/**
 * Golden tests for `fieldkit diff` on a temporary git repository with two states of a small kit:
 * the base commit, then a working tree (and a second commit) where a number changed, a claim was
 * added, a claim removed, a status upgraded, and a new play cites the changed claim.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, rmSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, makeTree } from '../helpers.ts';

const CLAIM = 'src/content/claims/azure/ingress.yaml';
const NOW = '2026-11-26';

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Fieldkit Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(dir: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
}

const claim = (fields: Record<string, string>) =>
  [
    'owner: lead',
    `reviewed: ${fields.reviewed ?? '2026-11-01'}`,
    'cloud: azure',
    'service: Example storage',
    `category: ${fields.category ?? 'throughput'}`,
    `statement: ${fields.statement}`,
    'metric:',
    `  name: ${fields.name}`,
    `  value: ${fields.value}`,
    `  unit: ${fields.unit}`,
    '  better: higher',
    `status: ${fields.status}`,
    ...(fields.sources ? [`sources: ${fields.sources}`] : []),
    ...(fields.asOf ? [`asOf: ${fields.asOf}`] : []),
    '',
  ].join('\n');

/** The base: BASE_TREE plus a claim that will be removed and a provisional one that will be sourced. */
const BASE: Record<string, string> = {
  'src/content/claims/azure/egress.yaml': claim({ statement: 'An account serves at most {value} of egress.', name: 'Max egress per account', value: '120', unit: 'Gbps', status: 'sourced', sources: '[doc]', asOf: '2025-10-31' }),
  'src/content/claims/azure/capacity.yaml': claim({ category: 'scale', statement: 'An account holds at most {value}.', name: 'Max capacity per account', value: '5', unit: 'PiB', status: 'provisional' }),
};

/** The change under review. */
const HEAD: Record<string, string | null> = {
  // a number changed (60 -> 80), with an as-of date later than the last review: the freshness clock restarts
  [CLAIM]: BASE_TREE[CLAIM]!.replace('  value: 60', '  value: 80').replace('asOf: 2025-10-31', 'asOf: 2026-11-15'),
  // a claim removed
  'src/content/claims/azure/egress.yaml': null,
  // a status upgraded, now with its source and date
  'src/content/claims/azure/capacity.yaml': claim({ category: 'scale', statement: 'An account holds at most {value}.', name: 'Max capacity per account', value: '5', unit: 'PiB', status: 'sourced', sources: '[doc]', asOf: '2026-10-01' }),
  // a claim added
  'src/content/claims/azure/requests.yaml': claim({ statement: 'An account serves at most {value}.', name: 'Max request rate per account', value: '20000', unit: 'requests/s', status: 'sourced', sources: '[doc]', asOf: '2026-10-01' }),
  // a play that cites the changed claim
  'src/content/plays/burst.md': [
    '---',
    'owner: lead',
    'reviewed: 2026-11-01',
    'title: Burst ingest',
    'summary: Win bursty ingest.',
    'clouds: [azure]',
    'trigger: The customer loads data in bursts.',
    'discovery: [How fast do you load?]',
    'objections:',
    '  - objection: Azure is fast enough.',
    '    response: Not at this scale.',
    '    proof: azure/ingress',
    'status: draft',
    '---',
    'Talk track.',
    '',
  ].join('\n'),
};

let repo: string;
let baseCommit: string;

beforeAll(() => {
  repo = makeTree(BASE);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  baseCommit = git(repo, 'rev-parse', 'HEAD');
  write(repo, HEAD);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const diff = (...args: string[]) => fieldkit(['diff', '--root', repo, '--now', NOW, ...args]);

interface JsonDiff {
  base: string;
  commit: string;
  summary: Record<string, unknown> & { collections: Record<string, { added: number; removed: number; changed: number }> };
  claims: {
    id: string;
    kind: string;
    value: unknown;
    valueChange?: Record<string, unknown>;
    statusChange?: Record<string, unknown>;
    sourcesChange?: Record<string, unknown>;
    asOfChange?: Record<string, unknown>;
    freshnessReset?: Record<string, unknown>;
    impact: Record<string, unknown>;
    fields: { path: string; kind: string; before?: unknown; after?: unknown }[];
  }[];
  entries: { collection: string; id: string; kind: string; fields: unknown[]; usedBy: string[] }[];
  problems: { introduced: { code: string; file: string }[]; fixed: { code: string; file: string }[] };
  invalid: { base: string[]; head: string[] };
}

describe('fieldkit diff: a pull request against its base', () => {
  let json: JsonDiff;
  beforeAll(() => {
    const r = diff('--base', 'main', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout) as JsonDiff;
  });

  it('names the base and the commit it resolved to', () => {
    expect(json.base).toBe('main');
    expect(json.commit).toBe(baseCommit.slice(0, 12));
  });

  it('lists claims changed, added and removed, changed first', () => {
    expect(json.claims.map((c) => `${c.kind} ${c.id}`)).toEqual([
      'changed azure/capacity',
      'changed azure/ingress',
      'added azure/requests',
      'removed azure/egress',
    ]);
    expect(json.summary).toMatchObject({
      valuesChanged: 1, statusUpgrades: 1, statusDowngrades: 0, problemsIntroduced: 0, problemsFixed: 0,
    });
    expect(json.summary.collections.claims).toEqual({ added: 1, removed: 1, changed: 2 });
    expect(json.summary.collections.plays).toEqual({ added: 1, removed: 0, changed: 0 });
  });

  it('shows the number that moved, with its % change and what it means for the gap', () => {
    const c = json.claims.find((x) => x.id === 'azure/ingress')!;
    expect(c.valueChange).toEqual({ before: 60, after: 80, unitBefore: 'Gbps', unitAfter: 'Gbps', changePct: 33.3, competitor: 'improved', better: 'higher' });
    expect(c.asOfChange).toEqual({ before: '2025-10-31', after: '2026-11-15' });
    expect(c.freshnessReset).toEqual({ sinceBefore: '2026-11-01', sinceAfter: '2026-11-15', dueBefore: '2027-04-30', dueAfter: '2027-05-14' });
    expect(c.fields.map((f) => f.path)).toEqual(['metric.value', 'asOf']);
  });

  it('shows what the changed number touches: plays, clouds, dagger pages, kits', () => {
    const c = json.claims.find((x) => x.id === 'azure/ingress')!;
    expect(c.impact).toEqual({
      plays: [{ id: 'burst', via: ['objection'] }, { id: 'checkpoint', via: ['proof point'] }],
      clouds: [{ id: 'azure', via: ['one-pager link'] }],
      dagger: [],
      kits: ['azure'],
      other: [],
    });
  });

  it('reports a status upgrade with the sources and date it gained', () => {
    const c = json.claims.find((x) => x.id === 'azure/capacity')!;
    expect(c.statusChange).toEqual({ before: 'provisional', after: 'sourced', move: 'upgrade' });
    expect(c.sourcesChange).toEqual({ added: ['doc'], removed: [] });
    expect(c.asOfChange).toEqual({ before: undefined, after: '2026-10-01' });
    expect(c.valueChange).toBeUndefined();
    // asOf moved, but stays before the last review: the clock did not move.
    expect(c.freshnessReset).toBeUndefined();
  });

  it('reports the added and removed claims with their values', () => {
    expect(json.claims.find((x) => x.id === 'azure/requests')).toMatchObject({ kind: 'added', value: 20000 });
    expect(json.claims.find((x) => x.id === 'azure/egress')).toMatchObject({ kind: 'removed', value: 120 });
  });

  it('lists entries of other collections with what references them', () => {
    expect(json.entries.map((e) => `${e.kind} ${e.collection}/${e.id}`)).toEqual(['added plays/burst']);
  });

  it('markdown (the default) starts with the summary and a table of claims', () => {
    const r = diff('--base', 'main');
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n<details>')[0];
    expect(head).toBe(
      [
        `### Fieldkit content diff against \`main\` (\`${baseCommit.slice(0, 12)}\`)`,
        '',
        '- claims: 2 changed, 1 added, 1 removed, 1 value moved, 1 status upgrade',
        '- other entries: plays 1 added',
        '- problems: 0 introduced, 0 fixed',
        '',
        '| Claim | Change | Value | Status | Touches |',
        '|---|---|---|---|---|',
        '| `azure/capacity` | changed: status, sources, asOf | 5 PiB | provisional → sourced ↑ | — |',
        '| `azure/ingress` | changed: value, asOf, review clock reset | **60 → 80 Gbps (+33.3%)** | sourced | plays: burst, checkpoint · clouds: azure · kits: azure |',
        '| `azure/requests` | added | 20,000 requests/s | sourced | — |',
        '| `azure/egress` | removed | ~~120 Gbps~~ | sourced | — |',
        '',
        '| Collection | Added | Removed | Changed |',
        '|---|--:|--:|--:|',
        '| claims | 1 | 1 | 2 |',
        '| plays | 1 | 0 | 0 |',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('<details><summary><b>Claim details</b> (4)</summary>');
    expect(r.stdout).toContain("- value: 60 → 80 Gbps (+33.3%) (higher is better; the competitor's figure improved: the gap narrows)");
    expect(r.stdout).toContain('- status: provisional → sourced (upgrade)');
    expect(r.stdout).toContain('- freshness clock reset: last vouched for 2026-11-01 → 2026-11-15, review due 2027-04-30 → 2027-05-14');
    expect(r.stdout).toContain('- touches: plays `burst` (objection), `checkpoint` (proof point); clouds `azure` (one-pager link); kits `/kits/azure/`');
    expect(r.stdout).toContain('- plays/`burst` **added**: Burst ingest');
  });

  it('text format lists the same changes for a terminal', () => {
    const r = diff('--base', 'main', '--format', 'text');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`content diff against main (${baseCommit.slice(0, 12)})`);
    expect(lines).toContain('  ~ azure/ingress  Max ingress per account');
    expect(lines).toContain("      value: 60 -> 80 Gbps (+33.3%) (higher is better; the competitor's figure improved: the gap narrows)");
    expect(lines).toContain('      plays: burst (objection), checkpoint (proof point)');
    expect(lines).toContain('  - azure/egress  Max egress per account');
    expect(lines).toContain('  + burst  Burst ingest');
  });

  it('reads the base from git without touching the working tree or the index', () => {
    const status = git(repo, 'status', '--porcelain');
    diff('--base', 'main');
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    expect(readFileSync(join(repo, CLAIM), 'utf8')).toContain('  value: 80');
  });

  it('the same change, committed, diffs the same against HEAD~1', () => {
    const clone = makeTree({}, {});
    git(clone, 'clone', '-q', repo, '.');
    write(clone, HEAD);
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'change');
    const r = fieldkit(['diff', '--root', clone, '--now', NOW, '--base', 'HEAD~1', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as JsonDiff;
    expect(j.claims.map((c) => `${c.kind} ${c.id}`)).toEqual(json.claims.map((c) => `${c.kind} ${c.id}`));
    rmSync(clone, { recursive: true, force: true });
  });

  it('against itself there is nothing to report', () => {
    const clean = makeTree({}, {});
    git(clean, 'clone', '-q', repo, '.');
    const r = fieldkit(['diff', '--root', clean, '--now', NOW, '--base', 'HEAD']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No content changes against `HEAD`.');
    rmSync(clean, { recursive: true, force: true });
  });
});

describe('fieldkit diff: broken content on either side', () => {
  let repo2: string;
  beforeAll(() => {
    // The base has a claim that fails its schema (bad category) and a dangling link in prose.
    repo2 = makeTree({
      [CLAIM]: BASE_TREE[CLAIM]!.replace('category: throughput', 'category: thruput'),
      'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('The ingress', 'See [x](claim:azure/nope). The ingress'),
    });
    git(repo2, 'init', '-q', '-b', 'main');
    git(repo2, 'add', '-A');
    git(repo2, 'commit', '-q', '-m', 'base');
    // The change fixes both, moves the number, and breaks a source reference in the play.
    write(repo2, {
      [CLAIM]: BASE_TREE[CLAIM]!.replace('  value: 60', '  value: 50'),
      'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!,
      'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('owner: lead', 'owner: ghost'),
    });
  });
  afterAll(() => rmSync(repo2, { recursive: true, force: true }));

  it('compares an entry that fails validation in the base from its raw YAML, and says so', () => {
    const r = fieldkit(['diff', '--root', repo2, '--now', NOW, '--base', 'main', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as JsonDiff & { claims: { invalid?: unknown }[] };
    expect(j.invalid).toEqual({ base: [CLAIM], head: [] });
    const c = j.claims.find((x) => x.id === 'azure/ingress')!;
    expect(c).toMatchObject({ kind: 'changed', invalid: { base: 'invalid' } });
    expect(c.valueChange).toMatchObject({ before: 60, after: 50, changePct: -16.7, competitor: 'worsened' });
    expect(c.fields.map((f) => f.path)).toEqual(['category', 'metric.value']);
    const md = fieldkit(['diff', '--root', repo2, '--now', NOW, '--base', 'main']).stdout;
    expect(md).toContain('> Note: 1 file failed validation and was compared from raw YAML as well as possible: `src/content/claims/azure/ingress.yaml` in the base.');
    expect(md).toContain('- ⚠ fails validation in the base (compared from its raw YAML)');
    expect(md).toContain('| `azure/ingress` | changed: was invalid, value, category | **60 → 50 Gbps (−16.7%)** | sourced |');
  });

  it('lists problems introduced and fixed, matched by file, code, field and message', () => {
    const j = JSON.parse(fieldkit(['diff', '--root', repo2, '--now', NOW, '--base', 'main', '--format', 'json']).stdout) as JsonDiff;
    expect(j.problems.introduced.map((p) => `${p.code} ${p.file}`)).toEqual(['dangling-ref src/content/plays/checkpoint.md']);
    expect(j.problems.fixed.map((p) => `${p.code} ${p.file}`)).toEqual([
      'bad-enum src/content/claims/azure/ingress.yaml',
      'unknown-claim-link src/content/clouds/azure.md',
    ]);
    const md = fieldkit(['diff', '--root', repo2, '--now', NOW, '--base', 'main']).stdout;
    expect(md).toContain('- problems: 1 introduced (1 error), 2 fixed');
    expect(md).toContain('> **This change introduces 1 content error**');
    expect(md).toContain('<details open><summary><b>Problems</b>: 1 introduced, 2 fixed</summary>');
  });
});

describe('fieldkit diff: usage and failures', () => {
  let plain: string;
  let repo3: string;
  beforeAll(() => {
    plain = makeTree();
    repo3 = makeTree();
    git(repo3, 'init', '-q', '-b', 'main');
    git(repo3, 'add', '-A');
    git(repo3, 'commit', '-q', '-m', 'base');
  });
  afterAll(() => {
    rmSync(plain, { recursive: true, force: true });
    rmSync(repo3, { recursive: true, force: true });
  });

  it('--base is required (exit 2)', () => {
    const r = fieldkit(['diff', '--root', repo3]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base <git ref> is required');
  });
  it('an unknown format is a usage error (exit 2)', () => {
    const r = fieldkit(['diff', '--root', repo3, '--base', 'main', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be one of: markdown, json, text (got html)');
  });
  it('a ref that does not exist is a usage error with a clear message (exit 2)', () => {
    const r = fieldkit(['diff', '--root', repo3, '--base', 'no-such-branch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("git ref 'no-such-branch' not found");
    expect(r.stdout).toBe('');
  });
  it('a folder outside git is a usage error (exit 2)', () => {
    const r = fieldkit(['diff', '--root', plain, '--base', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`not a git repository: ${plain}`);
  });
});
