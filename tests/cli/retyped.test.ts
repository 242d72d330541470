/**
 * No retyped numbers, end to end on a temporary git repository: a kit that retypes a claim's
 * value in its statement, in a play's talk track and in triage text; a scratch commit changes only
 * the value. `check` then reports every retyped copy of the old value with file:line, and `diff`
 * names the same places.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_TREE, checkJson, fieldkit, makeTree } from '../helpers.ts';

const CLAIM = 'src/content/claims/azure/ingress.yaml';
const PLAY = 'src/content/plays/checkpoint.md';
const TRIAGE = 'src/content/triage/rfp.yaml';

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Fieldkit Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const RETYPED: Record<string, string> = {
  // line 6: the statement retypes the value
  [CLAIM]: BASE_TREE[CLAIM]!.replace('at most {value} of ingress', 'at most 60 Gbps of ingress'),
  // line 13: the talk track retypes it next to the link; line 14 has an unrelated 60 (a count)
  [PLAY]: BASE_TREE[PLAY]!.replace(
    'Talk track.',
    'Talk track.\nThe [ingress limit](claim:azure/ingress) of 60 Gbps per account caps a checkpoint burst.\nA cluster of 60 nodes writes all at once.',
  ),
  // line 8: the triage text retypes the value of the claim its band uses
  [TRIAGE]: [
    'owner: lead', 'reviewed: 2026-11-01', 'title: RFP triage', 'description: D.', 'questions:',
    '  - key: bandwidth', '    text: How much bandwidth per region?', '    why: A standard account defaults to 60 Gbps of ingress.',
    '    number:', '      unit: Gbps per region', '      bands:', '        - claim: azure/ingress', '          verdict: yellow',
    '          label: One account may suffice', '        - verdict: green', '          label: Our ground',
    'rule:', '  yellowAt: 1', 'next:', '  green: Bid.', '  yellow: Clarify.', '  red: No-bid.', '',
  ].join('\n'),
};

let repo: string;
beforeAll(() => {
  repo = makeTree(RETYPED);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base: the value is typed in three places');
  // The scratch commit: only metric.value moves.
  const claim = readFileSync(join(repo, CLAIM), 'utf8');
  writeFileSync(join(repo, CLAIM), claim.replace('  value: 60', '  value: 70'));
  git(repo, 'commit', '-q', '-am', 'scratch: ingress 60 -> 70 Gbps');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const where = (ps: { file: string; line: number; code: string }[]) =>
  ps.filter((p) => p.code === 'retyped-number').map((p) => `${p.file}:${p.line}`);

describe('a changed claim value and its retyped copies', () => {
  it('before the change, check reports each place that retypes the value', () => {
    const before = makeTree(RETYPED);
    const r = checkJson(before);
    expect(where(r.json.problems)).toEqual([`${CLAIM}:6`, `${PLAY}:13`, `${TRIAGE}:8`]);
    rmSync(before, { recursive: true, force: true });
  });

  it('after the change, check reports every copy of the old value with file:line, as contradicting the claim', () => {
    const r = checkJson(repo);
    expect(r.code).toBe(0);
    const retyped = r.json.problems.filter((p) => p.code === 'retyped-number');
    expect(where(retyped)).toEqual([`${CLAIM}:6`, `${PLAY}:13`, `${TRIAGE}:8`]);
    expect(retyped.map((p) => p.message)).toEqual([
      "the statement says 60 Gbps, but the claim's metric is 70 Gbps",
      'the prose says 60 Gbps next to the link to claim azure/ingress, whose value is 70 Gbps',
      'the triage text says 60 Gbps, but the claim this question uses, azure/ingress, is 70 Gbps',
    ]);
    expect(retyped.every((p) => p.severity === 'warning')).toBe(true);
    expect(checkJson(repo, ['--strict']).code).toBe(1);
  });

  it('check in text form names the file, line and the fix', () => {
    const r = fieldkit(['check', '--root', repo, '--now', '2026-11-26']);
    expect(r.stdout).toMatch(/^src\/content\/claims\/azure\/ingress\.yaml \(1 problem\)$/m);
    expect(r.stdout).toMatch(/^ {2}6:\d+ {2}warning {2}the statement says 60 Gbps, but the claim's metric is 70 Gbps {2}\[retyped-number\]$/m);
    expect(r.stdout).toContain('Write `{value}` where the number goes');
  });

  it('diff names every place that still mentions the old value, with file:line', () => {
    const r = fieldkit(['diff', '--root', repo, '--now', '2026-11-26', '--base', 'HEAD~1', '--format', 'json']);
    expect(r.code).toBe(0);
    const claim = (JSON.parse(r.stdout) as { claims: { id: string; oldValueMentions?: { file: string; line: number; text: string }[] }[] }).claims.find((c) => c.id === 'azure/ingress')!;
    expect(claim.oldValueMentions!.map((m) => `${m.file}:${m.line} ${m.text}`)).toEqual([
      `${CLAIM}:6 60`, `${PLAY}:13 60`, `${TRIAGE}:8 60`,
    ]);
    const text = fieldkit(['diff', '--root', repo, '--now', '2026-11-26', '--base', 'HEAD~1', '--format', 'text']);
    expect(text.stdout).toContain(`      still mentions the old value 60 Gbps: ${CLAIM}:6, ${PLAY}:13, ${TRIAGE}:8 (use {value} or a claim link)`);
    const md = fieldkit(['diff', '--root', repo, '--now', '2026-11-26', '--base', 'HEAD~1']);
    expect(md.stdout).toContain('| `azure/ingress` | changed: value, old value still in 3 places |');
  });
});
