/**
 * The change log from git, on a temporary repository of four commits: a claim added with a play,
 * the claim's value changed, its status and sources changed (and an internal claim added), a play
 * retired. The log lists them newest first, editions drop internal entries, a claim's value history
 * comes from it, and the Atom feed parses with a feed parser from the npm registry. A tree without
 * git says so instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../src/node/history.ts';
import { atomFeed, changesForEdition, claimValueHistory, itemText, type ChangeLog } from '../../src/lib/diff/changes.ts';
import { BASE_TREE, makeTree } from '../helpers.ts';

const NOW = '2026-11-26';
const CLAIM = 'src/content/claims/azure/ingress.yaml';
const PLAY = 'src/content/plays/checkpoint.md';

function git(dir: string, env: Record<string, string>, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Fieldkit Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function commit(dir: string, files: Record<string, string | null>, message: string, date: string): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  git(dir, env, 'add', '-A');
  git(dir, env, 'commit', '-q', '-m', message);
  return git(dir, {}, 'rev-parse', '--short', 'HEAD');
}

const claimAt = (value: string) => BASE_TREE[CLAIM]!.replace('  value: 60', `  value: ${value}`).replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner');
const secret = BASE_TREE[CLAIM]!.replace('Max ingress per account', 'Secret ceiling').replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: internal');
const partnerSource = BASE_TREE['src/content/sources/doc.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner');
const play = (id: string, title: string) => BASE_TREE[PLAY]!.replace('Checkpoint storms', title).replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner').replace('proofPoints: [azure/ingress]', `proofPoints: [azure/ingress]\n# ${id}`);

let repo: string;
const shorts: string[] = [];
let log: ChangeLog;

beforeAll(() => {
  repo = makeTree({ [CLAIM]: null, [PLAY]: null, 'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('The ingress limit is [limited](claim:azure/ingress).', 'Example.') });
  git(repo, {}, 'init', '-q', '-b', 'main');
  shorts.push(commit(repo, { 'src/content/sources/doc.yaml': partnerSource }, 'base kit', '2026-11-01T10:00:00Z'));
  shorts.push(commit(repo, { [CLAIM]: claimAt('60'), [PLAY]: play('checkpoint', 'Checkpoint storms'), 'src/content/plays/burst.md': play('burst', 'Burst ingest') }, 'add the ingress claim and two plays', '2026-11-02T10:00:00Z'));
  // A commit that does not touch the content is not in the log.
  commit(repo, { 'README.md': 'docs\n' }, 'docs only', '2026-11-03T10:00:00Z');
  shorts.push(commit(repo, { [CLAIM]: claimAt('70') }, 'ingress 60 -> 70 Gbps', '2026-11-04T10:00:00Z'));
  shorts.push(commit(repo, { [CLAIM]: claimAt('70').replace('status: sourced', 'status: provisional').replace('sources: [doc]', 'sources: [doc, extra]'), 'src/content/sources/extra.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('Scale targets', 'Extra doc'), 'src/content/claims/azure/secret.yaml': secret }, 'downgrade pending re-check; add internal claim', '2026-11-05T10:00:00Z'));
  shorts.push(commit(repo, { 'src/content/plays/burst.md': null }, 'retire the burst play', '2026-11-06T10:00:00Z'));
  log = readChangeLog(repo, { now: NOW });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const lines = (l: ChangeLog) => (l.available ? l.events.map((e) => `${e.short} ${e.subject}: ${e.items.map((i) => `${i.id} ${itemText(i)}`).join(' | ')}`) : []);

describe('the change log from git history', () => {
  it('lists, newest first, every new or retired play and every change to a claim value, status or sources', () => {
    expect(log.available).toBe(true);
    expect(lines(log)).toEqual([
      `${shorts[4]} retire the burst play: burst play retired`,
      `${shorts[3]} downgrade pending re-check; add internal claim: azure/ingress status: sourced → provisional (downgrade) | azure/ingress sources: added extra | azure/secret new claim: 60 Gbps`,
      `${shorts[2]} ingress 60 -> 70 Gbps: azure/ingress value: 60 → 70 Gbps (+16.7%)`,
      `${shorts[1]} add the ingress claim and two plays: azure/ingress new claim: 60 Gbps | burst new play | checkpoint new play`,
    ]);
    expect(log.available && log.events[0]!.date).toBe('2026-11-06T10:00:00+00:00');
  });

  it('is bounded: only the last N content commits are read', () => {
    const short = readChangeLog(repo, { now: NOW, limit: 2 });
    expect(short.available && short.events.map((e) => e.short)).toEqual([shorts[4], shorts[3]]);
    expect(short.available && short.truncated).toBe(true);
  });

  it('a partner edition lists no change of an internal entry, and no commit subject', () => {
    const partner = changesForEdition(log, 'partner', new Set(['doc']));
    expect(lines(partner)).toEqual([
      `${shorts[4]} 1 play retired: burst play retired`,
      `${shorts[3]} 1 claim status changed, 1 claim's sources changed: azure/ingress status: sourced → provisional (downgrade) | azure/ingress sources: 1 withheld in this edition`,
      `${shorts[2]} 1 claim value changed: azure/ingress value: 60 → 70 Gbps (+16.7%)`,
      `${shorts[1]} 1 new claim, 2 new plays: azure/ingress new claim: 60 Gbps | burst new play | checkpoint new play`,
    ]);
  });

  it('an entry left out of the edition today takes its history with it', () => {
    const partner = changesForEdition(log, 'partner', new Set(['doc']), new Set(['claims:azure/ingress']));
    expect(lines(partner)).toEqual([
      `${shorts[4]} 1 play retired: burst play retired`,
      `${shorts[1]} 2 new plays: burst new play | checkpoint new play`,
    ]);
  });

  it("gives a claim's value history from git", () => {
    expect(claimValueHistory(log, 'azure/ingress').map((h) => `${h.date} ${h.short} ${String(h.before)} -> ${String(h.after)}`)).toEqual([
      `2026-11-04 ${shorts[2]} 60 -> 70`,
      `2026-11-02 ${shorts[1]} undefined -> 60`,
    ]);
  });

  it('a tree without git history says so instead of failing', () => {
    const plain = makeTree();
    const l = readChangeLog(plain, { now: NOW });
    expect(l.available).toBe(false);
    expect(!l.available && l.reason).toMatch(/no git history/);
    rmSync(plain, { recursive: true, force: true });
  });
});

describe('the Atom feed', () => {
  const site = 'https://fieldkit.example.com/';
  const xml = () => atomFeed(log, { site, edition: 'internal', now: NOW, linkable: (c, id) => !(c === 'plays' && id === 'burst') });

  it('parses as Atom 1.0 with one entry per commit of the last commits, newest first', () => {
    const feed = parseFeed(xml());
    expect(feed.meta.type).toBe('atom');
    expect(feed.meta.version).toBe('1.0');
    expect(feed.title).toBe('Fieldkit: what changed (internal edition)');
    expect(feed.url).toBe(`${site}changes/`);
    expect(feed.updated?.toISOString()).toBe('2026-11-06T10:00:00.000Z');
    expect(feed.items.map((i) => [i.id, i.title, i.updated?.toISOString()])).toEqual([
      [`${site}changes/#change-${shorts[4]}`, 'retire the burst play', '2026-11-06T10:00:00.000Z'],
      [`${site}changes/#change-${shorts[3]}`, 'downgrade pending re-check; add internal claim', '2026-11-05T10:00:00.000Z'],
      [`${site}changes/#change-${shorts[2]}`, 'ingress 60 -> 70 Gbps', '2026-11-04T10:00:00.000Z'],
      [`${site}changes/#change-${shorts[1]}`, 'add the ingress claim and two plays', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(feed.items[2]!.content).toContain(`<a href="${site}claims/azure/ingress/">azure/ingress</a> (Max ingress per account): value: 60 → 70 Gbps (+16.7%)`);
    // An entry not in the edition is named, not linked.
    expect(feed.items[0]!.content).toContain('Play burst (Burst ingest): play retired');
  });

  it('escapes text, so a commit subject cannot break the XML', () => {
    const tricky: ChangeLog = log.available ? { ...log, events: [{ ...log.events[0]!, subject: 'a < b & "c"' }] } : log;
    const feed = parseFeed(atomFeed(tricky, { site, edition: 'internal', now: NOW, linkable: () => true }));
    expect(feed.items[0]!.title).toBe('a < b & "c"');
  });

  it('without history the feed is still valid, with no entries', () => {
    const feed = parseFeed(atomFeed({ available: false, reason: 'no git' }, { site, edition: 'partner', now: NOW, linkable: () => true }));
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});
